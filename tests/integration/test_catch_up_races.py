"""Several processes catching the read models up at once (`mlw serve` ×2 and `mlw worker`)."""

from __future__ import annotations

import dataclasses
import multiprocessing
from typing import Any

import pytest

from projections.read_models import ReadModels
from projections.read_side import with_reads
from registry.application import Registry
from registry.demo import load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings
from tests.conftest import rows_of

PROCESSES = 3


def catch_up_when_told(settings: Settings, start: Any, batch_size: int) -> dict[str, int]:
    """One process: open the read models, wait for the others, then catch up in small steps."""
    app = Registry(settings)
    try:
        with ReadModels(app, batch_size=batch_size) as models:
            start.wait()
            models.catch_up()
            return models.positions()
    finally:
        app.close()


KINDS = ("stakeholder", "party", "commitment", "owner", "fact", "meeting", "attendance")


@pytest.mark.parametrize("batch_size", [1, 7])
def test_read_models_caught_up_by_several_processes_at_once_match_a_rebuild(
    shared_settings: Settings, batch_size: int
) -> None:
    setup = with_reads(Registry(dataclasses.replace(shared_settings, create_tables=True)))
    try:
        ReadModels(setup).close()  # `mlw init-db`
        gmina = load_demo(setup)
        load_demo_meetings(setup, gmina)
        last = setup.recorder.max_notification_id()
        spawn = multiprocessing.get_context("spawn")
        with spawn.Manager() as manager, spawn.Pool(PROCESSES) as pool:
            start = manager.Event()
            pending = [
                pool.apply_async(catch_up_when_told, (shared_settings, start, batch_size))
                for _ in range(PROCESSES)
            ]
            start.set()
            reached = [p.get(timeout=300) for p in pending]
        for positions in reached:
            assert set(positions.values()) == {last}
        with ReadModels(setup) as seen:
            rebuilt = ReadModels(setup, Settings(store="memory"))
            rebuilt.catch_up()
            assert seen.positions() == rebuilt.positions()
            assert rows_of(seen, KINDS) == rows_of(rebuilt, KINDS)
    finally:
        setup.close()
