"""Several writer processes and a worker on one database: no fact lost, read models exact."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar
from uuid import UUID

from domain.errors import ConflictError
from projections.read_models import ReadModels
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.conftest import rows_of

BY = "proces"
ON = date(2025, 10, 1)
WRITERS = 3
EACH = 12
T = TypeVar("T")


def retried(action: Callable[[], T]) -> tuple[T, int]:
    """Run a command again after each clean conflict; returns its result and the conflicts."""
    conflicts = 0
    while True:
        try:
            return action(), conflicts
        except ConflictError:
            conflicts += 1


def write_facts(settings: Settings, number: int, shared: UUID) -> dict[str, Any]:
    """One writer process: its own gmina's catalogue, and entries in the shared gmina."""
    app = Registry(settings)
    try:
        own, conflicts = retried(
            lambda: app.register_gmina(
                f"0201{number + 2:02d}2",
                f"Gmina {number}",
                "próbny",
                recorded_by=BY,
                effective_on=ON,
            )
        )
        written: dict[str, list[str]] = {"own": [], "shared": []}
        for k in range(EACH):
            for where, gmina in (("own", own), ("shared", shared)):
                name = f"Podmiot {number}-{k} ({where})"
                _, lost = retried(
                    lambda g=gmina, n=name: app.add_stakeholder(
                        g, name=n, subtype="ngo", recorded_by=BY, effective_on=ON
                    )
                )
                conflicts += lost
                written[where].append(name)
        return {"own": str(own), "written": written, "conflicts": conflicts}
    finally:
        app.close()


def start_worker(settings: Settings) -> subprocess.Popen[str]:
    env = dict(os.environ, MLW_CREATE_TABLES="no", MLW_STORE=settings.store)
    if settings.store == "sqlite":
        env["MLW_SQLITE_PATH"] = str(settings.sqlite_path)
    else:
        env.update(
            MLW_POSTGRES_HOST=settings.postgres_host,
            MLW_POSTGRES_PORT=str(settings.postgres_port),
            MLW_POSTGRES_DBNAME=settings.postgres_dbname,
            MLW_POSTGRES_USER=settings.postgres_user,
            MLW_POSTGRES_SCHEMA=settings.postgres_schema,
        )
    command = [sys.executable, "-c", "from api.cli import main; main()", "worker"]
    return subprocess.Popen(
        [*command, "--poll", "0.1"],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


KINDS = ("stakeholder", "party", "commitment", "owner", "fact")


def test_writers_in_parallel_lose_no_fact_and_the_worker_matches_a_rebuild(
    shared_settings: Settings,
) -> None:
    setup = with_reads(Registry(dataclasses.replace(shared_settings, create_tables=True)))
    ReadModels(setup).close()  # what `mlw init-db` does: tables made once, before the rest
    shared = setup.register_gmina(
        "0201012", "Gmina wspólna", "próbny", recorded_by=BY, effective_on=ON
    )
    worker = start_worker(shared_settings)
    try:
        spawn = multiprocessing.get_context("spawn")
        with spawn.Pool(WRITERS) as pool:
            results = pool.starmap(
                write_facts, [(shared_settings, n, shared) for n in range(WRITERS)]
            )
        last = setup.recorder.max_notification_id()
        with ReadModels(setup) as seen:
            deadline = time.monotonic() + 60
            while set(seen.positions().values()) != {last} and time.monotonic() < deadline:
                time.sleep(0.1)
            worker.send_signal(signal.SIGTERM)
            output, _ = worker.communicate(timeout=30)
            assert worker.returncode == 0, output
            assert "Worker stopped" in output
            assert set(seen.positions().values()) == {last}
            rebuilt = ReadModels(setup, Settings(store="memory"))
            rebuilt.catch_up()
            assert rows_of(seen, KINDS) == rows_of(rebuilt, KINDS)

        shared_names = {s.name for s in setup.catalogue(shared)}
        for r in results:
            assert set(r["written"]["shared"]) <= shared_names
            own_names = {s.name for s in setup.catalogue(UUID(r["own"]))}
            assert own_names == set(r["written"]["own"])
        assert len(shared_names) == WRITERS * EACH
        # Appends to a catalogue always succeed: no writer ever saw a conflict.
        assert sum(r["conflicts"] for r in results) == 0
        assert len(rebuilt.catalogue_view.rows("stakeholder")) == 2 * WRITERS * EACH
    finally:
        if worker.poll() is None:
            worker.kill()
            worker.communicate()
        setup.close()
