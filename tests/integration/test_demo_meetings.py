"""The demo gmina's year of team sittings: resolutions drive it to a registered KIS."""

from datetime import date, time
from pathlib import Path
from uuid import UUID

import pytest

from projections.read_side import with_reads
from registry.application import Registry
from registry.demo import load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings

BY = "demo"


@pytest.fixture
def demo_year(memory_registry: Registry) -> tuple[Registry, UUID]:
    """The demo gmina and its year of team sittings, in memory."""
    gmina = load_demo(memory_registry)
    load_demo_meetings(memory_registry, gmina)
    return memory_registry, gmina


def test_the_demo_team_moves_zielony_jar_to_a_registered_kis(registry: Registry) -> None:
    gmina = load_demo(registry)
    load_demo_meetings(registry, gmina)

    view = registry.get_gmina(gmina)
    assert view.stage == 6
    assert all(s.decided_by and s.decided_by.endswith("ZSL") for s in view.stages[4:])
    [kis] = registry.list_entities(gmina)
    assert (kis.entity_type, kis.state) == ("kis", "registered")
    assert [f.state for f in kis.facts] == ["chosen", "created", "registered"]
    assert registry.get_team(gmina).rules.quorum == "at_least_half"


def test_the_demo_year_has_minutes_in_every_state_and_a_cancelled_sitting(
    demo_year: tuple[Registry, UUID],
) -> None:
    app, gmina = demo_year

    meetings = app.list_meetings(gmina)
    assert [m.number for m in meetings if m.kind == "team" and m.state == "held"] == [
        f"{n}/2026" for n in range(1, 7)
    ]
    assert {m.minutes for m in meetings} == {"draft", "approved", "final"}
    assert [m.state for m in meetings].count("cancelled") == 1
    assert len([m for m in meetings if m.kind == "pact"]) == 2
    assert len(app.list_resolutions(gmina, year=2026)) == 11
    corrected = [app.get_meeting(m.id) for m in meetings if m.minutes == "final"]
    assert sum(len(m.errata) for m in corrected) == 1


def test_in_june_a_late_arrival_and_an_early_departure_change_who_could_vote(
    demo_year: tuple[Registry, UUID],
) -> None:
    app, gmina = demo_year
    june = app.find_meeting(gmina, "zsl 4/2026")

    before_the_late_one = app.quorum_at(june, time(17, 15))
    when_choosing = app.quorum_at(june, time(17, 45))
    after_one_left = app.quorum_at(june, time(18, 0))
    assert len(before_the_late_one.present_members) == 8
    assert len(when_choosing.present_members) == 9
    assert len(after_one_left.present_members) == 8
    choice = next(r for r in app.get_meeting(june).resolutions if "wyboru" in r.title)
    assert (choice.votes_for, choice.votes_against, choice.present) == (8, 1, 9)
    assert app.get_gmina(gmina, as_of=date(2026, 6, 10)).stage == 4


def test_loading_the_demo_meetings_again_records_nothing(memory_registry: Registry) -> None:
    app = memory_registry
    gmina = load_demo(app)
    team = load_demo_meetings(app, gmina)
    before = app.recorder.max_notification_id()
    assert load_demo_meetings(app, gmina) == team
    assert app.recorder.max_notification_id() == before


def test_the_demo_team_drives_a_gmina_still_at_its_catalogue_to_the_end(
    memory_registry: Registry,
) -> None:
    app = memory_registry
    gmina = app.register_gmina(
        "2601012", "Kamienny Bród", "kamienny", recorded_by=BY, effective_on=date(2025, 9, 1)
    )
    app.open_partnership(gmina, reason="Sesja", recorded_by=BY, effective_on=date(2025, 9, 10))
    for name, subtype in (
        ("Gminny Ośrodek Pomocy Społecznej w Kamiennym Brodzie", "local_government_unit"),
        ("Urząd Gminy Kamienny Bród", "local_government"),
        ("Stowarzyszenie Brodzianie", "ngo"),
        ("Koło Gospodyń Wiejskich", "ngo"),
        ("Parafia św. Józefa", "church_organisation"),
        ("Bank Spółdzielczy", "finance_banking"),
    ):
        sid = app.add_stakeholder(
            gmina, name=name, subtype=subtype, recorded_by=BY, effective_on=date(2025, 10, 1)
        )
        app.join_pact(gmina, sid, recorded_by=BY, effective_on=date(2025, 10, 5))
    app.advance_stage(gmina, 2, reason="Katalog", recorded_by=BY, effective_on=date(2025, 11, 1))

    load_demo_meetings(app, gmina)

    stages = app.get_gmina(gmina).stages
    assert [(s.stage, s.decided_by) for s in stages[2:4]] == [
        (3, "Uchwała nr 1/2025 ZSL"),
        (4, "Uchwała nr 2/2026 ZSL"),
    ]
    assert stages[-1].stage == 6


def test_the_demo_year_reads_back_in_a_new_process(tmp_path: Path) -> None:
    """Every fact of the year decodes from the file alone, with no cached aggregates."""
    settings = Settings(store="sqlite", sqlite_path=tmp_path / "demo.sqlite")
    writer = with_reads(Registry(settings))
    gmina = load_demo(writer)
    load_demo_meetings(writer, gmina)
    writer.close()

    reader = with_reads(Registry(settings))
    try:
        meetings = [reader.get_meeting(m.id) for m in reader.list_meetings(gmina)]
        assert sum(len(m.resolutions) for m in meetings) == 11
        assert sum(len(m.errata) for m in meetings) == 1
        assert reader.get_team(gmina).rules.quorum == "at_least_half"
        assert reader.list_entities(gmina)[0].state == "registered"
        assert all(reader.history(m.id) for m in meetings)
    finally:
        reader.close()
