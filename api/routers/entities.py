"""The social employment entity the team chose: chosen, created, registered, status lost."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from fastapi import APIRouter
from pydantic import Field

from api.auth import ReadScope, Scope, WriteScope
from api.inputs import Input
from domain.errors import NotFoundError
from registry.meeting_views import EntityView

api = APIRouter(prefix="/api/gminas/{ref}/entities", tags=["entities"])


class Choice(Input):
    entity_type: str = Field(description="cis, kis, zaz, wtz or social_cooperative")
    name: str = ""
    decided_by: str = Field(min_length=1, description="Whose decision.")
    effective_on: date | None = None


class Creation(Input):
    decided_by: str = Field(min_length=1)
    recreated: bool = False
    effective_on: date | None = None


class Registration(Input):
    authority: str = Field(min_length=1, description="Who granted the status or registered it.")
    decision_number: str = Field(min_length=1)
    decided_by: str = ""
    effective_on: date | None = Field(default=None, description="Date of the decision.")


class StatusLost(Input):
    reason: str = Field(min_length=1)
    decided_by: str = ""
    effective_on: date | None = None


def entity(scope: Scope, eid: UUID) -> UUID:
    if scope.registry.get_entity(eid).gmina_id != scope.gmina_id:
        raise NotFoundError("No such record in this gmina.")
    return eid


@api.get("")
def list_entities(scope: ReadScope, as_of: date | None = None) -> list[EntityView]:
    """The entities the team chose and the steps of their life, now or as of a date."""
    return scope.registry.list_entities(scope.gmina_id, as_of=as_of)


@api.get("/{eid}")
def get_entity(scope: ReadScope, eid: UUID, as_of: date | None = None) -> EntityView:
    return scope.registry.get_entity(entity(scope, eid), as_of=as_of)


@api.post("", status_code=201)
def choose(scope: WriteScope, body: Choice) -> EntityView:
    """The team's choice of the entity to create."""
    eid = scope.registry.choose_entity(
        scope.gmina_id,
        body.entity_type,
        name=body.name,
        decided_by=body.decided_by,
        recorded_by=scope.by,
        effective_on=body.effective_on,
    )
    return scope.registry.get_entity(eid)


@api.post("/{eid}/created")
def created(scope: WriteScope, eid: UUID, body: Creation) -> EntityView:
    """The entity created (or re-created)."""
    scope.registry.record_entity_created(
        scope.gmina_id, entity(scope, eid), **body.model_dump(), recorded_by=scope.by
    )
    return scope.registry.get_entity(eid)


@api.post("/{eid}/registered")
def registered(scope: WriteScope, eid: UUID, body: Registration) -> EntityView:
    """The status granted or the entity registered: by whom, decision number, date."""
    scope.registry.record_entity_registered(
        scope.gmina_id, entity(scope, eid), **body.model_dump(), recorded_by=scope.by
    )
    return scope.registry.get_entity(eid)


@api.post("/{eid}/lost")
def lost(scope: WriteScope, eid: UUID, body: StatusLost) -> EntityView:
    """The entity's status lost."""
    scope.registry.record_entity_status_lost(
        scope.gmina_id, entity(scope, eid), **body.model_dump(), recorded_by=scope.by
    )
    return scope.registry.get_entity(eid)


ROUTERS = (api,)
