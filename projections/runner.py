"""Keeping a read model up to date: read the registry's facts in order, apply, track.

Every position is tracked, facts the read model ignores included, so a read model knows
exactly where it stopped and resumes there; rebuilt from zero it gives the same rows.
SQLite recorders cannot be subscribed to, so one catch-up loop serves every store.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

from eventsourcing.application import Application
from eventsourcing.persistence import IntegrityError, Tracking
from eventsourcing.projection import Projection

from projections.store import Change, Key, Lookup, Row, RowView


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
    (its values shaped for JSON only when written).
    """

    def __init__(self, view: RowView, lookup: Lookup | None = None) -> None:
        self.lookup = lookup or view.get
        self.changes: dict[Key, Change] = {}
        self.read: dict[Key, Row | None] = {}

    def get(self, kind: str, key: str) -> Row | None:
        if (kind, key) in self.changes:
            change = self.changes[(kind, key)]
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
        view = cast(RowView, self.view)
        handler_of = self.handlers()
        with view.reading() as lookup:
            unit = Unit(view, lookup)
            for domain_event, position in facts:
                handler = handler_of(type(domain_event))
                if handler is not None:
                    handler(domain_event, position, unit)
        view.write(unit.changes, tracking, since)

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
            self.projection.process_batch(facts, Tracking(self.app.name, last), since)
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
    """
    positions = [r.position for r in runners]
    done = dict.fromkeys(range(len(runners)), 0)
    read = 0
    while runners and (limit is None or read < limit):
        start = min(positions)
        notifications = app.recorder.select_notifications(
            start=start + 1, limit=batch_size, inclusive_of_start=True
        )
        if not notifications:
            break
        read += len(notifications)
        with collector_paused():
            apply_to_each(runners, positions, start, notifications, app, done, on_batch)
    return done


def apply_to_each(
    runners: Sequence[CatchUp],
    positions: list[int],
    start: int,
    notifications: Sequence[Any],
    app: Application[Any],
    done: dict[int, int],
    on_batch: OnBatch | None,
) -> None:
    """Decode one batch of notifications once and apply it to every read model behind it."""
    to_event = app.mapper.to_domain_event
    facts = [(to_event(n), n.id) for n in notifications]
    last = notifications[-1].id
    for i, runner in enumerate(runners):
        if last <= positions[i]:
            continue
        mine = [f for f in facts if f[1] > positions[i]] if start < positions[i] else facts
        t0 = time.perf_counter()
        if not runner.apply_batch(mine, last, positions[i]):
            positions[i] = runner.moved_on_from(positions[i])
            continue
        if on_batch is not None:
            took = time.perf_counter() - t0
            on_batch(Batch(runner.projection.name, len(mine), positions[i] + 1, last, took))
        done[i] += len(mine)
        positions[i] = last


def close_view(view: Any) -> None:
    """Release the read model's connections (SQLite file or PostgreSQL pool)."""
    datastore = getattr(view, "datastore", None)
    if datastore is not None:
        datastore.close()
