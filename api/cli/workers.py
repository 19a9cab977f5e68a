"""`mlw init-db`, `mlw worker`, `mlw generate-national`: the registry at regional scale.

Create the tables once with `mlw init-db`; start API servers and workers with
``MLW_CREATE_TABLES=no``; each `mlw worker` keeps the read models up to date until it is
stopped (SIGTERM or Ctrl-C), resuming where the read models stopped.
"""

from __future__ import annotations

import dataclasses
import signal
import sys
import threading
import time
from types import FrameType
from typing import Annotated

import typer

from api.ops import batch_applied, serve_metrics
from projections.read_models import ReadModels
from projections.reports import StoredReports
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
        with ReadModels(self.app) as models:
            reports = StoredReports(models)
            while not self.stopping.is_set():
                try:
                    began = time.perf_counter()
                    done = sum(models.catch_up().values())
                    batch_applied(done, time.perf_counter() - began)
                    reports.refresh()
                except STORAGE_ERRORS as exc:
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
                if not done:
                    self.stopping.wait(self.poll)
        return self.applied


@commands.command("worker")
def worker(
    once: Annotated[bool, typer.Option("--once", help="Catch up, then exit.")] = False,
    poll: Annotated[float, typer.Option(help="Seconds between looks for new facts.")] = 0.5,
    metrics_port: Annotated[
        int, typer.Option(help="Serve its Prometheus metrics on 127.0.0.1:PORT (0: none).")
    ] = 0,
) -> None:
    """Keep the read models up to date with the registry (stop with SIGTERM or Ctrl-C)."""
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
