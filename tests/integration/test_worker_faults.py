"""A worker that loses its store for a while says so in one line and goes on afterwards."""

from __future__ import annotations

from datetime import date

import pytest
from eventsourcing.persistence import OperationalError

from api.cli.workers import Worker
from projections.read_models import PROJECTIONS, ReadModels
from registry.application import Registry


def test_a_worker_goes_on_after_its_database_connection_is_lost_for_a_while(
    memory_registry: Registry, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    memory_registry.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=date(2025, 9, 1)
    )
    real = ReadModels.catch_up
    outages = {"left": 2}

    def catch_up(models: ReadModels) -> dict[str, int]:
        if outages["left"]:
            outages["left"] -= 1
            raise OperationalError("terminating connection due to administrator command")
        done = real(models)
        worker.stop()
        return done

    monkeypatch.setattr(ReadModels, "catch_up", catch_up)
    worker = Worker(memory_registry, poll=0)

    applied = worker.run()

    # every read model caught up with every fact
    assert applied == len(PROJECTIONS) * memory_registry.recorder.max_notification_id()
    said = capsys.readouterr().err.splitlines()
    assert len(said) == 2
    assert said[0].startswith(
        "The registry cannot record right now: the connection to its database was lost"
    )
