"""How the domain's value types are written into stored events and snapshots."""

from __future__ import annotations

import dataclasses
from datetime import date, time
from enum import Enum
from typing import Any

from eventsourcing.persistence import JSONTranscoder, Transcoding

from domain import (
    action_item,
    document,
    effects,
    entity,
    minutes,
    resolution,
    team,
    values,
    voting,
)
from domain.calendar import CalendarEntry
from domain.input_rules import wall_clock
from domain.pact import Commitment, Membership
from domain.partnership import StageReached


class DateAsISO(Transcoding):
    type = date
    name = "date_iso"

    def encode(self, obj: date) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> date:
        return date.fromisoformat(data)


class TimeAsISO(Transcoding):
    type = time
    name = "time_iso"

    def encode(self, obj: time) -> str:
        return obj.isoformat()

    def decode(self, data: str) -> time:
        # Times of day are wall-clock times; one stored with an offset (accepted once) is
        # read as the local time it shows, so every comparison of times stays possible.
        return wall_clock(time.fromisoformat(data))


def enum_transcoding(cls: type[Enum]) -> Transcoding:
    """A transcoding that writes an enum member by its value."""

    class EnumByValue(Transcoding):
        type = cls
        name = cls.__name__

        def encode(self, obj: Enum) -> Any:
            return obj.value

        def decode(self, data: Any) -> Enum:
            return cls(data)

    return EnumByValue()


def dataclass_transcoding(cls: type[Any]) -> Transcoding:
    """A transcoding that writes a dataclass by its fields (nested values transcoded too)."""

    class DataclassByFields(Transcoding):
        type = cls
        name = cls.__name__

        def encode(self, obj: Any) -> dict[str, Any]:
            return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}

        def decode(self, data: dict[str, Any]) -> Any:
            return cls(**data)

    return DataclassByFields()


ENUM_MODULES = (values, voting, team, entity, minutes, action_item, resolution, document)
ENUMS: tuple[type[Enum], ...] = tuple(
    obj
    for module in ENUM_MODULES
    for obj in vars(module).values()
    if isinstance(obj, type)
    and issubclass(obj, Enum)
    and obj is not Enum
    and obj.__module__ == module.__name__
)
DATACLASSES = (
    values.Sealed,
    values.Identifiers,
    StageReached,
    Membership,
    Commitment,
    voting.TeamRules,
    voting.Tally,
    team.Seat,
    team.RulesPeriod,
    entity.EntityFact,
    minutes.AgendaItem,
    minutes.Attendance,
    minutes.Erratum,
    CalendarEntry,
    document.Copy,
    *effects.EFFECT_TYPES,
)


def register_domain_transcodings(transcoder: JSONTranscoder) -> None:
    """Every application that reads the registry's events registers these."""
    transcoder.register(DateAsISO())
    transcoder.register(TimeAsISO())
    for enum_cls in ENUMS:
        transcoder.register(enum_transcoding(enum_cls))
    for dc in DATACLASSES:
        transcoder.register(dataclass_transcoding(dc))
