"""An action item from a meeting's minutes: a task, its owner and due date, and what came of it."""

from __future__ import annotations

from datetime import date
from typing import ClassVar
from uuid import UUID

from domain.errors import EffectiveDateError, InvalidInputError, RuleViolationError
from domain.history import Moves, Record, Starts
from domain.input_rules import required
from domain.terms import ActionState


class ActionItem(Record):
    """A task a meeting gave one stakeholder of the gmina."""

    @classmethod
    def assign(
        cls,
        gmina_id: UUID,
        meeting_id: UUID,
        owner_id: UUID,
        description: str,
        due_on: date | None,
        agenda_item: int | None,
        effective_on: date,
        recorded_by: str,
    ) -> ActionItem:
        """The meeting gives a stakeholder a task, with a due date."""
        description = required(
            description, InvalidInputError("description", "Say what is to be done.")
        )
        if due_on is not None and due_on < effective_on:
            raise InvalidInputError(
                "due_on",
                "The task is due on {due_on}, before the meeting ({effective_on}).",
                due_on=due_on,
                effective_on=effective_on,
            )
        said = {"gmina_id": gmina_id, "meeting_id": meeting_id, "owner_id": owner_id}
        task = {"description": description, "due_on": due_on, "agenda_item": agenda_item}
        return cls.start(cls.Assigned, effective_on, recorded_by, **said, **task)

    class Assigned(Starts):
        STARTED_ON = "assigned_on"

        gmina_id: UUID
        meeting_id: UUID
        owner_id: UUID
        description: str
        due_on: date | None
        agenda_item: int | None

    def __init__(self) -> None:
        self.gmina_id: UUID
        self.meeting_id: UUID
        self.owner_id: UUID
        self.description: str
        self.due_on: date | None
        self.agenda_item: int | None
        self.assigned_on: date
        self.state = ActionState.ASSIGNED
        self.accepted_on: date | None = None
        self.commitment_id: UUID | None = None

    def accept(self, owner_name: str, effective_on: date, recorded_by: str) -> None:
        """The owner takes the task on."""
        if self.state is not ActionState.ASSIGNED:
            raise RuleViolationError(
                "{owner_name} already accepted this task on {accepted_on}.",
                owner_name=owner_name,
                accepted_on=self.accepted_on,
            )
        if effective_on < self.assigned_on:
            raise EffectiveDateError(
                "The task was given on {assigned_on}.", assigned_on=self.assigned_on
            )
        self.record(self.Accepted, effective_on, recorded_by)

    class Accepted(Moves):
        TO: ClassVar = {"state": ActionState.ACCEPTED}
        ON = "accepted_on"

    def take_up(
        self, commitment_id: UUID, owner_name: str, effective_on: date, recorded_by: str
    ) -> None:
        """The accepted task becomes one of the owner's commitments in the pact."""
        if self.state is ActionState.ASSIGNED:
            raise RuleViolationError(
                "{owner_name} has not accepted this task; only an accepted task becomes a "
                "commitment.",
                owner_name=owner_name,
            )
        if self.state is ActionState.TAKEN_UP:
            raise RuleViolationError("This task is already a commitment of the pact.")
        assert self.accepted_on is not None
        if effective_on < self.accepted_on:
            raise EffectiveDateError(
                "The task was accepted on {accepted_on}.", accepted_on=self.accepted_on
            )
        self.record(self.TakenUp, effective_on, recorded_by, commitment_id=commitment_id)

    class TakenUp(Moves):
        TO: ClassVar = {"state": ActionState.TAKEN_UP}
        KEEPS: ClassVar = {"commitment_id": "commitment_id"}
        commitment_id: UUID
