"""Natural persons named in a gmina's records: who they are, where, and their erasure."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel

from api.auth import ReadScope, WriteScope
from api.inputs import Input

api = APIRouter(prefix="/api/gminas/{ref}/persons", tags=["persons"])


class Role(BaseModel):
    role: str
    record_id: UUID


class Person(BaseModel):
    person_id: UUID
    name: str
    erased: bool
    roles: list[Role]


class Mention(BaseModel):
    """A free-text value of a recorded fact that named the erased person."""

    record_id: UUID
    version: int
    fact: str
    field: str


class Erasure(BaseModel):
    person_id: UUID
    erased_on: date
    roles: list[Role] = []
    mentions: list[Mention] = []


@api.get("")
def list_people(scope: ReadScope) -> list[Person]:
    """The gmina's people: every natural person its records name, and the roles named in
    (catalogue, pact representative, chair, minute-taker, attendance)."""
    return [
        Person.model_validate(p, from_attributes=True)
        for p in scope.registry.people_of(scope.gmina_id)
    ]


@api.delete("/{pid}")
def erase_person(scope: WriteScope, pid: UUID) -> Erasure:
    """Erase a person's data for good (RODO art. 17) in every role; the organisations'
    history stays. The answer lists the free-text facts that still name them, for a
    recorded correction; public documents leave those texts out.

    The person must be named in this gmina's records.
    """
    erasure = scope.registry.erase_person_of(scope.gmina_id, pid)
    return Erasure.model_validate(erasure, from_attributes=True)


redactions = APIRouter(prefix="/api/gminas/{ref}/redactions", tags=["persons"])


class RedactionRequest(Input):
    """A correction of one free text of one fact, as listed by an erasure's mentions."""

    record_id: UUID
    version: int
    field: str
    replacement: str
    reason: str


class Redaction(BaseModel):
    digest: str


@redactions.post("", status_code=201)
def redact_text(scope: WriteScope, body: RedactionRequest) -> Redaction:
    """Record a correction of a free text that names a person: the fact stays in the
    history, and the registry shows the correction wherever the text appeared."""
    digest = scope.registry.redact_text(
        scope.gmina_id,
        body.record_id,
        body.version,
        body.field,
        body.replacement,
        reason=body.reason,
        recorded_by=scope.by,
    )
    return Redaction(digest=digest)


ROUTERS = (api, redactions)
