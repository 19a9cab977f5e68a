"""Keeping a read model up to date: read the registry's facts in order, apply, track.

Every position is tracked, facts the read model ignores included, so a read model knows
exactly where it stopped and resumes there; rebuilt from zero it gives the same rows.
SQLite recorders cannot be subscribed to, so one catch-up loop serves every store.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, Tracking
from eventsourcing.projection import Projection

from projections.store import Change, Encoded, Key, Lookup, Row, RowView, encoded


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold the cycle collector off while a batch is decoded and applied.

    A batch keeps thousands of decoded facts and new rows alive at once, so the
    collector would otherwise sweep them over and over (a third of applying them);
    they hold no cycles and go with the batch. The collector resumes between batches.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@dataclass(frozen=True)
class Batch:
    """One batch applied to one read model: how many facts, which positions, how long."""

    read_model: str
    facts: int
    first: int
    last: int
    seconds: float


OnBatch = Callable[[Batch], None]


class Unit:
    """The rows one batch of facts changes, read back before they are written.

    A row is read from the store at most once per batch (through ``lookup``, one
    connection for the whole batch); a row put in this batch is read back as it was put
    (its values shaped for JSON only when written), and so is a row the ``earlier``
    batch changed, while that batch is still being written.
    """

    def __init__(
        self,
        view: RowView,
        lookup: Lookup | None = None,
        earlier: Mapping[Key, Change] | None = None,
    ) -> None:
        self.lookup = lookup or view.get
        self.earlier = earlier or {}
        self.changes: dict[Key, Change] = {}
        self.read: dict[Key, Row | None] = {}

    def get(self, kind: str, key: str) -> Row | None:
        if (kind, key) in self.changes:
            change = self.changes[(kind, key)]
            return None if change is None else change[2]
        if (kind, key) in self.earlier:
            change = self.earlier[(kind, key)]
            return None if change is None else change[2]
        if (kind, key) not in self.read:
            self.read[(kind, key)] = self.lookup(kind, key)
        return self.read[(kind, key)]

    def put(self, kind: str, key: str, gmina_id: str, position: int, body: Row) -> None:
        self.changes[(kind, key)] = (gmina_id, position, body)

    def delete(self, kind: str, key: str) -> None:
        self.changes[(kind, key)] = None


Handler = Callable[[Any, int, Unit], None]
HandlerOf = Callable[[type], Handler | None]


def handlers_of(obj: Any, passes_over_other_facts: bool) -> HandlerOf:
    """Which of ``obj``'s ``apply`` methods takes a fact of each type, found once per type.

    With ``passes_over_other_facts``, None for the types that fall to the default.
    """
    apply = obj.apply  # also completes the registrations the library defers
    defined = next(c.__dict__["apply"] for c in type(obj).__mro__ if "apply" in c.__dict__)
    dispatching = getattr(defined, "dispatcher", None)
    if dispatching is None:
        return lambda _: apply
    found: dict[type, Handler | None] = {}
    ignores = dispatching.dispatch(object) if passes_over_other_facts else None

    def handler_of(cls: type) -> Handler | None:
        if cls not in found:
            method = dispatching.dispatch(cls)
            found[cls] = None if method is ignores else method.__get__(obj)
        return found[cls]

    return handler_of


class ReadModel(Projection[Any]):
    """A projection of the registry's facts into rows, applied in batches."""

    # True when the default of a ``singledispatchmethod`` apply changes nothing: facts of
    # the types it has no method for are then passed over without a call.
    passes_over_other_facts: bool = False

    def process_event(self, domain_event: Any, tracking: Tracking) -> None:
        """One fact at a time (the library's runner on PostgreSQL calls this)."""
        self.process_batch([(domain_event, tracking.notification_id)], tracking)

    def process_batch(
        self, facts: Sequence[tuple[Any, int]], tracking: Tracking, since: int | None = None
    ) -> None:
        """Apply facts in order; write their rows and the last position together.

        With ``since`` (the position the facts follow), nothing is written if another
        process has moved the read model on meanwhile (`ViewMovedOnError`).
        """
        cast(RowView, self.view).write(self.changes_of(facts), tracking, since)

    def changes_of(
        self, facts: Sequence[tuple[Any, int]], earlier: Mapping[Key, Change] | None = None
    ) -> dict[Key, Change]:
        """The rows the facts change, applied in order over the rows as ``earlier`` left them."""
        view = cast(RowView, self.view)
        handler_of = self.handlers()
        with view.reading() as lookup:
            unit = Unit(view, lookup, earlier)
            for domain_event, position in facts:
                handler = handler_of(type(domain_event))
                if handler is not None:
                    handler(domain_event, position, unit)
        return unit.changes

    def handlers(self) -> HandlerOf:
        """Which method applies a fact of each type; None for types the read model ignores.

        A read model dispatching with ``singledispatchmethod`` is asked once per type of
        fact, not once per fact; with ``passes_over_other_facts`` the facts it has no
        method for are not applied at all.
        """
        return handlers_of(self, self.passes_over_other_facts)

    def apply(self, domain_event: Any, position: int, unit: Unit) -> None:
        """Change the rows a fact touches; each read model dispatches on the fact's type.

        Facts a read model does not show change nothing, but their positions are tracked.
        """


class CatchUp:
    """Brings one read model up to the registry's latest fact, batch by batch."""

    def __init__(self, app: Application[Any], projection: ReadModel, batch_size: int = 500):
        self.app = app
        self.projection = projection
        self.batch_size = batch_size

    @property
    def position(self) -> int:
        """The last position of the registry's history the read model reflects."""
        return cast(RowView, self.projection.view).max_tracking_id(self.app.name) or 0

    def run(self, max_batches: int | None = None) -> int:
        """Apply the facts not yet applied; returns how many positions were consumed."""
        start, done, batches = self.position, 0, 0
        while max_batches is None or batches < max_batches:
            notifications = self.app.recorder.select_notifications(
                start=start + 1, limit=self.batch_size, inclusive_of_start=True
            )
            if not notifications:
                break
            last = notifications[-1].id
            batches += 1
            with collector_paused():
                facts = [(self.app.mapper.to_domain_event(n), n.id) for n in notifications]
                applied = self.apply_batch(facts, last, start)
            if not applied:
                start = self.moved_on_from(start)
                continue
            done += len(notifications)
            start = last
        return done

    def apply_batch(self, facts: Sequence[tuple[Any, int]], last: int, since: int) -> bool:
        """Apply facts that follow ``since``; False if another process applied them first."""
        try:
            changes = encoded(self.projection.changes_of(facts))
        except Exception:
            # Rows read while another process wrote newer ones may not fit these facts;
            # if the read model moved on meanwhile, that is the reason, not these facts.
            if self.position != since:
                return False
            raise
        return self.write(changes, last, since)

    def write(self, changes: Encoded, last: int, since: int) -> bool:
        """Write a batch's rows that follow ``since``, with ``last`` as the read model's
        position; False if another process applied those facts first."""
        try:
            view = cast(RowView, self.projection.view)
            view.write(changes, Tracking(self.app.name, last), since)
        except IntegrityError:
            return False
        except Exception:
            # Rows read while another process wrote newer ones may not fit these facts;
            # if the read model moved on meanwhile, that is the reason, not these facts.
            if self.position != since:
                return False
            raise
        return True

    def moved_on_from(self, since: int) -> int:
        """Where the read model stands after another process applied a batch (rolled back here)."""
        now = self.position
        if now == since:
            raise RuntimeError(f"The read model refused facts after position {since}.")
        return now


def catch_up_together(
    app: Application[Any],
    runners: Sequence[CatchUp],
    batch_size: int = 500,
    on_batch: OnBatch | None = None,
    limit: int | None = None,
) -> dict[int, int]:
    """Bring several read models up to date reading and decoding each fact only once.

    Each read model gets only the facts past its own position, and every one of them
    tracks the batch's last position, so they stay exact whatever each had reached.
    Another process (a second `mlw serve`, a worker) may apply a batch first: this one's
    is then rolled back and the read model goes on from where the other left it.
    Returns, per runner (by index), how many positions it consumed; ``on_batch`` hears
    of every batch a read model applied. With ``limit``, it stops after reading about
    that many facts (a batch more at the most).

    Over a long history the work is pipelined (`Pipeline`): while a full batch's rows
    are written, the next batch is read and applied.
    """
    positions = [r.position for r in runners]
    read = 0
    with Pipeline(app, runners, positions, on_batch) as pipeline:
        while runners:
            more = limit is None or read < limit
            notifications = pipeline.read(min(positions) + 1, batch_size) if more else []
            if not notifications:
                if pipeline.landed_all():
                    break
                continue  # a write was refused: go on from where the other process left it
            read += len(notifications)
            with collector_paused():
                pipeline.apply(notifications, whole=len(notifications) == batch_size)
    return pipeline.done


@dataclass
class Flight:
    """A batch of one read model being written while the next one is applied."""

    write: Future[tuple[bool, float]]
    changes: Mapping[Key, Change]
    facts: int
    since: int
    last: int
    applying: float


class Pipeline:
    """Reads, applies and writes batches for several read models, overlapping the stores.

    Each read model writes its batches in order on a thread of its own, one batch in
    flight at a time: while batch N is written, batch N+1 is applied over N's rows (the
    rows it changed are read from memory, not from the store), and the batch after next
    is read ahead. Every batch is still written with its position in one transaction,
    each only after the one before it landed; if another process got one first, the
    batch applied over it is dropped and the read model goes on from the other's position.
    The store's work happens outside the interpreter's lock (SQLite's engine, PostgreSQL's
    server), so on two cores it overlaps with decoding and applying the facts.
    """

    def __init__(
        self,
        app: Application[Any],
        runners: Sequence[CatchUp],
        positions: list[int],
        on_batch: OnBatch | None,
    ) -> None:
        self.app = app
        self.runners = runners
        self.positions = positions
        self.on_batch = on_batch
        self.done = dict.fromkeys(range(len(runners)), 0)
        self.flights: dict[int, Flight] = {}
        self.writers: dict[int, ThreadPoolExecutor] = {}
        self.reader: ThreadPoolExecutor | None = None
        self.ahead: tuple[int, int, Future[Sequence[Any]]] | None = None

    def read(self, start: int, batch_size: int) -> Sequence[Any]:
        """The notifications from ``start`` on, read ahead if this batch was expected;
        the batch after a whole one is then read ahead in turn."""
        ahead, self.ahead = self.ahead, None
        if ahead is not None and ahead[:2] == (start, batch_size):
            notifications = ahead[2].result()
        else:
            notifications = self.select(start, batch_size)
        if len(notifications) == batch_size:
            self.reader = self.reader or ThreadPoolExecutor(1, "read-ahead")
            after = notifications[-1].id + 1
            self.ahead = (after, batch_size, self.reader.submit(self.select, after, batch_size))
        return notifications

    def select(self, start: int, batch_size: int) -> Sequence[Any]:
        return self.app.recorder.select_notifications(
            start=start, limit=batch_size, inclusive_of_start=True
        )

    def apply(self, notifications: Sequence[Any], whole: bool) -> None:
        """Decode a batch once and apply it to every read model behind it; a whole batch's
        rows are written on the read model's thread, the last one's here."""
        to_event = self.app.mapper.to_domain_event
        facts = [(to_event(n), n.id) for n in notifications]
        last = notifications[-1].id
        for i, runner in enumerate(self.runners):
            since = self.positions[i]
            if last <= since:
                continue
            mine = [f for f in facts if f[1] > since] if facts[0][1] <= since else facts
            t0 = time.perf_counter()
            flight = self.flights.get(i)
            try:
                changes = runner.projection.changes_of(mine, flight.changes if flight else None)
            except Exception:
                # Rows another process changed meanwhile may not fit these facts: if the
                # read model moved on, that is the reason (as in `CatchUp.apply_batch`).
                if flight is not None and not self.landed(i):
                    continue
                if runner.position == since:
                    raise
                self.positions[i] = runner.moved_on_from(since)
                continue
            rows = encoded(changes)
            applying = time.perf_counter() - t0
            if flight is not None and not self.landed(i):
                continue  # applied over a batch another process got first: dropped
            self.positions[i] = last
            if whole:
                writer = self.writers.get(i) or ThreadPoolExecutor(1, f"write-{i}")
                self.writers[i] = writer
                write = writer.submit(timed, runner.write, rows, last, since)
                self.flights[i] = Flight(write, changes, len(mine), since, last, applying)
            else:
                wrote, writing = timed(runner.write, rows, last, since)
                self.settle(i, wrote, len(mine), since, last, applying + writing)

    def landed(self, i: int) -> bool:
        """Wait for read model ``i``'s batch in flight; False if another process got it first
        (the read model then goes on from that process's position)."""
        flight = self.flights.pop(i)
        wrote, writing = flight.write.result()
        f = flight
        return self.settle(i, wrote, f.facts, f.since, f.last, f.applying + writing)

    def settle(self, i: int, wrote: bool, facts: int, since: int, last: int, took: float) -> bool:
        runner = self.runners[i]
        if not wrote:
            self.positions[i] = runner.moved_on_from(since)
            return False
        if self.on_batch is not None:
            self.on_batch(Batch(runner.projection.name, facts, since + 1, last, took))
        self.done[i] += facts
        return True

    def landed_all(self) -> bool:
        """Wait for every batch in flight; False if any was refused."""
        return all([self.landed(i) for i in list(self.flights)])

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        # Nothing is left running: batches in flight land (or fail) before this returns.
        for executor in [*self.writers.values(), *([self.reader] if self.reader else [])]:
            executor.shutdown(wait=True)


def timed(write: Callable[[Encoded, int, int], bool], *args: Any) -> tuple[bool, float]:
    t0 = time.perf_counter()
    wrote = write(*args)
    return wrote, time.perf_counter() - t0


def close_view(view: Any) -> None:
    """Release the read model's connections (SQLite file or PostgreSQL pool)."""
    datastore = getattr(view, "datastore", None)
    if datastore is not None:
        datastore.close()
