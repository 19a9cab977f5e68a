"""One line per request, its latency and refusals counted, and the read position told.

A plain ASGI middleware, outermost: it sees every answer, errors included. The line names
the gmina as asked (TERC code or id), the account's login, the route's template (never
the path with its ids), the status and the duration; nothing else a person typed.

    mlw.requests INFO request gmina=2640013 account=moderator method=GET
        route=/api/gminas/{ref}/dashboard status=200 duration_ms=12.4

Where the read models lag behind the log, JSON reads carry ``X-MLW-Read-Position`` (the
position every read model has reached) and ``X-MLW-Log-Position``; the positions are
looked up at most once a second, in the thread pool.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.ops import ReadPositions

log = logging.getLogger("mlw.requests")
# Asked for by probes and scrapers many times a minute: counted, but not looked up.
QUIET = ("/healthz", "/readyz", "/metrics", "/static/")


def configure_logging(level: str) -> None:
    """The registry's log (``mlw.*``) at the level asked, written to standard error once."""
    levels = logging.getLevelNamesMapping()
    if level not in levels:
        raise ValueError(f"MLW_LOG_LEVEL must be one of {', '.join(levels)}, got {level!r}.")
    registry_log = logging.getLogger("mlw")
    registry_log.setLevel(levels[level])
    if not registry_log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
        registry_log.addHandler(handler)


def route_of(scope: Scope) -> str:
    route = scope.get("route")
    return str(getattr(route, "path", None) or "unmatched")


class RequestLog:
    """Times each HTTP request, counts it, and writes its one line to ``mlw.requests``.

    The metrics and the read positions are the application's (``app.state``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        metrics = scope["app"].state.metrics
        positions: ReadPositions = scope["app"].state.read_positions
        path: str = scope["path"]
        state: dict[str, Any] = scope.setdefault("state", {})
        if not path.startswith(QUIET) and positions.due():
            await run_in_threadpool(positions.refresh)
        tell = path.startswith("/api/") and scope["method"] in ("GET", "HEAD")
        status = 500

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                if tell:
                    tell_position(message, positions)
            await send(message)

        try:
            await self.app(scope, receive, watch)
        finally:
            seconds = time.perf_counter() - start
            route = route_of(scope)
            metrics.answered(route, scope["method"], status, seconds)
            if log.isEnabledFor(logging.INFO):
                account = state.get("account")
                log.info(
                    "request gmina=%s account=%s method=%s route=%s status=%d duration_ms=%.1f",
                    state.get("gmina", "-"),
                    getattr(account, "username", "-"),
                    scope["method"],
                    route,
                    status,
                    seconds * 1000,
                )


def tell_position(message: Message, positions: ReadPositions) -> None:
    """JSON reads say the position they read at, when the read models lag behind."""
    lagging = positions.lagging()
    if lagging is not None:
        headers = MutableHeaders(scope=message)
        headers["X-MLW-Read-Position"] = str(lagging.read)
        headers["X-MLW-Log-Position"] = str(lagging.log)
