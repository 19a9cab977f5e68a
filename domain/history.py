"""Facts and the records they build: every fact names the day it took effect and who
recorded it, a record applies its facts one by one, and can be read as it stood on a past
date from the facts that had taken effect by then."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from typing import Any, ClassVar, Self, TypeVar
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.errors import DomainError
from domain.values import Changes, Payload

A = TypeVar("A", bound=Aggregate)

EVENT_META = ("originator_id", "originator_version", "timestamp", "originator_topic")
FACT_FIELDS = frozenset({*EVENT_META, "effective_on", "recorded_by"})


class Says:
    """A fact's own words."""

    def said(self) -> dict[str, Any]:
        """What the fact says: its own fields (not where it stands, when it took effect, nor
        who recorded it)."""
        return {k: v for k, v in vars(self).items() if k not in FACT_FIELDS}

    def set_on(self, record: Any) -> None:
        """Give the record's attributes of the same names as the fact's fields their values."""
        for name, value in self.said().items():
            setattr(record, name, list(value) if isinstance(value, list) else value)


class Fact(Says, Aggregate.Event):
    """A recorded fact: it names the day it took effect and who recorded it."""

    effective_on: date
    recorded_by: str


class Sets(Fact):
    """A fact that gives the record's attributes of the same names as its fields their new
    values (a stakeholder's sub-type, a gmina's name, powiat and TERC code), and the day it
    took effect to the attribute ``ON`` names, if any (the day a meeting was moved)."""

    ON: ClassVar[str] = ""

    def apply(self, aggregate: Any) -> None:
        self.set_on(aggregate)
        if self.ON:
            setattr(aggregate, self.ON, self.effective_on)


class Moves(Fact):
    """A fact that moves the record on, as three tables say: ``TO`` gives attributes their
    new values (a meeting's state becomes CANCELLED), ``KEEPS`` keeps fields of the fact
    under the record's names for them (its reason as the meeting's ``cancel_reason``), and
    ``ON`` names the attribute that takes the day it took effect (``approved_on``)."""

    TO: ClassVar[dict[str, Any]] = {}
    KEEPS: ClassVar[dict[str, str]] = {}
    ON: ClassVar[str] = ""

    def apply(self, aggregate: Any) -> None:
        for name, value in self.TO.items():
            setattr(aggregate, name, value)
        for said, name in self.KEEPS.items():
            setattr(aggregate, name, getattr(self, said))
        if self.ON:
            setattr(aggregate, self.ON, self.effective_on)


class FirstFact(Says, Aggregate.Created):
    """The fact that starts a record: the day it took effect and who recorded it."""

    effective_on: date
    recorded_by: str


class Starts(FirstFact):
    """A first fact that gives the new record attributes of the same names as its fields,
    as ``Sets`` does later, and the day it took effect as ``STARTED_ON`` names it (the day
    a task was assigned, a cooperation declared …). The payload that ``SPREADS`` names is
    not kept whole: the record takes its fields as its own (a resolution's number, title
    and text from its draft)."""

    STARTED_ON: ClassVar[str] = ""
    SPREADS: ClassVar[str] = ""

    def said(self) -> dict[str, Any]:
        said = super().said()
        if self.SPREADS:
            payload = said.pop(self.SPREADS)
            said.update({f.name: getattr(payload, f.name) for f in dataclasses.fields(payload)})
        return said

    def apply(self, aggregate: Any) -> None:
        self.set_on(aggregate)
        if self.STARTED_ON:
            setattr(aggregate, self.STARTED_ON, self.effective_on)


class Record(Aggregate):
    """A record of the registry: its first fact (``start``) and every fact after it
    (``record``) say in their own ``apply`` how the record changes, so each fact's fields
    are written once. A record's ``__init__`` only declares the attributes its facts set
    (it takes no arguments: the first fact's ``apply`` follows it)."""

    @classmethod
    def start(
        cls, fact: type[FirstFact], effective_on: date, recorded_by: str, **said: Any
    ) -> Self:
        """A new record whose first fact is ``fact`` saying ``said``."""
        return cls._create(fact, effective_on=effective_on, recorded_by=recorded_by, **said)

    def record(self, fact: type[Fact], effective_on: date, recorded_by: str, **said: Any) -> None:
        """Record ``fact`` saying ``said``, taking effect on ``effective_on``."""
        self.trigger_event(fact, effective_on=effective_on, recorded_by=recorded_by, **said)

    def record_change(
        self,
        fact: type[Sets],
        unchanged: DomainError,
        effective_on: date,
        recorded_by: str,
        **said: Any,
    ) -> None:
        """Record ``fact`` giving the record the values ``said``; refused (``unchanged``)
        when it holds every one of them already, as nothing would change."""
        if all(getattr(self, name) == value for name, value in said.items()):
            raise unchanged
        self.record(fact, effective_on, recorded_by, **said)


class OnePerGmina(Record):
    """A record each gmina has one of (its partnership, team, pact, calendar of meetings,
    corrections), known by the gmina's id and which ``PART`` of the gmina it is."""

    PART = ""

    @classmethod
    def create_id(cls, gmina_id: UUID) -> UUID:
        return uuid5(NAMESPACE_URL, f"/mlw/gmina/{gmina_id}/{cls.PART}")


class Leaves(Fact):
    """A stakeholder leaves one of the gmina's bodies (the pact, the team) on the day the
    fact takes effect, for a reason: its open period there ends."""

    stakeholder_id: UUID
    reason: str


class Body(OnePerGmina):
    """One of the gmina's bodies whose members come and go: the pact's signatories, the
    Local Synergy Team's members."""

    def record_leaving(
        self,
        fact: type[Leaves],
        stakeholder_id: UUID,
        reason: str,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """Record that the stakeholder left, as ``fact`` says, with the reason given."""
        said = {"stakeholder_id": stakeholder_id, "reason": reason.strip()}
        self.record(fact, effective_on, recorded_by, **said)


class GminaBook(OnePerGmina):
    """A record each gmina keeps from the day it is opened, empty at first (its calendar of
    meetings, its corrections of text): its first fact names only the gmina."""

    class Started(FirstFact):
        gmina_id: UUID

    @event(Started)
    def __init__(self, gmina_id: UUID, effective_on: date, recorded_by: str) -> None:
        self.gmina_id = gmina_id
        self.open_empty()

    def open_empty(self) -> None:
        """Give the new book its empty entries."""


class OneInRegistry(Record):
    """A record the whole registry has one of (the roll of accounts, the directory of
    gminas), known by its ``NAME`` and started empty."""

    NAME = ""

    @classmethod
    def create_id(cls) -> UUID:
        return uuid5(NAMESPACE_URL, cls.NAME)

    class Started(Aggregate.Created):
        pass

    @event(Started)
    def __init__(self) -> None:
        self.open_empty()

    def open_empty(self) -> None:
        """Give the new record its empty entries."""


def effective_on(event: Any) -> date:
    """The date a recorded fact took effect (not the date it was recorded)."""
    value = getattr(event, "effective_on", None)
    if value is None:
        return event.timestamp.date()  # type: ignore[no-any-return]
    return value  # type: ignore[no-any-return]


def payload_of(event: Any) -> dict[str, Any]:
    """What a fact says, without the metadata that places it: its fields, and a payload
    value's fields among them as the fact's own (as facts carried them before payloads)."""
    said: dict[str, Any] = {}
    for key, value in vars(event).items():
        if key in EVENT_META:
            continue
        if isinstance(value, Payload):
            said.update({f.name: getattr(value, f.name) for f in dataclasses.fields(value)})  # type: ignore[arg-type]
        elif isinstance(value, Changes):
            said[key] = value.items()
        else:
            said[key] = value
    return said


def replay_as_of(events: Iterable[Any], on: date) -> Aggregate | None:
    """Fold the facts that took effect on or before ``on``, in the order they were recorded.

    Facts recorded late (minutes typed in weeks after the meeting) count from the day they
    took effect; facts that take effect later are left out. Returns None when the
    aggregate did not exist yet on that date.
    """
    aggregate: Aggregate | None = None
    for fact in events:
        if aggregate is None:
            if effective_on(fact) > on:
                return None
            aggregate = fact.mutate(None)
            continue
        if effective_on(fact) <= on:
            fact.apply(aggregate)
            aggregate.version = fact.originator_version
            aggregate.modified_on = fact.timestamp
    return aggregate
