"""Plain data the registry returns to its callers: never live aggregates."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID


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
