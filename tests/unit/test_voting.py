"""Quorum and majority at their edges: who counts as present at the moment of a vote."""

from datetime import time

import pytest

from domain.errors import InvalidInputError, QuorumNotReachedError
from domain.voting import (
    MajorityRule,
    Outcome,
    QuorumRule,
    Tally,
    TeamRules,
    VoteChoice,
    decide,
    has_quorum,
    is_adopted,
    is_present,
    quorum_needed,
)

DEFAULT = TeamRules()


def test_by_default_more_than_half_of_the_members_make_a_quorum() -> None:
    assert quorum_needed(QuorumRule.MORE_THAN_HALF, 8) == 5
    assert quorum_needed(QuorumRule.MORE_THAN_HALF, 7) == 4


def test_exactly_half_present_is_not_a_quorum_under_more_than_half() -> None:
    assert not has_quorum(QuorumRule.MORE_THAN_HALF, members=8, present=4)
    with pytest.raises(QuorumNotReachedError, match="4 of 8 members present, 5 needed"):
        decide(DEFAULT, Tally(4, 0, 0), members=8, present=4)


def test_exactly_half_present_is_a_quorum_when_the_rules_say_at_least_half() -> None:
    assert has_quorum(QuorumRule.AT_LEAST_HALF, members=8, present=4)
    assert not has_quorum(QuorumRule.AT_LEAST_HALF, members=7, present=3)


def test_two_thirds_quorum_rounds_up() -> None:
    assert quorum_needed(QuorumRule.AT_LEAST_TWO_THIRDS, 7) == 5
    assert quorum_needed(QuorumRule.AT_LEAST_TWO_THIRDS, 9) == 6


def test_a_team_without_members_cannot_decide() -> None:
    with pytest.raises(QuorumNotReachedError, match="no members"):
        decide(DEFAULT, Tally(1, 0, 0), members=0, present=0)


def test_a_member_arriving_after_the_vote_was_not_present_at_it() -> None:
    vote = time(17, 40)
    assert not is_present(time(17, 45), None, vote)
    assert is_present(time(17, 40), None, vote)


def test_a_member_leaving_before_the_vote_was_not_present_at_it() -> None:
    vote = time(18, 0)
    assert not is_present(time(17, 0), time(17, 55), vote)
    assert not is_present(time(17, 0), time(18, 0), vote)
    assert is_present(time(17, 0), time(18, 1), vote)


def test_simple_majority_needs_more_for_than_against() -> None:
    assert is_adopted(MajorityRule.SIMPLE, Tally(3, 2, 4), members=9)
    assert not is_adopted(MajorityRule.SIMPLE, Tally(2, 2, 1), members=9)


def test_absolute_majority_counts_abstentions_against_the_motion() -> None:
    assert not is_adopted(MajorityRule.ABSOLUTE, Tally(3, 1, 2), members=9)
    assert is_adopted(MajorityRule.ABSOLUTE, Tally(4, 1, 2), members=9)


def test_two_thirds_and_majority_of_members() -> None:
    assert is_adopted(MajorityRule.TWO_THIRDS, Tally(4, 2, 0), members=9)
    assert not is_adopted(MajorityRule.TWO_THIRDS, Tally(3, 2, 0), members=9)
    assert is_adopted(MajorityRule.OF_MEMBERS, Tally(5, 0, 0), members=9)
    assert not is_adopted(MajorityRule.OF_MEMBERS, Tally(4, 0, 0), members=8)


def test_totals_only_votes_decide_like_named_ones() -> None:
    named = Tally.of([VoteChoice.FOR, VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN])
    assert named == Tally(2, 1, 1)
    assert decide(DEFAULT, named, members=6, present=4) is Outcome.ADOPTED
    assert decide(DEFAULT, Tally(1, 1, 2), members=6, present=4) is Outcome.REJECTED


def test_more_votes_than_members_present_are_refused() -> None:
    with pytest.raises(InvalidInputError, match="5 votes cast but only 4"):
        decide(DEFAULT, Tally(3, 1, 1), members=6, present=4)
