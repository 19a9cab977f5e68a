"""The attendance list of a held meeting: who came for which stakeholder, and when each left.

``Meeting`` derives from ``AttendanceList``; the facts declared here are defined again on
the meeting by the library, so they are stored under the meeting's topics
(``domain.meeting:Meeting.AttendanceRecorded`` …), as they were before this module existed.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import TYPE_CHECKING, Any
from uuid import UUID

from domain.errors import InvalidInputError, NotPresentError, RuleViolationError
from domain.history import Fact
from domain.minutes import Attendance, hhmm
from domain.terms import AttendanceRole
from domain.values import Sealed
from domain.voting import is_present


class AttendanceList:
    """Who is on a meeting's attendance list, and who was in the room at a moment of it."""

    attendance: dict[UUID, Attendance]
    started_at: time | None
    ended_at: time | None

    if TYPE_CHECKING:  # given by Meeting and Record

        def check_open(self, effective_on: date) -> None: ...

        def record(
            self, fact: type[Fact], effective_on: date, recorded_by: str, **said: Any
        ) -> None: ...

    def check_during(self, at: time, what: str) -> None:
        assert self.started_at is not None
        if at < self.started_at or (self.ended_at is not None and at > self.ended_at):
            raise InvalidInputError(
                "at",
                "{what} at {hhmm} falls outside the meeting ({started}–{ended}).",
                what=what,
                hhmm=hhmm(at),
                started=hhmm(self.started_at),
                ended=hhmm(self.ended_at),
            )

    def record_attendance(
        self,
        stakeholder_id: UUID,
        name: str,
        representative: Sealed | None,
        role: AttendanceRole,
        arrived_at: time,
        departed_at: time | None,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """A stakeholder on the attendance list, as member or guest, with its times."""
        self.check_open(effective_on)
        if stakeholder_id in self.attendance:
            came = hhmm(self.attendance[stakeholder_id].arrived_at)
            raise RuleViolationError(
                "{name} is already on the attendance list (from {came}).", name=name, came=came
            )
        self.check_during(arrived_at, "An arrival")
        if departed_at is not None:
            self.check_departure(name, arrived_at, departed_at)
        entry = Attendance(stakeholder_id, representative, role, arrived_at, departed_at)
        self.record(self.AttendanceRecorded, effective_on, recorded_by, **vars(entry))

    class AttendanceRecorded(Fact):
        """One entry of the list: its fields are those of ``Attendance``."""

        stakeholder_id: UUID
        representative: Sealed | None
        role: AttendanceRole
        arrived_at: time
        departed_at: time | None

        def apply(self, meeting: AttendanceList) -> None:
            meeting.attendance[self.stakeholder_id] = Attendance(**self.said())

    def check_departure(self, name: str, arrived_at: time, departed_at: time) -> None:
        if departed_at <= arrived_at:
            raise InvalidInputError(
                "departed_at",
                "{name} leaves after arriving at {hhmm}.",
                name=name,
                hhmm=hhmm(arrived_at),
            )
        self.check_during(departed_at, "A departure")

    def attendee(self, stakeholder_id: UUID, name: str) -> Attendance:
        try:
            return self.attendance[stakeholder_id]
        except KeyError:
            raise NotPresentError("{name} is not on the attendance list.", name=name) from None

    def record_departure(
        self, stakeholder_id: UUID, name: str, at: time, effective_on: date, recorded_by: str
    ) -> None:
        """A stakeholder left before the end; from then it no longer counts for the quorum."""
        self.check_open(effective_on)
        entry = self.attendee(stakeholder_id, name)
        if entry.departed_at is not None:
            raise RuleViolationError(
                "{name} already left at {hhmm}.", name=name, hhmm=hhmm(entry.departed_at)
            )
        self.check_departure(name, entry.arrived_at, at)
        self.record(
            self.DepartureRecorded, effective_on, recorded_by, stakeholder_id=stakeholder_id, at=at
        )

    class DepartureRecorded(Fact):
        stakeholder_id: UUID
        at: time

        def apply(self, meeting: AttendanceList) -> None:
            meeting.attendance[self.stakeholder_id] = replace(
                meeting.attendance[self.stakeholder_id], departed_at=self.at
            )

    def strike_attendance(
        self, stakeholder_id: UUID, name: str, effective_on: date, recorded_by: str
    ) -> None:
        """Take a wrong entry off the draft attendance list."""
        self.check_open(effective_on)
        self.attendee(stakeholder_id, name)
        self.record(self.AttendanceStruck, effective_on, recorded_by, stakeholder_id=stakeholder_id)

    class AttendanceStruck(Fact):
        stakeholder_id: UUID

        def apply(self, meeting: AttendanceList) -> None:
            del meeting.attendance[self.stakeholder_id]

    def present_at(self, at: time) -> set[UUID]:
        """The stakeholders in the room at a moment of the meeting."""
        return {
            sid for sid, a in self.attendance.items() if is_present(a.arrived_at, a.departed_at, at)
        }
