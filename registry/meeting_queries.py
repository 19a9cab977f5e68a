"""Queries: meetings and their minutes, resolutions, quorum at a moment, now or as of a date."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import TypeVar
from uuid import UUID

from domain.action_item import ActionItem
from domain.effects import Effect, words_pl
from domain.errors import InvalidInputError, NotFoundError
from domain.input_rules import check_wall_clock
from domain.meeting import Meeting
from domain.minutes import (
    MINUTES_TITLES_PL,
    MeetingKind,
    MeetingState,
)
from domain.resolution import Resolution
from domain.stakeholder import Stakeholder
from domain.values import Sealed
from domain.voting import Tally, quorum_needed
from registry.base import RegistryBase
from registry.catalogue import Stakeholders
from registry.meeting_views import (
    ActionItemView,
    AgendaItemView,
    AttendanceView,
    BallotView,
    ErratumView,
    InvitedView,
    MeetingSummaryView,
    MeetingView,
    QuorumView,
    ResolutionView,
)
from registry.meetings import Meetings, parse_kind
from registry.personal_data import ERASED
from registry.team import Teams

T = TypeVar("T")
MEETING_REF = re.compile(
    r"^(team|zsl|pact|pakt)[\s:/-]*([0-9]+)/([0-9]{4})$", re.IGNORECASE | re.ASCII
)


def the_one_meeting(ref: str, matches: Sequence[T]) -> T:
    """The one meeting a reference names; refused in words when it names none or several."""
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError("No meeting {ref!r} in this gmina's calendar.", ref=ref)
    raise InvalidInputError(
        "meeting",
        "{ref!r} names {matches} meetings; be more exact.",
        ref=ref,
        matches=len(matches),
    )


@dataclass(eq=False)
class MeetingQueries:
    """What facilitators read back: minutes, attendance lists, resolutions, quorum."""

    app: RegistryBase
    stakeholders: Stakeholders
    teams: Teams
    meetings: Meetings

    def stakeholder_name(self, stakeholder_id: UUID) -> str:
        try:
            return self.stakeholders.name_of(self.app.load(Stakeholder, stakeholder_id))
        except NotFoundError:
            return str(stakeholder_id)

    def person_name(self, sealed: Sealed | None) -> tuple[str, str]:
        """A sealed person's name and function, or the mark of erased data."""
        if sealed is None:
            return "", ""
        data = self.app.vault.unseal(sealed)
        return (data.name, data.function) if data else (ERASED, "")

    def minutes_of(self, meeting_id: UUID) -> str:
        earlier = self.app.load(Meeting, meeting_id)
        return f"nr {earlier.minutes_number} z dnia {earlier.on}"

    def describe_effect(self, effect: Effect) -> str:
        """What an adopted resolution does, in the words of its §1."""
        return words_pl(effect, self.stakeholder_name, self.minutes_of)

    # --- resolutions -------------------------------------------------------------------

    def view_resolution(self, r: Resolution) -> ResolutionView:
        tally = r.tally or r.totals or Tally.of(list(r.ballots.values()))
        return ResolutionView(
            id=r.id,
            gmina_id=r.gmina_id,
            meeting_id=r.meeting_id,
            number=f"{r.number}/{r.year}",
            label=r.label,
            title=r.title,
            proposer_id=r.proposer_id,
            proposer_name=self.stakeholder_name(r.proposer_id),
            text=r.text,
            effects=[self.describe_effect(e) for e in r.effects],
            state=r.state.value,
            proposed_on=r.proposed_on,
            vote_at=r.vote_at,
            ballots=[
                BallotView(sid, self.stakeholder_name(sid), choice.value)
                for sid, choice in r.ballots.items()
            ],
            votes_for=tally.votes_for,
            votes_against=tally.votes_against,
            abstentions=tally.abstentions,
            members=r.members,
            present=r.present,
            quorum=r.quorum,
            withdraw_reason=r.withdraw_reason,
            version=r.version,
        )

    def get_resolution(self, resolution_id: UUID, *, as_of: date | None = None) -> ResolutionView:
        return self.view_resolution(self.app.load(Resolution, resolution_id, as_of=as_of))

    def list_resolutions(
        self, gmina_id: UUID, *, year: int | None = None, as_of: date | None = None
    ) -> list[ResolutionView]:
        """The team's resolutions in number order, as they stood on a date."""
        try:
            team = self.teams.team_of(gmina_id, as_of=as_of)
        except NotFoundError:
            return []
        views = []
        for key, rid in team.resolution_numbers.items():
            if year and not key.endswith(f"/{year}"):
                continue
            try:
                views.append(self.get_resolution(rid, as_of=as_of))
            except NotFoundError:
                continue
        return sorted(
            views, key=lambda v: (int(v.number.split("/")[1]), int(v.number.split("/")[0]))
        )

    # --- meetings ----------------------------------------------------------------------

    def get_action(self, action_id: UUID, *, as_of: date | None = None) -> ActionItemView:
        a = self.app.load(ActionItem, action_id, as_of=as_of)
        return ActionItemView(
            id=a.id,
            meeting_id=a.meeting_id,
            description=a.description,
            owner_id=a.owner_id,
            owner_name=self.stakeholder_name(a.owner_id),
            due_on=a.due_on,
            agenda_item=a.agenda_item,
            state=a.state.value,
            accepted_on=a.accepted_on,
            commitment_id=a.commitment_id,
            version=a.version,
        )

    def get_meeting(self, meeting_id: UUID, *, as_of: date | None = None) -> MeetingView:
        """A meeting and its minutes now, or as they stood on a past date."""
        m = self.app.load(Meeting, meeting_id, as_of=as_of)
        attendance = []
        for a in sorted(m.attendance.values(), key=lambda a: a.arrived_at):
            rep, function = self.person_name(a.representative)
            attendance.append(
                AttendanceView(
                    a.stakeholder_id,
                    self.stakeholder_name(a.stakeholder_id),
                    rep,
                    function,
                    a.role.value,
                    a.arrived_at,
                    a.departed_at,
                )
            )
        actions = [self.get_action(aid, as_of=as_of) for aid in m.action_ids]
        resolutions = [self.get_resolution(rid, as_of=as_of) for rid in m.resolution_ids]
        chair, _ = self.person_name(m.chair)
        taker, _ = self.person_name(m.minute_taker)
        title = (
            f"Protokół nr {m.minutes_number} {MINUTES_TITLES_PL[m.kind]}"
            if m.number
            else m.kind.polish
        )
        return MeetingView(
            id=m.id,
            gmina_id=m.gmina_id,
            kind=m.kind.value,
            title=title,
            number=m.minutes_number,
            state=m.state.value,
            on=m.on,
            at=m.at,
            place=m.place,
            started_at=m.started_at,
            ended_at=m.ended_at,
            chair=chair,
            minute_taker=taker,
            agenda=[AgendaItemView(i.number, i.title, i.summary) for i in m.agenda],
            attendance=attendance,
            actions=actions,
            resolutions=resolutions,
            minutes=m.minutes.value,
            approved_on=m.approved_on,
            approved_at=m.approved_at,
            approval=m.approval,
            finalised_on=m.finalised_on,
            errata=[ErratumView(e.id, e.corrects, e.correction, e.recorded_on) for e in m.errata],
            cancel_reason=m.cancel_reason,
            version=m.version,
            invited=[
                InvitedView(sid, self.stakeholder_name(sid), sid in m.attendance)
                for sid in m.invited
            ],
        )

    def list_meetings(
        self, gmina_id: UUID, *, kind: MeetingKind | str | None = None
    ) -> list[MeetingSummaryView]:
        """The gmina's meetings in date order."""
        wanted = parse_kind(kind) if kind else None
        views = []
        for entry in self.meetings.calendar_of(gmina_id).entries:
            if wanted and entry.kind is not wanted:
                continue
            m = self.app.load(Meeting, entry.meeting_id)
            views.append(
                MeetingSummaryView(
                    m.id,
                    m.kind.value,
                    m.minutes_number,
                    m.on,
                    m.at,
                    m.place,
                    m.state.value,
                    m.minutes.value,
                )
            )
        return sorted(views, key=lambda v: (v.on, v.at))

    def find_meeting(self, gmina_id: UUID, ref: str) -> UUID:
        """A meeting from its id (or its first characters), its date, or "zsl 2/2026"."""
        ref = ref.strip()
        entries = self.meetings.calendar_of(gmina_id).entries
        numbered = MEETING_REF.match(ref)
        if numbered:
            word, number, year = numbered.groups()
            kind = MeetingKind.TEAM if word.lower() in ("team", "zsl") else MeetingKind.PACT
            matches = [
                e.meeting_id
                for e in entries
                if e.kind is kind and e.number == int(number) and e.on.year == int(year)
            ]
        elif re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", ref):
            matches = [e.meeting_id for e in entries if e.on.isoformat() == ref]
        else:
            matches = [e.meeting_id for e in entries if str(e.meeting_id).startswith(ref.lower())]
        return the_one_meeting(ref, matches)

    def quorum_at(self, meeting_id: UUID, at: time) -> QuorumView:
        """Whether the team could decide at a moment of a sitting: members present, needed."""
        check_wall_clock("at", at)
        m = self.app.load(Meeting, meeting_id)
        if m.state is not MeetingState.HELD:
            raise InvalidInputError("meeting", "The meeting of {on} was not held.", on=m.on)
        if m.kind is not MeetingKind.TEAM:
            raise InvalidInputError("meeting", "Only the team's sittings vote; quorum is theirs.")
        team = self.teams.team_of(m.gmina_id)
        members = team.members_on(m.on)
        rules = team.rules_on(m.on)
        present = [sid for sid in m.present_at(at) if sid in members]
        needed = quorum_needed(rules.quorum, len(members))
        return QuorumView(
            at=at,
            members=len(members),
            present_members=sorted(self.stakeholder_name(sid) for sid in present),
            needed=needed,
            has_quorum=bool(members) and len(present) >= needed,
            rule=rules.quorum.polish,
        )
