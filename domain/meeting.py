"""A meeting of the pact's signatories or of the Local Synergy Team, and its minutes."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time
from typing import ClassVar
from uuid import UUID

from domain.attendance import AttendanceList
from domain.errors import (
    EffectiveDateError,
    InvalidInputError,
    MeetingClosedError,
    NotFoundError,
    RuleViolationError,
)
from domain.history import Fact, Moves, Record, Sets, Starts
from domain.input_rules import required
from domain.minutes import AgendaItem, Attendance, Erratum, parse_pointer
from domain.terms import MeetingKind, MeetingState, MinutesState
from domain.values import Payload, Sealed, gather_payload


@dataclass(frozen=True)
class MeetingPlan(Payload):
    """What a meeting is planned as: its kind, day, hour, place and agenda (stored data
    without an agenda reads as none)."""

    kind: MeetingKind
    on: date
    at: time
    place: str
    agenda: list[str] = field(default_factory=list)


class Meeting(Record, AttendanceList):
    """One meeting: scheduled, then held or cancelled; what happened there is its minutes.

    Its attendance list is kept by ``AttendanceList`` (domain/attendance.py); the library
    defines that list's facts again on the meeting, so they are stored as the meeting's
    own (``domain.meeting:Meeting.AttendanceRecorded``).
    """

    @classmethod
    def schedule(
        cls,
        gmina_id: UUID,
        kind: MeetingKind,
        on: date,
        at: time,
        place: str,
        agenda: list[str],
        effective_on: date,
        recorded_by: str,
    ) -> Meeting:
        """Put a meeting in the calendar: date, time, place, agenda."""
        place = required(place, InvalidInputError("place", "Say where the meeting takes place."))
        if effective_on > on:
            raise EffectiveDateError("A meeting is scheduled before the day it takes place.")
        items = [t.strip() for t in agenda if t.strip()]
        plan = MeetingPlan(kind, on, at, place, items)
        return cls.start(cls.Scheduled, effective_on, recorded_by, gmina_id=gmina_id, plan=plan)

    class Scheduled(Starts):
        """Version 2 carries the plan as one value (version 1: five fields of its own)."""

        STARTED_ON = "planned_on"
        SPREADS = "plan"

        gmina_id: UUID
        plan: MeetingPlan

        class_version = 2
        upcast_v1_v2 = gather_payload("plan", MeetingPlan)

        def apply(self, meeting: Meeting) -> None:
            super().apply(meeting)
            meeting.agenda = [AgendaItem(i, title) for i, title in enumerate(self.plan.agenda, 1)]

    def __init__(self) -> None:
        self.gmina_id: UUID
        self.kind: MeetingKind
        self.on: date
        self.at: time
        self.place: str
        self.agenda: list[AgendaItem]
        self.planned_on: date
        self.state = MeetingState.SCHEDULED
        self.cancel_reason = ""
        self.number: int | None = None
        self.started_at: time | None = None
        self.ended_at: time | None = None
        self.chair: Sealed | None = None
        self.minute_taker: Sealed | None = None
        self.attendance: dict[UUID, Attendance] = {}
        self.invited: list[UUID] = []
        self.action_ids: list[UUID] = []
        self.resolution_ids: list[UUID] = []
        self.minutes = MinutesState.DRAFT
        self.approved_on: date | None = None
        self.approved_at: UUID | None = None
        self.approval = ""
        self.finalised_on: date | None = None
        self.errata: list[Erratum] = []

    @property
    def minutes_number(self) -> str | None:
        return f"{self.number}/{self.on.year}" if self.number else None

    # --- the calendar ------------------------------------------------------------------

    def check_scheduled(self) -> None:
        if self.state is not MeetingState.SCHEDULED:
            raise MeetingClosedError(
                "The meeting of {on} was already {state}.", on=self.on, state=self.state
            )

    def reschedule(
        self, on: date, at: time, place: str, effective_on: date, recorded_by: str
    ) -> None:
        """Move a meeting that has not taken place yet."""
        self.check_scheduled()
        place = required(place, InvalidInputError("place", "Say where the meeting takes place."))
        if effective_on > on or effective_on < self.planned_on:
            raise EffectiveDateError(
                "A meeting is moved after it was planned ({planned_on}) and before it takes place.",
                planned_on=self.planned_on,
            )
        unchanged = InvalidInputError("on", "The meeting is already set for then and there.")
        when = {"on": on, "at": at, "place": place}
        self.record_change(self.Rescheduled, unchanged, effective_on, recorded_by, **when)

    class Rescheduled(Sets):
        ON = "planned_on"

        on: date
        at: time
        place: str

    def cancel(self, reason: str, effective_on: date, recorded_by: str) -> None:
        self.check_scheduled()
        reason = required(reason, InvalidInputError("reason", "Say why the meeting is cancelled."))
        if effective_on < self.planned_on:
            raise EffectiveDateError(
                "The meeting was planned on {planned_on}.", planned_on=self.planned_on
            )
        self.record(self.Cancelled, effective_on, recorded_by, reason=reason)

    class Cancelled(Moves):
        TO: ClassVar = {"state": MeetingState.CANCELLED}
        KEEPS: ClassVar = {"reason": "cancel_reason"}
        reason: str

    def hold(
        self,
        number: int,
        started_at: time,
        ended_at: time | None,
        chair: Sealed | None,
        minute_taker: Sealed | None,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """The meeting took place on ``effective_on``: start, end, chair, minute-taker."""
        self.check_scheduled()
        if effective_on < self.planned_on:
            raise EffectiveDateError(
                "The meeting was planned on {planned_on}; it was held on or after that.",
                planned_on=self.planned_on,
            )
        if ended_at is not None and ended_at <= started_at:
            raise InvalidInputError("ended_at", "A meeting ends after it starts.")
        self.record(
            self.Held,
            effective_on,
            recorded_by,
            number=number,
            started_at=started_at,
            ended_at=ended_at,
            chair=chair,
            minute_taker=minute_taker,
        )

    class Held(Fact):
        number: int
        started_at: time
        ended_at: time | None
        chair: Sealed | None
        minute_taker: Sealed | None

        def apply(self, meeting: Meeting) -> None:
            meeting.state = MeetingState.HELD
            meeting.on = self.effective_on
            meeting.number = self.number
            meeting.started_at, meeting.ended_at = self.started_at, self.ended_at
            meeting.chair, meeting.minute_taker = self.chair, self.minute_taker

    # --- invitations -------------------------------------------------------------------

    def invite(self, stakeholder_id: UUID, name: str, effective_on: date, recorded_by: str) -> None:
        """A stakeholder was invited: a guest from outside the body that meets, or a member
        asked in person. Who was never invited cannot be said to have stayed away."""
        if self.state is MeetingState.CANCELLED:
            raise MeetingClosedError("The meeting of {on} was cancelled.", on=self.on)
        if stakeholder_id in self.invited:
            raise RuleViolationError(
                "{name} is already invited to the meeting of {on}.", name=name, on=self.on
            )
        if effective_on > self.on:
            raise EffectiveDateError(
                "An invitation is sent by the day of the meeting, {on}.", on=self.on
            )
        self.record(self.Invited, effective_on, recorded_by, stakeholder_id=stakeholder_id)

    class Invited(Fact):
        stakeholder_id: UUID

        def apply(self, meeting: Meeting) -> None:
            meeting.invited.append(self.stakeholder_id)

    # --- the record of the meeting -----------------------------------------------------

    def check_open(self, effective_on: date) -> None:
        """The record takes changes only once held, while the minutes are a draft, and
        everything in it takes effect on the day of the meeting."""
        if self.state is MeetingState.SCHEDULED:
            raise MeetingClosedError(
                "The meeting of {on} has not been held yet; record it held first.", on=self.on
            )
        if self.state is MeetingState.CANCELLED:
            raise MeetingClosedError("The meeting of {on} was cancelled.", on=self.on)
        if self.minutes is not MinutesState.DRAFT:
            raise MeetingClosedError(
                "The minutes of the meeting of {on} were approved on {approved_on} and can no "
                "longer change; record a correction as an erratum.",
                on=self.on,
                approved_on=self.approved_on,
            )
        if effective_on != self.on:
            raise EffectiveDateError(
                "What happened at the meeting takes effect on its day, {on}, not on "
                "{effective_on}.",
                on=self.on,
                effective_on=effective_on,
            )

    def record_end(self, ended_at: time, effective_on: date, recorded_by: str) -> None:
        """The time the meeting closed, when it was not known at the start."""
        self.check_open(effective_on)
        assert self.started_at is not None
        latest = [t for a in self.attendance.values() for t in (a.arrived_at, a.departed_at) if t]
        if ended_at <= max([self.started_at, *latest]):
            raise InvalidInputError("ended_at", "The meeting ends after everything recorded in it.")
        self.record(self.Ended, effective_on, recorded_by, ended_at=ended_at)

    class Ended(Sets):
        ended_at: time

    def add_agenda_item(self, title: str, effective_on: date, recorded_by: str) -> None:
        self.check_open(effective_on)
        title = required(title, InvalidInputError("title", "An agenda item needs a title."))
        self.record(self.AgendaItemAdded, effective_on, recorded_by, title=title)

    class AgendaItemAdded(Fact):
        title: str

        def apply(self, meeting: Meeting) -> None:
            meeting.agenda.append(AgendaItem(len(meeting.agenda) + 1, self.title))

    def check_item(self, number: int) -> None:
        if not 1 <= number <= len(self.agenda):
            raise NotFoundError(
                "The agenda has no item {number} (items 1–{items}).",
                number=number,
                items=len(self.agenda),
            )

    def summarise(self, number: int, summary: str, effective_on: date, recorded_by: str) -> None:
        """The minutes' summary of one agenda item."""
        self.check_open(effective_on)
        self.check_item(number)
        summary = required(summary, InvalidInputError("summary", "The summary is empty."))
        self.record(self.ItemSummarised, effective_on, recorded_by, number=number, summary=summary)

    class ItemSummarised(Fact):
        number: int
        summary: str

        def apply(self, meeting: Meeting) -> None:
            meeting.agenda[self.number - 1] = replace(
                meeting.agenda[self.number - 1], summary=self.summary
            )

    # --- what the meeting decided and assigned -----------------------------------------

    def assign_action(self, action_id: UUID, effective_on: date, recorded_by: str) -> None:
        """The minutes record a task given to a stakeholder (the task is its own record)."""
        self.check_open(effective_on)
        self.record(self.ActionAssigned, effective_on, recorded_by, action_id=action_id)

    class ActionAssigned(Fact):
        action_id: UUID

        def apply(self, meeting: Meeting) -> None:
            meeting.action_ids.append(self.action_id)

    def check_team_sitting(self) -> None:
        if self.kind is not MeetingKind.TEAM:
            raise RuleViolationError(
                "Resolutions are adopted by the Local Synergy Team; this is a pact meeting."
            )

    def table_resolution(self, resolution_id: UUID, effective_on: date, recorded_by: str) -> None:
        """A draft resolution is put before the team at this sitting."""
        self.check_open(effective_on)
        self.check_team_sitting()
        self.record(self.ResolutionTabled, effective_on, recorded_by, resolution_id=resolution_id)

    class ResolutionTabled(Fact):
        resolution_id: UUID

        def apply(self, meeting: Meeting) -> None:
            meeting.resolution_ids.append(self.resolution_id)

    # --- the minutes' life -------------------------------------------------------------

    def approve_minutes(
        self,
        at_meeting: UUID,
        at_meeting_on: date,
        decided_by: str,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """A later meeting approved these minutes; from then they change only by errata."""
        if self.state is not MeetingState.HELD:
            raise MeetingClosedError(
                "The meeting of {on} was not held; it has no minutes.", on=self.on
            )
        if self.minutes is not MinutesState.DRAFT:
            raise RuleViolationError(
                "These minutes were already approved on {approved_on}.",
                approved_on=self.approved_on,
            )
        if at_meeting == self.id or at_meeting_on <= self.on:
            raise EffectiveDateError(
                "Minutes of the meeting of {on} are approved at a later meeting.", on=self.on
            )
        self.record(
            self.MinutesApproved,
            effective_on,
            recorded_by,
            at_meeting=at_meeting,
            decided_by=decided_by.strip(),
        )

    class MinutesApproved(Moves):
        TO: ClassVar = {"minutes": MinutesState.APPROVED}
        KEEPS: ClassVar = {"at_meeting": "approved_at", "decided_by": "approval"}
        ON = "approved_on"
        at_meeting: UUID
        decided_by: str

    def finalise_minutes(self, effective_on: date, recorded_by: str) -> None:
        """The approved minutes are signed and filed; they are never edited again."""
        if self.minutes is not MinutesState.APPROVED:
            raise RuleViolationError(
                "Only approved minutes become final; these are {minutes}.",
                minutes=self.minutes,
            )
        self.check_after_approval(effective_on)
        self.record(self.MinutesFinalised, effective_on, recorded_by)

    class MinutesFinalised(Moves):
        TO: ClassVar = {"minutes": MinutesState.FINAL}
        ON = "finalised_on"

    def check_after_approval(self, effective_on: date) -> None:
        """Refuse a later step of the minutes (signing, an erratum) dated before their approval."""
        assert self.approved_on is not None
        if effective_on < self.approved_on:
            raise EffectiveDateError(
                "The minutes were approved on {approved_on}.", approved_on=self.approved_on
            )

    def check_pointer(self, corrects: str) -> str:
        kind, key = parse_pointer(corrects)
        known: dict[str, list[str]] = {
            "agenda": [str(i.number) for i in self.agenda],
            "attendance": [str(sid) for sid in self.attendance],
            "action": [str(aid) for aid in self.action_ids],
            "resolution": [str(rid) for rid in self.resolution_ids],
        }
        if kind != "header" and key not in known[kind]:
            raise NotFoundError(
                "These minutes have no {kind} {key}; the erratum points nowhere.",
                kind=kind,
                key=key,
            )
        return f"{kind}:{key}" if key else kind

    def record_erratum(
        self,
        erratum_id: UUID,
        corrects: str,
        correction: str,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """A correction of approved or final minutes, pointing at what it corrects."""
        if self.minutes is MinutesState.DRAFT:
            raise RuleViolationError(
                "Draft minutes are corrected directly; errata are for approved minutes."
            )
        pointer = self.check_pointer(corrects)
        correction = required(
            correction, InvalidInputError("correction", "Say what the correction is.")
        )
        self.check_after_approval(effective_on)
        self.record(
            self.ErratumRecorded,
            effective_on,
            recorded_by,
            erratum_id=erratum_id,
            corrects=pointer,
            correction=correction,
        )

    class ErratumRecorded(Fact):
        erratum_id: UUID
        corrects: str
        correction: str

        def apply(self, meeting: Meeting) -> None:
            meeting.errata.append(
                Erratum(self.erratum_id, self.corrects, self.correction, self.effective_on)
            )
