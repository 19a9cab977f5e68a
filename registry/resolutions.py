"""Use cases: the team's resolutions, their votes, and the facts an adopted resolution drives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time
from uuid import UUID

from domain.effects import Effect
from domain.errors import InvalidInputError, WrongGminaError
from domain.meeting import Meeting
from domain.resolution import Resolution
from domain.team import SynergyTeam
from domain.voting import Outcome, Tally, VoteChoice
from registry.base import RegistryBase
from registry.catalogue import Stakeholders
from registry.effects import Batch, Effects
from registry.meetings import Meetings
from registry.team import Teams, parse_option


@dataclass(eq=False)
class Resolutions:
    """Resolutions of the Local Synergy Team, voted at its sittings."""

    app: RegistryBase
    stakeholders: Stakeholders
    teams: Teams
    meetings: Meetings
    effects: Effects

    def sitting(self, resolution_id: UUID) -> tuple[Resolution, Meeting, SynergyTeam]:
        """A resolution with the sitting it belongs to, open for the record, and the team."""
        resolution = self.resolution(resolution_id)
        meeting = self.meetings.meeting(resolution.meeting_id)
        meeting.check_open(meeting.on)
        return resolution, meeting, self.teams.team_of(meeting.gmina_id)

    def propose_resolution(
        self,
        meeting_id: UUID,
        *,
        title: str,
        text: str,
        proposer_id: UUID,
        effects: Sequence[Effect] = (),
        number: int | None = None,
        recorded_by: str,
    ) -> UUID:
        """A draft resolution put before a team sitting, numbered in the team's year."""
        meeting = self.meetings.meeting(meeting_id)
        meeting.check_open(meeting.on)
        meeting.check_team_sitting()
        team = self.teams.team_of(meeting.gmina_id)
        self.stakeholders.stakeholder_of(meeting.gmina_id, proposer_id)
        self.effects.check_effects(meeting.gmina_id, effects)
        year = meeting.on.year
        resolution = Resolution.propose(
            meeting.gmina_id,
            meeting_id,
            team.next_number(year) if number is None else number,
            year,
            title,
            proposer_id,
            text,
            list(effects),
            meeting.on,
            recorded_by,
        )
        team.number_resolution(resolution.id, resolution.number, year, meeting.on, recorded_by)
        meeting.table_resolution(resolution.id, meeting.on, recorded_by)
        self.app.commit(resolution, team, meeting)
        return resolution.id

    def resolution(self, resolution_id: UUID, gmina_id: UUID | None = None) -> Resolution:
        resolution = self.app.load(Resolution, resolution_id)
        if gmina_id is not None and resolution.gmina_id != gmina_id:
            raise WrongGminaError(
                "{label} belongs to another gmina's team.", label=resolution.label
            )
        return resolution

    # --- the vote, step by step --------------------------------------------------------

    @staticmethod
    def vote_moment(resolution: Resolution) -> time:
        """When the resolution was put to the vote; refused if it was not."""
        resolution.check_voting()
        assert resolution.vote_at is not None
        return resolution.vote_at

    def open_vote(self, resolution_id: UUID, *, at: time, recorded_by: str) -> None:
        resolution, meeting, _ = self.sitting(resolution_id)
        meeting.check_during(at, "The vote")
        resolution.open_vote(at, meeting.on, recorded_by)
        self.app.commit(resolution)

    def ballot(
        self,
        resolution: Resolution,
        meeting: Meeting,
        team: SynergyTeam,
        stakeholder_id: UUID,
        choice: VoteChoice,
        recorded_by: str,
    ) -> None:
        """One vote, checked against the team that day and the room at the vote's moment."""
        members = set(team.members_on(meeting.on))
        present = meeting.present_at(self.vote_moment(resolution))
        name = self.stakeholders.name_of(
            self.stakeholders.stakeholder_of(meeting.gmina_id, stakeholder_id)
        )
        resolution.cast_ballot(
            stakeholder_id, name, choice, members, present, meeting.on, recorded_by
        )

    def cast_ballot(
        self,
        resolution_id: UUID,
        stakeholder_id: UUID,
        choice: VoteChoice | str,
        *,
        recorded_by: str,
    ) -> None:
        """One member's vote: for, against, or abstaining."""
        resolution, meeting, team = self.sitting(resolution_id)
        vote = parse_option(VoteChoice, "choice", choice)
        self.ballot(resolution, meeting, team, stakeholder_id, vote, recorded_by)
        self.app.commit(resolution)

    def record_totals(
        self,
        resolution_id: UUID,
        *,
        votes_for: int,
        votes_against: int,
        abstentions: int,
        recorded_by: str,
    ) -> None:
        """Only the counted totals are known from the minutes."""
        resolution, meeting, _ = self.sitting(resolution_id)
        resolution.record_totals(
            Tally(votes_for, votes_against, abstentions), meeting.on, recorded_by
        )
        self.app.commit(resolution)

    def close_vote(self, resolution_id: UUID, *, recorded_by: str) -> str:
        """Count the votes; an adopted resolution's effects are recorded with it, all at once."""
        resolution, meeting, team = self.sitting(resolution_id)
        batch = Batch(self.app, resolution, team)
        self.decide(resolution, meeting, team, batch, recorded_by)
        self.app.commit(*batch.items.values())
        return resolution.state.value

    def vote(
        self,
        resolution_id: UUID,
        *,
        at: time,
        votes_for: Sequence[UUID] = (),
        votes_against: Sequence[UUID] = (),
        abstentions: Sequence[UUID] = (),
        totals: tuple[int, int, int] | None = None,
        recorded_by: str,
    ) -> str:
        """The whole vote at once: who voted how (or the totals), the outcome, its effects."""
        resolution, meeting, team = self.sitting(resolution_id)
        meeting.check_during(at, "The vote")
        resolution.open_vote(at, meeting.on, recorded_by)
        if totals is not None:
            if votes_for or votes_against or abstentions:
                raise InvalidInputError("totals", "Give either who voted how, or the totals.")
            resolution.record_totals(Tally(*totals), meeting.on, recorded_by)
        else:
            for ids, choice in (
                (votes_for, VoteChoice.FOR),
                (votes_against, VoteChoice.AGAINST),
                (abstentions, VoteChoice.ABSTAIN),
            ):
                for sid in ids:
                    self.ballot(resolution, meeting, team, sid, choice, recorded_by)
        batch = Batch(self.app, resolution, team)
        self.decide(resolution, meeting, team, batch, recorded_by)
        self.app.commit(*batch.items.values())
        return resolution.state.value

    def withdraw_resolution(self, resolution_id: UUID, *, reason: str, recorded_by: str) -> None:
        resolution, meeting, _ = self.sitting(resolution_id)
        resolution.withdraw(reason, meeting.on, recorded_by)
        self.app.commit(resolution)

    # --- what an adopted resolution drives ---------------------------------------------

    def decide(
        self,
        resolution: Resolution,
        meeting: Meeting,
        team: SynergyTeam,
        batch: Batch,
        recorded_by: str,
    ) -> None:
        members = set(team.members_on(meeting.on))
        present = meeting.present_at(self.vote_moment(resolution))
        rules = team.rules_on(meeting.on)
        outcome = resolution.close_vote(rules, members, present, meeting.on, recorded_by)
        if outcome is Outcome.ADOPTED:
            for effect in resolution.effects:
                self.effects.apply(effect, resolution, meeting, team, batch, recorded_by)
