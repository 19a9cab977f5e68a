"""Use cases: forming the Local Synergy Team, its members over time, and its rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TypeVar, Unpack
from uuid import UUID

from domain.errors import InvalidInputError, NotFoundError, RuleViolationError
from domain.gmina import Gmina
from domain.team import SynergyTeam, TeamRole
from domain.values import StakeholderStatus
from domain.voting import MajorityRule, QuorumRule, TeamRules
from registry.base import Recording, RegistryBase, Stamp
from registry.catalogue import Stakeholders
from registry.pacts import Pacts, parse_enum

E = TypeVar("E", bound=Enum)


def parse_option(cls: type[E], field: str, value: E | str) -> E:
    """One of an enum's values, from its name as typed; a clear refusal otherwise."""
    option = parse_enum(cls, field, value)
    assert isinstance(option, cls)
    return option


def parse_role(value: TeamRole | str) -> TeamRole:
    return parse_option(TeamRole, "role", value)


def parse_rules(
    quorum: QuorumRule | str | None, majority: MajorityRule | str | None, base: TeamRules
) -> TeamRules:
    """Rules from the names given; what is not given stays as in ``base``."""
    return TeamRules(
        parse_option(QuorumRule, "quorum", quorum) if quorum else base.quorum,
        parse_option(MajorityRule, "majority", majority) if majority else base.majority,
    )


@dataclass(eq=False)
class Teams:
    """The gmina's Local Synergy Team (ZSL)."""

    app: RegistryBase
    stakeholders: Stakeholders
    pacts: Pacts

    def team_of(self, gmina_id: UUID, as_of: date | None = None) -> SynergyTeam:
        return self.app.one_of_gmina(
            SynergyTeam, gmina_id, as_of, "Local Synergy Team", "form it first"
        )

    def form_team(
        self,
        gmina_id: UUID,
        *,
        decided_by: str,
        quorum: QuorumRule | str | None = None,
        majority: MajorityRule | str | None = None,
        **stamp: Unpack[Stamp],
    ) -> UUID:
        """Form the gmina's team (e.g. by the wójt's order), with its quorum and majority rules."""
        rec = Recording.of(**stamp)
        pact = self.pacts.pact_of(gmina_id)
        gmina = self.app.load(Gmina, gmina_id)
        try:
            team = self.team_of(gmina_id)
        except NotFoundError:
            pass
        else:
            raise RuleViolationError(
                "{name}'s team was already formed on {formed_on}.",
                name=gmina.name,
                formed_on=team.formed_on,
            )
        if rec.on < pact.drafted_on:
            raise InvalidInputError(
                "effective_on",
                "{name}'s partnership opened on {drafted_on}; its team forms later.",
                name=gmina.name,
                drafted_on=pact.drafted_on,
            )
        rules = parse_rules(quorum, majority, TeamRules())
        team = SynergyTeam.form(gmina_id, decided_by, rules, rec.on, rec.by)
        self.app.commit(team)
        return team.id

    def appoint_member(
        self,
        gmina_id: UUID,
        stakeholder_id: UUID,
        *,
        role: TeamRole | str = TeamRole.MEMBER,
        decided_by: str = "",
        **stamp: Unpack[Stamp],
    ) -> None:
        """A stakeholder of the gmina joins the team as chair, deputy, secretary or member."""
        rec = Recording.of(**stamp)
        team = self.team_of(gmina_id)
        stakeholder = self.stakeholders.stakeholder_of(gmina_id, stakeholder_id)
        stakeholder.check_not_archived()
        name = self.stakeholders.name_of(stakeholder)
        if rec.on < stakeholder.catalogued_on:
            raise InvalidInputError(
                "effective_on",
                "{name} entered the catalogue on {catalogued_on}; it joins the team after that.",
                name=name,
                catalogued_on=stakeholder.catalogued_on,
            )
        team.appoint(stakeholder_id, name, parse_role(role), decided_by, rec.on, rec.by)
        stakeholder.set_status(StakeholderStatus.TEAM_MEMBER, rec.on, rec.by)
        self.app.commit(team, stakeholder)

    def dismiss_member(
        self, gmina_id: UUID, stakeholder_id: UUID, *, reason: str = "", **stamp: Unpack[Stamp]
    ) -> None:
        """A member leaves the team; it stays a signatory if it signed the pact."""
        rec = Recording.of(**stamp)
        team = self.team_of(gmina_id)
        stakeholder = self.stakeholders.stakeholder_of(gmina_id, stakeholder_id)
        pact = self.pacts.pact_of(gmina_id, as_of=rec.on)
        team.dismiss(stakeholder_id, self.stakeholders.name_of(stakeholder), reason, rec.on, rec.by)
        if pact.is_member(stakeholder_id):
            status = StakeholderStatus.SIGNATORY
        elif pact.periods(stakeholder_id):
            status = StakeholderStatus.FORMER_SIGNATORY
        else:
            status = StakeholderStatus.INVITED
        stakeholder.set_status(status, rec.on, rec.by)
        self.app.commit(team, stakeholder)

    def change_member_role(
        self,
        gmina_id: UUID,
        stakeholder_id: UUID,
        role: TeamRole | str,
        *,
        decided_by: str = "",
        **stamp: Unpack[Stamp],
    ) -> None:
        rec = Recording.of(**stamp)
        team = self.team_of(gmina_id)
        stakeholder = self.stakeholders.stakeholder_of(gmina_id, stakeholder_id)
        team.change_role(
            stakeholder_id,
            self.stakeholders.name_of(stakeholder),
            parse_role(role),
            decided_by,
            rec.on,
            rec.by,
        )
        self.app.commit(team)

    def change_team_rules(
        self,
        gmina_id: UUID,
        *,
        quorum: QuorumRule | str | None = None,
        majority: MajorityRule | str | None = None,
        decided_by: str,
        **stamp: Unpack[Stamp],
    ) -> None:
        """The team's regulamin changes its quorum or majority rule from a date."""
        rec = Recording.of(**stamp)
        team = self.team_of(gmina_id)
        rules = parse_rules(quorum, majority, team.rules_history[-1].rules)
        team.change_rules(rules, decided_by, rec.on, rec.by)
        self.app.commit(team)
