"""Plain data about the team, its meetings, minutes, resolutions and the chosen entity."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from uuid import UUID


@dataclass(frozen=True)
class SeatView:
    """One period of a stakeholder's membership of the team."""

    stakeholder_id: UUID
    name: str
    role: str
    role_label: str
    appointed_on: date
    dismissed_on: date | None
    decided_by: str
    dismiss_reason: str


@dataclass(frozen=True)
class RulesView:
    quorum: str
    majority: str
    description: str
    since: date
    decided_by: str


@dataclass(frozen=True)
class TeamView:
    """The team as it stood on ``on``: its members then, and its whole history."""

    id: UUID
    gmina_id: UUID
    formed_on: date
    decided_by: str
    on: date
    members: list[SeatView]
    seats: list[SeatView]
    rules: RulesView
    rules_history: list[RulesView]
    resolution_numbers: list[str]
    entity_ids: list[UUID]
    version: int


@dataclass(frozen=True)
class AgendaItemView:
    number: int
    title: str
    summary: str


@dataclass(frozen=True)
class AttendanceView:
    """One line of the attendance list."""

    stakeholder_id: UUID
    name: str
    representative: str
    function: str
    role: str
    arrived_at: time
    departed_at: time | None


@dataclass(frozen=True)
class InvitedView:
    """A stakeholder invited to the meeting, and whether it came."""

    stakeholder_id: UUID
    name: str
    came: bool


@dataclass(frozen=True)
class ActionItemView:
    id: UUID
    meeting_id: UUID
    description: str
    owner_id: UUID
    owner_name: str
    due_on: date | None
    agenda_item: int | None
    state: str
    accepted_on: date | None
    commitment_id: UUID | None
    version: int


@dataclass(frozen=True)
class ErratumView:
    id: UUID
    corrects: str
    correction: str
    recorded_on: date


@dataclass(frozen=True)
class BallotView:
    stakeholder_id: UUID
    name: str
    choice: str


@dataclass(frozen=True)
class ResolutionView:
    """A resolution, its vote and outcome ("Uchwała nr 3/2026 … w sprawie …")."""

    id: UUID
    gmina_id: UUID
    meeting_id: UUID
    number: str
    label: str
    title: str
    proposer_id: UUID
    proposer_name: str
    text: str
    effects: list[str]
    state: str
    proposed_on: date
    vote_at: time | None
    ballots: list[BallotView]
    votes_for: int
    votes_against: int
    abstentions: int
    members: int
    present: int
    quorum: int
    withdraw_reason: str
    version: int


@dataclass(frozen=True)
class MeetingSummaryView:
    id: UUID
    kind: str
    number: str | None
    on: date
    at: time
    place: str
    state: str
    minutes: str


@dataclass(frozen=True)
class MeetingView:
    """A meeting and its minutes, as recorded now or as they stood on a date."""

    id: UUID
    gmina_id: UUID
    kind: str
    title: str
    number: str | None
    state: str
    on: date
    at: time
    place: str
    started_at: time | None
    ended_at: time | None
    chair: str
    minute_taker: str
    agenda: list[AgendaItemView]
    attendance: list[AttendanceView]
    actions: list[ActionItemView]
    resolutions: list[ResolutionView]
    minutes: str
    approved_on: date | None
    approved_at: UUID | None
    approval: str
    finalised_on: date | None
    errata: list[ErratumView]
    cancel_reason: str
    version: int
    invited: list[InvitedView] = field(default_factory=list)


@dataclass(frozen=True)
class QuorumView:
    """Whether the team could decide at a moment of a sitting, and why."""

    at: time
    members: int
    present_members: list[str]
    needed: int
    has_quorum: bool
    rule: str


@dataclass(frozen=True)
class EntityFactView:
    state: str
    effective_on: date
    decided_by: str
    resolution_id: UUID | None
    detail: str


@dataclass(frozen=True)
class EntityView:
    """A social employment entity the team chose, and the steps of its life."""

    id: UUID
    gmina_id: UUID
    entity_type: str
    type_label: str
    name: str
    state: str
    recreated: bool
    authority: str
    decision_number: str
    facts: list[EntityFactView]
    version: int
