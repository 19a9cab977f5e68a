"""A resolution's vote: members present at the moment, one vote each, quorum, outcome."""

from datetime import date, time
from uuid import uuid4

import pytest

from domain.effects import AdvanceStage
from domain.errors import (
    AlreadyVotedError,
    NotPresentError,
    NotTeamMemberError,
    QuorumNotReachedError,
    RuleViolationError,
)
from domain.resolution import Resolution, ResolutionState
from domain.values import Stage
from domain.voting import Outcome, Tally, TeamRules, VoteChoice

DAY = date(2026, 3, 10)
A, B, C, D = uuid4(), uuid4(), uuid4(), uuid4()
MEMBERS = {A, B, C, D}


def put_to_vote() -> Resolution:
    resolution = Resolution.propose(
        uuid4(),
        uuid4(),
        3,
        2026,
        "wyboru podmiotu zatrudnienia socjalnego",
        A,
        "§1. Wybiera się KIS.",
        [AdvanceStage(Stage.ENTITY_CHOSEN)],
        DAY,
        "ala",
    )
    resolution.open_vote(time(18, 0), DAY, "ala")
    return resolution


def ballot(r: Resolution, who: object, choice: VoteChoice, present: set[object]) -> None:
    r.cast_ballot(who, "X", choice, MEMBERS, present, DAY, "ala")  # type: ignore[arg-type]


def test_a_resolution_is_titled_w_sprawie_and_numbered_in_its_year() -> None:
    r = put_to_vote()
    assert r.label == "Uchwała nr 3/2026"
    assert r.title == "w sprawie wyboru podmiotu zatrudnienia socjalnego"


def test_a_non_member_cannot_vote() -> None:
    with pytest.raises(NotTeamMemberError, match="only members vote"):
        ballot(put_to_vote(), uuid4(), VoteChoice.FOR, {A, B, C})


def test_an_absent_member_cannot_vote() -> None:
    with pytest.raises(NotPresentError, match="was not present at 18:00"):
        ballot(put_to_vote(), D, VoteChoice.FOR, {A, B, C})


def test_a_member_votes_once() -> None:
    r = put_to_vote()
    ballot(r, A, VoteChoice.FOR, {A, B, C})
    with pytest.raises(AlreadyVotedError, match="already voted"):
        ballot(r, A, VoteChoice.AGAINST, {A, B, C})


def test_the_outcome_follows_the_rules_and_who_was_present() -> None:
    r = put_to_vote()
    for who, choice in ((A, VoteChoice.FOR), (B, VoteChoice.FOR), (C, VoteChoice.AGAINST)):
        ballot(r, who, choice, {A, B, C})
    assert r.close_vote(TeamRules(), MEMBERS, {A, B, C}, DAY, "ala") is Outcome.ADOPTED
    assert (r.state, r.tally, r.present, r.quorum) == (
        ResolutionState.ADOPTED,
        Tally(2, 1, 0),
        3,
        3,
    )


def test_no_decision_without_a_quorum_and_nothing_is_recorded() -> None:
    r = put_to_vote()
    r.collect_events()
    r.record_totals(Tally(2, 0, 0), DAY, "ala")
    with pytest.raises(QuorumNotReachedError, match="2 of 4 members present, 3 needed"):
        r.close_vote(TeamRules(), MEMBERS, {A, B}, DAY, "ala")
    assert [type(e).__name__ for e in r.collect_events()] == ["TotalsRecorded"]


def test_a_closed_vote_takes_no_more_ballots() -> None:
    r = put_to_vote()
    r.record_totals(Tally(3, 0, 0), DAY, "ala")
    r.close_vote(TeamRules(), MEMBERS, {A, B, C}, DAY, "ala")
    with pytest.raises(RuleViolationError, match="vote is not open"):
        ballot(r, D, VoteChoice.FOR, MEMBERS)


def test_a_vote_that_could_not_be_completed_can_be_withdrawn() -> None:
    r = put_to_vote()
    r.withdraw("Brak kworum, sprawa na następne posiedzenie", DAY, "ala")
    assert r.state is ResolutionState.WITHDRAWN


def test_a_proposed_resolution_reads_its_draft_as_its_own_and_a_withdrawal_keeps_why() -> None:
    r = put_to_vote()
    assert (r.number, r.year, r.proposer_id, r.text) == (3, 2026, A, "§1. Wybiera się KIS.")
    assert r.effects == [AdvanceStage(Stage.ENTITY_CHOSEN)] and r.proposed_on == DAY
    assert "draft" not in vars(r)  # its snapshot holds the fields, as before drafts were values
    assert (r.state, r.vote_at) == (ResolutionState.VOTING, time(18, 0))
    r.withdraw("brak kworum", DAY, "ala")
    assert (r.state, r.withdraw_reason) == (ResolutionState.WITHDRAWN, "brak kworum")
