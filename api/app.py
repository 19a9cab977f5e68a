"""The web application: assembled here, once per process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.sessions import SessionMiddleware

from api import documents, ops
from api.auth import Admissions, csrf_token, current_account, method_scope
from api.deps import Views, WebSettings
from api.i18n import RememberLanguage, context_translator, language, translator
from api.idempotency import IdempotencyKeys
from api.openapi import serve_docs
from api.ops import Metrics, Positions, ReadPositions
from api.problems import http_problem, invalid_request, problem
from api.read_cache import KeptReads, ReadAnswers
from api.request_log import RequestLog, configure_logging
from api.routers import (
    accounts,
    catalogue,
    entities,
    gminas,
    meetings,
    minutes,
    network,
    pact,
    persons,
    resolutions,
    session,
    team,
)
from api.security_headers import SecurityHeaders
from api.storage_failures import answer_storage_failures
from domain.errors import DomainError
from projections.read_side import ReadSide
from registry.application import Registry
from registry.settings import Settings

HERE = Path(__file__).parent


def page_context(request: Request) -> dict[str, Any]:
    """What every page knows: its language, the person logged in, the form token."""
    lang = language(request)
    return {
        "gettext": translator(lang),
        "pgettext": context_translator(lang),
        "lang": lang,
        "username": request.session.get("username") if "session" in request.scope else None,
        "csrf": csrf_token(request) if "session" in request.scope else "",
        "read_behind": lagging(request),
    }


def lagging(request: Request) -> Positions | None:
    """Positions to name on the page when the read models lag behind the log."""
    positions: ReadPositions | None = getattr(request.app.state, "read_positions", None)
    return positions.lagging() if positions is not None else None


TEMPLATES = Jinja2Templates(directory=HERE / "templates", context_processors=[page_context])
# Pages say their words through gettext (``_``), in the language page_context gives.
TEMPLATES.env.add_extension("jinja2.ext.i18n")
TEMPLATES.env.install_null_translations()  # type: ignore[attr-defined]


# Routers of the application, resource by resource; each module lists its own.
ROUTERS = (
    ops,
    session,
    accounts,
    gminas,
    catalogue,
    pact,
    team,
    meetings,
    minutes,
    resolutions,
    entities,
    persons,
    network,
    documents,
)


def guard(router: APIRouter) -> list[Any]:
    """Every route under a gmina answers the access rule; every other API route a login.

    The routes ask for their scope themselves; this guard makes sure none is left out.
    """
    if "{ref}" in router.prefix:
        return [Depends(method_scope)]
    if router.prefix.startswith("/api/") and router.prefix != "/api":
        return [Depends(current_account)]
    return []


def create_app(
    settings: Settings | None = None,
    registry: Registry | None = None,
    web: WebSettings | None = None,
) -> FastAPI:
    """The registry's web application over the store the settings name."""
    web = web or WebSettings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        reg = registry or Registry(settings or Settings.from_env())
        app.state.registry = reg
        app.state.views = Views(reg)
        app.state.read_positions = ReadPositions(reg, app.state.views.models)
        own_reads = reg.reads  # a registry brought along keeps its own for after the app
        reg.reads = ReadSide(reg, app.state.views.catalogue, app.state.views.meetings)
        yield
        reg.reads = own_reads
        app.state.views.close()
        if registry is None:
            reg.close()

    app = FastAPI(
        title="MLW Registry",
        description=(
            "Local cooperation partnerships (Model Lokalnej Współpracy) in Polish gminas. "
            "Authenticate with `Authorization: Bearer <token>` (POST /api/token). "
            "Errors are RFC 9457 problem documents."
        ),
        lifespan=lifespan,
        docs_url=None,  # served from the package's own Swagger UI files (api/openapi.py)
        redoc_url=None,
    )
    serve_docs(app)
    app.state.templates = TEMPLATES
    app.state.web_settings = web
    app.state.metrics = Metrics()
    configure_logging(web.log_level)
    app.add_exception_handler(DomainError, problem)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, invalid_request)  # type: ignore[arg-type]
    answer_storage_failures(app)
    app.state.read_answers = ReadAnswers()
    app.state.admissions = Admissions()
    app.add_middleware(KeptReads)  # innermost: answers kept reads without routing them
    app.add_middleware(IdempotencyKeys)  # inside the session: it knows who asks
    app.add_exception_handler(StarletteHTTPException, http_problem)  # type: ignore[arg-type]
    app.add_middleware(RememberLanguage)
    app.add_middleware(
        SessionMiddleware,
        secret_key=web.secret_key,
        session_cookie="mlw_session",
        same_site="lax",
        https_only=web.secure_cookies,
    )
    app.add_middleware(SecurityHeaders, secure_cookies=web.secure_cookies)
    app.add_middleware(RequestLog)  # outermost: it times and counts every answer
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for module in ROUTERS:
        for router in module.ROUTERS:
            app.include_router(router, dependencies=guard(router))
    return app
