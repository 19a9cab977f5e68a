"""The team and its meetings as tables: members' seats, meetings, resolutions and votes."""

from __future__ import annotations

from typing import Any

from eventsourcing.dispatch import singledispatchmethod

from domain.meeting import Meeting
from domain.resolution import Resolution
from domain.team import SynergyTeam
from domain.voting import Outcome, VoteChoice
from projections.runner import ReadModel, Unit
from registry.views import plain

COUNTED_AS = {
    VoteChoice.FOR: "votes_for",
    VoteChoice.AGAINST: "votes_against",
    VoteChoice.ABSTAIN: "abstentions",
}


class MeetingsProjection(ReadModel):
    """One row per seat in the team, per meeting and per resolution of each gmina."""

    name = "meetings"
    passes_over_other_facts = True

    @singledispatchmethod
    def apply(self, event: Any, position: int, unit: Unit) -> None:
        """Other facts do not change these tables."""

    # --- the team's seats --------------------------------------------------------------

    @apply.register(SynergyTeam.Formed)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        row = {"gmina_id": str(e.gmina_id), "seats": 0, "open": {}}
        unit.put("team", str(e.originator_id), str(e.gmina_id), position, row)

    def open_seat(
        self, team: dict[str, Any], team_id: str, e: Any, position: int, unit: Unit
    ) -> None:
        key = f"{team_id}/{team['seats']:04d}"
        seat = {
            "index": team["seats"],
            "stakeholder_id": str(e.stakeholder_id),
            "role": e.role.value,
            "appointed_on": e.effective_on.isoformat(),
            "decided_by": e.decided_by.strip(),
            "dismissed_on": None,
            "dismiss_reason": "",
        }
        team["seats"] += 1
        team["open"][seat["stakeholder_id"]] = key
        unit.put("seat", key, team["gmina_id"], position, seat)

    def close_seat(
        self, team: dict[str, Any], e: Any, reason: str, position: int, unit: Unit
    ) -> None:
        key = team["open"].pop(str(e.stakeholder_id))
        seat = unit.get("seat", key)
        assert seat is not None, "an open seat has its row"
        seat["dismissed_on"], seat["dismiss_reason"] = e.effective_on.isoformat(), reason
        unit.put("seat", key, team["gmina_id"], position, seat)

    @apply.register(SynergyTeam.MemberAppointed)
    @apply.register(SynergyTeam.MemberDismissed)
    @apply.register(SynergyTeam.RoleChanged)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        team_id = str(e.originator_id)
        team = unit.get("team", team_id)
        assert team is not None, "a team's facts follow its forming"
        if not isinstance(e, SynergyTeam.MemberAppointed):
            reason = getattr(e, "reason", "")
            self.close_seat(team, e, reason, position, unit)
        if not isinstance(e, SynergyTeam.MemberDismissed):
            self.open_seat(team, team_id, e, position, unit)
        unit.put("team", team_id, team["gmina_id"], position, team)

    # --- meetings ----------------------------------------------------------------------

    @apply.register(Meeting.Scheduled)
    def _(self, e: Meeting.Scheduled, position: int, unit: Unit) -> None:
        plan = e.plan
        row: dict[str, Any] = {
            "id": str(e.originator_id),
            "gmina_id": str(e.gmina_id),
            "kind": plan.kind.value,
            "number": None,
            "on": plan.on.isoformat(),
            "at": plan.at.isoformat(),
            "place": plan.place,
            "agenda": len(plan.agenda),
            "state": "scheduled",
            "started_at": None,
            "ended_at": None,
            "chair": None,
            "minute_taker": None,
            "attendance": {},
            "resolutions": 0,
            "minutes": "draft",
            "approved_on": None,
            "approval": "",
            "finalised_on": None,
            "errata": 0,
            "cancel_reason": "",
        }
        unit.put("meeting", row["id"], row["gmina_id"], position, row)

    @apply.register(Meeting.Rescheduled)
    @apply.register(Meeting.Cancelled)
    @apply.register(Meeting.Held)
    @apply.register(Meeting.Ended)
    @apply.register(Meeting.AgendaItemAdded)
    @apply.register(Meeting.ResolutionTabled)
    @apply.register(Meeting.MinutesApproved)
    @apply.register(Meeting.MinutesFinalised)
    @apply.register(Meeting.ErratumRecorded)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        row = unit.get("meeting", str(e.originator_id))
        assert row is not None, "a meeting's facts follow its scheduling"
        if isinstance(e, Meeting.Rescheduled):
            row.update(on=e.on.isoformat(), at=e.at.isoformat(), place=e.place)
        elif isinstance(e, Meeting.Cancelled):
            row.update(state="cancelled", cancel_reason=e.reason)
        elif isinstance(e, Meeting.Held):
            row.update(
                state="held",
                on=e.effective_on.isoformat(),
                number=f"{e.number}/{e.effective_on.year}",
                started_at=e.started_at.isoformat(),
                ended_at=plain(e.ended_at),
                chair=plain(e.chair),
                minute_taker=plain(e.minute_taker),
            )
        elif isinstance(e, Meeting.Ended):
            row["ended_at"] = e.ended_at.isoformat()
        elif isinstance(e, Meeting.AgendaItemAdded):
            row["agenda"] += 1
        elif isinstance(e, Meeting.ResolutionTabled):
            row["resolutions"] += 1
        elif isinstance(e, Meeting.MinutesApproved):
            row.update(
                minutes="approved", approved_on=e.effective_on.isoformat(), approval=e.decided_by
            )
        elif isinstance(e, Meeting.MinutesFinalised):
            row.update(minutes="final", finalised_on=e.effective_on.isoformat())
        else:
            row["errata"] += 1
        unit.put("meeting", row["id"], row["gmina_id"], position, row)

    @apply.register(Meeting.AttendanceRecorded)
    @apply.register(Meeting.DepartureRecorded)
    @apply.register(Meeting.AttendanceStruck)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        row = unit.get("meeting", str(e.originator_id))
        assert row is not None, "a meeting's facts follow its scheduling"
        sid = str(e.stakeholder_id)
        if isinstance(e, Meeting.AttendanceRecorded):
            row["attendance"][sid] = {
                "role": e.role.value,
                "arrived_at": e.arrived_at.isoformat(),
                "departed_at": plain(e.departed_at),
            }
        elif isinstance(e, Meeting.DepartureRecorded):
            row["attendance"][sid]["departed_at"] = e.at.isoformat()
        else:
            del row["attendance"][sid]
        unit.put("meeting", row["id"], row["gmina_id"], position, row)

    # --- resolutions and their votes ---------------------------------------------------

    @apply.register(Resolution.Proposed)
    def _(self, e: Resolution.Proposed, position: int, unit: Unit) -> None:
        draft = e.draft
        row: dict[str, Any] = {
            "id": str(e.originator_id),
            "gmina_id": str(e.gmina_id),
            "meeting_id": str(e.meeting_id),
            "number": draft.number,
            "year": draft.year,
            "title": draft.title,
            "proposer_id": str(draft.proposer_id),
            "proposed_on": e.effective_on.isoformat(),
            "state": "proposed",
            "vote_at": None,
            "ballots": {},
            "votes_for": 0,
            "votes_against": 0,
            "abstentions": 0,
            "members": 0,
            "present": 0,
            "quorum": 0,
            "withdraw_reason": "",
        }
        unit.put("resolution", row["id"], row["gmina_id"], position, row)

    @apply.register(Resolution.VoteOpened)
    @apply.register(Resolution.BallotCast)
    @apply.register(Resolution.TotalsRecorded)
    @apply.register(Resolution.VoteClosed)
    @apply.register(Resolution.Withdrawn)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        row = unit.get("resolution", str(e.originator_id))
        assert row is not None, "a resolution's facts follow its proposal"
        if isinstance(e, Resolution.VoteOpened):
            row.update(state="voting", vote_at=e.at.isoformat())
        elif isinstance(e, Resolution.BallotCast):
            row["ballots"][str(e.stakeholder_id)] = e.choice.value
            row[COUNTED_AS[e.choice]] += 1
        elif isinstance(e, Resolution.TotalsRecorded | Resolution.VoteClosed):
            tally = e.totals if isinstance(e, Resolution.TotalsRecorded) else e.tally
            row.update(
                votes_for=tally.votes_for,
                votes_against=tally.votes_against,
                abstentions=tally.abstentions,
            )
            if isinstance(e, Resolution.VoteClosed):
                row.update(
                    state="adopted" if e.outcome is Outcome.ADOPTED else "rejected",
                    members=e.members,
                    present=e.present,
                    quorum=e.quorum,
                )
        else:
            row.update(state="withdrawn", withdraw_reason=e.reason)
        unit.put("resolution", row["id"], row["gmina_id"], position, row)
