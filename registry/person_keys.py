"""Where persons' keys live, apart from the event log, so that erasing a person can destroy
the key: in the process beside the in-memory store, or in a table beside the events.

The keys are written in the same transaction as the facts that first name their persons
(``KeyRows``), with the people index a gmina's erasure reads.
"""

from __future__ import annotations

import base64
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol
from uuid import UUID


@dataclass
class KeyRows:
    """New persons' keys and people-index rows that wait to be written with the facts
    that name them (one transaction), so no refused command leaves a person behind."""

    keys: dict[UUID, bytes] = field(default_factory=dict)
    # person id -> (gmina id, the name sealed under the person's key)
    index: dict[UUID, tuple[UUID, str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.keys or self.index)


class KeyStore(Protocol):
    """Where persons' keys live, apart from the event log, so they can be destroyed."""

    def create(self, person_id: UUID, key: bytes) -> None: ...
    def get(self, person_id: UUID) -> bytes | None: ...
    def get_many(self, person_ids: set[UUID]) -> dict[UUID, bytes]: ...
    def erased_at(self, person_id: UUID) -> datetime | None: ...
    def erase(self, person_id: UUID, at: datetime) -> bool: ...
    def persons(self) -> list[UUID]: ...
    def erasures(self) -> int: ...
    def index(self, person_id: UUID, gmina_id: UUID, label: str) -> None: ...
    def indexed(self, gmina_id: UUID) -> list[tuple[UUID, str]]: ...
    def indexed_keys(self, gmina_id: UUID) -> list[tuple[UUID, str, bytes]]: ...
    def redact(self, gmina_id: UUID, digests: list[str]) -> None: ...
    def redacted(self, gmina_id: UUID) -> set[str]: ...
    def erased(self) -> list[tuple[UUID, datetime]]: ...
    def restore(self, person_id: UUID, key: bytes | None, erased_at: datetime | None) -> None: ...
    def write(self, rows: KeyRows) -> None: ...
    def writer(self, rows: KeyRows) -> Callable[[Any], None]: ...


class MemoryKeyStore:
    """Keys kept in the process (the in-memory store's companion)."""

    def __init__(self) -> None:
        self._keys: dict[UUID, bytes | None] = {}
        self._erased: dict[UUID, datetime] = {}
        self._index: dict[UUID, tuple[UUID, str]] = {}
        self._redacted: dict[UUID, set[str]] = {}
        self._lock = threading.Lock()

    def create(self, person_id: UUID, key: bytes) -> None:
        self.write(KeyRows(keys={person_id: key}))

    def write(self, rows: KeyRows) -> None:
        """New keys first, then index rows of persons who have a key (not erased)."""
        with self._lock:
            for person_id, key in rows.keys.items():
                self._keys.setdefault(person_id, key)
            for person_id, entry in rows.index.items():
                if self._keys.get(person_id) is not None:
                    self._index[person_id] = entry

    def writer(self, rows: KeyRows) -> Callable[[Any], None]:
        return lambda _: self.write(rows)

    def get(self, person_id: UUID) -> bytes | None:
        return self._keys.get(person_id)

    def get_many(self, person_ids: set[UUID]) -> dict[UUID, bytes]:
        return {p: k for p in person_ids if (k := self._keys.get(p)) is not None}

    def erased_at(self, person_id: UUID) -> datetime | None:
        return self._erased.get(person_id)

    def erase(self, person_id: UUID, at: datetime) -> bool:
        with self._lock:
            if self._keys.get(person_id) is None:
                return False
            self._keys[person_id] = None
            self._erased[person_id] = at
            self._index.pop(person_id, None)
            return True

    def persons(self) -> list[UUID]:
        return [p for p, k in self._keys.items() if k is not None]

    def erasures(self) -> int:
        return len(self._erased)

    def index(self, person_id: UUID, gmina_id: UUID, label: str) -> None:
        self.write(KeyRows(index={person_id: (gmina_id, label)}))

    def indexed(self, gmina_id: UUID) -> list[tuple[UUID, str]]:
        return [(p, label) for p, (g, label) in list(self._index.items()) if g == gmina_id]

    def indexed_keys(self, gmina_id: UUID) -> list[tuple[UUID, str, bytes]]:
        return [(p, label, k) for p, label in self.indexed(gmina_id) if (k := self._keys.get(p))]

    def redact(self, gmina_id: UUID, digests: list[str]) -> None:
        with self._lock:
            self._redacted.setdefault(gmina_id, set()).update(digests)

    def redacted(self, gmina_id: UUID) -> set[str]:
        return set(self._redacted.get(gmina_id, set()))

    def erased(self) -> list[tuple[UUID, datetime]]:
        return list(self._erased.items())

    def restore(self, person_id: UUID, key: bytes | None, erased_at: datetime | None) -> None:
        with self._lock:
            if erased_at is not None or person_id in self._erased:
                self._keys[person_id] = None
                self._erased.setdefault(person_id, erased_at or datetime.now(UTC))
                self._index.pop(person_id, None)
            elif key is not None:
                self._keys.setdefault(person_id, key)


class SQLKeyStore:
    """Keys kept in a table beside the events (SQLite or PostgreSQL), one row a person."""

    def __init__(
        self, datastore: Any, table: str, placeholder: str, *, sqlite: bool = False
    ) -> None:
        self.datastore = datastore
        self.table = table
        self.index_table = f"{table}_index"
        self.redacted_table = f"{table}_redacted"
        self.p = placeholder
        self.sqlite = sqlite
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                f"CREATE TABLE IF NOT EXISTS {table} ("
                "person_id TEXT PRIMARY KEY, person_key TEXT, erased_at TEXT)"
            )
            # The gmina's people: one row a person, the name sealed under the person's key
            # (so the same name typed again finds the same person, and erasure ends it).
            curs.execute(
                f"CREATE TABLE IF NOT EXISTS {self.index_table} ("
                "person_id TEXT PRIMARY KEY, gmina_id TEXT NOT NULL, label TEXT NOT NULL)"
            )
            # Digests of free-text values that named an erased person (no text, no names).
            curs.execute(
                f"CREATE TABLE IF NOT EXISTS {self.redacted_table} ("
                "gmina_id TEXT NOT NULL, digest TEXT NOT NULL, PRIMARY KEY (gmina_id, digest))"
            )

    @staticmethod
    def _cell(row: Any, name: str, i: int) -> Any:
        return row[name] if isinstance(row, dict) else row[i]

    def create(self, person_id: UUID, key: bytes) -> None:
        self.write(KeyRows(keys={person_id: key}))

    def write(self, rows: KeyRows) -> None:
        with self.datastore.transaction(commit=True) as curs:
            self.write_with(curs, rows)

    def writer(self, rows: KeyRows) -> Callable[[Any], None]:
        return lambda curs: self.write_with(curs, rows)

    def write_with(self, curs: Any, rows: KeyRows) -> None:
        """Insert new keys, then index rows of persons who have a key (not erased), with
        the cursor of a transaction already open (the facts' own, see registry/recorders.py)."""
        if rows.keys:
            curs.executemany(
                f"INSERT INTO {self.table} (person_id, person_key) VALUES ({self.p}, {self.p}) "
                "ON CONFLICT (person_id) DO NOTHING",
                [(str(p), base64.b64encode(k).decode()) for p, k in rows.keys.items()],
            )
        if rows.index:
            curs.executemany(
                f"INSERT INTO {self.index_table} (person_id, gmina_id, label) "
                f"SELECT {self.p}, {self.p}, {self.p} WHERE EXISTS (SELECT 1 FROM {self.table} "
                f"WHERE person_id = {self.p} AND person_key IS NOT NULL) "
                "ON CONFLICT (person_id) DO UPDATE SET label = excluded.label",
                [(str(p), str(g), label, str(p)) for p, (g, label) in rows.index.items()],
            )

    def _row(self, person_id: UUID) -> tuple[str | None, str | None] | None:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                f"SELECT person_key, erased_at FROM {self.table} WHERE person_id = {self.p}",
                (str(person_id),),
            )
            row = curs.fetchone()
        if row is None:
            return None
        if isinstance(row, dict):
            return row["person_key"], row["erased_at"]
        return row[0], row[1]

    def get(self, person_id: UUID) -> bytes | None:
        row = self._row(person_id)
        return base64.b64decode(row[0]) if row and row[0] else None

    def get_many(self, person_ids: set[UUID]) -> dict[UUID, bytes]:
        """The keys of these persons not erased, in one query per few hundred persons."""
        found: dict[UUID, bytes] = {}
        wanted = sorted(str(p) for p in person_ids)
        for start in range(0, len(wanted), 500):  # under SQLite's limit of parameters
            chunk = wanted[start : start + 500]
            marks = ", ".join([self.p] * len(chunk))
            with self.datastore.transaction(commit=False) as curs:
                curs.execute(
                    f"SELECT person_id, person_key FROM {self.table} "
                    f"WHERE person_id IN ({marks}) AND person_key IS NOT NULL",
                    chunk,
                )
                rows = curs.fetchall()
            for row in rows:
                key = self._cell(row, "person_key", 1)
                found[UUID(self._cell(row, "person_id", 0))] = base64.b64decode(key)
        return found

    def erased_at(self, person_id: UUID) -> datetime | None:
        row = self._row(person_id)
        return datetime.fromisoformat(row[1]) if row and row[1] else None

    def erase(self, person_id: UUID, at: datetime) -> bool:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                f"SELECT person_key FROM {self.table} WHERE person_id = {self.p}",
                (str(person_id),),
            )
            row = curs.fetchone()
            key = (row["person_key"] if isinstance(row, dict) else row[0]) if row else None
            if key is None:
                return False
            if self.sqlite:
                # Per connection: the erased key and label are overwritten on disk.
                curs.execute("PRAGMA secure_delete = ON")
            curs.execute(
                f"UPDATE {self.table} SET person_key = NULL, erased_at = {self.p} "
                f"WHERE person_id = {self.p}",
                (at.isoformat(), str(person_id)),
            )
            curs.execute(
                f"DELETE FROM {self.index_table} WHERE person_id = {self.p}", (str(person_id),)
            )
        self.checkpoint()
        return True

    def checkpoint(self) -> None:
        """Fold SQLite's write-ahead log into the file and empty it, so no erased key
        lingers in the log."""
        if not self.sqlite:
            return
        for _ in range(10):
            # Outside a transaction: a checkpoint cannot run inside one.
            with self.datastore.get_connection(commit=True) as conn:
                curs = conn.cursor()
                curs.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                busy = curs.fetchone()[0]
            if not busy:
                return
            # Another process is reading: let it finish, then fold the log again.
            time.sleep(0.05)

    def index(self, person_id: UUID, gmina_id: UUID, label: str) -> None:
        self.write(KeyRows(index={person_id: (gmina_id, label)}))

    def indexed(self, gmina_id: UUID) -> list[tuple[UUID, str]]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                f"SELECT person_id, label FROM {self.index_table} WHERE gmina_id = {self.p}",
                (str(gmina_id),),
            )
            rows = curs.fetchall()
        return [(UUID(self._cell(r, "person_id", 0)), self._cell(r, "label", 1)) for r in rows]

    def indexed_keys(self, gmina_id: UUID) -> list[tuple[UUID, str, bytes]]:
        """The gmina's indexed people with their keys, in one query (not one per person)."""
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                f"SELECT i.person_id, i.label, k.person_key FROM {self.index_table} i "
                f"JOIN {self.table} k ON k.person_id = i.person_id "
                f"WHERE i.gmina_id = {self.p} AND k.person_key IS NOT NULL",
                (str(gmina_id),),
            )
            rows = curs.fetchall()
        return [
            (
                UUID(self._cell(r, "person_id", 0)),
                self._cell(r, "label", 1),
                base64.b64decode(self._cell(r, "person_key", 2)),
            )
            for r in rows
        ]

    def redact(self, gmina_id: UUID, digests: list[str]) -> None:
        with self.datastore.transaction(commit=True) as curs:
            for digest in digests:
                curs.execute(
                    f"INSERT INTO {self.redacted_table} (gmina_id, digest) "
                    f"VALUES ({self.p}, {self.p}) ON CONFLICT DO NOTHING",
                    (str(gmina_id), digest),
                )

    def redacted(self, gmina_id: UUID) -> set[str]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                f"SELECT digest FROM {self.redacted_table} WHERE gmina_id = {self.p}",
                (str(gmina_id),),
            )
            rows = curs.fetchall()
        return {self._cell(r, "digest", 0) for r in rows}

    def erased(self) -> list[tuple[UUID, datetime]]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(
                f"SELECT person_id, erased_at FROM {self.table} WHERE erased_at IS NOT NULL"
            )
            rows = curs.fetchall()
        return [
            (
                UUID(self._cell(r, "person_id", 0)),
                datetime.fromisoformat(self._cell(r, "erased_at", 1)),
            )
            for r in rows
        ]

    def restore(self, person_id: UUID, key: bytes | None, erased_at: datetime | None) -> None:
        """Bring back one person's key from a backup, unless the person was erased."""
        with self.datastore.transaction(commit=True) as curs:
            if erased_at is not None:
                curs.execute(
                    f"INSERT INTO {self.table} (person_id, person_key, erased_at) "
                    f"VALUES ({self.p}, NULL, {self.p}) ON CONFLICT (person_id) DO UPDATE "
                    f"SET person_key = NULL, erased_at = {self.p}",
                    (str(person_id), erased_at.isoformat(), erased_at.isoformat()),
                )
                curs.execute(
                    f"DELETE FROM {self.index_table} WHERE person_id = {self.p}",
                    (str(person_id),),
                )
            elif key is not None:
                curs.execute(
                    f"INSERT INTO {self.table} (person_id, person_key) VALUES ({self.p}, {self.p}) "
                    "ON CONFLICT (person_id) DO NOTHING",
                    (str(person_id), base64.b64encode(key).decode()),
                )

    def erasures(self) -> int:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(f"SELECT COUNT(*) AS n FROM {self.table} WHERE erased_at IS NOT NULL")
            row = curs.fetchone()
        return int(row["n"] if isinstance(row, dict) else row[0])

    def persons(self) -> list[UUID]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(f"SELECT person_id FROM {self.table} WHERE person_key IS NOT NULL")
            rows = curs.fetchall()
        return [UUID(r["person_id"] if isinstance(r, dict) else r[0]) for r in rows]


def key_store_for(factory: Any) -> KeyStore:
    """The key store that lives beside the application's events."""
    datastore: Any = getattr(factory, "datastore", None)
    module = type(factory).__module__
    if module.endswith("sqlite"):
        with datastore.transaction(commit=True) as curs:
            # Erased keys are overwritten on disk, not just unlinked.
            curs.execute("PRAGMA secure_delete = ON")
        return SQLKeyStore(datastore, "person_keys", "?", sqlite=True)
    if module.endswith("postgres"):
        return SQLKeyStore(datastore, f"{datastore.schema}.mlw_person_keys", "%s")
    return MemoryKeyStore()
