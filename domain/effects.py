"""What an adopted resolution of the team drives: the facts it records elsewhere."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.entity import EntityType
from domain.values import Immutable, Stage
from domain.voting import TeamRules


@dataclass(frozen=True)
class AdvanceStage(Immutable):
    """The partnership reaches the next MLW stage."""

    stage: Stage


@dataclass(frozen=True)
class AdmitSignatory(Immutable):
    """A stakeholder of the gmina is admitted to the pact."""

    stakeholder_id: UUID


@dataclass(frozen=True)
class AdoptPact(Immutable):
    """The team adopts the Pact for the MLW (stage 4)."""


@dataclass(frozen=True)
class AmendPact(Immutable):
    """The pact's theses are replaced."""

    theses: list[str]


@dataclass(frozen=True)
class ChooseEntity(Immutable):
    """The social employment entity the gmina will create."""

    entity_type: EntityType
    name: str = ""


@dataclass(frozen=True)
class RecordEntityCreated(Immutable):
    entity_id: UUID
    recreated: bool = False


@dataclass(frozen=True)
class RecordEntityRegistered(Immutable):
    entity_id: UUID
    authority: str
    decision_number: str
    decided_on: date


@dataclass(frozen=True)
class RecordEntityStatusLost(Immutable):
    entity_id: UUID
    reason: str


@dataclass(frozen=True)
class ChangeRules(Immutable):
    """The team's regulamin: a new quorum or majority rule."""

    rules: TeamRules


@dataclass(frozen=True)
class ApproveMinutes(Immutable):
    """The minutes of an earlier meeting are approved."""

    meeting_id: UUID


Effect = (
    AdvanceStage
    | AdmitSignatory
    | AdoptPact
    | AmendPact
    | ChooseEntity
    | RecordEntityCreated
    | RecordEntityRegistered
    | RecordEntityStatusLost
    | ChangeRules
    | ApproveMinutes
)
EFFECT_TYPES: tuple[type, ...] = Effect.__args__
