"""Dependencies of the routes: the one registry of this process."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from registry.application import Registry


def get_registry(request: Request) -> Registry:
    return request.app.state.registry  # type: ignore[no-any-return]


RegistryDep = Annotated[Registry, Depends(get_registry)]
