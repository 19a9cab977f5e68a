"""What an adopted resolution of the team drives: the facts it records elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.terms import EntityType, Stage
from domain.values import Immutable
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


def words_pl(
    effect: Effect, name_of: Callable[[UUID], str], minutes_of: Callable[[UUID], str]
) -> str:
    """What an adopted resolution does, in the words of its §1.

    ``name_of`` names a stakeholder, ``minutes_of`` earlier minutes ("nr 1/2026 z dnia …").
    """
    if isinstance(effect, AdvanceStage):
        return f"etap MLW {effect.stage.number}: {effect.stage.polish}"
    if isinstance(effect, AdoptPact):
        return "przyjęcie Paktu na rzecz MLW (etap 4)"
    if isinstance(effect, AdmitSignatory):
        return f"przyjęcie do Paktu: {name_of(effect.stakeholder_id)}"
    if isinstance(effect, AmendPact):
        return f"zmiana Paktu: {len(effect.theses)} tez"
    if isinstance(effect, ChangeRules):
        return f"zmiana regulaminu: {effect.rules.describe_pl()}"
    if isinstance(effect, ChooseEntity):
        label = effect.entity_type.polish
        return f"wybór podmiotu: {label}" + (f" – {effect.name}" if effect.name else "")
    if isinstance(effect, ApproveMinutes):
        return f"przyjęcie protokołu {minutes_of(effect.meeting_id)}"
    if isinstance(effect, RecordEntityCreated):
        return "odtworzenie podmiotu" if effect.recreated else "utworzenie podmiotu"
    if isinstance(effect, RecordEntityRegistered):
        return (
            f"nadanie statusu / wpis: {effect.authority}, {effect.decision_number} "
            f"z dnia {effect.decided_on}"
        )
    return f"utrata statusu podmiotu: {effect.reason}"
