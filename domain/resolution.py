"""A resolution of the Local Synergy Team ("Uchwała nr 3/2026 … w sprawie …") and its vote."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, time
from typing import ClassVar
from uuid import UUID

from domain.effects import Effect
from domain.errors import (
    AlreadyVotedError,
    InvalidInputError,
    NotPresentError,
    NotTeamMemberError,
    RuleViolationError,
)
from domain.history import Fact, Moves, Record, Sets, Starts
from domain.input_rules import required
from domain.minutes import hhmm
from domain.terms import Outcome, ResolutionState, VoteChoice
from domain.values import Payload, gather_payload
from domain.voting import Tally, TeamRules, decide, quorum_needed

# Kinds of words once defined here (domain.terms); older imports from here still work.
__all__ = ["ResolutionState"]


@dataclass(frozen=True)
class ResolutionDraft(Payload):
    """What is put to the vote: its number in the year, title, proposer, text and effects
    (stored data without effects reads as none)."""

    number: int
    year: int
    title: str
    proposer_id: UUID
    text: str
    effects: list[Effect] = field(default_factory=list)


class Resolution(Record):
    """One draft resolution put before the team at a sitting, and what its vote decided."""

    @classmethod
    def propose(
        cls,
        gmina_id: UUID,
        meeting_id: UUID,
        number: int,
        year: int,
        title: str,
        proposer_id: UUID,
        text: str,
        effects: list[Effect],
        effective_on: date,
        recorded_by: str,
    ) -> Resolution:
        """A member proposes a resolution: number, title ("w sprawie …"), text, effects."""
        title = title.strip()
        if not title:
            raise InvalidInputError("title", "A resolution needs a title (w sprawie …).")
        if not title.lower().startswith("w sprawie"):
            title = f"w sprawie {title}"
        text = required(text, InvalidInputError("text", "A resolution needs its text (§1 …)."))
        draft = ResolutionDraft(number, year, title, proposer_id, text, list(effects))
        said = {"gmina_id": gmina_id, "meeting_id": meeting_id, "draft": draft}
        return cls.start(cls.Proposed, effective_on, recorded_by, **said)

    class Proposed(Starts):
        """Version 2 carries the draft as one value (version 1: six fields of its own)."""

        STARTED_ON = "proposed_on"
        SPREADS = "draft"

        gmina_id: UUID
        meeting_id: UUID
        draft: ResolutionDraft

        class_version = 2
        upcast_v1_v2 = gather_payload("draft", ResolutionDraft)

    def __init__(self) -> None:
        self.gmina_id: UUID
        self.meeting_id: UUID
        self.number: int
        self.year: int
        self.title: str
        self.proposer_id: UUID
        self.text: str
        self.effects: list[Effect]
        self.proposed_on: date
        self.state = ResolutionState.PROPOSED
        self.vote_at: time | None = None
        self.ballots: dict[UUID, VoteChoice] = {}
        self.totals: Tally | None = None
        self.tally: Tally | None = None
        self.members = 0
        self.present = 0
        self.quorum = 0
        self.rules: TeamRules | None = None
        self.withdraw_reason = ""

    @property
    def label(self) -> str:
        return f"Uchwała nr {self.number}/{self.year}"

    def open_vote(self, at: time, effective_on: date, recorded_by: str) -> None:
        """The chair puts the resolution to the vote at a moment of the sitting."""
        if self.state is not ResolutionState.PROPOSED:
            raise RuleViolationError(
                "{label} is {state}; it cannot be voted now.",
                label=self.label,
                state=self.state,
            )
        self.record(self.VoteOpened, effective_on, recorded_by, at=at)

    class VoteOpened(Moves):
        TO: ClassVar = {"state": ResolutionState.VOTING}
        KEEPS: ClassVar = {"at": "vote_at"}
        at: time

    def check_voting(self) -> None:
        if self.state is not ResolutionState.VOTING:
            raise RuleViolationError(
                "{label} is {state}; its vote is not open.",
                label=self.label,
                state=self.state,
            )

    def cast_ballot(
        self,
        stakeholder_id: UUID,
        name: str,
        choice: VoteChoice,
        members: Collection[UUID],
        present: Collection[UUID],
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """A member present at the moment of the vote votes for, against, or abstains."""
        self.check_voting()
        if self.totals is not None:
            raise RuleViolationError(
                "Only the counted totals of {label} are recorded.", label=self.label
            )
        if stakeholder_id not in members:
            raise NotTeamMemberError(
                "{name} is not a member of the team on {effective_on}; only members vote.",
                name=name,
                effective_on=effective_on,
            )
        if stakeholder_id not in present:
            raise NotPresentError(
                "{name} was not present at {hhmm}, when {label} was voted.",
                name=name,
                hhmm=hhmm(self.vote_at),
                label=self.label,
            )
        if stakeholder_id in self.ballots:
            said = self.ballots[stakeholder_id]
            raise AlreadyVotedError(
                "{name} already voted on {label} ({said}).",
                name=name,
                label=self.label,
                said=said,
            )
        self.record(
            self.BallotCast, effective_on, recorded_by, stakeholder_id=stakeholder_id, choice=choice
        )

    class BallotCast(Fact):
        stakeholder_id: UUID
        choice: VoteChoice

        def apply(self, resolution: Resolution) -> None:
            resolution.ballots[self.stakeholder_id] = self.choice

    def record_totals(self, totals: Tally, effective_on: date, recorded_by: str) -> None:
        """Only the totals are known (the minutes give no names)."""
        self.check_voting()
        totals.check()
        if self.ballots or self.totals is not None:
            raise AlreadyVotedError("The votes on {label} are already recorded.", label=self.label)
        self.record(self.TotalsRecorded, effective_on, recorded_by, totals=totals)

    class TotalsRecorded(Sets):
        totals: Tally

    def close_vote(
        self,
        rules: TeamRules,
        members: Collection[UUID],
        present: Collection[UUID],
        effective_on: date,
        recorded_by: str,
    ) -> Outcome:
        """Count the votes: the outcome follows the rules and who was present at the vote."""
        self.check_voting()
        tally = self.totals or Tally.of(list(self.ballots.values()))
        if tally.cast == 0:
            raise InvalidInputError("votes", "No votes on {label} are recorded.", label=self.label)
        present_members = set(members) & set(present)
        if not set(self.ballots) <= present_members:
            raise NotPresentError(
                "Some who voted on {label} were not present members at {hhmm}.",
                label=self.label,
                hhmm=hhmm(self.vote_at),
            )
        outcome = decide(rules, tally, len(members), len(present_members))
        needed = quorum_needed(rules.quorum, len(members))
        self.record(
            self.VoteClosed,
            effective_on,
            recorded_by,
            outcome=outcome,
            tally=tally,
            rules=rules,
            members=len(members),
            present=len(present_members),
            quorum=needed,
        )
        return outcome

    class VoteClosed(Fact):
        outcome: Outcome
        tally: Tally
        rules: TeamRules
        members: int
        present: int
        quorum: int

        def apply(self, resolution: Resolution) -> None:
            resolution.state = (
                ResolutionState.ADOPTED
                if self.outcome is Outcome.ADOPTED
                else ResolutionState.REJECTED
            )
            resolution.tally, resolution.rules = self.tally, self.rules
            resolution.members, resolution.present, resolution.quorum = (
                self.members,
                self.present,
                self.quorum,
            )

    def withdraw(self, reason: str, effective_on: date, recorded_by: str) -> None:
        """The draft is withdrawn, or its vote could not be completed (no quorum, say);
        its number stays used."""
        if self.state not in (ResolutionState.PROPOSED, ResolutionState.VOTING):
            raise RuleViolationError(
                "{label} is {state}; it cannot be withdrawn.",
                label=self.label,
                state=self.state,
            )
        reason = required(
            reason, InvalidInputError("reason", "Say why the resolution is withdrawn.")
        )
        self.record(self.Withdrawn, effective_on, recorded_by, reason=reason)

    class Withdrawn(Moves):
        TO: ClassVar = {"state": ResolutionState.WITHDRAWN}
        KEEPS: ClassVar = {"reason": "withdraw_reason"}
        reason: str
