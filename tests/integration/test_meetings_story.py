"""A facilitator's year of team sittings in Zielony Jar, on every store the registry runs on."""

from datetime import date, time

from domain.effects import AdmitSignatory, AdoptPact, AdvanceStage, ApproveMinutes, ChooseEntity
from domain.entity import EntityType
from domain.errors import (
    AlreadyVotedError,
    DuplicateNumberError,
    MeetingClosedError,
    NotPresentError,
    NotTeamMemberError,
    QuorumNotReachedError,
)
from domain.values import Stage
from registry.application import Registry
from tests.integration.zielony_jar import (
    APR,
    BY,
    FEB,
    april_sitting,
    first_sitting,
    on,
    propose,
    refused,
    team_constituted,
    zielony_jar,
)


def test_a_sitting_adopts_resolutions_that_move_the_partnership(registry: Registry) -> None:
    app, g = registry, zielony_jar(registry)
    sitting = first_sitting(app, g)
    constituted = propose(
        app, sitting, g, "ukonstytuowania się Zespołu", AdvanceStage(Stage.SYNERGY_TEAM)
    )
    outcome = app.vote(
        constituted,
        at=time(17, 30),
        votes_for=[g.gops, g.school],
        abstentions=[g.parish],
        recorded_by=BY,
    )
    assert outcome == "adopted"
    pact = propose(app, sitting, g, "przyjęcia Paktu", AdoptPact(), AdmitSignatory(g.parish))
    assert app.vote(pact, at=time(18, 15), totals=(3, 0, 0), recorded_by=BY) == "adopted"

    view = app.get_gmina(g.id)
    assert [(s.stage, s.decided_by) for s in view.stages[2:]] == [
        (3, "Uchwała nr 1/2026 ZSL"),
        (4, "Uchwała nr 2/2026 ZSL"),
    ]
    assert g.parish in [p.stakeholder_id for p in app.get_pact(g.id).signatories]
    minutes = app.get_meeting(sitting)
    assert minutes.title.startswith("Protokół nr 1/2026 z posiedzenia Zespołu")
    assert [r.label for r in minutes.resolutions] == ["Uchwała nr 1/2026", "Uchwała nr 2/2026"]
    first = minutes.resolutions[0]
    assert (first.votes_for, first.abstentions, first.present, first.members) == (2, 1, 4, 5)
    guests = [a.name for a in minutes.attendance if a.role == "guest"]
    assert guests == ["Bank Spółdzielczy"]
    assert minutes.chair == "Anna Nowak"


def test_wrong_votes_are_refused_and_nothing_is_written(registry: Registry) -> None:
    app, g = registry, zielony_jar(registry)
    sitting = first_sitting(app, g)
    motion = propose(app, sitting, g, "harmonogramu prac")
    app.open_vote(motion, at=time(17, 30), recorded_by=BY)
    refused(
        app,
        NotPresentError,
        "was not present at 17:30",
        lambda: app.cast_ballot(motion, g.ngo, "for", recorded_by=BY),
    )
    refused(
        app,
        NotTeamMemberError,
        "only members vote",
        lambda: app.cast_ballot(motion, g.bank, "for", recorded_by=BY),
    )
    app.cast_ballot(motion, g.gops, "for", recorded_by=BY)
    refused(
        app,
        AlreadyVotedError,
        "already voted",
        lambda: app.cast_ballot(motion, g.gops, "against", recorded_by=BY),
    )
    refused(
        app,
        DuplicateNumberError,
        "Uchwała nr 1/2026 is already recorded",
        lambda: propose(app, sitting, g, "czegoś innego", number=1),
    )
    late = propose(app, sitting, g, "wyboru KIS", AdvanceStage(Stage.SYNERGY_TEAM))
    app.record_departure(sitting, g.school, at=time(18, 15), recorded_by=BY)
    app.record_departure(sitting, g.leader, at=time(18, 18), recorded_by=BY)
    # At 18:20 only GOPS and the NGO remain of five members (the parish left at 18:10).
    refused(
        app,
        QuorumNotReachedError,
        "2 of 5 members present, 3 needed",
        lambda: app.vote(late, at=time(18, 20), totals=(2, 0, 0), recorded_by=BY),
    )
    assert app.get_gmina(g.id).stage == 2


def test_final_minutes_are_corrected_only_by_errata(registry: Registry) -> None:
    app, g = registry, zielony_jar(registry)
    sitting = first_sitting(app, g)
    team_constituted(app, sitting, g)
    deferred = propose(app, sitting, g, "sprawy odłożonej na później")
    app.end_meeting(sitting, ended_at=time(19), recorded_by=BY)

    april = april_sitting(app, g)
    approval = propose(app, april, g, "przyjęcia protokołu nr 1/2026", ApproveMinutes(sitting))
    choice = propose(
        app, april, g, "wyboru podmiotu", ChooseEntity(EntityType.KIS, "KIS Zielony Jar")
    )
    app.vote(approval, at=time(17, 10), votes_for=[g.gops, g.school, g.ngo], recorded_by=BY)
    app.vote(
        choice, at=time(17, 20), votes_for=[g.gops, g.school], votes_against=[g.ngo], recorded_by=BY
    )
    [kis] = app.list_entities(g.id)
    assert (kis.name, kis.state, kis.facts[0].decided_by) == (
        "KIS Zielony Jar",
        "chosen",
        "Uchwała nr 4/2026 ZSL",
    )

    refused(
        app,
        MeetingClosedError,
        "record a correction as an erratum",
        lambda: app.summarise_item(sitting, 1, "Dopisek", recorded_by=BY),
    )
    refused(
        app,
        MeetingClosedError,
        "can no longer change",
        lambda: propose(app, sitting, g, "spóźnionej sprawy"),
    )
    refused(
        app,
        MeetingClosedError,
        "were approved on 2026-04-14",
        lambda: app.vote(deferred, at=time(18), totals=(3, 0, 0), recorded_by=BY),
    )
    app.finalise_minutes(sitting, recorded_by=BY, effective_on=date(2026, 4, 20))
    app.record_erratum(
        sitting,
        corrects=f"attendance:{g.ngo}",
        correction="Przedstawiciel stowarzyszenia przybył o 17:45, nie o 17:50.",
        **on(date(2026, 5, 4)),
    )
    minutes = app.get_meeting(sitting)
    assert (minutes.minutes, minutes.approved_on, minutes.approval) == (
        "final",
        APR,
        "Uchwała nr 3/2026 ZSL",
    )
    assert minutes.errata[0].corrects == f"attendance:{g.ngo}"


def test_a_past_sitting_is_reconstructed_as_it_stood_on_a_date(registry: Registry) -> None:
    app, g = registry, zielony_jar(registry)
    sitting = first_sitting(app, g)
    team_constituted(app, sitting, g)
    app.dismiss_member(
        g.id, g.leader, reason="Przeprowadzka", recorded_by=BY, effective_on=date(2026, 3, 1)
    )
    april = app.schedule_meeting(
        g.id, kind="team", on=APR, at=time(17), place="GOPS", recorded_by=BY
    )
    app.hold_meeting(april, started_at=time(17), recorded_by=BY)
    app.approve_minutes(sitting, at_meeting=april, recorded_by=BY)

    planned = app.get_meeting(sitting, as_of=date(2026, 2, 1))
    assert (planned.state, planned.attendance, planned.resolutions) == ("scheduled", [], [])
    on_the_day = app.get_meeting(sitting, as_of=FEB)
    assert (on_the_day.state, on_the_day.minutes) == ("held", "draft")
    assert {a.name: a.departed_at for a in on_the_day.attendance}["Parafia św. Anny"] == time(
        18, 10
    )
    assert on_the_day.resolutions[0].state == "adopted"
    assert app.get_meeting(sitting).minutes == "approved"
    assert app.get_gmina(g.id, as_of=FEB).stage == 3
    assert len(app.get_team(g.id, as_of=FEB).members) == 5
    assert len(app.get_team(g.id, as_of=APR).members) == 4
    quorum = app.quorum_at(sitting, time(17, 55))
    assert (quorum.members, len(quorum.present_members), quorum.needed) == (5, 5, 3)
