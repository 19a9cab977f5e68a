"""`mlw minutes …`: a held meeting's minutes from draft to final: the summaries of its agenda
items, approval at a later meeting, the signed final minutes and their errata; the minutes as
text. The tasks the minutes give are in `api.cli.actions`."""

from __future__ import annotations

from typing import Annotated

import typer

from api.cli.command import Desk, Meeting, UndatedDesk, command
from api.cli.meeting_reads import meeting_reads
from api.cli.options import AsOfOpt
from api.cli.refs import resolve_action, resolve_stakeholder
from api.cli.support import short, table
from domain.errors import InvalidInputError
from domain.minutes import hhmm
from registry.application import Registry
from registry.meeting_views import AgendaItemView, ErratumView, MeetingView, ResolutionView

minutes_app = typer.Typer(help="Minutes: summaries, tasks, approval, final minutes, errata.")


def describe_vote(r: ResolutionView) -> str:
    if r.state in ("proposed", "withdrawn"):
        return r.state
    return (
        f"{r.state}: for {r.votes_for}, against {r.votes_against}, abstained {r.abstentions}; "
        f"{r.present} of {r.members} members present (quorum {r.quorum})"
    )


def describe_meeting(m: MeetingView) -> str:
    """The minutes as a facilitator reads them back."""
    when = f"{m.on}, {hhmm(m.started_at or m.at)}–{hhmm(m.ended_at)}, {m.place}"
    state = f"{m.state}; minutes {m.minutes}"
    if m.approved_on:
        state += f", approved {m.approved_on} ({m.approval})"
    if m.finalised_on:
        state += f", final {m.finalised_on}"
    lines = [m.title, f"  {when}  ({state})", f"  id {m.id}, version {m.version}"]
    if m.cancel_reason:
        lines.append(f"  Cancelled: {m.cancel_reason}")
    if m.chair or m.minute_taker:
        lines.append(f"  Chair: {m.chair or '–'}; minutes taken by: {m.minute_taker or '–'}")
    if m.attendance:
        lines += ["", f"Attendance ({len(m.attendance)}):"]
        rows = [
            [str(i), a.name, a.representative, a.role, hhmm(a.arrived_at), hhmm(a.departed_at)]
            for i, a in enumerate(m.attendance, 1)
        ]
        lines.append(table(rows, ["No.", "stakeholder", "represented by", "as", "came", "left"]))
    if m.invited:
        held = m.state == "held"
        named = [f"{i.name} (came)" if held and i.came else i.name for i in m.invited]
        lines += ["", "Invited: " + ", ".join(named)]
    lines += ["", "Agenda:"]
    for item in m.agenda:
        lines.append(f"  {item.number}. {item.title}")
        if item.summary:
            lines.append(f"     {item.summary}")
    if m.resolutions:
        lines += ["", "Resolutions:"]
        lines += [f"  {r.label} {r.title} – {describe_vote(r)}" for r in m.resolutions]
    if m.actions:
        lines += ["", "Tasks:"]
        rows = [
            [str(i), short(a.id), a.owner_name, a.description, str(a.due_on or ""), a.state]
            for i, a in enumerate(m.actions, 1)
        ]
        lines.append(table(rows, ["No.", "id", "owner", "task", "due", "state"]))
    if m.errata:
        lines += ["", "Errata:"]
        lines += [f"  {e.recorded_on}  {e.corrects}: {e.correction}" for e in m.errata]
    return "\n".join(lines)


def resolve_pointer(app: Registry, meeting: Meeting, pointer: str) -> str:
    """An erratum's pointer with names and numbers turned into the ids the minutes use."""
    kind, _, key = pointer.strip().partition(":")
    kind = kind.strip().lower()
    if kind == "attendance" and key:
        return f"attendance:{resolve_stakeholder(app, key, meeting.gmina_id)}"
    if kind == "action" and key:
        return f"action:{resolve_action(app, meeting.id, key)}"
    if kind == "resolution" and key and "/" in key:
        return f"resolution:{meeting_reads(app).find_resolution(meeting.gmina_id, key)}"
    return pointer


@command(minutes_app, "show", describe_meeting)
def show(app: Registry, meeting: Meeting, as_of: AsOfOpt = None) -> MeetingView:
    """The minutes now, or as they stood on a date."""
    return meeting_reads(app).get_meeting(meeting.id, as_of=as_of)


@command(minutes_app, "summary", lambda i: f"{i.number}. {i.title}: {i.summary}")
def summary(
    desk: UndatedDesk,
    meeting: Meeting,
    item: Annotated[int, typer.Argument(help="Agenda item number.")],
    text: Annotated[str, typer.Argument(help="What the minutes say of it.")],
) -> AgendaItemView:
    """Write the minutes' summary of an agenda item."""
    desk.app.summarise_item(meeting.id, item, text, recorded_by=desk.by)
    return meeting_reads(desk.app).get_meeting(meeting.id).agenda[item - 1]


@command(minutes_app, "approve", lambda m: f"{m.title}: approved on {m.approved_on}.")
def approve(
    desk: UndatedDesk,
    meeting: Meeting,
    at_meeting: Annotated[str, typer.Option(help="The later meeting that approved them.")],
    decision: Annotated[str, typer.Option(help="How, e.g. 'jednogłośnie'.")] = "",
) -> MeetingView:
    """Record the minutes approved at a later meeting (a team's sitting may do it by resolution)."""
    later = meeting_reads(desk.app).find_meeting(meeting.gmina_id, at_meeting)
    desk.app.approve_minutes(meeting.id, at_meeting=later, decided_by=decision, recorded_by=desk.by)
    return meeting_reads(desk.app).get_meeting(meeting.id)


@command(minutes_app, "final", lambda m: f"{m.title}: final since {m.finalised_on}.")
def final(desk: Desk, meeting: Meeting) -> MeetingView:
    """Record the approved minutes signed: final, never edited again."""
    desk.app.finalise_minutes(meeting.id, **desk.stamp)
    return meeting_reads(desk.app).get_meeting(meeting.id)


@command(minutes_app, "erratum", lambda e: f"Erratum to {e.corrects} recorded.")
def erratum(
    desk: Desk,
    meeting: Meeting,
    corrects: Annotated[
        str,
        typer.Option(
            help="What it corrects: header, agenda:2, attendance:<stakeholder>, "
            "action:<task no.>, resolution:3/2026."
        ),
    ],
    correction: Annotated[str, typer.Option(help="The correction.")],
) -> ErratumView:
    """Record a correction to approved or final minutes."""
    if not corrects.strip():
        raise InvalidInputError("corrects", "Say what the erratum corrects.")
    pointer = resolve_pointer(desk.app, meeting, corrects)
    desk.app.record_erratum(meeting.id, corrects=pointer, correction=correction, **desk.stamp)
    return meeting_reads(desk.app).get_meeting(meeting.id).errata[-1]
