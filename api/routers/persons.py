"""Natural persons named in a gmina's records: their personal data erased on request."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from fastapi import APIRouter

from api.auth import WriteScope
from api.inputs import Input

api = APIRouter(prefix="/api/gminas/{ref}/persons", tags=["persons"])


class Erasure(Input):
    person_id: UUID
    erased_on: date


@api.delete("/{pid}")
def erase_person(scope: WriteScope, pid: UUID) -> Erasure:
    """Erase a person's data for good (RODO art. 17); the organisations' history stays.

    The person must be named in this gmina's catalogue or pact.
    """
    return Erasure(person_id=pid, erased_on=scope.registry.erase_person(scope.person(pid)))


ROUTERS = (api,)
