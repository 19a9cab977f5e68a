"""Quorum and majority of the Local Synergy Team: the regulamin's arithmetic, as pure functions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from domain.errors import InvalidInputError, QuorumNotReachedError
from domain.terms import MajorityRule, Outcome, QuorumRule, VoteChoice
from domain.values import Immutable

# Kinds of words once defined here (domain.terms); older imports from here still work.
__all__ = ["MajorityRule", "Outcome", "QuorumRule", "VoteChoice"]


@dataclass(frozen=True)
class TeamRules(Immutable):
    """The team's regulamin as far as deciding goes."""

    quorum: QuorumRule = QuorumRule.MORE_THAN_HALF
    majority: MajorityRule = MajorityRule.SIMPLE

    def describe_pl(self) -> str:
        return f"kworum: {self.quorum.polish}; {self.majority.polish}"


@dataclass(frozen=True)
class Tally(Immutable):
    """Votes for, against and abstaining, counted."""

    votes_for: int = 0
    votes_against: int = 0
    abstentions: int = 0

    @property
    def cast(self) -> int:
        return self.votes_for + self.votes_against + self.abstentions

    @classmethod
    def of(cls, choices: list[VoteChoice]) -> Tally:
        return cls(
            choices.count(VoteChoice.FOR),
            choices.count(VoteChoice.AGAINST),
            choices.count(VoteChoice.ABSTAIN),
        )

    def check(self) -> None:
        if min(self.votes_for, self.votes_against, self.abstentions) < 0:
            raise InvalidInputError("votes", "Vote counts cannot be negative.")


def is_present(arrived_at: time, departed_at: time | None, at: time) -> bool:
    """Present at a moment: arrived by then and not yet gone (leaving at 18:00 misses 18:00)."""
    return arrived_at <= at and (departed_at is None or at < departed_at)


def quorum_needed(rule: QuorumRule, members: int) -> int:
    """The fewest members present that make a quorum among this many members."""
    if rule is QuorumRule.MORE_THAN_HALF:
        return members // 2 + 1
    if rule is QuorumRule.AT_LEAST_HALF:
        return (members + 1) // 2
    return -(-2 * members // 3)


def has_quorum(rule: QuorumRule, members: int, present: int) -> bool:
    return members > 0 and present >= quorum_needed(rule, members)


def is_adopted(rule: MajorityRule, tally: Tally, members: int) -> bool:
    """Whether the votes carry the motion under the majority rule."""
    if rule is MajorityRule.SIMPLE:
        return tally.votes_for > tally.votes_against
    if rule is MajorityRule.ABSOLUTE:
        return tally.votes_for > tally.votes_against + tally.abstentions
    if rule is MajorityRule.TWO_THIRDS:
        return tally.votes_for > 0 and 3 * tally.votes_for >= 2 * tally.cast
    return 2 * tally.votes_for > members


def decide(rules: TeamRules, tally: Tally, members: int, present: int) -> Outcome:
    """The outcome of a vote; without a quorum there is no decision at all."""
    if members == 0:
        raise QuorumNotReachedError("The team had no members on that date; it cannot decide.")
    if not has_quorum(rules.quorum, members, present):
        needed = quorum_needed(rules.quorum, members)
        raise QuorumNotReachedError(
            "No quorum: {present} of {members} members present, {needed} needed ({rule}); the "
            "team cannot decide.",
            present=present,
            members=members,
            needed=needed,
            rule=rules.quorum.polish,
        )
    if tally.cast > present:
        raise InvalidInputError(
            "votes",
            "{cast} votes cast but only {present} members were present.",
            cast=tally.cast,
            present=present,
        )
    return Outcome.ADOPTED if is_adopted(rules.majority, tally, members) else Outcome.REJECTED
