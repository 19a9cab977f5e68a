"""`mlw meeting …`, `mlw attendance …`, `mlw minutes …`: a meeting from the calendar to its
final minutes: holding it, its agenda, the attendance list (late arrivals, early departures),
the quorum at any moment, summaries, tasks, approval and errata; the minutes as text."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated, Any
from uuid import UUID

import typer

from api.cli.meeting_reads import meeting_reads
from api.cli.options import (
    AsOfOpt,
    ByOpt,
    DueOpt,
    GminaArg,
    JsonOpt,
    OnOpt,
    ResourceOpt,
    TimeOpt,
    choice_option,
    date_option,
    time_option,
)
from api.cli.refs import meeting_ref, resolve_action, resolve_stakeholder
from api.cli.support import answer, emit, recorder, run, short, stamp, table
from domain.errors import InvalidInputError
from domain.minutes import MeetingKind, hhmm
from registry.application import Registry
from registry.meeting_views import AttendanceView, MeetingView, QuorumView, ResolutionView

minutes_app = typer.Typer(help="Minutes: summaries, tasks, approval, final minutes, errata.")

MeetingArg = Annotated[
    str, typer.Argument(help="Meeting: its date, 'zsl 2/2026' or 'pakt 1/2026', or its id.")
]
ActionArg = Annotated[str, typer.Argument(help="Task: its number in the minutes, or id prefix.")]


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


def resolve_pointer(app: Registry, gmina_id: UUID, meeting_id: UUID, pointer: str) -> str:
    """An erratum's pointer with names and numbers turned into the ids the minutes use."""
    kind, _, key = pointer.strip().partition(":")
    kind = kind.strip().lower()
    if kind == "attendance" and key:
        return f"attendance:{resolve_stakeholder(app, key, gmina_id)}"
    if kind == "action" and key:
        return f"action:{resolve_action(app, meeting_id, key)}"
    if kind == "resolution" and key and "/" in key:
        return f"resolution:{meeting_reads(app).find_resolution(gmina_id, key)}"
    return pointer


@minutes_app.command("show")
def show(
    gmina: GminaArg, meeting: MeetingArg, as_of: AsOfOpt = None, as_json: JsonOpt = False
) -> None:
    """The minutes now, or as they stood on a date."""

    def act(app: Registry) -> Any:
        _, mid = meeting_ref(app, gmina, meeting)
        return meeting_reads(app).get_meeting(mid, as_of=as_of)

    answer(act, as_json, describe_meeting)


@minutes_app.command("summary")
def summary(
    gmina: GminaArg,
    meeting: MeetingArg,
    item: Annotated[int, typer.Argument(help="Agenda item number.")],
    text: Annotated[str, typer.Argument(help="What the minutes say of it.")],
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write the minutes' summary of an agenda item."""

    def act(app: Registry) -> Any:
        _, mid = meeting_ref(app, gmina, meeting)
        app.summarise_item(mid, item, text, recorded_by=recorder(by))
        return meeting_reads(app).get_meeting(mid).agenda[item - 1]

    answer(act, as_json, lambda i: f"{i.number}. {i.title}: {i.summary}")


@minutes_app.command("task")
def task(
    gmina: GminaArg,
    meeting: MeetingArg,
    owner: Annotated[str, typer.Argument(help="Stakeholder who is to do it.")],
    description: Annotated[str, typer.Argument(help="What is to be done.")],
    due: DueOpt = None,
    item: Annotated[int | None, typer.Option(help="Agenda item it comes from.")] = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record a task the meeting gave a stakeholder."""

    def act(app: Registry) -> Any:
        gid, mid = meeting_ref(app, gmina, meeting)
        aid = app.assign_action(
            mid,
            resolve_stakeholder(app, owner, gid),
            description=description,
            due_on=due,
            agenda_item=item,
            recorded_by=recorder(by),
        )
        return meeting_reads(app).get_action(aid)

    answer(act, as_json, lambda a: f"Task {short(a.id)} for {a.owner_name}.")


@minutes_app.command("accept")
def accept(
    gmina: GminaArg,
    meeting: MeetingArg,
    action: ActionArg,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record that the owner accepted its task."""

    def act(app: Registry) -> Any:
        _, mid = meeting_ref(app, gmina, meeting)
        aid = resolve_action(app, mid, action)
        app.accept_action(aid, **stamp(by, on))
        return meeting_reads(app).get_action(aid)

    answer(act, as_json, lambda a: f"{a.owner_name} accepted: {a.description}.")


@minutes_app.command("commit")
def commit(
    gmina: GminaArg,
    meeting: MeetingArg,
    action: ActionArg,
    resource: ResourceOpt,
    quantity: Annotated[str | None, typer.Option(help="How much.")] = None,
    unit: Annotated[str, typer.Option(help="Unit: zł, h, m², …")] = "",
    beneficiary: Annotated[str, typer.Option("--for", help="For whom (a group).")] = "",
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Turn an accepted task into one of its owner's commitments in the pact."""

    def act(app: Registry) -> Any:
        _, mid = meeting_ref(app, gmina, meeting)
        aid = resolve_action(app, mid, action)
        app.take_up_action(
            aid,
            resource=resource,
            quantity=quantity,
            unit=unit,
            beneficiary=beneficiary,
            **stamp(by, on),
        )
        return meeting_reads(app).get_action(aid)

    answer(act, as_json, lambda a: f"Commitment {short(a.commitment_id)} recorded.")


@minutes_app.command("approve")
def approve(
    gmina: GminaArg,
    meeting: MeetingArg,
    at_meeting: Annotated[str, typer.Option(help="The later meeting that approved them.")],
    decision: Annotated[str, typer.Option(help="How, e.g. 'jednogłośnie'.")] = "",
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record the minutes approved at a later meeting (a team's sitting may do it by resolution)."""

    def act(app: Registry) -> Any:
        gid, mid = meeting_ref(app, gmina, meeting)
        later = meeting_reads(app).find_meeting(gid, at_meeting)
        app.approve_minutes(mid, at_meeting=later, decided_by=decision, recorded_by=recorder(by))
        return meeting_reads(app).get_meeting(mid)

    answer(act, as_json, lambda m: f"{m.title}: approved on {m.approved_on}.")


@minutes_app.command("final")
def final(
    gmina: GminaArg,
    meeting: MeetingArg,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record the approved minutes signed: final, never edited again."""

    def act(app: Registry) -> Any:
        _, mid = meeting_ref(app, gmina, meeting)
        app.finalise_minutes(mid, **stamp(by, on))
        return meeting_reads(app).get_meeting(mid)

    answer(act, as_json, lambda m: f"{m.title}: final since {m.finalised_on}.")


@minutes_app.command("erratum")
def erratum(
    gmina: GminaArg,
    meeting: MeetingArg,
    corrects: Annotated[
        str,
        typer.Option(
            help="What it corrects: header, agenda:2, attendance:<stakeholder>, "
            "action:<task no.>, resolution:3/2026."
        ),
    ],
    correction: Annotated[str, typer.Option(help="The correction.")],
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record a correction to approved or final minutes."""

    def act(app: Registry) -> Any:
        gid, mid = meeting_ref(app, gmina, meeting)
        if not corrects.strip():
            raise InvalidInputError("corrects", "Say what the erratum corrects.")
        app.record_erratum(
            mid,
            corrects=resolve_pointer(app, gid, mid, corrects),
            correction=correction,
            **stamp(by, on),
        )
        return meeting_reads(app).get_meeting(mid).errata[-1]

    answer(act, as_json, lambda e: f"Erratum to {e.corrects} recorded.")


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
        return meeting_reads(app).get_meeting(mid)

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
        return meeting_reads(app).get_meeting(mid)

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
        return meeting_reads(app).get_meeting(mid)

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
        return meeting_reads(app).get_meeting(mid)

    answer(act, as_json, headline)


@meeting_app.command("end")
def end(
    gmina: GminaArg, meeting: MeetingArg, at: TimeOpt, by: ByOpt = None, as_json: JsonOpt = False
) -> None:
    """Record when the meeting closed."""

    def act(app: Registry) -> Any:
        _, mid = meeting_ref(app, gmina, meeting)
        app.end_meeting(mid, ended_at=at, recorded_by=recorder(by))
        return meeting_reads(app).get_meeting(mid)

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
        return meeting_reads(app).get_meeting(mid).agenda[number - 1]

    answer(act, as_json, lambda i: f"{i.number}. {i.title}")


@meeting_app.command("list")
def list_meetings(
    gmina: GminaArg,
    kind: Annotated[MeetingKind | None, choice_option(MeetingKind, help="Only these.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """The gmina's meetings in date order."""
    views = run(
        lambda app: meeting_reads(app).list_meetings(app.find_gmina(gmina), kind=kind), as_json
    )
    rows = [
        [str(m.on), f"{m.at:%H:%M}", m.kind, m.number or "", m.state, m.minutes, short(m.id)]
        for m in views
    ]
    emit(views, as_json, table(rows, ["date", "time", "kind", "no.", "state", "minutes", "id"]))


meeting_app.command("show")(show)

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
        return meeting_reads(app).get_meeting(mid).attendance

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
        return next(
            a for a in meeting_reads(app).get_meeting(mid).attendance if a.stakeholder_id == sid
        )

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
        return meeting_reads(app).get_meeting(mid)

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
        return meeting_reads(app).quorum_at(mid, at)

    answer(act, as_json, describe_quorum)


@attendance_app.command("list")
def attendance_list(gmina: GminaArg, meeting: MeetingArg, as_json: JsonOpt = False) -> None:
    """The meeting's attendance list."""

    def act(app: Registry) -> Any:
        _, mid = meeting_ref(app, gmina, meeting)
        return meeting_reads(app).get_meeting(mid).attendance

    answer(act, as_json, describe_attendance)
