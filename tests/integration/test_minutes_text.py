"""The secretary reads what the minutes say of each vote and of each correction."""

from __future__ import annotations

from datetime import date, time
from uuid import UUID

from domain.effects import ApproveMinutes
from domain.errors import QuorumNotReachedError
from projections.documents.build import build_document
from projections.documents.meetings import MinutesDocument
from projections.documents.render import render
from registry.application import Registry
from tests.integration.zielony_jar import (
    BY,
    april_sitting,
    first_sitting,
    on,
    propose,
    refused,
    team_constituted,
    zielony_jar,
)


def test_the_minutes_say_who_came_and_left_and_how_each_vote_stood_against_the_quorum(
    registry: Registry,
) -> None:
    app, g = registry, zielony_jar(registry)
    sitting = first_sitting(app, g)
    team_constituted(app, sitting, g)
    late = propose(app, sitting, g, "harmonogramu prac")
    app.record_departure(sitting, g.school, at=time(18, 15), recorded_by=BY)
    app.record_departure(sitting, g.leader, at=time(18, 18), recorded_by=BY)
    app.open_vote(late, at=time(18, 20), recorded_by=BY)
    app.record_totals(late, votes_for=2, votes_against=0, abstentions=0, recorded_by=BY)
    refused(
        app,
        QuorumNotReachedError,
        "2 of 5 members present",
        lambda: app.close_vote(late, recorded_by=BY),
    )
    untouched = propose(app, sitting, g, "sprawy odłożonej")

    doc: MinutesDocument = build_document(app, "minutes", g.id, subject="zsl 1/2026").document
    assert doc.movements == [
        "17:50 – przybywa Stowarzyszenie Razem.",
        "18:10 – posiedzenie opuszcza Parafia św. Anny.",
        "18:15 – posiedzenie opuszcza Szkoła Podstawowa w Jarze.",
        "18:18 – posiedzenie opuszcza Halina Wiśniewska.",
    ]
    adopted, no_quorum, not_voted = doc.decisions
    assert adopted.voted and adopted.statement == (
        "Projekt uchwały nr 1/2026 w sprawie ukonstytuowania się Zespołu: przy głosowaniu "
        "obecnych 4 z 5 członków Zespołu, wymagane kworum 3 – Zespół był zdolny do podjęcia "
        "uchwały; za 3, przeciw 0, wstrzymało się 0. Uchwałę podjęto."
    )
    assert (adopted.vote.outcome, no_quorum.vote.outcome) == ("podjęta", "brak kworum")
    assert not no_quorum.voted and no_quorum.statement == (
        "Projekt uchwały nr 2/2026 w sprawie harmonogramu prac: głosowania nie przeprowadzono "
        "z braku kworum – obecnych 2 z 5 członków Zespołu, wymagane kworum 3; uchwały nie podjęto."
    )
    assert not_voted.statement.endswith("projektu nie poddano pod głosowanie.")
    assert untouched

    english = build_document(app, "minutes", g.id, subject="zsl 1/2026", lang="en").document
    assert "no vote was taken for lack of quorum – 2 of 5 members" in (
        english.decisions[1].statement
    )
    assert english.movements[0] == "17:50 – Stowarzyszenie Razem arrives."


def test_a_correction_is_dated_and_names_the_agenda_item_in_words(registry: Registry) -> None:
    app, g = registry, zielony_jar(registry)
    sitting = first_sitting(app, g)
    app.end_meeting(sitting, ended_at=time(19), recorded_by=BY)
    april = april_sitting(app, g)
    approval = propose(app, april, g, "przyjęcia protokołu nr 1/2026", ApproveMinutes(sitting))
    app.vote(approval, at=time(17, 10), votes_for=[g.gops, g.school, g.ngo], recorded_by=BY)
    app.record_erratum(
        sitting,
        corrects="agenda:2",
        correction="Zespół ukonstytuował się jednogłośnie.",
        **on(date(2026, 5, 4)),
    )

    doc: MinutesDocument = build_document(app, "minutes", g.id, subject="zsl 1/2026").document
    assert doc.errata == [
        "Sprostowanie z dnia 4 maja 2026 r. do punktu 2 porządku obrad („Ukonstytuowanie się "
        "Zespołu”): Zespół ukonstytuował się jednogłośnie."
    ]
    english = build_document(app, "minutes", g.id, subject="zsl 1/2026", lang="en").document
    assert english.errata[0].startswith("Correction of 4 May 2026 to item 2 of the agenda")


def test_the_signatories_meeting_counts_those_on_its_attendance_list(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    built = build_document(app, "minutes", gmina, subject="2026-03-12")
    listed = build_document(app, "attendance", gmina, subject="2026-03-12").document.lines
    assert built.document.attendees == len(listed) > 0
    html = render(built, "html").content.decode()
    assert f"Liczba obecnych według listy: {len(listed)}." in html
