"""Zielony Jar at stage 2 with a team of five, and its February sitting: where the meetings
stories start, and how they check that a refusal writes nothing."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from typing import Any
from uuid import UUID

import pytest

from domain.effects import AdvanceStage
from domain.errors import DomainError
from domain.values import Stage
from registry.application import Registry

BY = "moderatorka.ala"
FEB = date(2026, 2, 10)
APR = date(2026, 4, 14)


def on(day: date) -> dict[str, Any]:
    """Recorded by the facilitator, taking effect on ``day``: what every fact is stamped with."""
    return {"recorded_by": BY, "effective_on": day}


@dataclass
class Gmina:
    id: UUID
    gops: UUID
    school: UUID
    ngo: UUID
    parish: UUID
    leader: UUID
    bank: UUID


def zielony_jar(app: Registry) -> Gmina:
    """The gmina at stage 2: six stakeholders catalogued, three signed the pact, a team of five."""
    gid = app.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by=BY, effective_on=date(2025, 9, 1)
    )
    app.open_partnership(gid, reason="Sesja rady", recorded_by=BY, effective_on=date(2025, 9, 15))

    def add(name: str, subtype: str, kind: str = "institution") -> UUID:
        return app.add_stakeholder(
            gid, name=name, subtype=subtype, kind=kind, **on(date(2025, 10, 1))
        )

    g = Gmina(
        gid,
        add("GOPS w Zielonym Jarze", "local_government_unit"),
        add("Szkoła Podstawowa w Jarze", "education"),
        add("Stowarzyszenie Razem", "ngo"),
        add("Parafia św. Anny", "church_organisation"),
        add("Halina Wiśniewska", "social_leader", "person"),
        add("Bank Spółdzielczy", "finance_banking"),
    )
    app.advance_stage(gid, 2, reason="Katalog", recorded_by=BY, effective_on=date(2025, 11, 1))
    for sid in (g.gops, g.school, g.ngo):
        app.join_pact(gid, sid, recorded_by=BY, effective_on=date(2026, 1, 5))
    app.form_team(gid, decided_by="Zarządzenie Wójta nr 12/2026", **on(date(2026, 1, 10)))
    for sid, role in (
        (g.gops, "chair"),
        (g.school, "member"),
        (g.ngo, "secretary"),
        (g.parish, "member"),
        (g.leader, "member"),
    ):
        app.appoint_member(gid, sid, role=role, recorded_by=BY, effective_on=date(2026, 1, 10))
    return g


def first_sitting(app: Registry, g: Gmina) -> UUID:
    """February: GOPS, the school and the leader on time, the NGO late, the parish leaves early."""
    sitting = app.schedule_meeting(
        g.id,
        kind="team",
        on=FEB,
        at=time(17),
        place="GOPS, sala nr 2",
        agenda=["Otwarcie", "Ukonstytuowanie się Zespołu", "Pakt"],
        **on(date(2026, 1, 20)),
    )
    assert (
        app.hold_meeting(
            sitting,
            started_at=time(17, 5),
            chair="Anna Nowak",
            minute_taker="Jan Kowal",
            recorded_by=BY,
        )
        == "1/2026"
    )
    for sid in (g.gops, g.school, g.leader, g.parish, g.bank):
        app.record_attendance(sitting, sid, recorded_by=BY)
    app.record_attendance(sitting, g.ngo, arrived_at=time(17, 50), recorded_by=BY)
    app.record_departure(sitting, g.parish, at=time(18, 10), recorded_by=BY)
    app.summarise_item(sitting, 2, "Zespół ukonstytuował się.", recorded_by=BY)
    return sitting


def april_sitting(app: Registry, g: Gmina) -> UUID:
    """April: the team sits again with GOPS, the school and the NGO present."""
    april = app.schedule_meeting(
        g.id, kind="zsl", on=APR, at=time(17), place="GOPS", recorded_by=BY
    )
    app.hold_meeting(april, started_at=time(17), recorded_by=BY)
    for sid in (g.gops, g.school, g.ngo):
        app.record_attendance(april, sid, recorded_by=BY)
    return april


def propose(
    app: Registry, sitting: UUID, g: Gmina, title: str, *effects: object, **kw: object
) -> UUID:
    return app.propose_resolution(
        sitting,
        title=title,
        text="§1. …",
        proposer_id=g.gops,
        effects=list(effects),
        recorded_by=BY,
        **kw,  # type: ignore[arg-type]
    )


def team_constituted(app: Registry, sitting: UUID, g: Gmina) -> UUID:
    """At 17:30 the sitting adopts, three votes for, that the team is constituted (stage 3)."""
    resolution = propose(
        app, sitting, g, "ukonstytuowania się Zespołu", AdvanceStage(Stage.SYNERGY_TEAM)
    )
    app.vote(resolution, at=time(17, 30), totals=(3, 0, 0), recorded_by=BY)
    return resolution


def last_id(app: Registry) -> int:
    return app.recorder.max_notification_id() or 0


def refused(app: Registry, error: type[DomainError], words: str, act: Callable[[], object]) -> None:
    """The command is refused with a clear message, and nothing at all is written."""
    before = last_id(app)
    with pytest.raises(error, match=words):
        act()
    assert last_id(app) == before
