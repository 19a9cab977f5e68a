"""The aggregates kept in memory between commands, changed in place one use case at a time.

The repository keeps recently used aggregates in memory. A use case (one call of a
``Registry`` method) works on them directly, without a copy per load, while it holds the
application's lock: from its first load until it returns. If it fails, every aggregate it
loaded is dropped from memory, so a refused or conflicting command leaves nothing
half-changed behind; the next load rebuilds the record from the store.

Other processes may write to the same store. At a use case's first load the notifications
recorded since the last look are read (usually none: one small query) and what they
changed is dropped from memory; a change that slips in later makes the save conflict, and
the conflict drops the records involved, so a retry loads them afresh.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.domain import Aggregate
from eventsourcing.persistence import Recording

from registry.copying import working_copy

T = TypeVar("T")
CATCH_UP_BATCH = 500


class WorkingSet:
    """The application's cached aggregates and the lock a use case holds while using them."""

    def __init__(self, app: Application[UUID]) -> None:
        self.app = app
        self.lock = threading.RLock()
        self.local = threading.local()
        # Every notification up to here is reflected in the aggregates kept in memory.
        self.seen = app.recorder.max_notification_id() or 0

    @property
    def caching(self) -> bool:
        return self.app.repository.cache is not None

    def in_use_case(self) -> bool:
        return getattr(self.local, "loaded", None) is not None

    def run(self, call: Callable[[], T]) -> T:
        """Carry out one use case; what it loaded is dropped again if it fails.

        A live aggregate it returns is handed out as a copy, since the caller uses it
        after the lock is released."""
        state = self.local
        if getattr(state, "loaded", None) is not None:
            return call()  # a use case inside another: the outer one keeps the lock
        loaded: dict[UUID, Aggregate] = {}
        state.loaded, state.locked = loaded, False
        try:
            result = call()
            for aggregate_id, aggregate in loaded.items():
                if aggregate.pending_events:  # changed but never saved: not the record
                    self.forget([aggregate_id])
            if isinstance(result, Aggregate) and loaded.get(result.id) is result:
                result = working_copy(result)
            return result
        except BaseException:
            self.forget(loaded)
            raise
        finally:
            state.loaded = None
            if state.locked:
                self.lock.release()

    def get(self, aggregate_id: UUID) -> Aggregate:
        """The aggregate as recorded; the cached object itself inside a use case."""
        repository = self.app.repository
        if not self.caching:
            return repository.get(aggregate_id)
        state = self.local
        loaded: dict[UUID, Aggregate] | None = getattr(state, "loaded", None)
        if loaded is None:
            with self.lock:
                self.catch_up()
                return working_copy(repository.get(aggregate_id, deepcopy_from_cache=False))
        if not state.locked:
            self.lock.acquire()
            state.locked = True
            self.catch_up()
        aggregate: Aggregate = repository.get(aggregate_id, deepcopy_from_cache=False)
        loaded[aggregate_id] = aggregate
        return aggregate

    def catch_up(self) -> None:
        """Drop from memory whatever other writers changed since the last look."""
        if not self.caching:
            return
        recorder = self.app.recorder
        with self.lock:
            top = recorder.max_notification_id() or 0
            start = self.seen + 1
            while start <= top:
                rows = recorder.select_notifications(start, CATCH_UP_BATCH, stop=top)
                if not rows:
                    break
                self.forget({UUID(str(r.originator_id)) for r in rows})
                start = rows[-1].id + 1
            self.seen = max(self.seen, top)

    def saved(self, recordings: Iterable[Recording[Any]]) -> None:
        """Our own facts, just recorded: the cache holds them already (when they follow on)."""
        ids = sorted(r.notification.id for r in recordings)
        if ids and ids[0] == self.seen + 1 and ids[-1] - ids[0] == len(ids) - 1:
            self.seen = ids[-1]

    def forget(self, aggregate_ids: Iterable[UUID]) -> None:
        """Drop these aggregates from memory; the next load rebuilds them from the store."""
        cache = self.app.repository.cache
        if cache is None:
            return
        for aggregate_id in aggregate_ids:
            with contextlib.suppress(KeyError):
                cache.get(aggregate_id, evict=True)
