"""A risk flag acknowledged: the team has seen it and says, in a note, what it made of it."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from eventsourcing.domain import event

from domain.errors import InvalidInputError
from domain.history import FirstFact, Record
from domain.input_rules import required


class FlagAcknowledgement(Record):
    """A facilitator's note that a flag was seen and discussed, with the value it had then.

    The flag stays shown, marked as seen, while its value does not get materially worse.
    """

    @classmethod
    def acknowledge(
        cls,
        *,
        gmina_id: UUID,
        flag_key: str,
        rule: str,
        value: float,
        note: str,
        effective_on: date,
        recorded_by: str,
    ) -> FlagAcknowledgement:
        """Record that the flag ``flag_key`` was seen; refused without a note."""
        note = required(
            note, InvalidInputError("note", "Say in a note what the team made of this flag.")
        )
        return cls(gmina_id, flag_key, rule, float(value), note, effective_on, recorded_by)

    class Acknowledged(FirstFact):
        gmina_id: UUID
        flag_key: str
        rule: str
        value: float
        note: str

    @event(Acknowledged)
    def __init__(
        self,
        gmina_id: UUID,
        flag_key: str,
        rule: str,
        value: float,
        note: str,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        self.gmina_id = gmina_id
        self.flag_key = flag_key
        self.rule = rule
        self.value = value
        self.note = note
        self.acknowledged_on = effective_on
        self.acknowledged_by = recorded_by
