"""The application's foundation: loading, saving, reading as of a date, sealing personal data."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, NotRequired, TypedDict, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application, ProcessingEvent
from eventsourcing.domain import Aggregate, MutableOrImmutableAggregate
from eventsourcing.persistence import IntegrityError, JSONTranscoder, StoredEvent
from eventsourcing.persistence import Recording as Recorded

from domain.directory import GminaDirectory
from domain.errors import ConflictError, NotFoundError
from domain.gmina import Gmina
from domain.history import effective_on, payload_of, replay_as_of
from domain.pact import Pact
from registry.input_checks import check_pending
from registry.person_keys import key_store_for
from registry.personal_data import PersonalDataVault
from registry.recorders import (
    ALONGSIDE,
    Alongside,
    snapshots_writer,
    write_after,
    writes_alongside,
)
from registry.settings import Settings
from registry.transcodings import register_domain_transcodings
from registry.views import FactView, plain
from registry.working_set import WorkingSet

A = TypeVar("A", bound=Aggregate)
T = TypeVar("T")


class Stamp(TypedDict):
    """Who records a change and the day it took effect, as every command takes them:
    ``recorded_by=…`` and, when it took effect earlier than today, ``effective_on=…``."""

    recorded_by: str
    effective_on: NotRequired[date | None]


@dataclass(frozen=True)
class Recording:
    """Who records a change and the day it takes effect: today, unless the facilitator
    says it took effect earlier (``--effective-on``)."""

    by: str
    on: date

    @classmethod
    def of(cls, recorded_by: str, effective_on: date | None = None) -> Recording:
        return cls(recorded_by, effective_on or date.today())


# A record is snapshotted every ``interval`` facts until its history is this many intervals
# long, then half as often each time the history doubles.
SNAPSHOT_SPREAD = 8


def snapshot_due(version: int, interval: int) -> bool:
    """Whether a record's fact number ``version`` is followed by a snapshot.

    Each snapshot holds the whole state, so snapshots every ``interval`` facts would add
    up to the square of the history; spaced out as the history grows they add up to a few
    times the latest state, and a load replays at most an eighth of the history."""
    step = interval
    while version >= 2 * SNAPSHOT_SPREAD * step:
        step *= 2
    return version % step == 0


class ConcurrentWriteError(ConflictError):
    """Raised when another writer recorded a change to the same record at the same moment."""


NOUNS = {
    "Gmina": "gmina",
    "Stakeholder": "stakeholder",
    "Pact": "pact",
    "Partnership": "partnership process",
    "GminaDirectory": "gmina directory",
    "Cooperation": "declared cooperation",
    "SynergyTeam": "Local Synergy Team",
    "Meeting": "meeting",
    "MeetingCalendar": "meeting calendar",
    "Resolution": "resolution",
    "ActionItem": "action item",
    "SocialEmploymentEntity": "social employment entity",
    "IssuedDocument": "issued document",
    "Account": "account",
}


class RegistryBase(Application[UUID]):
    """Loads and saves aggregates, turning storage outcomes into the domain's words."""

    name = "registry"
    snapshotting_intervals = {Gmina: 100, GminaDirectory: 100, Pact: 100}  # noqa: RUF012

    def __init__(self, settings: Settings | None = None, env: dict[str, str] | None = None):
        self.settings = settings or Settings.from_env()
        merged = self.settings.eventsourcing_env() | (env or {})
        interval = max(1, self.settings.snapshot_interval)
        self.snapshotting_intervals = dict.fromkeys(  # type: ignore[misc]
            type(self).snapshotting_intervals, interval
        )
        super().__init__(env=merged)
        self.working_set = WorkingSet(self)
        self.vault = PersonalDataVault(key_store_for(self.factory), self.settings.ledger_path())
        # Seconds since the epoch; tests put a clock of their own here.
        self.clock: Callable[[], float] = time.time

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        register_domain_transcodings(transcoder)

    # --- loading -----------------------------------------------------------------------

    def load(
        self,
        cls: type[A],
        aggregate_id: UUID,
        *,
        as_of: date | None = None,
        version: int | None = None,
    ) -> A:
        """An aggregate now, at a past version, or as it stood on a past date."""
        noun = NOUNS.get(cls.__name__, cls.__name__)
        if as_of is not None:
            aggregate = replay_as_of(self.events.get(aggregate_id), as_of)
            if aggregate is None:
                if self.events.get(aggregate_id, limit=1):
                    raise NotFoundError(
                        "The {noun} {aggregate_id} did not exist yet on {as_of}.",
                        noun=noun,
                        aggregate_id=aggregate_id,
                        as_of=as_of,
                    )
                raise NotFoundError(
                    "No {noun} with id {aggregate_id}.", noun=noun, aggregate_id=aggregate_id
                )
        else:
            try:
                # Inside a use case the cached aggregate itself (registry/working_set.py).
                aggregate = (
                    self.working_set.get(aggregate_id)
                    if version is None
                    else self.repository.get(aggregate_id, version=version)
                )
            except AggregateNotFoundError:
                raise NotFoundError(
                    "No {noun} with id {aggregate_id}.", noun=noun, aggregate_id=aggregate_id
                ) from None
        if not isinstance(aggregate, cls):
            raise NotFoundError(
                "{aggregate_id} is not a {noun}.", aggregate_id=aggregate_id, noun=noun
            )
        if version is not None and aggregate.version != version:
            raise NotFoundError(
                "The {noun} {aggregate_id} has no version {version}.",
                noun=noun,
                aggregate_id=aggregate_id,
                version=version,
            )
        return aggregate

    def one_of_gmina(
        self, cls: type[A], gmina_id: UUID, as_of: date | None, missing: str, first: str
    ) -> A:
        """The gmina's single aggregate of a kind (its pact, its team), or what to do first."""
        try:
            return self.load(cls, cls.create_id(gmina_id), as_of=as_of)
        except NotFoundError:
            gmina = self.load(Gmina, gmina_id)
            when = f" on {as_of}" if as_of else ""
            raise NotFoundError(
                "{name} has no {missing}{when}: {first}.",
                name=gmina.name,
                missing=missing,
                when=when,
                first=first,
            ) from None

    def load_for_edit(self, cls: type[A], aggregate_id: UUID, expected_version: int | None) -> A:
        """An aggregate about to change; refuse if it moved on since the caller read it."""
        aggregate = self.load(cls, aggregate_id)
        if expected_version is not None and aggregate.version != expected_version:
            noun = NOUNS.get(cls.__name__, cls.__name__)
            raise ConflictError(
                "The {noun} was changed by someone else (now version {version}, you "
                "edited version {expected_version}); reload it and try again.",
                noun=noun,
                version=aggregate.version,
                expected_version=expected_version,
            )
        return aggregate

    def commit(self, *aggregates: Aggregate) -> None:
        """Record all pending facts of these aggregates at once, or none of them."""
        check_pending(aggregates)
        try:
            self.save(*aggregates)
        except IntegrityError:
            # What we hold is behind the store: the next load reads the records afresh.
            self.working_set.forget(a.id for a in aggregates)
            raise ConcurrentWriteError(
                "Someone else recorded a change to the same record at the same moment; "
                "nothing of yours was recorded. Reload and try again."
            ) from None

    def save(
        self, *objs: MutableOrImmutableAggregate[UUID] | Any, **kwargs: Any
    ) -> list[Recorded[UUID]]:
        """Record pending facts; aggregates in memory change only under the working set's lock."""
        with self.working_set.lock:
            recordings = super().save(*objs, **kwargs)
            self.working_set.saved(recordings)
            if not self.working_set.in_use_case():
                # Built outside the registry's use cases (imports, generators): read back
                # as stored, not kept as built.
                self.working_set.forget({r.domain_event.originator_id for r in recordings})
            return recordings

    def use_case(self, call: Callable[[], T]) -> T:
        """Carry out one use case: its loads share the working set, and the persons it
        names anew are written with its facts (or, if it fails, nowhere)."""
        with self.vault.staging():
            return self.working_set.run(call)

    def _record(self, processing_event: ProcessingEvent[UUID]) -> list[Recorded[UUID]]:
        """Record the facts and, in the same transaction, what goes with them: the keys
        and index rows of persons they name anew, and the snapshots that fall due."""
        writes: list[Alongside] = []
        rows = self.vault.staged() if processing_event.events else None
        if rows is not None:
            writes.append(self.vault.keys.writer(rows))
        snapshots = self.due_snapshots(processing_event)
        if snapshots and self.snapshots is not None:
            writes.append(snapshots_writer(self.snapshots.recorder, snapshots))
        if writes and writes_alongside(self.recorder):
            processing_event.saved_kwargs[ALONGSIDE] = writes
            writes = []
        recordings = super()._record(processing_event)
        write_after(writes)
        if rows is not None:
            self.vault.written(rows)
        return recordings

    def due_snapshots(self, processing_event: ProcessingEvent[UUID]) -> list[StoredEvent]:
        """Snapshots of the saved aggregates, as they are in memory, where a fact falls due."""
        if self.snapshots is None:
            return []
        taken = []
        for aggregate_id, aggregate in processing_event.aggregates.items():
            interval = self.snapshotting_intervals.get(type(aggregate))
            if interval is None or not any(
                e.originator_id == aggregate_id and snapshot_due(e.originator_version, interval)
                for e in processing_event.events
            ):
                continue
            snapshot_class: Any = getattr(type(aggregate), "Snapshot", self.snapshot_class)
            snapshot = snapshot_class.take(aggregate)
            taken.append(self.snapshots.mapper.to_stored_event(snapshot))
        return taken

    def _take_snapshots(self, processing_event: ProcessingEvent[UUID]) -> None:
        """Nothing left to do: the snapshots were recorded with the facts (``_record``)."""

    def retry_on_race(self, command: Callable[[], T], deadline: float | None = None) -> T:
        """Run a command again when another writer got in first (it reloads and re-checks).

        Appends to a shared list (a gmina's catalogue, the directory) must always succeed,
        however many facilitators write at once: the command is retried with jittered,
        growing pauses until it is recorded, for at most ``deadline`` seconds
        (MLW_WRITE_RETRY_SECONDS); only then is the conflict shown.
        """
        seconds = self.settings.write_retry_seconds if deadline is None else deadline
        give_up = time.monotonic() + seconds
        pause = 0.002
        while True:
            try:
                return command()
            except ConcurrentWriteError:
                left = give_up - time.monotonic()
                if left <= 0:
                    raise
                # "Full jitter" back-off: writers that collided spread out instead of
                # colliding again in step.
                time.sleep(min(left, random.uniform(0, pause)))
                pause = min(pause * 2, 0.25)
                # Another writer got in first: what else it changed is dropped from memory.
                self.working_set.catch_up()

    # --- history -----------------------------------------------------------------------

    def recorded_history(self, aggregate_id: UUID) -> list[FactView]:
        """Every fact recorded about one record: what, when it took effect, who, when (as
        stored; ``Registry.history`` shows it with the gmina's corrections)."""
        facts = []
        e: Any
        for e in self.events.get(aggregate_id):
            details = {
                k: plain(v)
                for k, v in payload_of(e).items()
                if k not in ("effective_on", "recorded_by")
            }
            facts.append(
                FactView(
                    version=e.originator_version,
                    fact=type(e).__name__,
                    effective_on=effective_on(e),
                    recorded_at=e.timestamp,
                    recorded_by=getattr(e, "recorded_by", ""),
                    details=details,
                )
            )
        if not facts:
            raise NotFoundError(
                "Nothing is recorded under id {aggregate_id}.", aggregate_id=aggregate_id
            )
        return facts
