"""`mlw attendance …`: the attendance list, late arrivals, early departures, and quorum."""

from __future__ import annotations

from datetime import time
from typing import Annotated, Any

import typer

from api.cli.minutes import MeetingArg
from api.cli.options import ByOpt, GminaArg, JsonOpt, TimeOpt, time_option
from api.cli.refs import meeting_ref, resolve_stakeholder
from api.cli.support import answer, recorder, table
from registry.application import Registry
from registry.meeting_views import AttendanceView, QuorumView

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
