"""Dependencies of the routes: the one registry of this process, its read models, settings."""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, TypeVar

from fastapi import Depends, Request

from projections.collaboration import CollaborationView
from projections.meeting_rows import MeetingRows
from projections.queries_catalogue import CatalogueQueries
from projections.queries_meetings import MeetingReads
from projections.read_models import ReadModels
from registry.application import Registry

T = TypeVar("T")


@dataclass(frozen=True)
class WebSettings:
    """Settings of the web layer: the session key, the demo notice, the log's level."""

    secret_key: str
    demo: bool = False
    secure_cookies: bool = False
    log_level: str = "INFO"

    @classmethod
    def from_env(cls) -> WebSettings:
        """MLW_SECRET_KEY (sessions survive restarts), MLW_DEMO, MLW_SECURE_COOKIES (HTTPS),
        MLW_LOG_LEVEL (of the request log: INFO writes a line per request, WARNING none)."""
        return cls(
            secret_key=os.environ.get("MLW_SECRET_KEY") or secrets.token_urlsafe(32),
            demo=os.environ.get("MLW_DEMO", "") == "1",
            secure_cookies=os.environ.get("MLW_SECURE_COOKIES", "").strip().lower()
            in ("1", "yes", "true", "on"),
            log_level=os.environ.get("MLW_LOG_LEVEL", "INFO").strip().upper() or "INFO",
        )


class Views:
    """The read models behind the network, risks, timeline, meetings, team and resolutions."""

    def __init__(self, registry: Registry) -> None:
        self.models = ReadModels(registry)
        self.catalogue = CatalogueQueries(registry, self.models)
        self.collaboration = CollaborationView(self.models)
        self.meetings = MeetingReads(MeetingRows(self.models))
        self.lock = threading.Lock()

    def read(self, query: Callable[[CollaborationView], T]) -> T:
        with self.lock:
            return query(self.collaboration)

    def close(self) -> None:
        self.models.close()


# Plain lookups on the application's state: ``async`` so that FastAPI calls them on the
# event loop instead of sending each through the thread pool.
async def get_registry(request: Request) -> Registry:
    return request.app.state.registry  # type: ignore[no-any-return]


def views_of(request: Request) -> Views:
    """The read models of the app serving this request."""
    return request.app.state.views  # type: ignore[no-any-return]


async def get_views(request: Request) -> Views:
    return views_of(request)


async def get_web_settings(request: Request) -> WebSettings:
    return request.app.state.web_settings  # type: ignore[no-any-return]


RegistryDep = Annotated[Registry, Depends(get_registry)]
ViewsDep = Annotated[Views, Depends(get_views)]
WebSettingsDep = Annotated[WebSettings, Depends(get_web_settings)]
