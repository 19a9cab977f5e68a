"""Dependencies of the routes: the one registry of this process, its read models, settings."""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request

from projections.collaboration import CollaborationView
from projections.queries_catalogue import CatalogueQueries
from projections.read_models import ReadModels
from registry.application import Registry

T = TypeVar("T")


@dataclass(frozen=True)
class WebSettings:
    """Settings of the web layer: the session key, the demo notice."""

    secret_key: str
    demo: bool = False
    secure_cookies: bool = False

    @classmethod
    def from_env(cls) -> WebSettings:
        """MLW_SECRET_KEY (sessions survive restarts), MLW_DEMO, MLW_SECURE_COOKIES (HTTPS)."""
        return cls(
            secret_key=os.environ.get("MLW_SECRET_KEY") or secrets.token_urlsafe(32),
            demo=os.environ.get("MLW_DEMO", "") == "1",
            secure_cookies=os.environ.get("MLW_SECURE_COOKIES", "").strip().lower()
            in ("1", "yes", "true", "on"),
        )


class Views:
    """The read models behind the network, risks and timeline; caught up one caller at a time."""

    def __init__(self, registry: Registry) -> None:
        self.models = ReadModels(registry)
        self.catalogue = CatalogueQueries(registry, self.models)
        self.collaboration = CollaborationView(self.models)
        self.lock = threading.Lock()

    def read(self, query: Callable[[CollaborationView], T]) -> T:
        with self.lock:
            return query(self.collaboration)

    def close(self) -> None:
        self.models.close()


def get_registry(request: Request) -> Registry:
    return request.app.state.registry  # type: ignore[no-any-return]


def get_views(request: Request) -> Views:
    return request.app.state.views  # type: ignore[no-any-return]


def get_web_settings(request: Request) -> WebSettings:
    return request.app.state.web_settings  # type: ignore[no-any-return]


def get_templates(request: Request) -> Any:
    return request.app.state.templates


RegistryDep = Annotated[Registry, Depends(get_registry)]
ViewsDep = Annotated[Views, Depends(get_views)]
WebSettingsDep = Annotated[WebSettings, Depends(get_web_settings)]
