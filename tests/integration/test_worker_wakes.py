"""A worker that sleeps until the registry records a fact, and says what it applied."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest

from api.cli.workers import JsonLines, Worker, log
from projections.read_models import PROJECTIONS, ReadModels
from registry.application import Registry
from tests.conftest import settings_for

ON = date(2025, 9, 1)


def caught_up(app: Registry, seconds: float) -> bool:
    """Whether every read model reaches the registry's last fact within ``seconds``."""
    last = app.recorder.max_notification_id()
    deadline = time.monotonic() + seconds
    with ReadModels(app) as models:
        while time.monotonic() < deadline:
            if set(models.positions().values()) == {last}:
                return True
            time.sleep(0.05)
    return False


@contextmanager
def worker_running(app: Registry, poll: float) -> Iterator[None]:
    """A worker in a thread of its own, once the read models' tables exist (`mlw init-db`)."""
    ReadModels(app).close()
    worker = Worker(app, poll)
    running = threading.Thread(target=worker.run)
    running.start()
    try:
        yield
    finally:
        worker.stop()
        running.join(timeout=10)
        app.close()
    assert not running.is_alive()


@pytest.mark.parametrize(
    ("store", "poll"),
    [
        ("postgres", 600.0),  # a poll would come only after ten minutes: NOTIFY wakes it
        ("sqlite", 0.1),  # SQLite cannot notify another process: the worker looks again
    ],
)
def test_a_worker_catches_up_soon_after_a_fact_is_recorded(
    store: str, poll: float, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    app = Registry(settings_for(store, tmp_path, request))
    app.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=ON
    )
    with worker_running(app, poll):
        assert caught_up(app, 30)
        time.sleep(0.5)  # the worker is asleep now, waiting for new facts
        app.register_gmina(
            "2640023", "Modrzewie", "zielonojarski", recorded_by="ala", effective_on=ON
        )
        assert caught_up(app, 5)


def test_each_batch_a_worker_applies_is_one_json_line(
    memory_registry: Registry, caplog: pytest.LogCaptureFixture
) -> None:
    memory_registry.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=ON
    )
    last = memory_registry.recorder.max_notification_id()
    with caplog.at_level(logging.INFO, logger=log.name):
        Worker(memory_registry, poll=0).run(once=True)

    lines = [json.loads(JsonLines().format(r)) for r in caplog.records]
    assert sorted(line["read_model"] for line in lines) == sorted(PROJECTIONS)
    for line in lines:
        assert (line["first_position"], line["last_position"]) == (1, last)
        assert line["facts"] == last
        assert line["duration_ms"] >= 0
        assert line["message"] == "read model batch"
