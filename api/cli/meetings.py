"""`mlw meeting …`: pact meetings and team sittings from the calendar to the day they are
held: scheduling, moving and calling off, holding (start, end, chair, minute-taker), agenda.
The attendance list is in `api.cli.attendance`, the minutes in `api.cli.minutes`."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, NamedTuple

import typer

from api.cli.command import Desk, GminaId, Meeting, UndatedDesk, command
from api.cli.meeting_reads import meeting_reads
from api.cli.minutes import describe_meeting, show
from api.cli.options import TimeOpt, choice_option, date_option, time_option
from api.cli.refs import resolve_stakeholder
from api.cli.support import short, table
from domain.minutes import MeetingKind
from registry.application import Registry
from registry.meeting_views import AgendaItemView, MeetingSummaryView, MeetingView

meeting_app = typer.Typer(help="Pact meetings and team sittings: calendar, holding, agenda.")


def headline(m: MeetingView) -> str:
    return f"{m.title} – {m.on} {m.at:%H:%M}, {m.place} ({m.state}, id {short(m.id)})"


@command(meeting_app, "schedule", headline)
def schedule(
    desk: Desk,
    gmina: GminaId,
    kind: Annotated[
        MeetingKind, choice_option(MeetingKind, help="A team sitting or a pact meeting.")
    ],
    day: Annotated[date, date_option("--date", help="Day of the meeting.")],
    at: Annotated[time, time_option("--time", help="Time it starts.")],
    place: Annotated[str, typer.Option(help="Where.")],
    agenda: Annotated[list[str] | None, typer.Option(help="An agenda item (repeat).")] = None,
) -> MeetingView:
    """Put a meeting in the calendar: date, time, place, agenda."""
    mid = desk.app.schedule_meeting(
        gmina, kind=kind, on=day, at=at, place=place, agenda=agenda or [], **desk.stamp
    )
    return meeting_reads(desk.app).get_meeting(mid)


@command(meeting_app, "reschedule", headline)
def reschedule(
    desk: Desk,
    meeting: Meeting,
    day: Annotated[date | None, date_option("--date", help="New day.")] = None,
    at: Annotated[time | None, time_option("--time", help="New time.")] = None,
    place: Annotated[str | None, typer.Option(help="New place.")] = None,
) -> MeetingView:
    """Move a meeting that has not taken place yet."""
    desk.app.reschedule_meeting(meeting.id, on=day, at=at, place=place, **desk.stamp)
    return meeting_reads(desk.app).get_meeting(meeting.id)


CancelReasonOpt = Annotated[str, typer.Option(help="Why it is called off.")]


@command(meeting_app, "cancel", headline)
def cancel(desk: Desk, meeting: Meeting, reason: CancelReasonOpt) -> MeetingView:
    """Call off a scheduled meeting."""
    desk.app.cancel_meeting(meeting.id, reason=reason, **desk.stamp)
    return meeting_reads(desk.app).get_meeting(meeting.id)


def describe_invited(m: MeetingView) -> str:
    return f"{headline(m)}\n  Invited: {', '.join(i.name for i in m.invited)}"


@command(meeting_app, "invite", describe_invited)
def invite(
    desk: Desk,
    meeting: Meeting,
    stakeholders: Annotated[list[str], typer.Argument(help="Stakeholders invited (one or more).")],
) -> MeetingView:
    """Record who was invited: guests from outside the team or the pact, or members asked in
    person. Expected at a meeting are its body's members and those invited."""
    ids = [resolve_stakeholder(desk.app, ref, meeting.gmina_id) for ref in stakeholders]
    desk.app.invite_to_meeting(meeting.id, ids, **desk.stamp)
    return meeting_reads(desk.app).get_meeting(meeting.id)


class Holding(NamedTuple):
    """How a meeting went: when it started and ended, who chaired it and who took the
    minutes, and the minutes' number."""

    started_at: Annotated[time, time_option("--start", help="When it actually started.")]
    ended_at: Annotated[time | None, time_option("--end", help="When it ended.")] = None
    chair: Annotated[
        str | None, typer.Option(help="Who chaired: a name, or a person id (`mlw person list`).")
    ] = None
    chair_function: Annotated[str, typer.Option(help="The chair's function.")] = ""
    minute_taker: Annotated[
        str | None, typer.Option(help="Who took the minutes: a name, or a person id.")
    ] = None
    number: Annotated[int | None, typer.Option(help="Minutes number (next free by default).")] = (
        None
    )


@command(meeting_app, "hold", headline)
def hold(
    desk: UndatedDesk,
    meeting: Meeting,
    holding: Holding,
    on: Annotated[
        date | None,
        date_option("--on", help="Day it was held, if not as planned."),
    ] = None,
) -> MeetingView:
    """Record the meeting held: start and end, chair, minute-taker; number its minutes."""
    desk.app.hold_meeting(
        meeting.id,
        **holding._asdict(),
        recorded_by=desk.by,
        effective_on=on,
    )
    return meeting_reads(desk.app).get_meeting(meeting.id)


@command(meeting_app, "end", headline)
def end(desk: UndatedDesk, meeting: Meeting, at: TimeOpt) -> MeetingView:
    """Record when the meeting closed."""
    desk.app.end_meeting(meeting.id, ended_at=at, recorded_by=desk.by)
    return meeting_reads(desk.app).get_meeting(meeting.id)


AgendaTitleArg = Annotated[str, typer.Argument(help="The item added to the agenda.")]


@command(meeting_app, "agenda", lambda i: f"{i.number}. {i.title}")
def agenda(desk: UndatedDesk, meeting: Meeting, title: AgendaTitleArg) -> AgendaItemView:
    """Add an item to the agenda of a held meeting."""
    number = desk.app.add_agenda_item(meeting.id, title, recorded_by=desk.by)
    return meeting_reads(desk.app).get_meeting(meeting.id).agenda[number - 1]


def calendar(views: list[MeetingSummaryView]) -> str:
    rows = [
        [str(m.on), f"{m.at:%H:%M}", m.kind, m.number or "", m.state, m.minutes, short(m.id)]
        for m in views
    ]
    return table(rows, ["date", "time", "kind", "no.", "state", "minutes", "id"])


@command(meeting_app, "list", calendar)
def list_meetings(
    app: Registry,
    gmina: GminaId,
    kind: Annotated[MeetingKind | None, choice_option(MeetingKind, help="Only these.")] = None,
) -> list[MeetingSummaryView]:
    """The gmina's meetings in date order."""
    return meeting_reads(app).list_meetings(gmina, kind=kind)


command(meeting_app, "show", describe_meeting)(show)
