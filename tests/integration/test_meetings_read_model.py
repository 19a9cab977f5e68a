"""The team and its meetings as tables, on every store: the same as the records say."""

from __future__ import annotations

import json
from datetime import date, time
from uuid import UUID

from domain.effects import AdvanceStage
from domain.values import Stage
from projections.meeting_tables import meetings, resolutions, team_members
from projections.read_models import ReadModels
from registry.application import Registry
from registry.settings import Settings
from tests.integration.zielony_jar import APR, BY, Gmina, first_sitting, propose, zielony_jar

KINDS = ("team", "seat", "meeting", "resolution")


def february(app: Registry) -> tuple[Gmina, UUID]:
    """The team of five sits in February and constitutes itself by a named vote."""
    g = zielony_jar(app)
    sitting = first_sitting(app, g)
    constituted = propose(
        app, sitting, g, "ukonstytuowania się Zespołu", AdvanceStage(Stage.SYNERGY_TEAM)
    )
    app.vote(
        constituted,
        at=time(17, 30),
        votes_for=[g.gops, g.school],
        abstentions=[g.parish],
        recorded_by=BY,
    )
    return g, sitting


def spring(app: Registry, g: Gmina, sitting: UUID) -> None:
    """The leader leaves, the school takes the deputy's seat, April approves February's
    minutes and rejects a motion; a pact meeting is called off."""
    app.dismiss_member(
        g.id, g.leader, reason="Przeprowadzka", recorded_by=BY, effective_on=date(2026, 3, 1)
    )
    app.change_member_role(
        g.id,
        g.school,
        "deputy",
        decided_by="Uchwała",
        recorded_by=BY,
        effective_on=date(2026, 3, 2),
    )
    april = app.schedule_meeting(
        g.id, kind="team", on=APR, at=time(17), place="GOPS", recorded_by=BY
    )
    app.hold_meeting(april, started_at=time(17), recorded_by=BY)
    for sid in (g.gops, g.school, g.ngo):
        app.record_attendance(april, sid, recorded_by=BY)
    app.approve_minutes(sitting, at_meeting=april, recorded_by=BY)
    motion = propose(app, april, g, "festynu")
    app.vote(motion, at=time(17, 30), totals=(1, 2, 0), recorded_by=BY)
    pact = app.schedule_meeting(
        g.id,
        kind="pact",
        on=date(2026, 5, 20),
        at=time(16),
        place="Szkoła",
        recorded_by=BY,
        effective_on=date(2026, 4, 20),
    )
    app.cancel_meeting(pact, reason="Brak sali", recorded_by=BY, effective_on=date(2026, 4, 30))


def everything(models: ReadModels) -> str:
    view = models.meetings_view
    return json.dumps({k: view.rows(k) for k in KINDS}, sort_keys=True)


def test_a_sitting_reads_back_with_its_chair_attendance_and_vote(registry: Registry) -> None:
    g, sitting = february(registry)
    with ReadModels(registry) as models:
        models.catch_up()
        view = models.meetings_view
        [held] = meetings(view, g.id, person_name=models.person_name)
        assert (held.id, held.kind, held.number, held.on, held.at) == (
            sitting,
            "team",
            "1/2026",
            date(2026, 2, 10),
            time(17),
        )
        assert (held.state, held.chair, held.minute_taker, held.minutes) == (
            "held",
            "Anna Nowak",
            "Jan Kowal",
            "draft",
        )
        assert (held.place, held.attendance, held.resolutions) == ("GOPS, sala nr 2", 6, 1)
        [first] = resolutions(view, g.id)
        assert (first.label, first.title, first.proposer_id, first.state) == (
            "Uchwała nr 1/2026",
            "w sprawie ukonstytuowania się Zespołu",
            g.gops,
            "adopted",
        )
        assert (first.votes_for, first.votes_against, first.abstentions) == (2, 0, 1)
        assert (first.members, first.present, first.quorum) == (5, 4, 3)


def test_the_team_keeps_each_members_seats_with_their_roles_and_dates(
    registry: Registry,
) -> None:
    g, sitting = february(registry)
    spring(registry, g, sitting)
    with ReadModels(registry) as models:
        models.catch_up()
        seats = team_members(models.meetings_view, g.id)
        assert [
            (s.role, s.appointed_on, s.dismissed_on) for s in seats if s.stakeholder_id == g.school
        ] == [
            ("member", date(2026, 1, 10), date(2026, 3, 2)),
            ("deputy", date(2026, 3, 2), None),
        ]
        [leader] = [s for s in seats if s.stakeholder_id == g.leader]
        assert (leader.dismissed_on, leader.dismiss_reason) == (date(2026, 3, 1), "Przeprowadzka")
        assert len(team_members(models.meetings_view, g.id, on=date(2026, 2, 10))) == 5
        assert len(team_members(models.meetings_view, g.id, on=APR)) == 4


def test_the_tables_agree_with_what_the_records_say(registry: Registry) -> None:
    g, sitting = february(registry)
    spring(registry, g, sitting)
    with ReadModels(registry) as models:
        models.catch_up()
        view = models.meetings_view
        assert [
            (m.id, m.kind, m.number, m.on, m.at, m.place, m.state, m.minutes)
            for m in meetings(view, g.id)
        ] == [
            (m.id, m.kind, m.number, m.on, m.at, m.place, m.state, m.minutes)
            for m in registry.list_meetings(g.id)
        ]
        assert [m.id for m in meetings(view, g.id, "pact")] == [
            m.id for m in registry.list_meetings(g.id, kind="pact")
        ]
        for row in meetings(view, g.id):
            record = registry.get_meeting(row.id)
            assert (row.attendance, row.resolutions, row.approved_on) == (
                len(record.attendance),
                len(record.resolutions),
                record.approved_on,
            )
        tally = ("votes_for", "votes_against", "abstentions", "members", "present", "quorum")
        assert [
            (r.id, r.number, r.title, r.proposer_id, r.state, *(getattr(r, t) for t in tally))
            for r in resolutions(view, g.id)
        ] == [
            (r.id, r.number, r.title, r.proposer_id, r.state, *(getattr(r, t) for t in tally))
            for r in registry.list_resolutions(g.id)
        ]
        assert [
            (s.stakeholder_id, s.role, s.appointed_on, s.dismissed_on, s.decided_by)
            for s in team_members(view, g.id)
        ] == [
            (s.stakeholder_id, s.role, s.appointed_on, s.dismissed_on, s.decided_by)
            for s in registry.get_team(g.id).seats
        ]


def test_the_team_read_model_stopped_midway_resumes_to_exactly_the_rebuilt_result(
    registry: Registry, store_settings: Settings
) -> None:
    g, sitting = february(registry)
    first = ReadModels(registry, batch_size=5)
    first.runners["meetings"].run(max_batches=6)
    assert first.positions()["meetings"] == 30
    if store_settings.store == "memory":
        resumed = first  # a memory read model lives only as long as its process
    else:
        first.close()
        resumed = ReadModels(registry, batch_size=5)
        assert resumed.positions()["meetings"] == 30
    spring(registry, g, sitting)
    resumed.catch_up()
    rebuilt = ReadModels(registry, Settings(store="memory"))
    rebuilt.catch_up()
    last = registry.recorder.max_notification_id()
    assert resumed.positions()["meetings"] == rebuilt.positions()["meetings"] == last
    assert everything(resumed) == everything(rebuilt)
    assert len(resolutions(resumed.meetings_view, g.id)) == 2
    resumed.close()
