"""Plain data the registry returns to its callers: never live aggregates."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from domain.values import Stage


def plain(value: Any) -> Any:
    """A view turned into JSON-ready values (dates as ISO, enums by value, ids as text)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Decimal):
        return str(value)
    return value


@dataclass(frozen=True)
class StageView:
    stage: int
    label: str
    effective_on: date
    reason: str
    decided_by: str | None
    recorded_by: str
    # Reached without the product of the stage before, on the regional coordinator's
    # decision (``recorded_by``): why, which product was missing and, in English, how much.
    override_reason: str | None = None
    missing_product: str | None = None
    missing_en: str | None = None
    missing_pl: str | None = None
    missing: dict[str, Any] | None = None


def stage_view(
    row: dict[str, Any], say_pl: Callable[[dict[str, Any]], str] | None = None
) -> StageView:
    """A stage reached, from the plain form the read model keeps; ``say_pl`` says what was
    missing in Polish (the read side has the words for it)."""
    missing = row.get("missing")
    return StageView(
        row["stage"],
        Stage(row["stage"]).polish,
        date.fromisoformat(row["effective_on"]),
        row["reason"],
        row["decided_by"],
        row["recorded_by"],
        override_reason=row.get("override_reason"),
        missing_product=missing["product"] if missing else None,
        missing_en=missing["template"].format(**missing["params"]) if missing else None,
        missing_pl=say_pl(missing) if missing and say_pl else None,
        missing=missing,
    )


@dataclass(frozen=True)
class AnalysisView:
    """The team's analysis (stage 5): findings, the entity chosen (its type) and why."""

    findings: str
    entity_type: str
    rationale: str
    decided_by: str
    effective_on: date
    recorded_by: str


def analysis_view(row: dict[str, Any]) -> AnalysisView:
    """The team's analysis, from the plain form the read model keeps."""
    return AnalysisView(**row | {"effective_on": date.fromisoformat(row["effective_on"])})


@dataclass(frozen=True)
class GminaView:
    id: UUID
    terc: str
    name: str
    powiat: str
    voivodeship: str
    registered_on: date
    stakeholder_count: int
    stage: int | None
    stage_label: str | None
    stages: list[StageView]
    version: int
    analysis: AnalysisView | None = None


@dataclass(frozen=True)
class StakeholderView:
    id: UUID
    gmina_id: UUID
    kind: str
    name: str
    sector: str
    subtype: str
    legal_form: str
    nip: str | None
    regon: str | None
    krs: str | None
    seat: str
    area: str
    resources_offered: list[str]
    contact: str
    status: str
    archived_on: date | None
    archive_reason: str
    person_id: UUID | None
    personal_data_erased: bool
    version: int


@dataclass(frozen=True)
class PartyView:
    stakeholder_id: UUID
    name: str
    sector: str
    joined_on: date
    left_on: date | None
    leave_reason: str
    form: str
    role: str
    representative: str
    representative_contact: str
    representative_person_id: UUID | None
    is_member: bool
    representative_function: str = ""


@dataclass(frozen=True)
class CommitmentView:
    id: UUID
    stakeholder_id: UUID
    stakeholder_name: str
    resource: str
    description: str
    quantity: Decimal | None
    unit: str
    beneficiary: str
    beneficiary_id: UUID | None
    joint_with: list[UUID]
    due_on: date | None
    made_on: date
    state: str
    closed_on: date | None
    note: str
    revisions: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class PactView:
    id: UUID
    gmina_id: UUID
    title: str
    theses: list[str]
    drafted_on: date
    parties: list[PartyView]
    commitments: list[CommitmentView]
    version: int

    @property
    def signatories(self) -> list[PartyView]:
        return [p for p in self.parties if p.is_member]


@dataclass(frozen=True)
class FactView:
    """One recorded fact of an aggregate's history."""

    version: int
    fact: str
    effective_on: date
    recorded_at: datetime
    recorded_by: str
    details: dict[str, Any]
