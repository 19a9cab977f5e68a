"""A risk flag acknowledged: the team has seen it and says, in a note, what it made of it."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.errors import InvalidInputError
from domain.history import Record, Starts
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
        said = {"gmina_id": gmina_id, "flag_key": flag_key, "rule": rule, "note": note}
        return cls.start(cls.Acknowledged, effective_on, recorded_by, value=float(value), **said)

    class Acknowledged(Starts):
        STARTED_ON = "acknowledged_on"

        gmina_id: UUID
        flag_key: str
        rule: str
        value: float
        note: str

        def apply(self, aggregate: FlagAcknowledgement) -> None:
            super().apply(aggregate)
            aggregate.acknowledged_by = self.recorded_by

    def __init__(self) -> None:
        self.gmina_id: UUID
        self.flag_key: str
        self.rule: str
        self.value: float
        self.note: str
        self.acknowledged_on: date
        self.acknowledged_by: str
