"""How the team's meetings and resolutions enter the network: co-attendance and decisions.

Two stakeholders on the attendance list of the same held meeting are tied (co-attendance);
a resolution is a decision with its proposer, its named ballots and its outcome.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from projections.network import Decision, Meeting, Snapshot, Tie, handles

CO_ATTENDANCE_WEIGHT = 0.5


def meeting_of(s: Snapshot, meeting_id: str, on: date) -> Meeting:
    for m in s.meetings:
        if m.id == meeting_id:
            return m
    members = [a.id for a in s.active() if a.signatory]
    meeting = Meeting(meeting_id, on, members, [])
    s.meetings.append(meeting)
    return meeting


@handles("Meeting.Held")
def held(s: Snapshot, row: dict[str, Any], on: date) -> None:
    meeting = meeting_of(s, row["record_id"], on)
    meeting.held_on = on
    meeting.members = [a.id for a in s.active() if a.signatory] or meeting.members


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
