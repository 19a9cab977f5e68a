"""Use cases: action items given at meetings, and the minutes' life: approved, final, errata."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Unpack
from uuid import UUID, uuid4

from domain.action_item import ActionItem
from domain.errors import RuleViolationError
from domain.meeting import Meeting
from domain.resolution import Resolution, ResolutionState
from domain.stakeholder import Stakeholder
from domain.values import ResourceKind
from registry.base import Recording, RegistryBase, Stamp
from registry.catalogue import Stakeholders
from registry.meetings import Meetings
from registry.pacts import Pacts, parse_quantity
from registry.team import parse_option


@dataclass(eq=False)
class Minutes:
    """What the minutes assign and how they become final."""

    app: RegistryBase
    stakeholders: Stakeholders
    pacts: Pacts
    meetings: Meetings

    # --- action items ------------------------------------------------------------------

    def assign_action(
        self,
        meeting_id: UUID,
        owner_id: UUID,
        *,
        description: str,
        due_on: date | None = None,
        agenda_item: int | None = None,
        recorded_by: str,
    ) -> UUID:
        """The meeting gives a stakeholder a task with a due date."""
        meeting = self.meetings.meeting(meeting_id)
        self.stakeholders.stakeholder_of(meeting.gmina_id, owner_id)
        if agenda_item is not None:
            meeting.check_item(agenda_item)
        action = ActionItem.assign(
            meeting.gmina_id,
            meeting_id,
            owner_id,
            description,
            due_on,
            agenda_item,
            meeting.on,
            recorded_by,
        )
        meeting.assign_action(action.id, meeting.on, recorded_by)
        self.app.commit(action, meeting)
        return action.id

    def accept_action(self, action_id: UUID, **stamp: Unpack[Stamp]) -> None:
        """The owner accepts its task."""
        rec = Recording.of(**stamp)
        action = self.app.load(ActionItem, action_id)
        owner = self.stakeholders.name_of(self.app.load(Stakeholder, action.owner_id))
        action.accept(owner, rec.on, rec.by)
        self.app.commit(action)

    def take_up_action(
        self,
        action_id: UUID,
        *,
        resource: ResourceKind | str,
        quantity: str | None = None,
        unit: str = "",
        beneficiary: str = "",
        **stamp: Unpack[Stamp],
    ) -> UUID:
        """An accepted task becomes one of its owner's commitments in the pact, in one step."""
        rec = Recording.of(**stamp)
        action = self.app.load(ActionItem, action_id)
        pact = self.pacts.pact_of(action.gmina_id)
        owner = self.stakeholders.name_of(self.app.load(Stakeholder, action.owner_id))
        amount = parse_quantity(quantity)
        commitment_id = uuid4()
        action.take_up(commitment_id, owner, rec.on, rec.by)
        pact.make_commitment(
            commitment_id,
            action.owner_id,
            owner,
            parse_option(ResourceKind, "resource", resource),
            action.description,
            amount,
            unit,
            beneficiary,
            None,
            [],
            action.due_on,
            rec.on,
            rec.by,
        )
        self.app.commit(pact, action)
        return commitment_id

    # --- the minutes' life -------------------------------------------------------------

    def prepare_approval(
        self, meeting: Meeting, at: Meeting, decided_by: str, recorded_by: str
    ) -> None:
        """Approve ``meeting``'s minutes at the later sitting ``at`` (nothing saved yet)."""
        if meeting.gmina_id != at.gmina_id or meeting.kind is not at.kind:
            raise RuleViolationError(
                "Minutes are approved at a later meeting of the same body in the same gmina."
            )
        at.check_open(at.on)
        for rid in meeting.resolution_ids:
            resolution = self.app.load(Resolution, rid)
            if resolution.state is ResolutionState.VOTING:
                raise RuleViolationError(
                    "The vote on {label} is still open; close it before approval.",
                    label=resolution.label,
                )
        decision = decided_by.strip() or f"przyjęty na posiedzeniu w dniu {at.on}"
        meeting.approve_minutes(at.id, at.on, decision, at.on, recorded_by)

    def approve_minutes(
        self, meeting_id: UUID, *, at_meeting: UUID, decided_by: str = "", recorded_by: str
    ) -> None:
        """A later meeting approved the minutes; from then they change only by errata."""
        meeting = self.meetings.meeting(meeting_id)
        self.prepare_approval(meeting, self.meetings.meeting(at_meeting), decided_by, recorded_by)
        self.app.commit(meeting)

    def finalise_minutes(self, meeting_id: UUID, **stamp: Unpack[Stamp]) -> None:
        """The approved minutes are signed; they are never edited again."""
        rec = Recording.of(**stamp)
        meeting = self.meetings.meeting(meeting_id)
        meeting.finalise_minutes(rec.on, rec.by)
        self.app.commit(meeting)

    def record_erratum(
        self, meeting_id: UUID, *, corrects: str, correction: str, **stamp: Unpack[Stamp]
    ) -> UUID:
        """A correction to approved or final minutes, pointing at what it corrects."""
        rec = Recording.of(**stamp)
        meeting = self.meetings.meeting(meeting_id)
        erratum_id = uuid4()
        meeting.record_erratum(erratum_id, corrects, correction, rec.on, rec.by)
        self.app.commit(meeting)
        return erratum_id
