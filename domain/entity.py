"""The social employment entity a gmina's team chose: chosen → created → registered → lost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from domain.errors import EffectiveDateError, InvalidInputError, RuleViolationError
from domain.history import Fact, FirstFact, Record
from domain.input_rules import required
from domain.terms import EntityState, EntityType
from domain.values import Immutable

# Kinds of words once defined here (domain.terms); older imports from here still work.
__all__ = ["EntityState", "EntityType"]


@dataclass(frozen=True)
class EntityFact(Immutable):
    """One step of the entity's life, on whose decision, and the resolution behind it."""

    state: EntityState
    effective_on: date
    decided_by: str
    resolution_id: UUID | None
    detail: str = ""


class Step(Fact):
    """A step of the entity's life after its choice, on whose decision, and the resolution
    behind it."""

    decided_by: str
    resolution_id: UUID | None

    def step(self, entity: SocialEmploymentEntity, state: EntityState, detail: str) -> None:
        """The entity reaches ``state``; its list of steps says so, with ``detail``."""
        entity.state = state
        fact = EntityFact(state, self.effective_on, self.decided_by, self.resolution_id, detail)
        entity.facts.append(fact)


class SocialEmploymentEntity(Record):
    """A CIS, KIS, ZAZ, WTZ or social cooperative the gmina's partnership works towards."""

    @classmethod
    def choose(
        cls,
        gmina_id: UUID,
        entity_type: EntityType,
        name: str,
        decided_by: str,
        resolution_id: UUID | None,
        effective_on: date,
        recorded_by: str,
    ) -> SocialEmploymentEntity:
        """The team chose the kind of entity to create (stage 5 of the MLW)."""
        decided_by = required(
            decided_by, InvalidInputError("decided_by", "Say whose decision chose the entity.")
        )
        name = name.strip() or entity_type.polish
        decision = {"decided_by": decided_by, "resolution_id": resolution_id}
        said = {"gmina_id": gmina_id, "entity_type": entity_type, "name": name, **decision}
        return cls.start(cls.Chosen, effective_on, recorded_by, **said)

    class Chosen(FirstFact):
        gmina_id: UUID
        entity_type: EntityType
        name: str
        decided_by: str
        resolution_id: UUID | None

        def apply(self, entity: SocialEmploymentEntity) -> None:
            entity.gmina_id = self.gmina_id
            entity.entity_type = self.entity_type
            entity.name = self.name
            fact = EntityFact(
                EntityState.CHOSEN,
                self.effective_on,
                self.decided_by,
                self.resolution_id,
                self.name,
            )
            entity.facts = [fact]

    def __init__(self) -> None:
        self.gmina_id: UUID
        self.entity_type: EntityType
        self.name: str
        self.facts: list[EntityFact]
        self.state = EntityState.CHOSEN
        self.recreated = False
        self.authority = ""
        self.decision_number = ""

    def check_after_last(self, effective_on: date) -> None:
        last = self.facts[-1].effective_on
        if effective_on < last:
            raise EffectiveDateError(
                "{name} was {state} on {last}; the next step cannot take effect on {effective_on}.",
                **self.as_named(),
                last=last,
                effective_on=effective_on,
            )

    def state_said(self) -> str:
        return self.state.value.replace("_", " ")

    def as_named(self) -> dict[str, str]:
        """The entity's name and state, as refusals name them."""
        return {"name": self.name, "state": self.state_said()}

    def check_state(self, refusal: RuleViolationError, *allowed: EntityState) -> None:
        """Refuse a step that does not follow from the entity's present state."""
        if self.state not in allowed:
            raise refusal

    def record_step(
        self,
        step: type[Step],
        decided_by: str,
        resolution_id: UUID | None,
        effective_on: date,
        recorded_by: str,
        **said: Any,
    ) -> None:
        """Record the entity's next step, on a decision, taking effect after the last one."""
        self.check_after_last(effective_on)
        decision = {"decided_by": decided_by.strip(), "resolution_id": resolution_id}
        self.record(step, effective_on, recorded_by, **decision, **said)

    def record_created(
        self,
        recreated: bool,
        decided_by: str,
        resolution_id: UUID | None,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """The entity was created, or re-created (after losing its status, or elsewhere)."""
        self.check_state(
            RuleViolationError(
                "{name} is already {state}; it can be re-created only after losing its status.",
                **self.as_named(),
            ),
            EntityState.CHOSEN,
            EntityState.STATUS_LOST,
        )
        again = recreated or self.state is EntityState.STATUS_LOST
        self.record_step(
            self.Created, decided_by, resolution_id, effective_on, recorded_by, recreated=again
        )

    class Created(Step):
        recreated: bool

        def apply(self, entity: SocialEmploymentEntity) -> None:
            entity.recreated = self.recreated
            self.step(
                entity, EntityState.CREATED, "odtworzenie" if self.recreated else "utworzenie"
            )

    def record_registered(
        self,
        authority: str,
        decision_number: str,
        decided_by: str,
        resolution_id: UUID | None,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """The entity's status was granted or it was registered: by whom, decision number, date."""
        self.check_state(
            RuleViolationError(
                "{name} is {state}; only a created entity can be granted its status.",
                **self.as_named(),
            ),
            EntityState.CREATED,
        )
        if not authority.strip() or not decision_number.strip():
            raise InvalidInputError(
                "authority", "Name the authority and the number of its decision or entry."
            )
        entry = {"authority": authority.strip(), "decision_number": decision_number.strip()}
        self.record_step(
            self.Registered, decided_by, resolution_id, effective_on, recorded_by, **entry
        )

    class Registered(Step):
        authority: str
        decision_number: str

        def apply(self, entity: SocialEmploymentEntity) -> None:
            entity.authority = self.authority
            entity.decision_number = self.decision_number
            self.step(entity, EntityState.REGISTERED, f"{self.authority}, {self.decision_number}")

    def record_status_lost(
        self,
        reason: str,
        decided_by: str,
        resolution_id: UUID | None,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """The entity lost its status or ceased to work."""
        self.check_state(
            RuleViolationError(
                "{name} is {state}; only a working entity can lose its status.", **self.as_named()
            ),
            EntityState.CREATED,
            EntityState.REGISTERED,
        )
        reason = required(
            reason, InvalidInputError("reason", "Say why the entity lost its status.")
        )
        self.record_step(
            self.StatusLost, decided_by, resolution_id, effective_on, recorded_by, reason=reason
        )

    class StatusLost(Step):
        reason: str

        def apply(self, entity: SocialEmploymentEntity) -> None:
            self.step(entity, EntityState.STATUS_LOST, self.reason)
