"""`mlw minutes task|accept|commit`: the tasks a meeting gives stakeholders, from the minutes
to the owner's acceptance and on to a commitment in the pact."""

from __future__ import annotations

from typing import Annotated

import typer

from api.cli.command import Desk, Meeting, UndatedDesk, command
from api.cli.meeting_reads import meeting_reads
from api.cli.options import DueOpt, ResourceOpt
from api.cli.refs import resolve_action, resolve_stakeholder
from api.cli.support import short
from registry.meeting_views import ActionItemView

# Merged into `mlw minutes`: a task is written in the minutes.
commands = typer.Typer()

ActionArg = Annotated[str, typer.Argument(help="Task: its number in the minutes, or id prefix.")]


@command(commands, "task", lambda a: f"Task {short(a.id)} for {a.owner_name}.")
def task(
    desk: UndatedDesk,
    meeting: Meeting,
    owner: Annotated[str, typer.Argument(help="Stakeholder who is to do it.")],
    description: Annotated[str, typer.Argument(help="What is to be done.")],
    due: DueOpt = None,
    item: Annotated[int | None, typer.Option(help="Agenda item it comes from.")] = None,
) -> ActionItemView:
    """Record a task the meeting gave a stakeholder."""
    aid = desk.app.assign_action(
        meeting.id,
        resolve_stakeholder(desk.app, owner, meeting.gmina_id),
        description=description,
        due_on=due,
        agenda_item=item,
        recorded_by=desk.by,
    )
    return meeting_reads(desk.app).get_action(aid)


@command(commands, "accept", lambda a: f"{a.owner_name} accepted: {a.description}.")
def accept(desk: Desk, meeting: Meeting, action: ActionArg) -> ActionItemView:
    """Record that the owner accepted its task."""
    aid = resolve_action(desk.app, meeting.id, action)
    desk.app.accept_action(aid, **desk.stamp)
    return meeting_reads(desk.app).get_action(aid)


@command(commands, "commit", lambda a: f"Commitment {short(a.commitment_id)} recorded.")
def commit(
    desk: Desk,
    meeting: Meeting,
    action: ActionArg,
    resource: ResourceOpt,
    quantity: Annotated[str | None, typer.Option(help="How much.")] = None,
    unit: Annotated[str, typer.Option(help="Unit: zł, h, m², …")] = "",
    beneficiary: Annotated[str, typer.Option("--for", help="For whom (a group).")] = "",
) -> ActionItemView:
    """Turn an accepted task into one of its owner's commitments in the pact."""
    aid = resolve_action(desk.app, meeting.id, action)
    desk.app.take_up_action(
        aid, resource=resource, quantity=quantity, unit=unit, beneficiary=beneficiary, **desk.stamp
    )
    return meeting_reads(desk.app).get_action(aid)
