"""The demo team and how its meetings are recorded, one after another, as a facilitator would.

Invented like the rest of the demo. The team is drawn from the gmina's catalogue: its social
assistance centre in the chair and every sector at the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time, timedelta
from uuid import UUID

from domain.effects import AdoptPact, AdvanceStage, ApproveMinutes, Effect
from domain.errors import RuleViolationError
from domain.values import Stage
from registry.application import Registry

ROLE_PICKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("chair", ("local_government_unit",)),
    ("deputy", ("local_government",)),
    ("secretary", ("ngo",)),
    ("member", ("local_government_unit",)),
    ("member", ("ngo",)),
    ("member", ("church_organisation",)),
    ("member", ("social_cooperative",)),
    ("member", ("finance_banking", "other_business")),
    ("member", ("social_leader",)),
)
DAY = timedelta(days=1)
CLOSING = (
    "§2. Wykonanie uchwały powierza się Przewodniczącej Zespołu. "
    "§3. Uchwała wchodzi w życie z dniem podjęcia."
)


def pick_team(app: Registry, gmina_id: UUID, on: date) -> list[tuple[UUID, str]]:
    """Members for the team from the catalogue as it stood on ``on``: every sector, with
    signatories and the social assistance centre first."""
    signatories = {p.stakeholder_id for p in app.get_pact(gmina_id).signatories}
    ranked = sorted(
        app.catalogue(gmina_id, as_of=on),
        key=lambda s: (s.id not in signatories, "pomocy społecznej" not in s.name.lower()),
    )
    team: list[tuple[UUID, str]] = []
    for role, subtypes in ROLE_PICKS:
        taken = {sid for sid, _ in team}
        found = next((s for s in ranked if s.subtype in subtypes and s.id not in taken), None)
        if found is not None:
            team.append((found.id, role))
    if len(team) < 3 or team[0][1] != "chair":
        raise RuleViolationError(
            "The demo team needs a social assistance centre and two more stakeholders."
        )
    return team


class DemoYear:
    """Records the demo year's meetings one after another, as a facilitator would."""

    def __init__(self, app: Registry, gmina_id: UUID, by: str) -> None:
        self.app, self.gmina_id, self.by = app, gmina_id, by

    def name(self, stakeholder_id: UUID) -> str:
        return self.app.get_stakeholder(stakeholder_id).name

    def next_stage(self, stage: Stage, on: date) -> list[Effect]:
        """Advance to ``stage`` only if it is the next one and may take effect on ``on``."""
        gmina = self.app.get_gmina(self.gmina_id)
        if gmina.stage == stage.number - 1 and gmina.stages[-1].effective_on <= on:
            return [AdoptPact()] if stage is Stage.PACT else [AdvanceStage(stage)]
        return []

    def representative(self, stakeholder_id: UUID, fallback: str) -> str:
        for party in self.app.get_pact(self.gmina_id).parties:
            if party.stakeholder_id == stakeholder_id and party.representative:
                return party.representative
        return fallback

    def sitting(
        self,
        on: date,
        items: Sequence[tuple[str, str]],
        *,
        absent: Sequence[UUID] = (),
        late: dict[UUID, time] | None = None,
        early: dict[UUID, time] | None = None,
        guests: Sequence[UUID] = (),
    ) -> UUID:
        """A team sitting at 17:00 in the social assistance centre, held with its attendance."""
        app, by = self.app, self.by
        sid = app.schedule_meeting(
            self.gmina_id,
            kind="team",
            on=on,
            at=time(17),
            place="Sala konferencyjna ośrodka pomocy społecznej",
            agenda=[title for title, _ in items],
            recorded_by=by,
            effective_on=on - 14 * DAY,
        )
        team = app.get_team(self.gmina_id, as_of=on)
        chair = next(m for m in team.members if m.role == "chair")
        taker = next((m for m in team.members if m.role == "secretary"), chair)
        app.hold_meeting(
            sid,
            started_at=time(17, 5),
            ended_at=time(19, 0),
            chair=self.representative(chair.stakeholder_id, "Przewodnicząca Zespołu"),
            chair_function="przewodnicząca Zespołu",
            minute_taker=self.representative(taker.stakeholder_id, "Sekretarz Zespołu"),
            minute_taker_function="sekretarz Zespołu",
            recorded_by=by,
        )
        late, early = late or {}, early or {}
        for m in team.members:
            if m.stakeholder_id in absent:
                continue
            app.record_attendance(
                sid,
                m.stakeholder_id,
                arrived_at=late.get(m.stakeholder_id),
                departed_at=early.get(m.stakeholder_id),
                recorded_by=by,
            )
        for guest in guests:
            app.record_attendance(sid, guest, recorded_by=by)
        self.summarise(sid, items)
        return sid

    def summarise(self, meeting_id: UUID, items: Sequence[tuple[str, str]]) -> None:
        for number, (_, summary) in enumerate(items, 1):
            self.app.summarise_item(meeting_id, number, summary, recorded_by=self.by)

    def present_members(self, sitting: UUID, at: time) -> list[UUID]:
        return [
            a.stakeholder_id
            for a in self.app.get_meeting(sitting).attendance
            if a.role == "member"
            and a.arrived_at <= at
            and (a.departed_at is None or at < a.departed_at)
        ]

    def resolve(
        self,
        sitting: UUID,
        at: time,
        title: str,
        text: str,
        effects: Sequence[Effect],
        proposer: UUID,
        *,
        against: Sequence[UUID] = (),
        abstain: Sequence[UUID] = (),
        totals: tuple[int, int, int] | None = None,
    ) -> UUID:
        """A resolution proposed and voted: every member present for, unless said otherwise."""
        rid = self.app.propose_resolution(
            sitting,
            title=title,
            text=f"{text} {CLOSING}",
            proposer_id=proposer,
            effects=list(effects),
            recorded_by=self.by,
        )
        present = self.present_members(sitting, at)
        self.app.vote(
            rid,
            at=at,
            votes_for=[] if totals else [s for s in present if s not in (*against, *abstain)],
            votes_against=[] if totals else list(against),
            abstentions=[] if totals else list(abstain),
            totals=totals,
            recorded_by=self.by,
        )
        return rid

    def approve(self, sitting: UUID, at: time, earlier: UUID, proposer: UUID) -> None:
        """The sitting approves the minutes of an earlier one by a resolution."""
        minutes = self.app.get_meeting(earlier)
        self.resolve(
            sitting,
            at,
            f"przyjęcia protokołu nr {minutes.number}",
            f"§1. Przyjmuje się bez uwag protokół nr {minutes.number} z dnia {minutes.on}.",
            [ApproveMinutes(earlier)],
            proposer,
        )

    def pact_meeting(self, on: date, items: Sequence[tuple[str, str]]) -> UUID:
        """A Forum of the pact's signatories in the culture centre, with those who came."""
        app = self.app
        mid = app.schedule_meeting(
            self.gmina_id,
            kind="pact",
            on=on,
            at=time(11),
            place="Sala widowiskowa ośrodka kultury",
            agenda=[title for title, _ in items],
            recorded_by=self.by,
            effective_on=on - 21 * DAY,
        )
        chair = next(m for m in app.get_team(self.gmina_id, as_of=on).members)
        app.hold_meeting(
            mid,
            started_at=time(11),
            ended_at=time(13, 30),
            chair=self.representative(chair.stakeholder_id, "Przewodnicząca Zespołu"),
            chair_function="przewodnicząca Zespołu Synergii Lokalnej",
            minute_taker="Pracownik socjalny ośrodka pomocy społecznej",
            recorded_by=self.by,
        )
        for party in app.get_pact(self.gmina_id, as_of=on).signatories[:14]:
            app.record_attendance(mid, party.stakeholder_id, recorded_by=self.by)
        self.summarise(mid, items)
        return mid


def form_team(app: Registry, gmina_id: UUID, on: date, decision: str, by: str) -> UUID:
    """The team formed on a decision, its members drawn from the catalogue (``pick_team``)."""
    team_id = app.form_team(gmina_id, decided_by=decision, recorded_by=by, effective_on=on)
    for sid, role in pick_team(app, gmina_id, on):
        app.appoint_member(
            gmina_id, sid, role=role, decided_by=decision, recorded_by=by, effective_on=on
        )
    return team_id


def team_formed_on(app: Registry, gmina_id: UUID) -> tuple[date, str]:
    """When and by whose decision the team was formed: stage 3 if reached, else soon."""
    stages = app.get_gmina(gmina_id).stages
    for s in stages:
        if s.stage == Stage.SYNERGY_TEAM.number:
            return s.effective_on, s.decided_by or "Zarządzenie Wójta (demo)"
    if not stages:
        raise RuleViolationError("Open the gmina's MLW partnership before its team meets.")
    return stages[-1].effective_on + 21 * DAY, "Zarządzenie Wójta nr 14/2026 (demo)"
