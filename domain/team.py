"""The Local Synergy Team (Zespół Synergii Lokalnej, ZSL) of one gmina: members, rules, numbers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from domain.errors import (
    DuplicateNumberError,
    EffectiveDateError,
    InvalidInputError,
    NotTeamMemberError,
    RuleViolationError,
)
from domain.history import Body, Fact, FirstFact, Leaves
from domain.input_rules import check_number, required
from domain.terms import TeamRole
from domain.values import Immutable
from domain.voting import TeamRules

# Kinds of words once defined here (domain.terms); older imports from here still work.
__all__ = ["TeamRole"]


SINGLE_HOLDER_ROLES = (TeamRole.CHAIR, TeamRole.SECRETARY)


@dataclass(frozen=True)
class Seat(Immutable):
    """One period of a stakeholder's membership of the team, in one role."""

    stakeholder_id: UUID
    role: TeamRole
    appointed_on: date
    decided_by: str
    dismissed_on: date | None = None
    dismiss_reason: str = ""

    def holds_on(self, on: date) -> bool:
        """A member from the day of appointment up to the day before dismissal."""
        return self.appointed_on <= on and (self.dismissed_on is None or on < self.dismissed_on)


@dataclass(frozen=True)
class RulesPeriod(Immutable):
    """The rules in force from a date, and the decision that set them."""

    rules: TeamRules
    since: date
    decided_by: str


class SeatTaken(Fact):
    """A member takes a seat in the team, in a role, on a decision."""

    stakeholder_id: UUID
    role: TeamRole
    decided_by: str

    def apply(self, team: SynergyTeam) -> None:
        team.seats.append(Seat(self.stakeholder_id, self.role, self.effective_on, self.decided_by))


class SynergyTeam(Body):
    """One gmina's Local Synergy Team (there is at most one per gmina)."""

    PART = "synergy-team"

    @classmethod
    def form(
        cls, gmina_id: UUID, decided_by: str, rules: TeamRules, effective_on: date, recorded_by: str
    ) -> SynergyTeam:
        """Form the team, by a decision (e.g. the wójt's order) and with its first rules."""
        decided_by = required(
            decided_by, InvalidInputError("decided_by", "Say whose decision formed the team.")
        )
        said = {"gmina_id": gmina_id, "decided_by": decided_by, "rules": rules}
        return cls.start(cls.Formed, effective_on, recorded_by, **said)

    class Formed(FirstFact):
        gmina_id: UUID
        decided_by: str
        rules: TeamRules

        def apply(self, team: SynergyTeam) -> None:
            team.gmina_id = self.gmina_id
            team.formed_on = self.effective_on
            team.decided_by = self.decided_by
            team.rules_history = [RulesPeriod(self.rules, self.effective_on, self.decided_by)]

    def __init__(self) -> None:
        self.gmina_id: UUID
        self.formed_on: date
        self.decided_by: str
        self.rules_history: list[RulesPeriod]
        self.seats: list[Seat] = []
        self.resolution_numbers: dict[str, UUID] = {}
        self.entity_ids: list[UUID] = []

    # --- members over time -------------------------------------------------------------

    def members_on(self, on: date) -> dict[UUID, TeamRole]:
        """Who was a member on a date, and in which role."""
        return {s.stakeholder_id: s.role for s in self.seats if s.holds_on(on)}

    def open_seat(self, stakeholder_id: UUID) -> Seat | None:
        return next(
            (s for s in self.seats if s.stakeholder_id == stakeholder_id and not s.dismissed_on),
            None,
        )

    def close_seat(self, stakeholder_id: UUID, on: date, reason: str) -> None:
        """The member's open seat ends on ``on`` (dismissed for ``reason``, or left for
        another role with none)."""
        i = next(
            i
            for i, s in enumerate(self.seats)
            if s.stakeholder_id == stakeholder_id and not s.dismissed_on
        )
        self.seats[i] = replace(self.seats[i], dismissed_on=on, dismiss_reason=reason)

    def check_member(self, stakeholder_id: UUID, name: str) -> Seat:
        seat = self.open_seat(stakeholder_id)
        if seat is None:
            raise NotTeamMemberError("{name} is not a member of the Local Synergy Team.", name=name)
        return seat

    def check_vacant(self, role: TeamRole, on: date) -> None:
        if role not in SINGLE_HOLDER_ROLES:
            return
        for seat in self.seats:
            if seat.role is role and (seat.dismissed_on is None or seat.dismissed_on > on):
                raise RuleViolationError(
                    "The team already has a {role_label} (since {appointed_on}); change their "
                    "role or dismiss them first.",
                    role_label=role.polish,
                    appointed_on=seat.appointed_on,
                )

    def take_seat(
        self,
        fact: type[SeatTaken],
        stakeholder_id: UUID,
        role: TeamRole,
        decided_by: str,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """A member takes a seat in ``role`` (appointed, or in a new role), if it is free."""
        self.check_vacant(role, effective_on)
        said = {"stakeholder_id": stakeholder_id, "role": role, "decided_by": decided_by.strip()}
        self.record(fact, effective_on, recorded_by, **said)

    def appoint(
        self,
        stakeholder_id: UUID,
        name: str,
        role: TeamRole,
        decided_by: str,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """A stakeholder of the gmina becomes a member of the team, in a role."""
        if effective_on < self.formed_on:
            raise EffectiveDateError(
                "The team was formed on {formed_on}; nobody joins it before that.",
                formed_on=self.formed_on,
            )
        seat = self.open_seat(stakeholder_id)
        if seat is not None:
            raise RuleViolationError(
                "{name} is already a member of the team ({role_label}) since {appointed_on}.",
                name=name,
                role_label=seat.role.polish,
                appointed_on=seat.appointed_on,
            )
        ended = [s.dismissed_on for s in self.seats if s.stakeholder_id == stakeholder_id]
        if any(d and d > effective_on for d in ended):
            raise EffectiveDateError(
                "{name} left the team later than {effective_on}.",
                name=name,
                effective_on=effective_on,
            )
        self.take_seat(
            self.MemberAppointed, stakeholder_id, role, decided_by, effective_on, recorded_by
        )

    class MemberAppointed(SeatTaken):
        pass

    def dismiss(
        self,
        stakeholder_id: UUID,
        name: str,
        reason: str,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """A member leaves the team; from that day it no longer counts for the quorum."""
        seat = self.check_member(stakeholder_id, name)
        if effective_on <= seat.appointed_on:
            raise EffectiveDateError(
                "{name} was appointed on {appointed_on}; dismissal must come later.",
                name=name,
                appointed_on=seat.appointed_on,
            )
        self.record_leaving(self.MemberDismissed, stakeholder_id, reason, effective_on, recorded_by)

    class MemberDismissed(Leaves):
        def apply(self, team: SynergyTeam) -> None:
            team.close_seat(self.stakeholder_id, self.effective_on, self.reason)

    def change_role(
        self,
        stakeholder_id: UUID,
        name: str,
        role: TeamRole,
        decided_by: str,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """A member takes another function in the team (e.g. becomes its chair)."""
        seat = self.check_member(stakeholder_id, name)
        if seat.role is role:
            raise InvalidInputError(
                "role",
                "{name} is already the team's {role_label}.",
                name=name,
                role_label=role.polish,
            )
        if effective_on <= seat.appointed_on:
            raise EffectiveDateError(
                "{name} holds the present role since {appointed_on}; a change comes later.",
                name=name,
                appointed_on=seat.appointed_on,
            )
        self.take_seat(
            self.RoleChanged, stakeholder_id, role, decided_by, effective_on, recorded_by
        )

    class RoleChanged(SeatTaken):
        def apply(self, team: SynergyTeam) -> None:
            team.close_seat(self.stakeholder_id, self.effective_on, "")
            super().apply(team)

    # --- rules (regulamin) -------------------------------------------------------------

    def rules_on(self, on: date) -> TeamRules:
        """The rules in force on a date."""
        current = self.rules_history[0].rules
        for period in self.rules_history:
            if period.since <= on:
                current = period.rules
        return current

    def change_rules(
        self, rules: TeamRules, decided_by: str, effective_on: date, recorded_by: str
    ) -> None:
        """The team changes its quorum or majority rule from a date."""
        last = self.rules_history[-1]
        if rules == last.rules:
            raise InvalidInputError("rules", "The team's rules already read so.")
        if effective_on < last.since:
            raise EffectiveDateError(
                "The present rules apply since {since}; change later.", since=last.since
            )
        self.record(
            self.RulesChanged, effective_on, recorded_by, rules=rules, decided_by=decided_by.strip()
        )

    class RulesChanged(Fact):
        rules: TeamRules
        decided_by: str

        def apply(self, team: SynergyTeam) -> None:
            team.rules_history.append(RulesPeriod(self.rules, self.effective_on, self.decided_by))

    # --- resolution numbers and chosen entities ----------------------------------------

    def next_number(self, year: int) -> int:
        taken = [int(k.split("/")[0]) for k in self.resolution_numbers if k.endswith(f"/{year}")]
        return max(taken, default=0) + 1

    def number_resolution(
        self, resolution_id: UUID, number: int, year: int, effective_on: date, recorded_by: str
    ) -> None:
        """Give a resolution its number, unique in the team's year ("Uchwała nr 3/2026")."""
        check_number("number", number, "uchwały")
        key = f"{number}/{year}"
        if key in self.resolution_numbers:
            raise DuplicateNumberError(
                "Uchwała nr {key} is already recorded for this team.", key=key
            )
        self.record(
            self.ResolutionNumbered,
            effective_on,
            recorded_by,
            resolution_id=resolution_id,
            number=key,
        )

    class ResolutionNumbered(Fact):
        resolution_id: UUID
        number: str

        def apply(self, team: SynergyTeam) -> None:
            team.resolution_numbers[self.number] = self.resolution_id

    def note_entity(self, entity_id: UUID, effective_on: date, recorded_by: str) -> None:
        """The team chose a social employment entity for the gmina."""
        if entity_id not in self.entity_ids:
            self.record(self.EntityChosen, effective_on, recorded_by, entity_id=entity_id)

    class EntityChosen(Fact):
        entity_id: UUID

        def apply(self, team: SynergyTeam) -> None:
            team.entity_ids.append(self.entity_id)
