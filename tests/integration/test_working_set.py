"""Commands change the records kept in memory in place, and nothing half-done stays there."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date
from typing import Any
from uuid import UUID

import pytest

from domain.gmina import Gmina
from domain.pact import Pact
from registry.application import Registry
from registry.base import snapshot_due
from registry.settings import Settings

ON = date(2025, 10, 1)


def zielony_jar(app: Registry) -> UUID:
    gmina = app.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=date(2025, 9, 1)
    )
    app.open_partnership(gmina, reason="Prezentacja", recorded_by="ala", effective_on=ON)
    return gmina


def state_of(pact: Pact) -> tuple[object, ...]:
    """What a pact holds: its parties, commitments and theses, and how many facts made it."""
    return pact.version, pact.parties, pact.commitments, pact.theses


def add(app: Registry, gmina: UUID, name: str) -> UUID:
    return app.add_stakeholder(gmina, name=name, subtype="ngo", recorded_by="ala", effective_on=ON)


def test_a_catalogue_entry_whose_saving_fails_is_not_left_in_the_gmina_held_in_memory(
    memory_registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    gmina = zielony_jar(memory_registry)
    add(memory_registry, gmina, "Stowarzyszenie Razem")

    def disk_full(*aggregates: Any) -> None:
        raise OSError("No space left on device")

    monkeypatch.setattr(memory_registry, "commit", disk_full)
    with pytest.raises(OSError):
        add(memory_registry, gmina, "Koło Gospodyń Wiejskich")
    monkeypatch.undo()
    assert len(memory_registry.load(Gmina, gmina).stakeholder_ids) == 1
    add(memory_registry, gmina, "Koło Gospodyń Wiejskich")
    assert len(memory_registry.load(Gmina, gmina).stakeholder_ids) == 2


def test_a_pact_handed_out_is_a_copy_the_next_command_does_not_see(
    memory_registry: Registry,
) -> None:
    gmina = zielony_jar(memory_registry)
    gops = add(memory_registry, gmina, "GOPS w Zielonym Jarze")
    handed_out = memory_registry.pact_of(gmina)
    handed_out.theses.append("Teza dopisana poza rejestrem")
    memory_registry.join_pact(gmina, gops, recorded_by="ala", effective_on=ON)
    assert "Teza dopisana poza rejestrem" not in memory_registry.pact_of(gmina).theses


def test_adding_a_stakeholder_loads_the_gmina_once_and_asks_the_store_for_no_newer_facts(
    memory_registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    gmina = zielony_jar(memory_registry)
    add(memory_registry, gmina, "Stowarzyszenie Razem")
    loads: list[type] = []
    real_load = memory_registry.load
    monkeypatch.setattr(
        memory_registry, "load", lambda cls, *a, **k: loads.append(cls) or real_load(cls, *a, **k)
    )
    asked: list[object] = []
    store = memory_registry.repository.event_store
    real_get = store.get
    monkeypatch.setattr(store, "get", lambda *a, **k: asked.append(a) or real_get(*a, **k))
    add(memory_registry, gmina, "Koło Gospodyń Wiejskich")
    assert loads.count(Gmina) == 1
    assert asked == []


def test_a_second_office_on_the_same_store_sees_the_first_offices_entries_without_a_race(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(store="sqlite", sqlite_path=tmp_path / "mlw.sqlite")
    first, second = Registry(settings), Registry(settings)
    gmina = zielony_jar(first)
    add(second, gmina, "Stowarzyszenie Razem")  # the second office holds the gmina now
    add(first, gmina, "Koło Gospodyń Wiejskich")
    pauses: list[float] = []
    monkeypatch.setattr("registry.base.time.sleep", pauses.append)
    add(second, gmina, "Ochotnicza Straż Pożarna")
    assert pauses == [], "the second office should have dropped its outdated gmina"
    assert len(second.load(Gmina, gmina).stakeholder_ids) == 3
    first.close()
    second.close()


def test_a_long_history_is_snapshotted_ever_less_often_but_never_replays_more_than_an_eighth() -> (
    None
):
    due = [v for v in range(1, 100_001) if snapshot_due(v, 100)]
    assert due[:3] == [100, 200, 300]
    assert len(due) < 100  # every 100th fact would be 1,000 snapshots
    gaps = [b - a for a, b in itertools.pairwise(due)]
    assert all(gap <= start / 8 or gap == 100 for start, gap in zip(due, gaps, strict=False))


def test_a_pact_snapshotted_in_memory_reads_as_replayed(store_settings: Settings) -> None:
    app = Registry(replace(store_settings, snapshot_interval=2))
    gmina = zielony_jar(app)
    for i in range(5):
        sid = add(app, gmina, f"Stowarzyszenie nr {i}")
        app.join_pact(gmina, sid, recorded_by="ala", effective_on=ON)
    assert app.snapshots is not None
    snapshots = list(app.snapshots.get(Pact.create_id(gmina)))
    assert snapshots
    pact_id = Pact.create_id(gmina)
    assert state_of(app.load(Pact, pact_id)) == state_of(
        app.load(Pact, pact_id, as_of=date(2030, 1, 1))
    )
    app.close()
