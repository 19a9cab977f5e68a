"""Recorders that write a command's other rows in the transaction of its facts.

A command that names a new person records, besides its facts, the person's key and their
row in the gmina's people index; a fact that falls due for a snapshot brings the snapshot.
Written in one transaction with the facts, they are recorded together or not at all, and
cost one commit instead of one each. The library's process recorders write their tracking
record the same way (``_insert_events`` with the events' cursor).

``Registry.save`` passes the writes as ``alongside``: callables given the cursor of the
events' transaction. The in-memory store has no transactions: there they are carried out
right after the facts (``write_after``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from eventsourcing.persistence import AggregateRecorder, StoredEvent
from eventsourcing.postgres import PostgresAggregateRecorder, PostgresApplicationRecorder
from eventsourcing.sqlite import SQLiteAggregateRecorder, SQLiteApplicationRecorder, SQLiteCursor

# Writes rows with the cursor of the events' transaction (None in memory).
Alongside = Callable[[Any], None]
ALONGSIDE = "alongside"
SQLITE_RECORDER = "registry.recorders:SQLiteRegistryRecorder"
POSTGRES_RECORDER = "registry.recorders:PostgresRegistryRecorder"


class SQLiteRegistryRecorder(SQLiteApplicationRecorder):
    """The SQLite application recorder, writing ``alongside`` rows after the facts."""

    def _insert_events(
        self, c: SQLiteCursor, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> Sequence[int] | None:
        notification_ids = super()._insert_events(c, stored_events, **kwargs)
        for write in kwargs.get(ALONGSIDE, ()):
            write(c)
        return notification_ids


class PostgresRegistryRecorder(PostgresApplicationRecorder):
    """The PostgreSQL application recorder, writing ``alongside`` rows in the facts'
    transaction (before the facts, as the library writes tracking records: the events
    table's lock is taken last and held shortest)."""

    def _insert_events(
        self, curs: Any, stored_events: Sequence[StoredEvent], **kwargs: Any
    ) -> None:
        super()._insert_events(curs, stored_events, **kwargs)
        for write in kwargs.get(ALONGSIDE, ()):
            write(curs)


def writes_alongside(recorder: object) -> bool:
    """Whether this recorder writes ``alongside`` rows in the facts' transaction."""
    return isinstance(recorder, SQLiteRegistryRecorder | PostgresRegistryRecorder)


def snapshots_writer(recorder: AggregateRecorder, snapshots: list[StoredEvent]) -> Alongside:
    """Writes snapshots into the snapshot table with the events' cursor (or on their own
    in memory)."""

    def write(cursor: Any) -> None:
        if isinstance(recorder, SQLiteAggregateRecorder):
            recorder._insert_events(cursor, snapshots)
        elif isinstance(recorder, PostgresAggregateRecorder):
            recorder._insert_stored_events(cursor, snapshots)
        else:
            recorder.insert_events(snapshots)

    return write


def write_after(writes: Sequence[Alongside]) -> None:
    """Carry out the writes on their own (the in-memory store, after its facts)."""
    for write in writes:
        write(None)
