"""How the team's meetings and resolutions enter the network: co-attendance and decisions.

Two stakeholders on the attendance list of the same held meeting are tied (co-attendance);
a resolution is a decision with its proposer, its named ballots and its outcome. Expected
at a team sitting are the team's members on its day, at a pact forum the signatories on
its day, and at either those it invited: nobody before joining or after leaving, nobody at
a body it does not belong to unless invited.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from projections.network import (
    FINISHERS,
    Decision,
    Meeting,
    Snapshot,
    Tie,
    handles,
    join_or_leave,
)

CO_ATTENDANCE_WEIGHT = 0.5
TEAM = "team"


def meeting_of(s: Snapshot, meeting_id: str, on: date) -> Meeting:
    for m in s.meetings:
        if m.id == meeting_id:
            return m
    meeting = Meeting(meeting_id, on, [], [], kind=s.meeting_kinds.get(meeting_id, "pact"))
    s.meetings.append(meeting)
    return meeting


@handles("Meeting.Scheduled")
def scheduled(s: Snapshot, row: dict[str, Any], on: date) -> None:
    s.meeting_kinds[row["record_id"]] = row["details"].get("kind", "pact")


@handles("SynergyTeam.MemberAppointed", "SynergyTeam.MemberDismissed")
def team_membership(s: Snapshot, row: dict[str, Any], on: date) -> None:
    appointed = row["fact"] == "SynergyTeam.MemberAppointed"
    join_or_leave(s.team, row["details"]["stakeholder_id"], on, appointed)


@handles("Meeting.Held")
def held(s: Snapshot, row: dict[str, Any], on: date) -> None:
    meeting = meeting_of(s, row["record_id"], on)
    meeting.held_on = on


@handles("Meeting.Invited")
def invited(s: Snapshot, row: dict[str, Any], on: date) -> None:
    s.invitations.setdefault(row["record_id"], []).append(row["details"]["stakeholder_id"])


def expected(s: Snapshot) -> None:
    """Who was expected at each meeting, and who made up the body of each decision."""
    for m in s.meetings:
        body = s.members_on(s.team if m.kind == TEAM else s.pact, m.held_on)
        m.invited = s.invitations.get(m.id, [])
        guests = [sid for sid in m.invited if sid not in body and sid in s.actors]
        m.members = body + [sid for sid in guests if s.actors[sid].active_on(m.held_on)]
    for d in s.decisions:
        d.body = s.members_on(s.team, d.decided_on) or s.members_on(s.pact, d.decided_on)


FINISHERS.append(expected)


@handles("Meeting.Cancelled")
def cancelled(s: Snapshot, row: dict[str, Any], on: date) -> None:
    s.meetings = [m for m in s.meetings if m.id != row["record_id"]]
    s.ties = [t for t in s.ties if not (t.kind == "co_attendance" and t.ref == row["record_id"])]


@handles("Meeting.AttendanceRecorded")
def attended(s: Snapshot, row: dict[str, Any], on: date) -> None:
    meeting = meeting_of(s, row["record_id"], on)
    who = row["details"]["stakeholder_id"]
    if who in meeting.attendees:
        return
    for other in meeting.attendees:
        s.ties.append(
            Tie(
                meeting.id, "co_attendance", other, who, meeting.held_on, None, CO_ATTENDANCE_WEIGHT
            )
        )
    meeting.attendees.append(who)


@handles("Meeting.AttendanceStruck")
def struck(s: Snapshot, row: dict[str, Any], on: date) -> None:
    meeting = meeting_of(s, row["record_id"], on)
    who = row["details"]["stakeholder_id"]
    meeting.attendees = [x for x in meeting.attendees if x != who]
    s.ties = [
        t
        for t in s.ties
        if not (t.kind == "co_attendance" and t.ref == meeting.id and who in (t.source, t.target))
    ]


def decision_of(s: Snapshot, resolution_id: str) -> Decision | None:
    return next((d for d in s.decisions if d.id == resolution_id), None)


@handles("Resolution.Proposed")
def proposed(s: Snapshot, row: dict[str, Any], on: date) -> None:
    proposer = row["details"]["proposer_id"]
    s.decisions.append(
        Decision(row["record_id"], on, [proposer], False, {}, votes_recorded=False, closed=False)
    )


@handles("Resolution.BallotCast")
def ballot(s: Snapshot, row: dict[str, Any], on: date) -> None:
    d = decision_of(s, row["record_id"])
    if d is not None:
        d.votes[row["details"]["stakeholder_id"]] = row["details"]["choice"]
        d.votes_recorded = True


@handles("Resolution.VoteClosed")
def vote_closed(s: Snapshot, row: dict[str, Any], on: date) -> None:
    d = decision_of(s, row["record_id"])
    if d is not None:
        d.adopted = row["details"]["outcome"] == "adopted"
        d.decided_on, d.closed = on, True


@handles("Resolution.Withdrawn")
def withdrawn(s: Snapshot, row: dict[str, Any], on: date) -> None:
    s.decisions = [d for d in s.decisions if d.id != row["record_id"]]
