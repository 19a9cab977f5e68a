"""What a regional administrator watches: alive, ready, and the registry's metrics.

``/healthz`` says the process answers (it reads nothing); ``/readyz`` that the store
answers and every read model is close enough behind the log (``MLW_READ_LAG_READY``);
``/metrics`` gives request latency, refusals, read-model lag and catch-up batches in the
Prometheus text format. None of them needs a login; none names a person. ``/metrics``
asks for ``Authorization: Bearer <MLW_METRICS_TOKEN>`` when that variable is set.
"""

from __future__ import annotations

import hmac
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    ProcessCollector,
    generate_latest,
    start_http_server,
)
from pydantic import BaseModel

from api.problems import problem_json
from projections.read_models import ReadModels
from registry.storage_failures import STORAGE_ERRORS

router = APIRouter(tags=["operations"])

# Catch-up batches are counted in the process that applies them (`mlw serve` catching up
# on demand, `mlw worker`), whichever application it serves.
PROCESS = CollectorRegistry()
BATCHES = Counter(
    "mlw_read_model_batches", "Catch-up batches applied by this process.", registry=PROCESS
)
BATCH_FACTS = Counter(
    "mlw_read_model_batch_facts", "Positions applied by catch-up batches.", registry=PROCESS
)
BATCH_SECONDS = Histogram(
    "mlw_read_model_batch_seconds", "How long one catch-up took.", registry=PROCESS
)


def batch_applied(facts: int, seconds: float) -> None:
    """Count one catch-up of the read models (called by whoever ran it)."""
    if facts:
        BATCHES.inc()
        BATCH_FACTS.inc(facts)
        BATCH_SECONDS.observe(seconds)


def serve_metrics(port: int) -> None:
    """A worker's own metrics (its catch-up batches) on the loopback address, if asked."""
    if port:
        start_http_server(port, addr="127.0.0.1", registry=PROCESS)


@dataclass(frozen=True)
class Positions:
    """Where the log ends and where each read model stands in it."""

    log: int
    read_models: dict[str, int]

    @property
    def read(self) -> int:
        """The position every read model has reached."""
        return min(self.read_models.values(), default=self.log)

    @property
    def lag(self) -> int:
        return max(0, self.log - self.read)


@dataclass
class ReadPositions:
    """The positions, looked up at most once per ``every`` seconds for the pages' notice."""

    registry: Any
    models: ReadModels
    every: float = 1.0
    last: Positions | None = None
    taken: float = field(default=-1e9)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fresh(self) -> Positions:
        positions = Positions(
            self.registry.recorder.max_notification_id() or 0, self.models.positions()
        )
        with self.lock:
            self.last, self.taken = positions, time.monotonic()
        return positions

    def due(self) -> bool:
        return time.monotonic() - self.taken >= self.every

    def refresh(self) -> None:
        """Look again for the pages' notice; a store that does not answer leaves the last
        positions in place (the request itself then says what failed)."""
        try:
            self.fresh()
        except STORAGE_ERRORS:
            self.taken = time.monotonic()

    def lagging(self) -> Positions | None:
        """The positions last seen, if the read models lag more than MLW_READ_LAG_NOTICE."""
        last = self.last
        if last is None or last.lag <= self.registry.settings.read_lag_notice:
            return None
        return last


class Metrics:
    """The web process's own metrics, one set per application."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        ProcessCollector(registry=self.registry)
        self.latency = Histogram(
            "mlw_http_request_duration_seconds",
            "Time to answer a request, by route template, method and status.",
            ["route", "method", "status"],
            registry=self.registry,
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
        )
        self.refusals = Counter(
            "mlw_http_refusals",
            "Requests refused (4xx), by route template and kind of refusal.",
            ["route", "kind"],
            registry=self.registry,
        )
        self.lag = Gauge(
            "mlw_read_model_lag",
            "Facts recorded that the read model has not applied yet.",
            ["read_model"],
            registry=self.registry,
        )
        self.position = Gauge(
            "mlw_read_model_position",
            "The last position of the log the read model reflects.",
            ["read_model"],
            registry=self.registry,
        )
        self.log = Gauge(
            "mlw_log_position", "The last position of the log.", registry=self.registry
        )

    def answered(self, route: str, method: str, status: int, seconds: float) -> None:
        self.latency.labels(route, method, str(status)).observe(seconds)
        if 400 <= status < 500:
            self.refusals.labels(route, REFUSALS.get(status, "other")).inc()

    def text(self, positions: Positions) -> bytes:
        self.log.set(positions.log)
        for name, at in positions.read_models.items():
            self.position.labels(name).set(at)
            self.lag.labels(name).set(max(0, positions.log - at))
        return generate_latest(self.registry) + generate_latest(PROCESS)


REFUSALS = {
    400: "malformed",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid_input",
    429: "too_many_attempts",
}


class Alive(BaseModel):
    status: str


class Ready(BaseModel):
    status: str
    log_position: int | None
    read_models: dict[str, int]
    lag: dict[str, int]
    max_lag: int
    reasons: list[str]


@router.get("/healthz")
async def healthz() -> Alive:
    """The process answers (nothing is read from the store)."""
    return Alive(status="ok")


@router.get("/readyz", response_model=Ready)
def readyz(request: Request) -> Any:
    """The store answers and every read model lags behind the log by at most
    MLW_READ_LAG_READY facts. Otherwise 503: a problem document whose `reasons` say what
    is wrong, with the positions as far as they could be read."""
    max_lag = request.app.state.registry.settings.read_lag_ready
    try:
        positions = request.app.state.read_positions.fresh()
    except STORAGE_ERRORS as exc:
        return not_ready([f"The store does not answer: {type(exc).__name__}."], max_lag)
    lag = {name: max(0, positions.log - at) for name, at in positions.read_models.items()}
    reasons = [
        f"The read model {name} is {behind} facts behind the log (at most {max_lag})."
        for name, behind in lag.items()
        if behind > max_lag
    ]
    ready = Ready(
        status="unavailable" if reasons else "ok",
        log_position=positions.log,
        read_models=positions.read_models,
        lag=lag,
        max_lag=max_lag,
        reasons=reasons,
    )
    if reasons:
        return not_ready(reasons, max_lag, ready)
    return ready


def not_ready(reasons: list[str], max_lag: int, ready: Ready | None = None) -> Response:
    found = ready or Ready(
        status="unavailable",
        log_position=None,
        read_models={},
        lag={},
        max_lag=max_lag,
        reasons=reasons,
    )
    return problem_json(
        503, "Service unavailable", " ".join(reasons), **found.model_dump(exclude={"status"})
    )


METRICS_TEXT: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The Prometheus text exposition format.",
        "content": {CONTENT_TYPE_LATEST.split(";")[0]: {"schema": {"type": "string"}}},
    }
}


@router.get("/metrics", response_class=Response, responses=METRICS_TEXT)
def metrics(request: Request) -> Response:
    """Request latency and refusals by route, read-model lag, catch-up batches (Prometheus).

    With MLW_METRICS_TOKEN set, only `Authorization: Bearer <that token>` may read them."""
    expected = os.environ.get("MLW_METRICS_TOKEN", "")
    if expected:
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), expected):
            return problem_json(401, "Unauthorized", "Send the metrics token: Bearer <token>.")
    text = request.app.state.metrics.text(request.app.state.read_positions.fresh())
    return Response(text, media_type=CONTENT_TYPE_LATEST)


ROUTERS = (router,)
