"""`mlw attendance …`: a meeting's attendance list: who came for which stakeholder and when,
late arrivals and early departures, and the team's quorum at any moment of its sitting."""

from __future__ import annotations

from datetime import time
from typing import Annotated

import typer

from api.cli.command import Meeting, UndatedDesk, command
from api.cli.meeting_reads import meeting_reads
from api.cli.options import TimeOpt, time_option
from api.cli.refs import resolve_stakeholder
from api.cli.support import table
from registry.application import Registry
from registry.meeting_views import AttendanceView, MeetingView, QuorumView

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


@command(attendance_app, "add", describe_attendance)
def attend(
    desk: UndatedDesk,
    meeting: Meeting,
    stakeholders: Annotated[list[str], typer.Argument(help="Stakeholders present (one or more).")],
    representative: Annotated[
        str | None,
        typer.Option(help="Who came for it: a name, or a person id (`mlw person list`)."),
    ] = None,
    function: Annotated[str, typer.Option(help="The representative's function.")] = "",
    arrived: Annotated[time | None, time_option(help="Came at (default: the start).")] = None,
    left: Annotated[time | None, time_option(help="Left early at.")] = None,
) -> list[AttendanceView]:
    """Put stakeholders on the attendance list, as members or guests of that day."""
    for ref in stakeholders:
        desk.app.record_attendance(
            meeting.id,
            resolve_stakeholder(desk.app, ref, meeting.gmina_id),
            representative=representative,
            representative_function=function,
            arrived_at=arrived,
            departed_at=left,
            recorded_by=desk.by,
        )
    return meeting_reads(desk.app).get_meeting(meeting.id).attendance


@command(attendance_app, "depart", lambda a: f"{a.name} left at {a.departed_at:%H:%M}.")
def depart(
    desk: UndatedDesk,
    meeting: Meeting,
    stakeholder: Annotated[str, typer.Argument(help="Who left early.")],
    at: TimeOpt,
) -> AttendanceView:
    """Record an early departure; later votes count without it."""
    sid = resolve_stakeholder(desk.app, stakeholder, meeting.gmina_id)
    desk.app.record_departure(meeting.id, sid, at=at, recorded_by=desk.by)
    return next(
        a
        for a in meeting_reads(desk.app).get_meeting(meeting.id).attendance
        if a.stakeholder_id == sid
    )


@command(attendance_app, "strike", lambda m: f"{len(m.attendance)} on the attendance list.")
def strike(
    desk: UndatedDesk,
    meeting: Meeting,
    stakeholder: Annotated[str, typer.Argument(help="Entry to take off the draft list.")],
) -> MeetingView:
    """Take a wrong entry off the draft attendance list."""
    sid = resolve_stakeholder(desk.app, stakeholder, meeting.gmina_id)
    desk.app.strike_attendance(meeting.id, sid, recorded_by=desk.by)
    return meeting_reads(desk.app).get_meeting(meeting.id)


def describe_quorum(q: QuorumView) -> str:
    verdict = "quorum" if q.has_quorum else "NO quorum"
    names = ", ".join(q.present_members) or "nobody"
    return (
        f"At {q.at:%H:%M}: {len(q.present_members)} of {q.members} members present, "
        f"{q.needed} needed ({q.rule}) – {verdict}.\n  Present: {names}"
    )


@command(attendance_app, "quorum", describe_quorum)
def quorum(app: Registry, meeting: Meeting, at: TimeOpt) -> QuorumView:
    """Whether the team could decide at a moment of the sitting, and who was there."""
    return meeting_reads(app).quorum_at(meeting.id, at)


@command(attendance_app, "list", describe_attendance)
def attendance_list(app: Registry, meeting: Meeting) -> list[AttendanceView]:
    """The meeting's attendance list."""
    return meeting_reads(app).get_meeting(meeting.id).attendance
