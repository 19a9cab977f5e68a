"""Snapshots and the aggregate cache change nothing a facilitator reads."""

from dataclasses import replace
from datetime import date

from registry.application import Registry
from registry.settings import Settings


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
    from domain.pact import Pact

    pact_id = Pact.create_id(gmina)  # type: ignore[arg-type]
    assert list(writer.snapshots.get(pact_id)), "the pact should have been snapshotted"
    from_snapshots = writer.get_pact(gmina)  # type: ignore[arg-type]
    if store_settings.store == "memory":
        reader = writer
    else:
        reader = Registry(replace(store_settings, aggregate_cache=0, snapshot_interval=10_000))
    replayed = reader.get_pact(gmina, as_of=date(2030, 1, 1))  # type: ignore[arg-type]
    assert from_snapshots == replayed
    assert len(from_snapshots.signatories) == 8
