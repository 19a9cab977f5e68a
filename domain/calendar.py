"""The gmina's calendar of meetings: which meetings there are, and the numbers of their minutes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from uuid import UUID

from domain.errors import DuplicateNumberError
from domain.history import Fact, GminaBook
from domain.input_rules import check_number
from domain.terms import MeetingKind
from domain.values import Immutable


@dataclass(frozen=True)
class CalendarEntry(Immutable):
    """One meeting of the gmina's partnership, and the number of its minutes once held."""

    meeting_id: UUID
    kind: MeetingKind
    on: date
    number: int | None = None


class MeetingCalendar(GminaBook):
    """Every pact meeting and team sitting of one gmina; minutes are numbered per kind and year."""

    PART = "meetings"

    def open_empty(self) -> None:
        self.entries: list[CalendarEntry] = []

    def entry(self, meeting_id: UUID) -> CalendarEntry:
        return next(e for e in self.entries if e.meeting_id == meeting_id)

    def change_entry(self, meeting_id: UUID, **changes: Any) -> None:
        """The meeting's entry, moved to another day or given its minutes' number."""
        i = self.entries.index(self.entry(meeting_id))
        self.entries[i] = replace(self.entries[i], **changes)

    def enter(
        self, meeting_id: UUID, kind: MeetingKind, on: date, effective_on: date, recorded_by: str
    ) -> None:
        """A newly scheduled meeting enters the calendar."""
        self.record(
            self.Entered, effective_on, recorded_by, meeting_id=meeting_id, kind=kind, on=on
        )

    class Entered(Fact):
        meeting_id: UUID
        kind: MeetingKind
        on: date

        def apply(self, calendar: MeetingCalendar) -> None:
            calendar.entries.append(CalendarEntry(self.meeting_id, self.kind, self.on))

    def move(self, meeting_id: UUID, on: date, effective_on: date, recorded_by: str) -> None:
        """A meeting moved to another day (rescheduled, or held on another day)."""
        if self.entry(meeting_id).on != on:
            self.record(self.Moved, effective_on, recorded_by, meeting_id=meeting_id, on=on)

    class Moved(Fact):
        meeting_id: UUID
        on: date

        def apply(self, calendar: MeetingCalendar) -> None:
            calendar.change_entry(self.meeting_id, on=self.on)

    def next_number(self, kind: MeetingKind, year: int) -> int:
        taken = [e.number or 0 for e in self.entries if e.kind is kind and e.on.year == year]
        return max(taken, default=0) + 1

    def number_minutes(
        self, meeting_id: UUID, number: int, on: date, effective_on: date, recorded_by: str
    ) -> None:
        """A held meeting's minutes get their number ("Protokół nr 2/2026"), unique in the year."""
        check_number("number", number, "protokołu")
        kind = self.entry(meeting_id).kind
        for e in self.entries:
            if e.kind is kind and e.number == number and e.on.year == on.year:
                raise DuplicateNumberError(
                    "Protokół nr {number}/{year} is already the minutes of the meeting of {on}.",
                    number=number,
                    year=on.year,
                    on=e.on,
                )
        self.record(
            self.MinutesNumbered,
            effective_on,
            recorded_by,
            meeting_id=meeting_id,
            number=number,
            on=on,
        )

    class MinutesNumbered(Fact):
        meeting_id: UUID
        number: int
        on: date

        def apply(self, calendar: MeetingCalendar) -> None:
            calendar.change_entry(self.meeting_id, on=self.on, number=self.number)
