"""Two facilitators working on one gmina's catalogue at the same moment."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from eventsourcing.domain import Aggregate

from projections.read_side import with_reads
from registry.application import Registry
from registry.base import ConcurrentWriteError
from registry.settings import Settings


def test_two_facilitators_adding_to_one_catalogue_at_once_both_succeed(
    store_settings: Settings,
) -> None:
    first = with_reads(Registry(store_settings))
    second = first if store_settings.store == "memory" else with_reads(Registry(store_settings))
    gmina = first.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=date(2025, 9, 1)
    )

    def add(app: Registry, who: str, i: int) -> None:
        app.add_stakeholder(
            gmina,
            name=f"Stowarzyszenie {who} nr {i}",
            subtype="ngo",
            recorded_by=who,
            effective_on=date(2025, 10, 1),
        )

    with ThreadPoolExecutor(4) as pool:
        futures = [pool.submit(add, first, "ala", i) for i in range(12)]
        futures += [pool.submit(add, second, "ola", i) for i in range(12)]
        for f in futures:
            f.result()

    names = {s.name for s in first.catalogue(gmina)}
    assert len(names) == 24
    assert first.get_gmina(gmina).stakeholder_count == 24
    for app in {id(first): first, id(second): second}.values():
        app.close()


def test_an_append_that_loses_many_races_in_a_row_is_still_recorded(
    memory_registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    gmina = memory_registry.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=date(2025, 9, 1)
    )
    monkeypatch.setattr("registry.base.time.sleep", lambda seconds: None)
    real_commit = memory_registry.commit
    lost = {"races": 0}

    def busy_catalogue(*aggregates: Aggregate) -> None:
        # Twenty other facilitators get in first, one after another.
        if lost["races"] < 20:
            lost["races"] += 1
            raise ConcurrentWriteError("Someone else recorded a change at the same moment.")
        real_commit(*aggregates)

    monkeypatch.setattr(memory_registry, "commit", busy_catalogue)
    memory_registry.add_stakeholder(
        gmina, name="Stowarzyszenie Razem", subtype="ngo", recorded_by="ala"
    )
    assert lost["races"] == 20
    assert [s.name for s in memory_registry.catalogue(gmina)] == ["Stowarzyszenie Razem"]


def test_an_append_still_losing_races_after_the_deadline_says_so_and_records_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = with_reads(Registry(Settings(store="memory", write_retry_seconds=0)))
    gmina = app.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=date(2025, 9, 1)
    )

    def always_busy(*aggregates: Aggregate) -> None:
        raise ConcurrentWriteError("Someone else recorded a change at the same moment.")

    monkeypatch.setattr(app, "commit", always_busy)
    with pytest.raises(ConcurrentWriteError):
        app.add_stakeholder(gmina, name="Stowarzyszenie Razem", subtype="ngo", recorded_by="ala")
    monkeypatch.undo()
    assert app.catalogue(gmina) == []
