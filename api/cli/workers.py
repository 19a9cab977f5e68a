"""`mlw init-db`, `mlw worker`, `mlw generate-national`: the registry at regional scale.

Create the tables once with `mlw init-db`; start API servers and workers with
``MLW_CREATE_TABLES=no``; each `mlw worker` keeps the read models up to date until it is
stopped (SIGTERM or Ctrl-C), resuming where the read models stopped. On PostgreSQL the
worker sleeps until the registry records a fact (LISTEN on the channel the event store
NOTIFYs on every insert); on SQLite it looks again every ``--poll`` seconds. Each batch
it applies is one JSON line on stderr (read model, facts, positions, duration).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import signal
import sys
import threading
import time
from contextlib import ExitStack, suppress
from types import FrameType, TracebackType
from typing import Annotated, Any

import psycopg
import typer
from eventsourcing.postgres import PostgresApplicationRecorder
from psycopg.sql import SQL, Identifier

from api.ops import batch_applied, serve_metrics
from projections.read_models import ReadModels
from projections.reports import StoredReports
from projections.runner import Batch
from registry.application import Registry
from registry.idempotency import idempotency_store_for
from registry.settings import Settings
from registry.storage_failures import STORAGE_ERRORS, storage_failure

commands = typer.Typer()


@commands.command("init-db")
def init_db() -> None:
    """Create the registry's and the read models' tables (once, before other processes)."""
    settings = dataclasses.replace(Settings.from_env(), create_tables=True)
    app = Registry(settings)
    try:
        with ReadModels(app) as models:
            names = ", ".join(models.views)
        idempotency_store_for(app.factory)
    finally:
        app.close()
    print(
        f"Tables ready in {settings.describe()}: events, person keys, idempotency keys, "
        f"read models {names}."
    )


log = logging.getLogger("mlw.worker")

# Without a NOTIFY (say one sent while the listening connection was being replaced),
# the worker still looks for new facts this often.
IDLE_LOOK = 10.0


class NewFacts:
    """Waits until the registry may have recorded new facts, or until the worker stops.

    PostgreSQL: one connection LISTENs on the event store's channel, which every insert
    NOTIFYs, so the worker wakes as a fact is committed and sleeps otherwise. SQLite
    cannot notify another process: the worker looks again after ``poll`` seconds.
    """

    def __init__(self, app: Any, stopping: threading.Event, poll: float) -> None:
        self.recorder = app.recorder
        self.stopping = stopping
        self.poll = poll
        self.listening: psycopg.Connection[Any] | None = None
        self.held = ExitStack()

    @property
    def notified(self) -> bool:
        return isinstance(self.recorder, PostgresApplicationRecorder)

    def listen(self) -> None:
        """Start listening before catching up, so no fact recorded meanwhile is missed."""
        if not self.notified or self.listening is not None:
            return
        conn = self.held.enter_context(self.recorder.datastore.get_connection())
        conn.execute(SQL("LISTEN {0}").format(Identifier(self.recorder.channel_name)))
        self.listening = conn

    def wait(self) -> None:
        if self.listening is None:
            self.stopping.wait(self.poll)
            return
        deadline = time.monotonic() + IDLE_LOOK
        while not self.stopping.is_set() and time.monotonic() < deadline:
            # Short waits, so that a stop is heard within half a second.
            if list(self.listening.notifies(timeout=0.5, stop_after=1)):
                # Facts come in bursts: drain what else arrived before catching up.
                list(self.listening.notifies(timeout=0.0))
                return

    def close(self) -> None:
        """Give the connection back to the pool, no longer listening (if it still works)."""
        if self.listening is not None and not self.listening.closed:
            with suppress(psycopg.Error):
                self.listening.execute("UNLISTEN *")
        self.listening = None
        self.held.close()

    def __enter__(self) -> NewFacts:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()


def log_batch(batch: Batch) -> None:
    """One line per batch a read model applied: which, how many facts, where, how long."""
    log.info(
        "read model batch",
        extra={
            "fields": {
                "read_model": batch.read_model,
                "facts": batch.facts,
                "first_position": batch.first,
                "last_position": batch.last,
                "duration_ms": round(batch.seconds * 1000, 1),
            }
        },
    )


class JsonLines(logging.Formatter):
    """Log records as JSON lines, with the fields a record carries as its own keys."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "at": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        return json.dumps(line, ensure_ascii=False)


class Worker:
    """Catches the read models up with the registry, again and again, until told to stop."""

    def __init__(self, app: Registry, poll: float = 0.5) -> None:
        self.app = app
        self.poll = poll
        self.stopping = threading.Event()
        self.applied = 0

    def stop(self, signum: int | None = None, frame: FrameType | None = None) -> None:
        self.stopping.set()

    def run(self, once: bool = False) -> int:
        """Apply new facts until stopped (or, with ``once``, until none are left).

        A store that cannot be read or written for a while (a lost connection, a full
        disk) is said in one line and tried again after a growing pause; with ``once``
        the worker stops there instead.
        """
        pause = self.poll
        with (
            ReadModels(self.app, on_batch=log_batch) as models,
            NewFacts(self.app, self.stopping, self.poll) as new,
        ):
            reports = StoredReports(models)
            while not self.stopping.is_set():
                try:
                    if not once:
                        new.listen()
                    began = time.perf_counter()
                    done = sum(models.catch_up().values())
                    batch_applied(done, time.perf_counter() - began)
                    reports.refresh()
                    if not done and not once:
                        new.wait()
                except STORAGE_ERRORS as exc:
                    new.close()
                    failure = storage_failure(exc)
                    if failure is None or once:
                        raise
                    print(f"{failure.sentence('en')} Next try in {pause:.0f} s.", file=sys.stderr)
                    self.stopping.wait(pause)
                    pause = min(pause * 2, 30.0)
                    continue
                pause = self.poll
                self.applied += done
                if once and not done:
                    break
        return self.applied


@commands.command("worker")
def worker(
    once: Annotated[bool, typer.Option("--once", help="Catch up, then exit.")] = False,
    poll: Annotated[
        float,
        typer.Option(help="Seconds between looks for new facts (on SQLite)."),
    ] = 0.5,
    metrics_port: Annotated[
        int, typer.Option(help="Serve its Prometheus metrics on 127.0.0.1:PORT (0: none).")
    ] = 0,
) -> None:
    """Keep the read models up to date with the registry (stop with SIGTERM or Ctrl-C)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines())
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    app = Registry(Settings.from_env())
    serve_metrics(metrics_port)
    w = Worker(app, poll)
    signal.signal(signal.SIGTERM, w.stop)
    signal.signal(signal.SIGINT, w.stop)
    t0 = time.perf_counter()
    try:
        applied = w.run(once)
    finally:
        app.close()
    print(f"Worker stopped: {applied} positions applied in {time.perf_counter() - t0:.1f} s.")


@commands.command("generate-national")
def generate_national(
    gminas: Annotated[int, typer.Option(help="How many gminas (Poland has 2,477).")] = 2477,
    seed: Annotated[int, typer.Option(help="The same seed gives the same facts.")] = 1,
) -> None:
    """Fill the registry with a synthetic national dataset (invented gminas, for load tests)."""
    from registry.national import generate

    app = Registry(Settings.from_env())
    t0, facts = time.perf_counter(), 0
    try:
        for done, (p, n) in enumerate(generate(app, gminas, seed), 1):
            facts += n
            if done % 100 == 0:
                print(f"{done} gminas ({p.name}), {facts:,} facts", flush=True)
    finally:
        app.close()
    took = time.perf_counter() - t0
    print(f"Written {facts:,} facts in {took:.1f} s ({facts / took:,.0f} facts/s).")
