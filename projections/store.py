"""Where a read model keeps its rows: beside its tracking record, written in one transaction.

A read model's rows are JSON documents keyed by (kind, key) and grouped by gmina. A batch
of rows and the position of the last fact it reflects are written together, so a
restarted read model never loses or counts twice a fact of the registry's history.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any, Protocol
from uuid import UUID

from eventsourcing.persistence import (
    InfrastructureFactory,
    IntegrityError,
    Tracking,
    TrackingRecorder,
)
from eventsourcing.popo import POPOTrackingRecorder
from eventsourcing.postgres import PostgresTrackingRecorder
from eventsourcing.sqlite import SQLiteTrackingRecorder
from eventsourcing.utils import Environment
from psycopg.sql import SQL, Identifier

from registry.settings import Settings
from registry.views import plain

Key = tuple[str, str]
Row = dict[str, Any]
# A pending change: (gmina id, position, body), or None to delete the row.
Change = tuple[str, int, Row] | None
# One row by (kind, key), None if there is none.
Lookup = Callable[[str, str], Row | None]


# The common types by exact class first: most values a fact carries are ids and dates.
_SHAPE_BY_TYPE: dict[type, Any] = {
    UUID: str,
    date: date.isoformat,
    datetime: datetime.isoformat,
    time: time.isoformat,
    Decimal: str,
}


def shaped(value: Any) -> Any:
    """One value JSON cannot say by itself, as `registry.views.plain` says it."""
    shape = _SHAPE_BY_TYPE.get(type(value))
    if shape is not None:
        return shape(value)
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, UUID | Decimal):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not a value a read model keeps")


_ENCODER = json.JSONEncoder(default=shaped, ensure_ascii=False, separators=(",", ":"))


def encode(body: Row) -> str:
    """A row's body as JSON text, its dates, ids and enums shaped once, as it is written.

    JSON's own encoder walks the body; only values it cannot say call `shaped`. Keys
    that are not text (ids as keys) are left to `plain`, which the result always equals.
    """
    try:
        return _ENCODER.encode(body)
    except TypeError:
        return _ENCODER.encode(plain(body))


@dataclasses.dataclass(frozen=True)
class Encoded:
    """A batch's changes as they are written: rows with their bodies in JSON, and deletions."""

    rows: list[tuple[str, str, str, int, str]]  # kind, key, gmina id, position, body
    deletes: list[Key]


def encoded(changes: Mapping[Key, Change]) -> Encoded:
    """The changes with every body in JSON text: after this, the bodies may change freely."""
    rows, deletes = [], []
    for (kind, key), change in changes.items():
        if change is None:
            deletes.append((kind, key))
        else:
            rows.append((kind, key, change[0], change[1], encode(change[2])))
    return Encoded(rows, deletes)


class ViewMovedOnError(IntegrityError):
    """Raised when another process applied facts to a read model while this one was at it."""


def check_position(found: int | None, since: int | None, tracking: Tracking) -> None:
    """Refuse a batch whose starting point another process has moved past meanwhile.

    Checked inside the write transaction, with the read model's write lock held, so two
    processes catching up at once never both apply the same facts (nor overwrite newer
    rows with rows read before the other's batch).
    """
    if since is not None and (found or 0) != since:
        raise ViewMovedOnError(
            f"The read model moved on to position {found} while facts after {since} "
            f"up to {tracking.notification_id} were being applied here."
        )


class RowView(Protocol):
    """What projections and queries need of a read model's store."""

    def get(self, kind: str, key: str) -> Row | None: ...

    def reading(self) -> AbstractContextManager[Lookup]:
        """Rows read one by one over one connection, while a batch is applied."""
        ...

    def rows(self, kind: str, gmina_id: str | None = None) -> list[Row]: ...

    def write(
        self, changes: Mapping[Key, Change] | Encoded, tracking: Tracking, since: int | None = None
    ) -> None: ...

    def max_tracking_id(self, application_name: str) -> int | None: ...


class MemoryRowView(POPOTrackingRecorder):
    """Rows in memory (for the memory store): rebuilt from zero in every process."""

    def __init__(self) -> None:
        super().__init__()
        self.table: dict[Key, tuple[str, int, Row]] = {}

    def get(self, kind: str, key: str) -> Row | None:
        with self._database_lock:
            found = self.table.get((kind, key))
            return json.loads(json.dumps(found[2])) if found else None

    @contextmanager
    def reading(self) -> Iterator[Lookup]:
        yield self.get

    def rows(self, kind: str, gmina_id: str | None = None) -> list[Row]:
        with self._database_lock:
            found = [
                (pos, body)
                for (k, _), (gid, pos, body) in self.table.items()
                if k == kind and (gmina_id is None or gid == gmina_id)
            ]
        return [json.loads(json.dumps(body)) for _, body in sorted(found, key=lambda r: r[0])]

    def write(
        self, changes: Mapping[Key, Change] | Encoded, tracking: Tracking, since: int | None = None
    ) -> None:
        """Write a batch's rows (changes, or changes already encoded) and its position."""
        changes = changes if isinstance(changes, Encoded) else encoded(changes)
        with self._database_lock:
            check_position(self._max_tracking_ids.get(tracking.application_name), since, tracking)
            self._assert_tracking_uniqueness(tracking)
            for kind, key, gid, pos, body in changes.rows:
                self.table[(kind, key)] = (gid, pos, json.loads(body))
            for gone in changes.deletes:
                self.table.pop(gone, None)
            self._insert_tracking(tracking)


CACHE_KIB = 8_192  # a read model's SQLite page cache while it writes


class SQLiteRowView(SQLiteTrackingRecorder):
    """Rows in the read model's own SQLite file (table names are not prefixed there).

    Rows are appended in the order they are written (the table's own rowid), so a batch
    adds to the table's last pages instead of splitting pages all over a tree keyed by
    ids; the bodies stay out of the two small indexes (by key, and by gmina in order).
    Files made before keep their layout (the same columns, keyed the same way).
    A batch's commit waits for the disk only at checkpoints (WAL with synchronous
    NORMAL): a power cut may lose the last batches, never half of one, and the read
    model then applies those facts again from the position it kept.
    """

    def construct_create_table_statements(self) -> list[str]:
        return [
            *super().construct_create_table_statements(),
            "CREATE TABLE IF NOT EXISTS read_rows (kind TEXT NOT NULL, key TEXT NOT NULL, "
            "gmina_id TEXT NOT NULL, position INTEGER NOT NULL, body TEXT NOT NULL)",
            "CREATE UNIQUE INDEX IF NOT EXISTS read_rows_by_key ON read_rows (kind, key)",
            "CREATE INDEX IF NOT EXISTS read_rows_by_gmina ON read_rows (kind, gmina_id, position)",
        ]

    def get(self, kind: str, key: str) -> Row | None:
        with self.datastore.transaction(commit=False) as c:
            c.execute("SELECT body FROM read_rows WHERE kind=? AND key=?", (kind, key))
            found = c.fetchone()
        return json.loads(found[0]) if found else None

    @contextmanager
    def reading(self) -> Iterator[Lookup]:
        with self.datastore.transaction(commit=False) as c:

            def lookup(kind: str, key: str) -> Row | None:
                c.execute("SELECT body FROM read_rows WHERE kind=? AND key=?", (kind, key))
                found = c.fetchone()
                return json.loads(found[0]) if found else None

            yield lookup

    def rows(self, kind: str, gmina_id: str | None = None) -> list[Row]:
        sql = "SELECT body FROM read_rows WHERE kind=?"
        params: list[str] = [kind]
        if gmina_id is not None:
            sql += " AND gmina_id=?"
            params.append(gmina_id)
        with self.datastore.transaction(commit=False) as c:
            c.execute(sql + " ORDER BY position, key", params)
            return [json.loads(r[0]) for r in c.fetchall()]

    def write(
        self, changes: Mapping[Key, Change] | Encoded, tracking: Tracking, since: int | None = None
    ) -> None:
        """Write a batch's rows (changes, or changes already encoded) and its position."""
        changes = changes if isinstance(changes, Encoded) else encoded(changes)
        with self.datastore.get_connection(commit=True) as conn:
            # Set outside the transaction (SQLite refuses it inside); cheap to repeat.
            # A larger page cache keeps the indexes' hot pages as the tables grow.
            with conn.cursor() as pragma:
                pragma.execute("PRAGMA synchronous=NORMAL")
                pragma.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
            with conn.transaction(commit=True) as c:
                # A write first takes the file's write lock, so the position read next is
                # the latest one and stays so until this transaction ends.
                c.execute("UPDATE read_rows SET position = position WHERE 0")
                found = self._max_tracking_id(tracking.application_name, c)
                check_position(found, since, tracking)
                c.executemany(
                    "INSERT OR REPLACE INTO read_rows (kind, key, gmina_id, position, body) "
                    "VALUES (?,?,?,?,?)",
                    changes.rows,
                )
                c.executemany("DELETE FROM read_rows WHERE kind=? AND key=?", changes.deletes)
                self._insert_tracking(c, tracking)


class PostgresRowView(PostgresTrackingRecorder):
    """Rows in a PostgreSQL table named after the read model, beside its tracking table."""

    def __init__(self, datastore: Any, *, tracking_table_name: str, **kwargs: Any) -> None:
        super().__init__(datastore, tracking_table_name=tracking_table_name, **kwargs)
        self.rows_table = Identifier(tracking_table_name.removesuffix("_tracking") + "_rows")
        self.schema = Identifier(self.datastore.schema)
        self.sql_create_statements.append(
            SQL(
                "CREATE TABLE IF NOT EXISTS {0}.{1} (kind text, key text, gmina_id text, "
                "position bigint, body jsonb, PRIMARY KEY (kind, key))"
            ).format(self.schema, self.rows_table)
        )
        # Rows are read by gmina in order: without this index every read scans the table.
        self.sql_create_statements.append(
            SQL("CREATE INDEX IF NOT EXISTS {0} ON {1}.{2} (kind, gmina_id, position)").format(
                Identifier(tracking_table_name.removesuffix("_tracking") + "_by_gmina"),
                self.schema,
                self.rows_table,
            )
        )

    def get(self, kind: str, key: str) -> Row | None:
        sql = SQL("SELECT body FROM {0}.{1} WHERE kind=%s AND key=%s")
        with self.datastore.transaction(commit=False) as c:
            c.execute(sql.format(self.schema, self.rows_table), (kind, key))
            found = c.fetchone()
        return dict(found["body"]) if found else None

    @contextmanager
    def reading(self) -> Iterator[Lookup]:
        # No transaction: one round trip per row on a connection kept for the batch.
        sql = SQL("SELECT body FROM {0}.{1} WHERE kind=%s AND key=%s").format(
            self.schema, self.rows_table
        )
        with self.datastore.get_connection() as conn, conn.cursor() as c:

            def lookup(kind: str, key: str) -> Row | None:
                c.execute(sql, (kind, key))
                found = c.fetchone()
                return dict(found["body"]) if found else None

            yield lookup

    def rows(self, kind: str, gmina_id: str | None = None) -> list[Row]:
        where, params = "kind=%s", [kind]
        if gmina_id is not None:
            where, params = "kind=%s AND gmina_id=%s", [kind, gmina_id]
        sql = SQL("SELECT body FROM {0}.{1} WHERE " + where + " ORDER BY position, key")
        with self.datastore.transaction(commit=False) as c:
            c.execute(sql.format(self.schema, self.rows_table), params)
            return [dict(r["body"]) for r in c.fetchall()]

    def write(
        self, changes: Mapping[Key, Change] | Encoded, tracking: Tracking, since: int | None = None
    ) -> None:
        """Write a batch's rows (changes, or changes already encoded) and its position."""
        changes = changes if isinstance(changes, Encoded) else encoded(changes)
        # The batch is copied into a temporary table (COPY: one stream, no statement per
        # row), then merged into the rows in one statement; a batch's keys are distinct.
        incoming = SQL(
            "CREATE TEMPORARY TABLE IF NOT EXISTS incoming_rows (kind text, key text, "
            "gmina_id text, position bigint, body jsonb) ON COMMIT DELETE ROWS"
        )
        merge = SQL(
            "INSERT INTO {0}.{1} SELECT * FROM incoming_rows ON CONFLICT (kind, key) DO UPDATE "
            "SET gmina_id=EXCLUDED.gmina_id, position=EXCLUDED.position, body=EXCLUDED.body"
        ).format(self.schema, self.rows_table)
        delete = SQL("DELETE FROM {0}.{1} WHERE kind=%s AND key=%s").format(
            self.schema, self.rows_table
        )
        with self.datastore.transaction(commit=True) as c:
            # One writer per read model at a time (released when the transaction ends).
            lock = f"{self.datastore.schema}.{self.tracking_table_name}"
            c.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (lock,))
            check_position(self._max_tracking_id(tracking.application_name, c), since, tracking)
            if changes.rows:
                c.execute(incoming)
                with c.copy("COPY incoming_rows FROM STDIN") as copy:
                    for row in changes.rows:
                        copy.write_row(row)
                c.execute(merge)
            if changes.deletes:
                c.executemany(delete, changes.deletes)
            self._insert_tracking(c, tracking)


def open_view(name: str, settings: Settings) -> TrackingRecorder:
    """The store of the read model ``name``: its own SQLite file, or its own tables."""
    env = settings.eventsourcing_env()
    env.pop("SQLITE_DBNAME", None)
    if settings.store == "memory":
        return MemoryRowView()
    if settings.store == "sqlite":
        env["SQLITE_DBNAME"] = f"{settings.sqlite_path}.{name}.sqlite"
        factory = InfrastructureFactory.construct(Environment(name, env))
        return factory.tracking_recorder(SQLiteRowView)
    factory = InfrastructureFactory.construct(Environment(name, env))
    return factory.tracking_recorder(PostgresRowView)
