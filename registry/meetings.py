"""Use cases: scheduling and holding meetings, attendance, agenda, action items, minutes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from uuid import UUID

from domain.calendar import MeetingCalendar
from domain.errors import (
    ArchivedError,
    InvalidInputError,
    NotFoundError,
    RuleViolationError,
    WrongGminaError,
)
from domain.gmina import Gmina
from domain.meeting import Meeting
from domain.minutes import AttendanceRole, MeetingKind
from domain.resolution import Resolution
from domain.stakeholder import Stakeholder
from domain.values import Sealed, StakeholderKind
from registry.base import RegistryBase
from registry.catalogue import Stakeholders
from registry.pacts import Pacts
from registry.team import Teams, parse_option


def parse_kind(value: MeetingKind | str) -> MeetingKind:
    if isinstance(value, str) and value.strip().lower() in ("zsl", "zespół"):
        return MeetingKind.TEAM
    if isinstance(value, str) and value.strip().lower() in ("pakt",):
        return MeetingKind.PACT
    return parse_option(MeetingKind, "kind", value)


@dataclass(eq=False)
class Meetings:
    """Pact meetings and team sittings, from the calendar to final minutes."""

    app: RegistryBase
    stakeholders: Stakeholders
    pacts: Pacts
    teams: Teams

    def calendar_of(self, gmina_id: UUID) -> MeetingCalendar:
        try:
            return self.app.load(MeetingCalendar, MeetingCalendar.create_id(gmina_id))
        except NotFoundError:
            gmina = self.app.load(Gmina, gmina_id)
            return MeetingCalendar(gmina_id, gmina.registered_on, "registry")

    def meeting(self, meeting_id: UUID, gmina_id: UUID | None = None) -> Meeting:
        meeting = self.app.load(Meeting, meeting_id)
        if gmina_id is not None and meeting.gmina_id != gmina_id:
            raise WrongGminaError("That meeting belongs to another gmina's partnership.")
        return meeting

    def schedule_meeting(
        self,
        gmina_id: UUID,
        *,
        kind: MeetingKind | str,
        on: date,
        at: time,
        place: str,
        agenda: list[str] | None = None,
        recorded_by: str,
        effective_on: date | None = None,
    ) -> UUID:
        """Put a pact meeting or a team sitting in the calendar: date, time, place, agenda."""
        meeting_kind = parse_kind(kind)
        if meeting_kind is MeetingKind.TEAM:
            team = self.teams.team_of(gmina_id)
            if on < team.formed_on:
                raise InvalidInputError(
                    "on", "The team was formed on {formed_on}.", formed_on=team.formed_on
                )
        else:
            self.pacts.pact_of(gmina_id)
        noted = effective_on or min(date.today(), on)
        meeting = Meeting.schedule(
            gmina_id, meeting_kind, on, at, place, agenda or [], noted, recorded_by
        )
        calendar = self.calendar_of(gmina_id)
        calendar.enter(meeting.id, meeting_kind, on, noted, recorded_by)
        self.app.commit(meeting, calendar)
        return meeting.id

    def reschedule_meeting(
        self,
        meeting_id: UUID,
        *,
        on: date | None = None,
        at: time | None = None,
        place: str | None = None,
        recorded_by: str,
        effective_on: date | None = None,
    ) -> None:
        meeting = self.meeting(meeting_id)
        new_on = on or meeting.on
        noted = effective_on or min(date.today(), new_on)
        meeting.reschedule(new_on, at or meeting.at, place or meeting.place, noted, recorded_by)
        calendar = self.calendar_of(meeting.gmina_id)
        calendar.move(meeting_id, new_on, noted, recorded_by)
        self.app.commit(meeting, calendar)

    def cancel_meeting(
        self, meeting_id: UUID, *, reason: str, recorded_by: str, effective_on: date | None = None
    ) -> None:
        meeting = self.meeting(meeting_id)
        meeting.cancel(reason, effective_on or min(date.today(), meeting.on), recorded_by)
        self.app.commit(meeting)

    def person(self, gmina_id: UUID, name: str | None, function: str = "") -> Sealed | None:
        return self.pacts.representative(gmina_id, name, "", function)

    def hold_meeting(
        self,
        meeting_id: UUID,
        *,
        started_at: time,
        ended_at: time | None = None,
        chair: str | None = None,
        chair_function: str = "",
        minute_taker: str | None = None,
        minute_taker_function: str = "",
        number: int | None = None,
        recorded_by: str,
        effective_on: date | None = None,
    ) -> str:
        """The meeting took place: start and end, chair, minute-taker; its minutes get a number."""
        meeting = self.meeting(meeting_id)
        meeting.check_scheduled()
        on = effective_on or meeting.on
        calendar = self.calendar_of(meeting.gmina_id)
        calendar.move(meeting_id, on, on, recorded_by)
        number = calendar.next_number(meeting.kind, on.year) if number is None else number
        calendar.number_minutes(meeting_id, number, on, on, recorded_by)
        meeting.hold(
            number,
            started_at,
            ended_at,
            self.stakeholders.sealed_person(
                meeting.gmina_id, chair, "", chair_function, field="chair"
            ),
            self.stakeholders.sealed_person(
                meeting.gmina_id, minute_taker, "", minute_taker_function, field="minute_taker"
            ),
            on,
            recorded_by,
        )
        self.app.commit(meeting, calendar)
        return f"{number}/{on.year}"

    def end_meeting(self, meeting_id: UUID, *, ended_at: time, recorded_by: str) -> None:
        meeting = self.meeting(meeting_id)
        meeting.record_end(ended_at, meeting.on, recorded_by)
        self.app.commit(meeting)

    def add_agenda_item(self, meeting_id: UUID, title: str, *, recorded_by: str) -> int:
        meeting = self.meeting(meeting_id)
        meeting.add_agenda_item(title, meeting.on, recorded_by)
        self.app.commit(meeting)
        return len(meeting.agenda)

    def summarise_item(
        self, meeting_id: UUID, item: int, summary: str, *, recorded_by: str
    ) -> None:
        """The minutes' summary of an agenda item."""
        meeting = self.meeting(meeting_id)
        meeting.summarise(item, summary, meeting.on, recorded_by)
        self.app.commit(meeting)

    # --- invitations -------------------------------------------------------------------

    def invite_to_meeting(
        self,
        meeting_id: UUID,
        stakeholder_ids: list[UUID],
        *,
        recorded_by: str,
        effective_on: date | None = None,
    ) -> list[UUID]:
        """Record who was invited to a meeting; all of them or, on any refusal, none.

        Expected at a meeting are the members of the body that meets and those invited:
        a stakeholder from outside who was never invited did not stay away.
        """
        meeting = self.meeting(meeting_id)
        if not stakeholder_ids:
            raise InvalidInputError("stakeholder_ids", "Say whom the meeting invites.")
        noted = effective_on or min(date.today(), meeting.on)
        for sid in stakeholder_ids:
            stakeholder = self.stakeholders.stakeholder_of(meeting.gmina_id, sid)
            name = self.stakeholders.name_of(stakeholder)
            if stakeholder.archived_on is not None:
                raise ArchivedError(
                    "{name} was archived on {archived_on}; an archived stakeholder is not "
                    "invited to meetings.",
                    name=name,
                    archived_on=stakeholder.archived_on,
                )
            meeting.invite(sid, name, noted, recorded_by)
        self.app.commit(meeting)
        return list(meeting.invited)

    # --- attendance --------------------------------------------------------------------

    def is_member_at(self, meeting: Meeting, stakeholder_id: UUID) -> bool:
        """Team members at a sitting, signatories at a pact meeting; everyone else is a guest."""
        if meeting.kind is MeetingKind.TEAM:
            return stakeholder_id in self.teams.team_of(meeting.gmina_id).members_on(meeting.on)
        try:
            return self.pacts.pact_of(meeting.gmina_id, as_of=meeting.on).is_member(stakeholder_id)
        except NotFoundError:
            return False

    def represented_by(
        self, stakeholder: Stakeholder, name: str | None, function: str
    ) -> Sealed | None:
        """Who came for the stakeholder: the person named, else the person it is, else the
        representative it named in the pact."""
        if name and name.strip():
            return self.person(stakeholder.gmina_id, name, function)
        if stakeholder.kind is StakeholderKind.PERSON:
            return stakeholder.person
        pact = self.pacts.pact_of(stakeholder.gmina_id)
        periods = pact.periods(stakeholder.id)
        return periods[-1].representative if periods else None

    def record_attendance(
        self,
        meeting_id: UUID,
        stakeholder_id: UUID,
        *,
        representative: str | None = None,
        representative_function: str = "",
        arrived_at: time | None = None,
        departed_at: time | None = None,
        recorded_by: str,
    ) -> str:
        """A stakeholder present, its representative, and when it came (and left)."""
        meeting = self.meeting(meeting_id)
        meeting.check_open(meeting.on)
        started_at = meeting.started_at
        assert started_at is not None
        stakeholder = self.stakeholders.stakeholder_of(meeting.gmina_id, stakeholder_id)
        member = self.is_member_at(meeting, stakeholder_id)
        role = AttendanceRole.MEMBER if member else AttendanceRole.GUEST
        meeting.record_attendance(
            stakeholder_id,
            self.stakeholders.name_of(stakeholder),
            self.represented_by(stakeholder, representative, representative_function),
            role,
            arrived_at or started_at,
            departed_at,
            meeting.on,
            recorded_by,
        )
        self.app.commit(meeting)
        return role.value

    def record_departure(
        self, meeting_id: UUID, stakeholder_id: UUID, *, at: time, recorded_by: str
    ) -> None:
        """A stakeholder left early; later votes count without it."""
        meeting = self.meeting(meeting_id)
        stakeholder = self.stakeholders.stakeholder_of(meeting.gmina_id, stakeholder_id)
        meeting.record_departure(
            stakeholder_id, self.stakeholders.name_of(stakeholder), at, meeting.on, recorded_by
        )
        self.app.commit(meeting)

    def strike_attendance(
        self, meeting_id: UUID, stakeholder_id: UUID, *, recorded_by: str
    ) -> None:
        """Take a wrong entry off the draft attendance list (not of anyone who voted)."""
        meeting = self.meeting(meeting_id)
        stakeholder = self.stakeholders.stakeholder_of(meeting.gmina_id, stakeholder_id)
        name = self.stakeholders.name_of(stakeholder)
        for rid in meeting.resolution_ids:
            resolution = self.app.load(Resolution, rid)
            if stakeholder_id in resolution.ballots:
                raise RuleViolationError(
                    "{name} voted on {label}; its attendance stays on the list.",
                    name=name,
                    label=resolution.label,
                )
        meeting.strike_attendance(stakeholder_id, name, meeting.on, recorded_by)
        self.app.commit(meeting)
