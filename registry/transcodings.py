"""How the domain's value types are written into stored events and snapshots.

Each value is stored under its transcoding name (its class name, as in the oldest logs)
with its fields and the version of its shape: ``{"_type_": "Identifiers", "_data_":
{"nip": …, "_v_": 1}}``. Data without ``_v_`` is version 1. Reading brings older data up
to the class's ``__version__`` through its ``upcast_vN_vN+1`` static methods, then refuses
a field the class does not know (naming the type and the field) and gives a field the data
lacks its dataclass default. How to change a value or an event safely: docs/events.md.
"""

from __future__ import annotations

import dataclasses
from datetime import date, time
from enum import Enum
from typing import Any
from uuid import UUID

from eventsourcing.persistence import (
    DatetimeAsISO,
    DecimalAsStr,
    JSONTranscoder,
    Mapper,
    Transcoding,
    UUIDAsHex,
)

from domain import (
    document,
    effects,
    entity,
    minutes,
    resolution,
    team,
    terms,
    values,
    voting,
)
from domain.calendar import CalendarEntry
from domain.input_rules import wall_clock
from domain.meeting import MeetingPlan
from domain.pact import Commitment, CommitmentTerms, Membership
from domain.partnership import Analysis, StageReached
from domain.stakeholder import StakeholderChanges, StakeholderDetails


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


def stored_name(cls: type[Any]) -> str:
    """The name a value type is stored under: its class name, or the name it had when
    the first facts were stored (``__stored_as__``), should the class be renamed."""
    return str(getattr(cls, "__stored_as__", cls.__name__))


def enum_transcoding(cls: type[Enum]) -> Transcoding:
    """A transcoding that writes an enum member by its value."""

    class EnumByValue(Transcoding):
        type = cls
        name = stored_name(cls)

        def encode(self, obj: Enum) -> Any:
            return obj.value

        def decode(self, data: Any) -> Enum:
            try:
                return cls(data)
            except ValueError:
                raise StoredValueError(
                    f"A stored {cls.__name__} has the value {data!r}, which {cls.__name__} "
                    "does not know: keep the old member or map it in the event's upcaster."
                ) from None

    return EnumByValue()


VERSION_KEY = "_v_"


class StoredValueError(ValueError):
    """Raised when a stored value does not fit its type: unknown or missing fields, or a
    version this code cannot read."""


def version_of(cls: type[Any]) -> int:
    """The current version of a value type's stored shape (1 unless the class says more)."""
    return int(getattr(cls, "__version__", 1))


def encode_value(obj: Any) -> dict[str, Any]:
    """A dataclass value's fields and the version of its shape."""
    data = {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    data[VERSION_KEY] = version_of(type(obj))
    return data


def decode_value(cls: type[Any], stored: dict[str, Any]) -> Any:
    """A value read from stored data of any version up to the class's own."""
    data = dict(stored)
    found = data.pop(VERSION_KEY, 1)
    current = version_of(cls)
    if not isinstance(found, int) or not 1 <= found <= current:
        raise StoredValueError(
            f"A stored {cls.__name__} has version {found!r}; this code reads versions 1 to "
            f"{current}."
        )
    for version in range(found, current):
        upcast = getattr(cls, f"upcast_v{version}_v{version + 1}", None)
        if upcast is None:
            raise StoredValueError(
                f"{cls.__name__} has no upcast_v{version}_v{version + 1} for its stored "
                f"version {version}."
            )
        upcast(data)
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise StoredValueError(
            f"A stored {cls.__name__} (version {current}) has the field {unknown[0]!r}, "
            f"which {cls.__name__} does not know: add an upcaster that moves or drops it."
        )
    for name, f in fields.items():
        no_default = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if name not in data and no_default:
            raise StoredValueError(
                f"A stored {cls.__name__} (version {current}) lacks the field {name!r}, "
                "which has no default: give the field a default or an upcaster that fills it."
            )
    return cls(**data)


def dataclass_transcoding(cls: type[Any]) -> Transcoding:
    """A transcoding that writes a dataclass by its fields (nested values transcoded too)."""

    class DataclassByFields(Transcoding):
        type = cls
        name = stored_name(cls)

        def encode(self, obj: Any) -> dict[str, Any]:
            return encode_value(obj)

        def decode(self, data: dict[str, Any]) -> Any:
            return decode_value(cls, data)

    return DataclassByFields()


# Every kind of word the model stores (its vocabulary, domain.terms), stored by value.
ENUMS: tuple[type[Enum], ...] = tuple(
    obj
    for obj in vars(terms).values()
    if isinstance(obj, type) and issubclass(obj, Enum) and obj.__module__ == terms.__name__
)
DATACLASSES = (
    values.Sealed,
    values.Identifiers,
    StakeholderDetails,
    StakeholderChanges,
    StageReached,
    Analysis,
    Membership,
    Commitment,
    CommitmentTerms,
    voting.TeamRules,
    voting.Tally,
    team.Seat,
    team.RulesPeriod,
    entity.EntityFact,
    minutes.AgendaItem,
    minutes.Attendance,
    minutes.Erratum,
    MeetingPlan,
    resolution.ResolutionDraft,
    CalendarEntry,
    document.Copy,
    document.DocumentContent,
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


def domain_mapper() -> Mapper[UUID]:
    """Reads and writes the registry's facts without an application (tools and tests)."""
    transcoder = JSONTranscoder()
    for library_type in (UUIDAsHex(), DecimalAsStr(), DatetimeAsISO()):
        transcoder.register(library_type)
    register_domain_transcodings(transcoder)
    return Mapper(transcoder)
