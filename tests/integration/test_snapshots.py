"""Snapshots and the aggregate cache change nothing a facilitator reads."""

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from eventsourcing.persistence import StoredEvent

from domain.errors import ConflictError
from domain.pact import Pact
from registry.application import Registry
from registry.settings import Settings
from tests.integration.test_working_set import state_of


def record_a_busy_pact(app: Registry) -> tuple[object, list[object]]:
    gmina = app.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=date(2025, 9, 1)
    )
    app.open_partnership(
        gmina, reason="Prezentacja", recorded_by="ala", effective_on=date(2025, 9, 2)
    )
    members = []
    for i in range(8):
        sid = app.add_stakeholder(
            gmina,
            name=f"Stowarzyszenie nr {i}",
            subtype="ngo",
            recorded_by="ala",
            effective_on=date(2025, 10, 1),
        )
        app.join_pact(
            gmina,
            sid,
            representative=f"Przedstawiciel {i}",
            recorded_by="ala",
            effective_on=date(2026, 1, 1 + i),
        )
        cid = app.make_commitment(
            gmina,
            sid,
            resource="time",
            description="Wolontariat",
            quantity=str(10 + i),
            unit="h",
            recorded_by="ala",
            effective_on=date(2026, 2, 1 + i),
        )
        app.revise_commitment(
            gmina, cid, quantity=str(20 + i), recorded_by="ala", effective_on=date(2026, 3, 1)
        )
        members.append(sid)
    return gmina, members


def test_a_pact_read_from_snapshots_equals_the_pact_replayed_from_its_first_fact(
    store_settings: Settings,
) -> None:
    writer = Registry(replace(store_settings, snapshot_interval=3))
    gmina, _ = record_a_busy_pact(writer)
    assert writer.snapshots is not None
    pact_id = Pact.create_id(gmina)  # type: ignore[arg-type]
    assert list(writer.snapshots.get(pact_id)), "the pact should have been snapshotted"
    from_snapshots = writer.load(Pact, pact_id)
    if store_settings.store == "memory":
        reader = writer
    else:
        reader = Registry(replace(store_settings, aggregate_cache=0, snapshot_interval=10_000))
    replayed = reader.load(Pact, pact_id, as_of=date(2030, 1, 1))
    assert state_of(from_snapshots) == state_of(replayed)
    assert len(from_snapshots.members()) == 8


def test_a_fact_and_its_snapshot_are_recorded_together_or_not_at_all(
    store_settings: Settings,
) -> None:
    if store_settings.store == "memory":
        pytest.skip("the in-memory store has no transactions")
    app = Registry(replace(store_settings, snapshot_interval=1, write_retry_seconds=0))
    gmina = app.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=date(2025, 9, 1)
    )
    assert app.snapshots is not None
    # A snapshot already sits where the next fact's will go: the snapshot cannot be written.
    (first,) = app.snapshots.recorder.select_events(gmina)
    app.snapshots.recorder.insert_events(
        [StoredEvent(first.originator_id, 2, first.topic, first.state)]
    )
    before = app.recorder.max_notification_id()
    with pytest.raises(ConflictError):
        app.add_stakeholder(
            gmina,
            name="Stowarzyszenie Razem",
            subtype="ngo",
            recorded_by="ala",
            effective_on=date(2025, 10, 1),
        )
    assert [e.originator_version for e in app.events.get(gmina)] == [1]
    assert app.recorder.max_notification_id() == before
    app.close()


def test_naming_a_new_person_opens_no_write_transaction_besides_the_facts_own(
    store_settings: Settings,
) -> None:
    if store_settings.store == "memory":
        pytest.skip("the in-memory store has no transactions")
    app = Registry(replace(store_settings, snapshot_interval=1))
    gmina = app.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=date(2025, 9, 1)
    )
    datastore = app.factory.datastore  # type: ignore[attr-defined]
    outside: list[str] = []
    recording = False
    transaction, insert_events = datastore.transaction, app.recorder.insert_events

    def counted(*, commit: bool) -> Any:
        if commit and not recording:
            outside.append("commit")
        return transaction(commit=commit)

    def record(*args: Any, **kwargs: Any) -> Any:
        nonlocal recording
        recording = True
        try:
            return insert_events(*args, **kwargs)
        finally:
            recording = False

    datastore.transaction = counted
    app.recorder.insert_events = record  # type: ignore[method-assign]
    # A citizen leader (a new person: a key and an index row), every fact snapshotted.
    app.add_stakeholder(
        gmina,
        name="Halina Wiśniewska",
        subtype="social_leader",
        kind="person",
        recorded_by="ala",
        effective_on=date(2025, 10, 1),
    )
    assert outside == []
    assert [p.name for p in app.people_of(gmina)] == ["Halina Wiśniewska"]
    app.close()
