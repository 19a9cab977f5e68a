"""The minutes' life after the sitting: tasks given, accepted, taken up; approved, final, errata.

The agenda items' summaries and the minutes as of a date are served by the meetings
router (PUT …/agenda/{item}/summary, GET …/meetings/{mid}?as_of=).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from uuid import UUID

from fastapi import APIRouter
from pydantic import Field

from api.auth import ReadScope, Scope, WriteScope
from api.deps import Views, ViewsDep
from api.inputs import Input
from domain.errors import NotFoundError
from registry.meeting_views import ActionItemView, ErratumView, MeetingView

api = APIRouter(prefix="/api/gminas/{ref}/meetings/{mid}", tags=["minutes"])


class NewTask(Input):
    owner_id: UUID = Field(description="The stakeholder who is to do it.")
    description: str = Field(min_length=1)
    due_on: date | None = None
    agenda_item: int | None = Field(default=None, description="The agenda item it comes from.")


class Acceptance(Input):
    effective_on: date | None = None


class TakeUp(Input):
    resource: str = Field(description="money, premises, staff, time, know_how, …")
    quantity: Decimal | None = None
    unit: str = ""
    beneficiary: str = Field(default="", description="For whom (a group).")
    effective_on: date | None = None


class Approval(Input):
    at_meeting_id: UUID = Field(description="The later meeting of the same body that approved.")
    decided_by: str = Field(default="", description="How, e.g. 'jednogłośnie'.")


class Finalisation(Input):
    effective_on: date | None = None


class Erratum(Input):
    corrects: str = Field(
        min_length=1,
        description="header, agenda:<no.>, attendance:<stakeholder id>, action:<task id>, "
        "resolution:<resolution id>",
    )
    correction: str = Field(min_length=1)
    effective_on: date | None = None


def action_of(scope: Scope, views: Views, mid: UUID, aid: UUID) -> UUID:
    """A task given at this meeting of this gmina; any other task is no task at all."""
    if views.meetings.get_action(aid, scope.gmina_id).meeting_id != mid:
        raise NotFoundError("No such task in these minutes.")
    return aid


@api.get("/actions")
def list_actions(
    scope: ReadScope, views: ViewsDep, mid: UUID, as_of: date | None = None
) -> list[ActionItemView]:
    """The tasks the meeting gave, as the minutes record them."""
    return views.meetings.get_meeting(mid, scope.gmina_id, as_of=as_of).actions


@api.post("/actions", status_code=201)
def assign(scope: WriteScope, views: ViewsDep, mid: UUID, body: NewTask) -> ActionItemView:
    """Record a task the meeting gave a stakeholder."""
    aid = scope.registry.assign_action(
        scope.meeting(mid),
        scope.stakeholder(body.owner_id),
        description=body.description,
        due_on=body.due_on,
        agenda_item=body.agenda_item,
        recorded_by=scope.by,
    )
    return views.meetings.get_action(aid)


@api.get("/actions/{aid}")
def get_action(
    scope: ReadScope, views: ViewsDep, mid: UUID, aid: UUID, as_of: date | None = None
) -> ActionItemView:
    return views.meetings.get_action(action_of(scope, views, mid, aid), as_of=as_of)


@api.post("/actions/{aid}/accept")
def accept(
    scope: WriteScope, views: ViewsDep, mid: UUID, aid: UUID, body: Acceptance
) -> ActionItemView:
    """The owner accepted its task."""
    scope.registry.accept_action(
        action_of(scope, views, mid, aid), recorded_by=scope.by, effective_on=body.effective_on
    )
    return views.meetings.get_action(aid)


@api.post("/actions/{aid}/commitment", status_code=201)
def take_up(
    scope: WriteScope, views: ViewsDep, mid: UUID, aid: UUID, body: TakeUp
) -> ActionItemView:
    """An accepted task becomes one of its owner's commitments in the pact."""
    scope.registry.take_up_action(
        action_of(scope, views, mid, aid),
        resource=body.resource,
        quantity=None if body.quantity is None else str(body.quantity),
        unit=body.unit,
        beneficiary=body.beneficiary,
        recorded_by=scope.by,
        effective_on=body.effective_on,
    )
    return views.meetings.get_action(aid)


@api.post("/minutes/approval")
def approve(scope: WriteScope, views: ViewsDep, mid: UUID, body: Approval) -> MeetingView:
    """The minutes approved at a later meeting; from then they change only by errata."""
    scope.registry.approve_minutes(
        scope.meeting(mid),
        at_meeting=scope.meeting(body.at_meeting_id),
        decided_by=body.decided_by,
        recorded_by=scope.by,
    )
    return views.meetings.get_meeting(mid)


@api.post("/minutes/final")
def finalise(scope: WriteScope, views: ViewsDep, mid: UUID, body: Finalisation) -> MeetingView:
    """The approved minutes signed: final, never edited again."""
    scope.registry.finalise_minutes(
        scope.meeting(mid), recorded_by=scope.by, effective_on=body.effective_on
    )
    return views.meetings.get_meeting(mid)


@api.post("/minutes/errata", status_code=201)
def erratum(scope: WriteScope, views: ViewsDep, mid: UUID, body: Erratum) -> ErratumView:
    """A correction to approved or final minutes, pointing at what it corrects."""
    eid = scope.registry.record_erratum(
        scope.meeting(mid),
        corrects=body.corrects,
        correction=body.correction,
        recorded_by=scope.by,
        effective_on=body.effective_on,
    )
    return next(e for e in views.meetings.get_meeting(mid).errata if e.id == eid)


ROUTERS = (api,)
