"""The team and its meetings as rows shaped for the pages: seats, meetings, actions, resolutions.

Each row carries what a page or the API shows of its record (the record's version
included); names of persons stay sealed in the row and are unsealed when read.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.dispatch import singledispatchmethod

from domain.action_item import ActionItem
from domain.meeting import Meeting
from domain.redaction import Redactions
from domain.resolution import Resolution
from domain.team import SynergyTeam
from domain.voting import Outcome, VoteChoice
from projections.effect_words import effect_words
from projections.runner import ReadModel, Unit
from registry.views import plain

COUNTED_AS = {
    VoteChoice.FOR: "votes_for",
    VoteChoice.AGAINST: "votes_against",
    VoteChoice.ABSTAIN: "abstentions",
}


def changed(unit: Unit, kind: str, e: Any) -> dict[str, Any]:
    """The row a later fact of a record changes, at the record's new version."""
    row = unit.get(kind, str(e.originator_id))
    assert row is not None, "a record's later facts follow its first"
    row["version"] = e.originator_version
    return row


def rules_period(e: Any) -> dict[str, str]:
    return {
        "quorum": e.rules.quorum.value,
        "majority": e.rules.majority.value,
        "since": e.effective_on.isoformat(),
        "decided_by": e.decided_by,
    }


class MeetingsProjection(ReadModel):
    """One row per team, seat, meeting, action item and resolution of each gmina."""

    name = "meetings"
    passes_over_other_facts = True

    @singledispatchmethod
    def apply(self, event: Any, position: int, unit: Unit) -> None:
        """Other facts do not change these tables."""

    # --- the team and its seats ----------------------------------------------------------

    @apply.register(SynergyTeam.Formed)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        row = {
            "id": str(e.originator_id),
            "gmina_id": str(e.gmina_id),
            "formed_on": e.effective_on.isoformat(),
            "decided_by": e.decided_by,
            "seats": 0,
            "open": {},
            "rules": [rules_period(e)],
            "numbers": [],
            "entity_ids": [],
            "version": e.originator_version,
        }
        unit.put("team", row["id"], row["gmina_id"], position, row)

    def open_seat(self, team: dict[str, Any], e: Any, position: int, unit: Unit) -> None:
        key = f"{team['id']}/{team['seats']:04d}"
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
    @apply.register(SynergyTeam.RulesChanged)
    @apply.register(SynergyTeam.ResolutionNumbered)
    @apply.register(SynergyTeam.EntityChosen)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        team = changed(unit, "team", e)
        if isinstance(e, SynergyTeam.RulesChanged):
            team["rules"].append(rules_period(e))
        elif isinstance(e, SynergyTeam.ResolutionNumbered):
            team["numbers"].append([e.number, str(e.resolution_id)])
        elif isinstance(e, SynergyTeam.EntityChosen):
            team["entity_ids"].append(str(e.entity_id))
        else:
            if not isinstance(e, SynergyTeam.MemberAppointed):
                self.close_seat(team, e, getattr(e, "reason", ""), position, unit)
            if not isinstance(e, SynergyTeam.MemberDismissed):
                self.open_seat(team, e, position, unit)
        unit.put("team", team["id"], team["gmina_id"], position, team)

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
            "agenda": [
                {"number": i, "title": t, "summary": ""} for i, t in enumerate(plan.agenda, 1)
            ],
            "state": "scheduled",
            "started_at": None,
            "ended_at": None,
            "chair": None,
            "minute_taker": None,
            "attendance": {},
            "arrivals": 0,
            "action_ids": [],
            "resolution_ids": [],
            "resolutions": 0,
            "minutes": "draft",
            "approved_on": None,
            "approved_at": None,
            "approval": "",
            "finalised_on": None,
            "errata": [],
            "cancel_reason": "",
            "version": e.originator_version,
        }
        unit.put("meeting", row["id"], row["gmina_id"], position, row)

    @apply.register(Meeting.Rescheduled)
    @apply.register(Meeting.Cancelled)
    @apply.register(Meeting.Held)
    @apply.register(Meeting.Ended)
    @apply.register(Meeting.AgendaItemAdded)
    @apply.register(Meeting.ItemSummarised)
    @apply.register(Meeting.ActionAssigned)
    @apply.register(Meeting.ResolutionTabled)
    @apply.register(Meeting.MinutesApproved)
    @apply.register(Meeting.MinutesFinalised)
    @apply.register(Meeting.ErratumRecorded)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        row = changed(unit, "meeting", e)
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
            row["agenda"].append({"number": len(row["agenda"]) + 1, "title": e.title})
            row["agenda"][-1]["summary"] = ""
        elif isinstance(e, Meeting.ItemSummarised):
            row["agenda"][e.number - 1]["summary"] = e.summary
        elif isinstance(e, Meeting.ActionAssigned):
            row["action_ids"].append(str(e.action_id))
        elif isinstance(e, Meeting.ResolutionTabled):
            row["resolution_ids"].append(str(e.resolution_id))
            row["resolutions"] += 1
        elif isinstance(e, Meeting.MinutesApproved):
            row.update(
                minutes="approved",
                approved_on=e.effective_on.isoformat(),
                approved_at=str(e.at_meeting),
                approval=e.decided_by,
            )
        elif isinstance(e, Meeting.MinutesFinalised):
            row.update(minutes="final", finalised_on=e.effective_on.isoformat())
        else:
            erratum = {"id": str(e.erratum_id), "corrects": e.corrects}
            erratum.update(correction=e.correction, recorded_on=e.effective_on.isoformat())
            row["errata"].append(erratum)
        unit.put("meeting", row["id"], row["gmina_id"], position, row)

    @apply.register(Meeting.Invited)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        row = changed(unit, "meeting", e)
        # Rows of meetings that never invited anyone have no list (their rows stay as stored).
        row.setdefault("invited", []).append(str(e.stakeholder_id))
        unit.put("meeting", row["id"], row["gmina_id"], position, row)

    @apply.register(Meeting.AttendanceRecorded)
    @apply.register(Meeting.DepartureRecorded)
    @apply.register(Meeting.AttendanceStruck)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        row = changed(unit, "meeting", e)
        sid = str(e.stakeholder_id)
        if isinstance(e, Meeting.AttendanceRecorded):
            # The order of recording breaks ties between arrivals at the same minute.
            row["arrivals"] += 1
            row["attendance"][sid] = {
                "role": e.role.value,
                "arrived_at": e.arrived_at.isoformat(),
                "departed_at": plain(e.departed_at),
                "representative": plain(e.representative),
                "order": row["arrivals"],
            }
        elif isinstance(e, Meeting.DepartureRecorded):
            row["attendance"][sid]["departed_at"] = e.at.isoformat()
        else:
            del row["attendance"][sid]
        unit.put("meeting", row["id"], row["gmina_id"], position, row)

    # --- action items ------------------------------------------------------------------

    @apply.register(ActionItem.Assigned)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        row = {
            "id": str(e.originator_id),
            "gmina_id": str(e.gmina_id),
            "meeting_id": str(e.meeting_id),
            "description": e.description,
            "owner_id": str(e.owner_id),
            "due_on": plain(e.due_on),
            "agenda_item": e.agenda_item,
            "state": "assigned",
            "accepted_on": None,
            "commitment_id": None,
            "version": e.originator_version,
        }
        unit.put("action", row["id"], row["gmina_id"], position, row)

    @apply.register(ActionItem.Accepted)
    @apply.register(ActionItem.TakenUp)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        row = changed(unit, "action", e)
        if isinstance(e, ActionItem.TakenUp):
            row["commitment_id"] = str(e.commitment_id)
        else:
            row["accepted_on"] = e.effective_on.isoformat()
        row["state"] = "taken_up" if row["commitment_id"] else "accepted"
        unit.put("action", row["id"], row["gmina_id"], position, row)

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
            "text": draft.text,
            "effects": [effect_words(effect) for effect in draft.effects],
            "proposer_id": str(draft.proposer_id),
            "proposed_on": e.effective_on.isoformat(),
            "state": "proposed",
            "vote_at": None,
            "ballots": [],
            "votes_for": 0,
            "votes_against": 0,
            "abstentions": 0,
            "members": 0,
            "present": 0,
            "quorum": 0,
            "withdraw_reason": "",
            "version": e.originator_version,
        }
        unit.put("resolution", row["id"], row["gmina_id"], position, row)

    @apply.register(Resolution.VoteOpened)
    @apply.register(Resolution.BallotCast)
    @apply.register(Resolution.TotalsRecorded)
    @apply.register(Resolution.VoteClosed)
    @apply.register(Resolution.Withdrawn)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        row = changed(unit, "resolution", e)
        if isinstance(e, Resolution.VoteOpened):
            row.update(state="voting", vote_at=e.at.isoformat())
        elif isinstance(e, Resolution.BallotCast):
            row["ballots"].append([str(e.stakeholder_id), e.choice.value])
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

    # --- corrections of free text --------------------------------------------------------

    @apply.register(Redactions.Started)
    @apply.register(Redactions.TextRedacted)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        key = str(e.originator_id)
        row = unit.get("redactions", key) or {"gmina_id": str(e.gmina_id), "texts": {}}
        if isinstance(e, Redactions.TextRedacted):
            row["texts"][e.digest] = e.replacement
        unit.put("redactions", key, row["gmina_id"], position, row)
