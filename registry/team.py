"""Use cases: forming the Local Synergy Team, its members over time, and its rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import TypeVar, Unpack
from uuid import UUID

from domain.errors import InvalidInputError, NotFoundError, RuleViolationError
from domain.gmina import Gmina
from domain.stakeholder import Stakeholder
from domain.team import ROLE_LABELS_PL, RulesPeriod, Seat, SynergyTeam, TeamRole
from domain.values import StakeholderStatus
from domain.voting import MajorityRule, QuorumRule, TeamRules
from registry.base import Recording, RegistryBase, Stamp
from registry.catalogue import Stakeholders
from registry.meeting_views import RulesView, SeatView, TeamView
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

    # --- queries -----------------------------------------------------------------------

    def view_seat(self, seat: Seat) -> SeatView:
        try:
            name = self.stakeholders.name_of(self.app.load(Stakeholder, seat.stakeholder_id))
        except NotFoundError:
            name = str(seat.stakeholder_id)
        return SeatView(
            stakeholder_id=seat.stakeholder_id,
            name=name,
            role=seat.role.value,
            role_label=ROLE_LABELS_PL[seat.role],
            appointed_on=seat.appointed_on,
            dismissed_on=seat.dismissed_on,
            decided_by=seat.decided_by,
            dismiss_reason=seat.dismiss_reason,
        )

    @staticmethod
    def view_rules(period: RulesPeriod) -> RulesView:
        return RulesView(
            quorum=period.rules.quorum.value,
            majority=period.rules.majority.value,
            description=period.rules.describe_pl(),
            since=period.since,
            decided_by=period.decided_by,
        )

    def get_team(self, gmina_id: UUID, *, as_of: date | None = None) -> TeamView:
        """The team with its members as of a date (today by default) and its whole history."""
        team = self.team_of(gmina_id, as_of=as_of)
        on = as_of or date.today()
        seats = [self.view_seat(s) for s in team.seats]
        order = list(TeamRole)
        members = sorted(
            (v for s, v in zip(team.seats, seats, strict=True) if s.holds_on(on)),
            key=lambda v: (order.index(TeamRole(v.role)), v.name.lower()),
        )
        in_force = [p for p in team.rules_history if p.since <= on] or team.rules_history[:1]
        return TeamView(
            id=team.id,
            gmina_id=team.gmina_id,
            formed_on=team.formed_on,
            decided_by=team.decided_by,
            on=on,
            members=members,
            seats=seats,
            rules=self.view_rules(in_force[-1]),
            rules_history=[self.view_rules(p) for p in team.rules_history],
            resolution_numbers=list(team.resolution_numbers),
            entity_ids=list(team.entity_ids),
            version=team.version,
        )
