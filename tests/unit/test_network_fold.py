"""Folding a gmina's recorded facts into its network as of a date."""

from __future__ import annotations

from datetime import date
from typing import Any

from projections import network_meetings  # noqa: F401
from projections.network import fold


def fact(fact: str, record: str, on: str, **details: Any) -> dict[str, Any]:
    return {"fact": fact, "record_id": record, "effective_on": on, "details": details}


def catalogued(sid: str, name: str, subtype: str = "ngo", on: str = "2026-01-01") -> dict[str, Any]:
    return fact("Stakeholder.Catalogued", sid, on, name=name, kind="institution", subtype=subtype)


HISTORY = [
    catalogued("a", "GOPS Jar", "local_government_unit"),
    catalogued("b", "Stowarzyszenie"),
    catalogued("c", "Parafia", "church_organisation"),
    fact("Pact.Joined", "pact", "2026-02-01", stakeholder_id="a"),
    fact("Pact.Joined", "pact", "2026-02-01", stakeholder_id="b"),
    fact("Meeting.Held", "m1", "2026-03-01"),
    fact("Meeting.AttendanceRecorded", "m1", "2026-03-01", stakeholder_id="a"),
    fact("Meeting.AttendanceRecorded", "m1", "2026-03-01", stakeholder_id="b"),
    fact("Meeting.AttendanceRecorded", "m1", "2026-03-01", stakeholder_id="c"),
    fact("Meeting.AttendanceStruck", "m1", "2026-03-01", stakeholder_id="c"),
    fact("Resolution.Proposed", "r1", "2026-03-01", proposer_id="b"),
    fact("Resolution.BallotCast", "r1", "2026-03-01", stakeholder_id="a", choice="against"),
    fact("Resolution.VoteClosed", "r1", "2026-03-01", outcome="rejected"),
    # Recorded late: the parish's cooperation took effect in January.
    fact(
        "Cooperation.Declared",
        "k1",
        "2026-01-20",
        stakeholder_id="c",
        partner_id="a",
        form="ad_hoc",
        subject="Festyn",
    ),
    fact("Cooperation.Ended", "k1", "2026-04-01"),
]


def test_people_on_the_same_attendance_list_are_tied_and_a_struck_entry_is_not() -> None:
    s = fold("g", HISTORY, date(2026, 3, 15))
    co = [(t.source, t.target) for t in s.active_ties() if t.kind == "co_attendance"]
    assert co == [("a", "b")]
    [meeting] = s.meetings
    assert (sorted(meeting.members), meeting.attendees) == (["a", "b"], ["a", "b"])


def test_a_resolution_is_a_decision_with_its_proposer_ballots_and_outcome() -> None:
    [d] = fold("g", HISTORY, date(2026, 3, 15)).decisions
    assert (d.proposers, d.votes, d.adopted, d.closed) == (["b"], {"a": "against"}, False, True)


def test_a_cooperation_recorded_late_counts_from_the_day_it_took_effect_until_it_ended() -> None:
    def declared(on: date) -> list[str]:
        return [t.ref for t in fold("g", HISTORY, on).active_ties() if t.kind == "declared"]

    assert declared(date(2026, 1, 19)) == []
    assert declared(date(2026, 1, 20)) == ["k1"]
    assert declared(date(2026, 4, 1)) == []


def test_before_its_first_meeting_the_gmina_has_no_meetings_and_no_co_attendance() -> None:
    s = fold("g", HISTORY, date(2026, 2, 15))
    signatories = sorted(a.id for a in s.active() if a.signatory)
    assert (s.meetings, s.decisions, signatories) == ([], [], ["a", "b"])


YEAR = [
    *HISTORY[:5],
    catalogued("d", "Szkoła", "education"),
    fact("SynergyTeam.MemberAppointed", "team", "2026-02-05", stakeholder_id="a", role="chair"),
    fact("SynergyTeam.MemberAppointed", "team", "2026-02-05", stakeholder_id="c", role="member"),
    fact("Meeting.Scheduled", "sitting", "2026-02-20", kind="team"),
    fact("Meeting.Held", "sitting", "2026-03-01"),
    fact("Meeting.Scheduled", "forum", "2026-02-20", kind="pact"),
    fact("Meeting.Held", "forum", "2026-03-02"),
    fact("Resolution.Proposed", "r1", "2026-03-01", proposer_id="a"),
    fact("Resolution.VoteClosed", "r1", "2026-03-01", outcome="adopted"),
    # The school signs in April and takes the parish's seat in the team; b leaves the pact.
    fact("Pact.Joined", "pact", "2026-04-01", stakeholder_id="d"),
    fact("SynergyTeam.MemberDismissed", "team", "2026-04-01", stakeholder_id="c", reason=""),
    fact("SynergyTeam.MemberAppointed", "team", "2026-04-01", stakeholder_id="d", role="member"),
    fact("Pact.Left", "pact", "2026-04-01", stakeholder_id="b"),
    fact("Meeting.Scheduled", "sitting2", "2026-04-20", kind="team"),
    fact("Meeting.Held", "sitting2", "2026-05-01"),
    fact("Meeting.Scheduled", "forum2", "2026-04-20", kind="pact"),
    fact("Meeting.Held", "forum2", "2026-05-02"),
]


def expected_at(on: date) -> dict[str, list[str]]:
    return {m.id: sorted(m.members) for m in fold("g", YEAR, on).meetings}


def test_a_team_sitting_expects_the_team_and_a_forum_the_signatories_of_the_day() -> None:
    assert expected_at(date(2026, 3, 15)) == {"sitting": ["a", "c"], "forum": ["a", "b"]}


def test_nobody_is_expected_before_joining_or_after_leaving() -> None:
    assert expected_at(date(2026, 6, 1)) == {
        "sitting": ["a", "c"],
        "forum": ["a", "b"],
        "sitting2": ["a", "d"],
        "forum2": ["a", "d"],
    }


def test_a_team_resolution_is_decided_by_the_team_of_its_day() -> None:
    [d] = fold("g", YEAR, date(2026, 6, 1)).decisions
    assert sorted(d.body) == ["a", "c"]


def test_a_guest_is_expected_only_at_the_meetings_that_invited_it() -> None:
    invited = [
        *YEAR,
        fact("Meeting.Invited", "forum2", "2026-04-25", stakeholder_id="c"),
        fact("Meeting.Invited", "forum3", "2026-06-10", stakeholder_id="d"),
    ]
    s = fold("g", invited, date(2026, 6, 1))
    expected = {m.id: sorted(m.members) for m in s.meetings}
    # The parish left the team in April: expected at the forum it was invited to, not at the
    # sitting; the invitation to a forum not yet held adds no meeting to the network.
    assert expected == {
        "sitting": ["a", "c"],
        "forum": ["a", "b"],
        "sitting2": ["a", "d"],
        "forum2": ["a", "c", "d"],
    }
