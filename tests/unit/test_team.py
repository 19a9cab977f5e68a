"""The Local Synergy Team: members over time, one chair at a time, rules and numbers."""

from datetime import date
from uuid import uuid4

import pytest

from domain.errors import (
    DuplicateNumberError,
    EffectiveDateError,
    NotTeamMemberError,
    RuleViolationError,
)
from domain.history import replay_as_of
from domain.team import SynergyTeam, TeamRole
from domain.voting import MajorityRule, QuorumRule, TeamRules

GOPS, SCHOOL, NGO = uuid4(), uuid4(), uuid4()


def formed() -> SynergyTeam:
    team = SynergyTeam.form(
        uuid4(), "Zarządzenie Wójta nr 12/2026", TeamRules(), date(2026, 1, 10), "ala"
    )
    team.appoint(GOPS, "GOPS", TeamRole.CHAIR, "", date(2026, 1, 10), "ala")
    team.appoint(SCHOOL, "Szkoła", TeamRole.MEMBER, "", date(2026, 1, 10), "ala")
    return team


def test_membership_is_read_as_of_a_date() -> None:
    team = formed()
    team.appoint(NGO, "Stowarzyszenie", TeamRole.SECRETARY, "", date(2026, 3, 1), "ala")
    team.dismiss(SCHOOL, "Szkoła", "rezygnacja", date(2026, 5, 1), "ala")
    assert set(team.members_on(date(2026, 2, 1))) == {GOPS, SCHOOL}
    assert team.members_on(date(2026, 4, 30)) == {
        GOPS: TeamRole.CHAIR,
        SCHOOL: TeamRole.MEMBER,
        NGO: TeamRole.SECRETARY,
    }
    assert set(team.members_on(date(2026, 5, 1))) == {GOPS, NGO}


def test_the_team_has_one_chair_at_a_time() -> None:
    team = formed()
    with pytest.raises(RuleViolationError, match="already has a przewodniczący"):
        team.appoint(NGO, "Stowarzyszenie", TeamRole.CHAIR, "", date(2026, 2, 1), "ala")
    team.change_role(GOPS, "GOPS", TeamRole.MEMBER, "", date(2026, 2, 1), "ala")
    team.change_role(SCHOOL, "Szkoła", TeamRole.CHAIR, "", date(2026, 2, 1), "ala")
    assert team.members_on(date(2026, 2, 1))[SCHOOL] is TeamRole.CHAIR
    assert team.members_on(date(2026, 1, 31))[GOPS] is TeamRole.CHAIR


def test_only_a_member_can_be_dismissed_and_not_before_joining() -> None:
    team = formed()
    with pytest.raises(NotTeamMemberError):
        team.dismiss(NGO, "Stowarzyszenie", "", date(2026, 2, 1), "ala")
    with pytest.raises(EffectiveDateError):
        team.dismiss(GOPS, "GOPS", "", date(2026, 1, 10), "ala")


def test_rule_changes_apply_from_their_date() -> None:
    team = formed()
    stricter = TeamRules(QuorumRule.AT_LEAST_TWO_THIRDS, MajorityRule.ABSOLUTE)
    team.change_rules(stricter, "Uchwała nr 2/2026 ZSL", date(2026, 6, 1), "ala")
    assert team.rules_on(date(2026, 5, 31)) == TeamRules()
    assert team.rules_on(date(2026, 6, 1)) == stricter


def test_two_resolutions_cannot_share_a_number_in_a_year() -> None:
    team = formed()
    team.number_resolution(uuid4(), 3, 2026, date(2026, 3, 1), "ala")
    assert team.next_number(2026) == 4 and team.next_number(2027) == 1
    with pytest.raises(DuplicateNumberError, match="Uchwała nr 3/2026 is already recorded"):
        team.number_resolution(uuid4(), 3, 2026, date(2026, 4, 1), "ala")


def test_the_team_replays_as_it_stood_before_a_dismissal() -> None:
    team = formed()
    team.dismiss(SCHOOL, "Szkoła", "", date(2026, 5, 1), "ala")
    past = replay_as_of(team.collect_events(), date(2026, 4, 1))
    assert isinstance(past, SynergyTeam)
    assert past.seats[1].dismissed_on is None


def test_a_dismissed_member_leaves_with_the_day_and_the_reason_as_typed_without_blanks() -> None:
    team = formed()
    team.dismiss(SCHOOL, "Szkoła", "  rezygnacja dyrektora ", date(2026, 5, 1), "ala")
    seat = next(s for s in team.seats if s.stakeholder_id == SCHOOL)
    assert (seat.dismissed_on, seat.dismiss_reason) == (date(2026, 5, 1), "rezygnacja dyrektora")
