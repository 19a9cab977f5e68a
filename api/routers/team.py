"""The Local Synergy Team: formed, members appointed and dismissed, its rules; its resolutions."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from pydantic import Field

from api.auth import ReadScope, Scope, WriteScope
from api.deps import Views, ViewsDep
from api.inputs import Input
from api.pages import render
from domain.errors import NotFoundError
from registry.meeting_views import TeamView

api = APIRouter(prefix="/api/gminas/{ref}/team", tags=["team"])
pages = APIRouter(prefix="/gminy/{ref}/zespol", include_in_schema=False)


class FormTeam(Input):
    decided_by: str = Field(min_length=1)
    quorum: str | None = None
    majority: str | None = None
    effective_on: date | None = None


class Appointment(Input):
    stakeholder_id: UUID
    role: str = "member"
    decided_by: str = ""
    effective_on: date | None = None


class Dismissal(Input):
    reason: str = ""
    effective_on: date | None = None


class RoleChange(Input):
    role: str
    decided_by: str = ""
    effective_on: date | None = None


class Rules(Input):
    quorum: str | None = None
    majority: str | None = None
    decided_by: str = Field(min_length=1)
    effective_on: date | None = None


@api.get("")
def get_team(scope: ReadScope, views: ViewsDep, as_of: date | None = None) -> TeamView:
    """The team's members on a date, its rules and its whole history."""
    return views.meetings.get_team(scope.gmina_id, as_of=as_of)


@api.post("", status_code=201)
def form_team(scope: WriteScope, views: ViewsDep, body: FormTeam) -> TeamView:
    scope.registry.form_team(scope.gmina_id, **body.model_dump(), recorded_by=scope.by)
    return views.meetings.get_team(scope.gmina_id)


@api.post("/members", status_code=201)
def appoint(scope: WriteScope, views: ViewsDep, body: Appointment) -> TeamView:
    fields = body.model_dump(exclude={"stakeholder_id"})
    scope.registry.appoint_member(
        scope.gmina_id, scope.stakeholder(body.stakeholder_id), **fields, recorded_by=scope.by
    )
    return views.meetings.get_team(scope.gmina_id)


@api.post("/members/{sid}/dismiss")
def dismiss(scope: WriteScope, views: ViewsDep, sid: UUID, body: Dismissal) -> TeamView:
    scope.registry.dismiss_member(
        scope.gmina_id, scope.stakeholder(sid), **body.model_dump(), recorded_by=scope.by
    )
    return views.meetings.get_team(scope.gmina_id)


@api.post("/members/{sid}/role")
def change_role(scope: WriteScope, views: ViewsDep, sid: UUID, body: RoleChange) -> TeamView:
    fields = body.model_dump(exclude={"role"})
    scope.registry.change_member_role(
        scope.gmina_id, scope.stakeholder(sid), body.role, **fields, recorded_by=scope.by
    )
    return views.meetings.get_team(scope.gmina_id)


@api.put("/rules")
def change_rules(scope: WriteScope, views: ViewsDep, body: Rules) -> TeamView:
    scope.registry.change_team_rules(scope.gmina_id, **body.model_dump(), recorded_by=scope.by)
    return views.meetings.get_team(scope.gmina_id)


def team_context(scope: Scope, views: Views) -> dict[str, Any]:
    reg = scope.registry
    try:
        team = views.meetings.get_team(scope.gmina_id)
    except NotFoundError:  # formed at stage 3; before that there is no team to show
        team = None
    return {
        "scope": scope,
        "page": "team",
        "gmina": reg.get_gmina(scope.gmina_id),
        "team": team,
        "resolutions": views.meetings.list_resolutions(scope.gmina_id),
    }


@pages.get("", response_class=HTMLResponse)
def team_page(request: Request, scope: ReadScope, views: ViewsDep) -> HTMLResponse:
    return render(request, "team.html", team_context(scope, views))


ROUTERS = (api, pages)
