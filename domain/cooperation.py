"""Declared cooperation: two stakeholders of one gmina say they work together, and on what."""

from __future__ import annotations

from datetime import date
from typing import ClassVar
from uuid import UUID

from domain.errors import EffectiveDateError, InvalidInputError, RuleViolationError
from domain.history import Moves, Record, Starts
from domain.input_rules import required
from domain.terms import CooperationForm


class Cooperation(Record):
    """Cooperation between two catalogued stakeholders, lasting (trwała) or ad hoc (doraźna).

    ``stakeholder_id`` is the side that reaches out (a person to an institution, an
    institution to a person …), so the four ways of the MLW model can be told apart.
    """

    @classmethod
    def declare(
        cls,
        *,
        gmina_id: UUID,
        stakeholder_id: UUID,
        partner_id: UUID,
        form: CooperationForm,
        subject: str,
        effective_on: date,
        recorded_by: str,
    ) -> Cooperation:
        """Record that two stakeholders cooperate, in a lasting or an ad hoc way, on a subject."""
        if stakeholder_id == partner_id:
            raise InvalidInputError("partner_id", "A stakeholder cannot cooperate with itself.")
        subject = required(
            subject, InvalidInputError("subject", "Say what the cooperation is about.")
        )
        sides = {"gmina_id": gmina_id, "stakeholder_id": stakeholder_id, "partner_id": partner_id}
        said = {**sides, "form": form, "subject": subject}
        return cls.start(cls.Declared, effective_on, recorded_by, **said)

    class Declared(Starts):
        STARTED_ON = "declared_on"

        gmina_id: UUID
        stakeholder_id: UUID
        partner_id: UUID
        form: CooperationForm
        subject: str

    def __init__(self) -> None:
        self.gmina_id: UUID
        self.stakeholder_id: UUID
        self.partner_id: UUID
        self.form: CooperationForm
        self.subject: str
        self.declared_on: date
        self.ended_on: date | None = None
        self.end_reason = ""

    @property
    def is_ongoing(self) -> bool:
        return self.ended_on is None

    def involves(self, stakeholder_id: UUID) -> bool:
        return stakeholder_id in (self.stakeholder_id, self.partner_id)

    def end(self, reason: str, effective_on: date, recorded_by: str) -> None:
        """Record that the cooperation ended; it stays in the history of both partners."""
        if not self.is_ongoing:
            raise RuleViolationError(
                "This cooperation already ended on {ended_on}.", ended_on=self.ended_on
            )
        if effective_on < self.declared_on:
            raise EffectiveDateError(
                "The cooperation began on {declared_on}; it cannot end before that.",
                declared_on=self.declared_on,
            )
        self.record(self.Ended, effective_on, recorded_by, reason=reason.strip())

    class Ended(Moves):
        KEEPS: ClassVar = {"reason": "end_reason"}
        ON = "ended_on"
        reason: str
