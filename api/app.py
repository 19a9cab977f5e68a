"""The web application: assembled here, once per process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates

from api import documents, gminas
from domain.errors import ConflictError, DomainError, InvalidInputError, NotFoundError
from registry.application import Registry
from registry.settings import Settings

TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")


def problem(request: Request, exc: DomainError) -> Response:
    """A refusal as an RFC 9457 problem document (JSON) or an error page (HTML)."""
    if isinstance(exc, NotFoundError):
        status, title = 404, "Not found"
    elif isinstance(exc, InvalidInputError):
        status, title = 422, "Invalid input"
    elif isinstance(exc, ConflictError):
        status, title = 409, "Conflict"
    else:
        status, title = 409, "Refused by a rule of the registry"
    if request.url.path.startswith("/api/"):
        body = {"type": "about:blank", "title": title, "status": status, "detail": str(exc)}
        if isinstance(exc, InvalidInputError):
            body["field"] = exc.field
        return JSONResponse(body, status_code=status, media_type="application/problem+json")
    return TEMPLATES.TemplateResponse(
        request, "error.html", {"title": title, "detail": str(exc)}, status_code=status
    )


def create_app(settings: Settings | None = None, registry: Registry | None = None) -> FastAPI:
    """The registry's web application over the store the settings name."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.registry = registry or Registry(settings or Settings.from_env())
        yield
        if registry is None:
            app.state.registry.close()

    app = FastAPI(
        title="MLW Registry",
        description="Local cooperation partnerships (Model Lokalnej Współpracy) in Polish gminas.",
        lifespan=lifespan,
    )
    app.state.templates = TEMPLATES
    app.add_exception_handler(DomainError, problem)  # type: ignore[arg-type]
    app.include_router(gminas.api)
    app.include_router(gminas.pages)
    for router in documents.ROUTERS:
        app.include_router(router)
    return app
