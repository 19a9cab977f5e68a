"""Meetings: scheduled, held, attendance per person, minutes per agenda item, votes."""

from __future__ import annotations

from datetime import date, time
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import Field

from api.auth import Csrf, ReadScope, Scope, WriteScope
from api.deps import Views, ViewsDep, views_of
from api.inputs import Input, WallClock
from api.pages import attempt, form_time, render, typed
from api.routers.catalogue import blank, run_in_thread
from registry.meeting_views import MeetingSummaryView, MeetingView, QuorumView

api = APIRouter(prefix="/api/gminas/{ref}/meetings", tags=["meetings"])
pages = APIRouter(prefix="/gminy/{ref}/spotkania", include_in_schema=False)


class Schedule(Input):
    kind: str = Field(description="team (a sitting of the team) or pact (a pact forum)")
    on: date
    at: time
    place: str = Field(min_length=1)
    agenda: list[str] = Field(default_factory=list)
    effective_on: date | None = None


class Hold(Input):
    started_at: time
    ended_at: time | None = None
    chair: str | None = None
    chair_function: str = ""
    minute_taker: str | None = None
    minute_taker_function: str = ""
    number: int | None = Field(
        default=None, ge=1, le=9999, description="The minutes' number, 1-9999, unique in the year."
    )
    effective_on: date | None = None


class End(Input):
    ended_at: time


class Reschedule(Input):
    on: date | None = None
    at: time | None = None
    place: str | None = None
    effective_on: date | None = None


class Cancel(Input):
    reason: str = Field(min_length=1)


class AgendaItem(Input):
    title: str = Field(min_length=1)


class Summary(Input):
    summary: str


class Attendance(Input):
    stakeholder_id: UUID
    representative: str | None = None
    representative_function: str = ""
    arrived_at: time | None = None
    departed_at: time | None = None


class Invitation(Input):
    stakeholder_ids: list[UUID] = Field(
        min_length=1,
        description="Stakeholders invited: guests from outside the body that meets, or its "
        "members asked in person. All are recorded, or none when one is refused.",
    )
    effective_on: date | None = Field(
        default=None, description="The day the invitation was sent (at the latest the meeting's)."
    )


class Departure(Input):
    at: time


@api.get("")
def list_meetings(
    scope: ReadScope, views: ViewsDep, kind: str | None = None
) -> list[MeetingSummaryView]:
    return views.meetings.list_meetings(scope.gmina_id, kind=kind)


@api.post("", status_code=201)
def schedule(scope: WriteScope, views: ViewsDep, body: Schedule) -> MeetingView:
    mid = scope.registry.schedule_meeting(scope.gmina_id, **body.model_dump(), recorded_by=scope.by)
    return views.meetings.get_meeting(mid)


@api.get("/{mid}")
def get_meeting(
    scope: ReadScope, views: ViewsDep, mid: UUID, as_of: date | None = None
) -> MeetingView:
    """A meeting with its attendance list, agenda, minutes and resolutions."""
    return views.meetings.get_meeting(mid, scope.gmina_id, as_of=as_of)


@api.get("/{mid}/quorum")
def quorum(scope: ReadScope, views: ViewsDep, mid: UUID, at: WallClock) -> QuorumView:
    return views.meetings.quorum_at(mid, at, scope.gmina_id)


@api.post("/{mid}/hold")
def hold(scope: WriteScope, views: ViewsDep, mid: UUID, body: Hold) -> MeetingView:
    scope.registry.hold_meeting(scope.meeting(mid), **body.model_dump(), recorded_by=scope.by)
    return views.meetings.get_meeting(mid)


@api.post("/{mid}/end")
def end(scope: WriteScope, views: ViewsDep, mid: UUID, body: End) -> MeetingView:
    scope.registry.end_meeting(scope.meeting(mid), ended_at=body.ended_at, recorded_by=scope.by)
    return views.meetings.get_meeting(mid)


@api.post("/{mid}/reschedule")
def reschedule(scope: WriteScope, views: ViewsDep, mid: UUID, body: Reschedule) -> MeetingView:
    """Move a meeting that has not taken place yet."""
    scope.registry.reschedule_meeting(scope.meeting(mid), **body.model_dump(), recorded_by=scope.by)
    return views.meetings.get_meeting(mid)


@api.post("/{mid}/cancel")
def cancel(scope: WriteScope, views: ViewsDep, mid: UUID, body: Cancel) -> MeetingView:
    scope.registry.cancel_meeting(scope.meeting(mid), reason=body.reason, recorded_by=scope.by)
    return views.meetings.get_meeting(mid)


@api.post("/{mid}/agenda", status_code=201)
def add_item(scope: WriteScope, views: ViewsDep, mid: UUID, body: AgendaItem) -> MeetingView:
    scope.registry.add_agenda_item(scope.meeting(mid), body.title, recorded_by=scope.by)
    return views.meetings.get_meeting(mid)


@api.put("/{mid}/agenda/{item}/summary")
def summarise(
    scope: WriteScope, views: ViewsDep, mid: UUID, item: int, body: Summary
) -> MeetingView:
    """The minutes' summary of one agenda item."""
    scope.registry.summarise_item(scope.meeting(mid), item, body.summary, recorded_by=scope.by)
    return views.meetings.get_meeting(mid)


@api.post("/{mid}/invitations", status_code=201)
def invite(scope: WriteScope, views: ViewsDep, mid: UUID, body: Invitation) -> MeetingView:
    """Record who was invited: expected at a meeting are its body's members and those invited,
    so a stakeholder never invited is not counted absent (refused: a stakeholder of another
    gmina, an archived one, one already invited)."""
    scope.registry.invite_to_meeting(
        scope.meeting(mid),
        [scope.stakeholder(sid) for sid in body.stakeholder_ids],
        effective_on=body.effective_on,
        recorded_by=scope.by,
    )
    return views.meetings.get_meeting(mid)


@api.post("/{mid}/attendance", status_code=201)
def attend(scope: WriteScope, views: ViewsDep, mid: UUID, body: Attendance) -> MeetingView:
    """Put a stakeholder on the attendance list (member or guest, decided by the registry)."""
    fields = body.model_dump(exclude={"stakeholder_id"})
    scope.registry.record_attendance(
        scope.meeting(mid), scope.stakeholder(body.stakeholder_id), **fields, recorded_by=scope.by
    )
    return views.meetings.get_meeting(mid)


@api.post("/{mid}/attendance/{sid}/departure")
def depart(
    scope: WriteScope, views: ViewsDep, mid: UUID, sid: UUID, body: Departure
) -> MeetingView:
    scope.registry.record_departure(
        scope.meeting(mid), scope.stakeholder(sid), at=body.at, recorded_by=scope.by
    )
    return views.meetings.get_meeting(mid)


@api.delete("/{mid}/attendance/{sid}")
def strike(scope: WriteScope, views: ViewsDep, mid: UUID, sid: UUID) -> MeetingView:
    """Strike a line recorded by mistake (refused once the person has voted)."""
    scope.registry.strike_attendance(
        scope.meeting(mid), scope.stakeholder(sid), recorded_by=scope.by
    )
    return views.meetings.get_meeting(mid)


# --- pages ------------------------------------------------------------------------------


def list_context(scope: Scope, views: Views) -> dict[str, Any]:
    meetings = views.meetings.list_meetings(scope.gmina_id)
    return {
        "scope": scope,
        "page": "meetings",
        "gmina": scope.registry.get_gmina(scope.gmina_id),
        "meetings": sorted(meetings, key=lambda m: m.on, reverse=True),
    }


@pages.get("", response_class=HTMLResponse)
def meetings_page(request: Request, scope: ReadScope, views: ViewsDep) -> HTMLResponse:
    return render(request, "meetings.html", list_context(scope, views))


@pages.post("", dependencies=[Csrf])
async def schedule_form(request: Request, scope: WriteScope) -> Response:
    form = await typed(request)
    created: list[UUID] = []

    def act() -> None:
        on = str(form.get("on", ""))
        created.append(
            scope.registry.schedule_meeting(
                scope.gmina_id,
                kind=str(form.get("kind", "")),
                on=date.fromisoformat(on) if on else date.today(),
                at=form_time(str(form.get("at", ""))) or time(10, 0),
                place=str(form.get("place", "")),
                agenda=[a.strip() for a in str(form.get("agenda", "")).splitlines() if a.strip()],
                recorded_by=scope.by,
            )
        )

    response = await run_in_thread(
        request,
        act,
        f"/gminy/{scope.ref}/spotkania",
        "meetings.html",
        lambda: list_context(scope, views_of(request)),
        form,
    )
    if created:
        response.headers["location"] = f"/gminy/{scope.ref}/spotkania/{created[0]}"
    return response


def meeting_context(scope: Scope, views: Views, mid: UUID) -> dict[str, Any]:
    reg = scope.registry
    meeting = views.meetings.get_meeting(mid, scope.gmina_id)
    present = {a.stakeholder_id for a in meeting.attendance}
    return {
        "scope": scope,
        "page": "meetings",
        "gmina": reg.get_gmina(scope.gmina_id),
        "m": meeting,
        "present": present,
        "catalogue": reg.catalogue(scope.gmina_id),
    }


@pages.get("/{mid}", response_class=HTMLResponse)
def meeting_page(request: Request, scope: ReadScope, views: ViewsDep, mid: UUID) -> HTMLResponse:
    return render(request, "meeting.html", meeting_context(scope, views, mid))


def meeting_form(
    request: Request, scope: Scope, mid: UUID, act: Any, form: dict[str, Any]
) -> Response:
    return attempt(
        request,
        act,
        then=f"/gminy/{scope.ref}/spotkania/{mid}",
        page="meeting.html",
        context=lambda: meeting_context(scope, views_of(request), mid),
        form=form,
    )


@pages.post("/{mid}/posiedzenie", dependencies=[Csrf])
async def hold_form(request: Request, scope: WriteScope, mid: UUID) -> Response:
    form = await typed(request)

    def act() -> None:
        scope.registry.hold_meeting(
            scope.meeting(mid),
            started_at=form_time(str(form.get("started_at", ""))) or time(10, 0),
            chair=blank(str(form.get("chair", ""))),
            minute_taker=blank(str(form.get("minute_taker", ""))),
            recorded_by=scope.by,
        )

    return await run_meeting_form(request, scope, mid, act, form)


async def run_meeting_form(
    request: Request, scope: Scope, mid: UUID, act: Any, form: dict[str, Any]
) -> Response:
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(meeting_form, request, scope, mid, act, form)


@pages.post("/{mid}/zaproszenia", dependencies=[Csrf])
async def invite_form(request: Request, scope: WriteScope, mid: UUID) -> Response:
    """The meeting page's invitation form: the stakeholders ticked are invited."""
    form = await typed(request)
    chosen = [str(v) for k, v in form.items() if k.startswith("invite-")]
    form["invite"] = "1"  # a refusal shows the form open again

    def act() -> None:
        scope.registry.invite_to_meeting(
            scope.meeting(mid),
            [scope.stakeholder(UUID(sid)) for sid in chosen],
            recorded_by=scope.by,
        )

    return await run_meeting_form(request, scope, mid, act, form)


@pages.post("/{mid}/obecnosc/{sid}", dependencies=[Csrf])
def attendance_click(request: Request, scope: WriteScope, mid: UUID, sid: UUID) -> Response:
    """One click per person: present if absent, struck off if present by mistake."""

    def act() -> None:
        meeting = views_of(request).meetings.get_meeting(mid, scope.gmina_id)
        stakeholder = scope.stakeholder(sid)
        if any(a.stakeholder_id == sid for a in meeting.attendance):
            scope.registry.strike_attendance(mid, stakeholder, recorded_by=scope.by)
        else:
            scope.registry.record_attendance(mid, stakeholder, recorded_by=scope.by)

    return meeting_form(request, scope, mid, act, {})


@pages.post("/{mid}/punkty/{item}", dependencies=[Csrf])
async def summary_form(request: Request, scope: WriteScope, mid: UUID, item: int) -> Response:
    form = await typed(request)

    def act() -> None:
        scope.registry.summarise_item(
            scope.meeting(mid), item, str(form.get("summary", "")), recorded_by=scope.by
        )

    return await run_meeting_form(request, scope, mid, act, form)


@pages.post("/{mid}/uchwaly", dependencies=[Csrf])
async def propose_form(request: Request, scope: WriteScope, mid: UUID) -> Response:
    form = await typed(request)

    def act() -> None:
        scope.registry.propose_resolution(
            scope.meeting(mid),
            title=str(form.get("title", "")),
            text=str(form.get("text", "")),
            proposer_id=scope.stakeholder(UUID(str(form.get("proposer_id")))),
            recorded_by=scope.by,
        )

    return await run_meeting_form(request, scope, mid, act, form)


@pages.post("/{mid}/uchwaly/{rid}/glosowanie", dependencies=[Csrf])
async def vote_form(request: Request, scope: WriteScope, mid: UUID, rid: UUID) -> Response:
    form = await typed(request)
    ballots: dict[str, list[UUID]] = {"for": [], "against": [], "abstain": []}
    for key, value in form.items():
        if key.startswith("vote-") and value in ballots:
            ballots[str(value)].append(UUID(key.removeprefix("vote-")))

    def act() -> None:
        scope.registry.vote(
            scope.resolution(rid),
            at=form_time(str(form.get("at", ""))) or time(11, 0),
            votes_for=[scope.stakeholder(s) for s in ballots["for"]],
            votes_against=[scope.stakeholder(s) for s in ballots["against"]],
            abstentions=[scope.stakeholder(s) for s in ballots["abstain"]],
            recorded_by=scope.by,
        )

    return await run_meeting_form(request, scope, mid, act, form)


ROUTERS = (api, pages)
