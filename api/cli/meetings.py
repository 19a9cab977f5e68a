"""`mlw meeting …` and `mlw attendance …`: the calendar, holding a meeting, its agenda and
attendance list (late arrivals, early departures) and the quorum at any moment."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, Any

import typer

from api.cli.minutes import MeetingArg
from api.cli.minutes import show as show_minutes
from api.cli.options import (
    ByOpt,
    GminaArg,
    JsonOpt,
    OnOpt,
    TimeOpt,
    choice_option,
    date_option,
    time_option,
)
from api.cli.refs import meeting_ref, resolve_stakeholder
from api.cli.support import answer, emit, recorder, run, short, stamp, table
from domain.minutes import MeetingKind
from registry.application import Registry
from registry.meeting_views import AttendanceView, MeetingView, QuorumView

meeting_app = typer.Typer(help="Pact meetings and team sittings: calendar, holding, agenda.")


def headline(m: MeetingView) -> str:
    return f"{m.title} – {m.on} {m.at:%H:%M}, {m.place} ({m.state}, id {short(m.id)})"


@meeting_app.command("schedule")
def schedule(
    gmina: GminaArg,
    kind: Annotated[
        MeetingKind, choice_option(MeetingKind, help="A team sitting or a pact meeting.")
    ],
    day: Annotated[date, date_option("--date", help="Day of the meeting.")],
    at: Annotated[time, time_option("--time", help="Time it starts.")],
    place: Annotated[str, typer.Option(help="Where.")],
    agenda: Annotated[list[str] | None, typer.Option(help="An agenda item (repeat).")] = None,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Put a meeting in the calendar: date, time, place, agenda."""

    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        mid = app.schedule_meeting(
            gid, kind=kind, on=day, at=at, place=place, agenda=agenda or [], **stamp(by, on)
        )
        return app.get_meeting(mid)

    answer(act, as_json, headline)


@meeting_app.command("reschedule")
def reschedule(
    gmina: GminaArg,
    meeting: MeetingArg,
    day: Annotated[date | None, date_option("--date", help="New day.")] = None,
    at: Annotated[time | None, time_option("--time", help="New time.")] = None,
    place: Annotated[str | None, typer.Option(help="New place.")] = None,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Move a meeting that has not taken place yet."""

    def act(app: Registry) -> Any:
        _, mid = meeting_ref(app, gmina, meeting)
        app.reschedule_meeting(mid, on=day, at=at, place=place, **stamp(by, on))
        return app.get_meeting(mid)

    answer(act, as_json, headline)


@meeting_app.command("cancel")
def cancel(
    gmina: GminaArg,
    meeting: MeetingArg,
    reason: Annotated[str, typer.Option(help="Why it is called off.")],
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Call off a scheduled meeting."""

    def act(app: Registry) -> Any:
        _, mid = meeting_ref(app, gmina, meeting)
        app.cancel_meeting(mid, reason=reason, **stamp(by, on))
        return app.get_meeting(mid)

    answer(act, as_json, headline)


@meeting_app.command("hold")
def hold(
    gmina: GminaArg,
    meeting: MeetingArg,
    start: Annotated[time, time_option(help="When it actually started.")],
    end: Annotated[time | None, time_option(help="When it ended.")] = None,
    chair: Annotated[
        str | None, typer.Option(help="Who chaired: a name, or a person id (`mlw person list`).")
    ] = None,
    chair_function: Annotated[str, typer.Option(help="The chair's function.")] = "",
    minute_taker: Annotated[
        str | None, typer.Option(help="Who took the minutes: a name, or a person id.")
    ] = None,
    number: Annotated[
        int | None, typer.Option(help="Minutes number (next free by default).")
    ] = None,
    on: Annotated[
        date | None,
        date_option("--on", help="Day it was held, if not as planned."),
    ] = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record the meeting held: start and end, chair, minute-taker; number its minutes."""

    def act(app: Registry) -> Any:
        _, mid = meeting_ref(app, gmina, meeting)
        app.hold_meeting(
            mid,
            started_at=start,
            ended_at=end,
            chair=chair,
            chair_function=chair_function,
            minute_taker=minute_taker,
            number=number,
            **stamp(by, on),
        )
        return app.get_meeting(mid)

    answer(act, as_json, headline)


@meeting_app.command("end")
def end(
    gmina: GminaArg, meeting: MeetingArg, at: TimeOpt, by: ByOpt = None, as_json: JsonOpt = False
) -> None:
    """Record when the meeting closed."""

    def act(app: Registry) -> Any:
        _, mid = meeting_ref(app, gmina, meeting)
        app.end_meeting(mid, ended_at=at, recorded_by=recorder(by))
        return app.get_meeting(mid)

    answer(act, as_json, headline)


@meeting_app.command("agenda")
def agenda(
    gmina: GminaArg,
    meeting: MeetingArg,
    title: Annotated[str, typer.Argument(help="The item added to the agenda.")],
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Add an item to the agenda of a held meeting."""

    def act(app: Registry) -> Any:
        _, mid = meeting_ref(app, gmina, meeting)
        number = app.add_agenda_item(mid, title, recorded_by=recorder(by))
        return app.get_meeting(mid).agenda[number - 1]

    answer(act, as_json, lambda i: f"{i.number}. {i.title}")


@meeting_app.command("list")
def list_meetings(
    gmina: GminaArg,
    kind: Annotated[MeetingKind | None, choice_option(MeetingKind, help="Only these.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """The gmina's meetings in date order."""
    views = run(lambda app: app.list_meetings(app.find_gmina(gmina), kind=kind), as_json)
    rows = [
        [str(m.on), f"{m.at:%H:%M}", m.kind, m.number or "", m.state, m.minutes, short(m.id)]
        for m in views
    ]
    emit(views, as_json, table(rows, ["date", "time", "kind", "no.", "state", "minutes", "id"]))


meeting_app.command("show")(show_minutes)

attendance_app = typer.Typer(help="Attendance lists: who came for whom, when, and the quorum.")


def describe_attendance(rows: list[AttendanceView]) -> str:
    return table(
        [
            [
                str(i),
                a.name,
                a.representative,
                a.function,
                a.role,
                f"{a.arrived_at:%H:%M}",
                f"{a.departed_at:%H:%M}" if a.departed_at else "",
            ]
            for i, a in enumerate(rows, 1)
        ],
        ["No.", "stakeholder", "represented by", "function", "as", "came", "left"],
    )


@attendance_app.command("add")
def attend(
    gmina: GminaArg,
    meeting: MeetingArg,
    stakeholders: Annotated[list[str], typer.Argument(help="Stakeholders present (one or more).")],
    representative: Annotated[
        str | None,
        typer.Option(help="Who came for it: a name, or a person id (`mlw person list`)."),
    ] = None,
    function: Annotated[str, typer.Option(help="The representative's function.")] = "",
    arrived: Annotated[time | None, time_option(help="Came at (default: the start).")] = None,
    left: Annotated[time | None, time_option(help="Left early at.")] = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Put stakeholders on the attendance list, as members or guests of that day."""

    def act(app: Registry) -> Any:
        gid, mid = meeting_ref(app, gmina, meeting)
        for ref in stakeholders:
            app.record_attendance(
                mid,
                resolve_stakeholder(app, ref, gid),
                representative=representative,
                representative_function=function,
                arrived_at=arrived,
                departed_at=left,
                recorded_by=recorder(by),
            )
        return app.get_meeting(mid).attendance

    answer(act, as_json, describe_attendance)


@attendance_app.command("depart")
def depart(
    gmina: GminaArg,
    meeting: MeetingArg,
    stakeholder: Annotated[str, typer.Argument(help="Who left early.")],
    at: TimeOpt,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record an early departure; later votes count without it."""

    def act(app: Registry) -> Any:
        gid, mid = meeting_ref(app, gmina, meeting)
        sid = resolve_stakeholder(app, stakeholder, gid)
        app.record_departure(mid, sid, at=at, recorded_by=recorder(by))
        return next(a for a in app.get_meeting(mid).attendance if a.stakeholder_id == sid)

    answer(act, as_json, lambda a: f"{a.name} left at {a.departed_at:%H:%M}.")


@attendance_app.command("strike")
def strike(
    gmina: GminaArg,
    meeting: MeetingArg,
    stakeholder: Annotated[str, typer.Argument(help="Entry to take off the draft list.")],
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Take a wrong entry off the draft attendance list."""

    def act(app: Registry) -> Any:
        gid, mid = meeting_ref(app, gmina, meeting)
        app.strike_attendance(
            mid, resolve_stakeholder(app, stakeholder, gid), recorded_by=recorder(by)
        )
        return app.get_meeting(mid)

    answer(act, as_json, lambda m: f"{len(m.attendance)} on the attendance list.")


def describe_quorum(q: QuorumView) -> str:
    verdict = "quorum" if q.has_quorum else "NO quorum"
    names = ", ".join(q.present_members) or "nobody"
    return (
        f"At {q.at:%H:%M}: {len(q.present_members)} of {q.members} members present, "
        f"{q.needed} needed ({q.rule}) – {verdict}.\n  Present: {names}"
    )


@attendance_app.command("quorum")
def quorum(gmina: GminaArg, meeting: MeetingArg, at: TimeOpt, as_json: JsonOpt = False) -> None:
    """Whether the team could decide at a moment of the sitting, and who was there."""

    def act(app: Registry) -> Any:
        _, mid = meeting_ref(app, gmina, meeting)
        return app.quorum_at(mid, at)

    answer(act, as_json, describe_quorum)


@attendance_app.command("list")
def attendance_list(gmina: GminaArg, meeting: MeetingArg, as_json: JsonOpt = False) -> None:
    """The meeting's attendance list."""

    def act(app: Registry) -> Any:
        _, mid = meeting_ref(app, gmina, meeting)
        return app.get_meeting(mid).attendance

    answer(act, as_json, describe_attendance)
