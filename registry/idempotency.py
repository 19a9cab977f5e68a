"""Idempotency keys: a request retried with the same key is answered, not recorded again.

Kept in a table beside the events (SQLite or PostgreSQL; a dict in memory), one row per
account and key, with the request's fingerprint and, once answered, the answer. Rows
expire (MLW_IDEMPOTENCY_HOURS, default 24); every process sharing the store sees them.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Answer:
    """The answer first given to a request, to be given again to its retries."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes


@dataclass(frozen=True)
class Seen:
    """A key used before: the request it came with, and its answer (None while in progress)."""

    fingerprint: str
    answer: Answer | None


class IdempotencyStore:
    """Claims a key for a request, records its answer, or tells what the key was used for."""

    def __init__(
        self, datastore: Any, table: str, placeholder: str, blob: str, create: bool = True
    ) -> None:
        self.datastore = datastore
        self.table = table
        self.p = placeholder
        if not create:  # made once by `mlw init-db`: processes starting together would race
            return
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                f"CREATE TABLE IF NOT EXISTS {table} (owner TEXT, key TEXT, fingerprint TEXT, "
                f"status INTEGER, headers TEXT, body {blob}, expires_at DOUBLE PRECISION, "
                "PRIMARY KEY (owner, key))"
            )

    def claim(self, owner: str, key: str, fingerprint: str, ttl: float) -> Seen | None:
        """None if the key is now this request's; otherwise what it was used for."""
        p, now = self.p, time.time()
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(f"DELETE FROM {self.table} WHERE expires_at < {p}", (now,))
            curs.execute(
                f"INSERT INTO {self.table} (owner, key, fingerprint, expires_at) "
                f"VALUES ({p}, {p}, {p}, {p}) ON CONFLICT (owner, key) DO NOTHING RETURNING owner",
                (owner, key, fingerprint, now + ttl),
            )
            if curs.fetchone() is not None:
                return None
            curs.execute(
                f"SELECT fingerprint, status, headers, body FROM {self.table} "
                f"WHERE owner = {p} AND key = {p}",
                (owner, key),
            )
            row = curs.fetchone()
        values = (
            [row[k] for k in ("fingerprint", "status", "headers", "body")]
            if isinstance(row, dict)
            else list(row)
        )
        fp, status, headers, body = values
        if status is None:
            return Seen(fp, None)
        return Seen(fp, Answer(int(status), [tuple(h) for h in json.loads(headers)], bytes(body)))

    def answer(self, owner: str, key: str, answer: Answer) -> None:
        p = self.p
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                f"UPDATE {self.table} SET status = {p}, headers = {p}, body = {p} "
                f"WHERE owner = {p} AND key = {p}",
                (answer.status, json.dumps(answer.headers), answer.body, owner, key),
            )

    def release(self, owner: str, key: str) -> None:
        """Forget a key whose request was not answered (a failure): a retry runs it anew."""
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                f"DELETE FROM {self.table} WHERE owner = {self.p} AND key = {self.p}", (owner, key)
            )


class MemoryIdempotencyStore:
    """Keys in this process only (the memory store)."""

    def __init__(self) -> None:
        self.rows: dict[tuple[str, str], tuple[str, Answer | None, float]] = {}
        self.lock = threading.Lock()

    def claim(self, owner: str, key: str, fingerprint: str, ttl: float) -> Seen | None:
        now = time.time()
        with self.lock:
            found = self.rows.get((owner, key))
            if found is None or found[2] < now:
                self.rows[(owner, key)] = (fingerprint, None, now + ttl)
                return None
            return Seen(found[0], found[1])

    def answer(self, owner: str, key: str, answer: Answer) -> None:
        with self.lock:
            fp, _, expires = self.rows[(owner, key)]
            self.rows[(owner, key)] = (fp, answer, expires)

    def release(self, owner: str, key: str) -> None:
        with self.lock:
            self.rows.pop((owner, key), None)


def idempotency_store_for(
    factory: Any, create: bool = True
) -> IdempotencyStore | MemoryIdempotencyStore:
    """The store of idempotency keys beside the application's events."""
    datastore: Any = getattr(factory, "datastore", None)
    module = type(factory).__module__
    if module.endswith("sqlite"):
        return IdempotencyStore(datastore, "idempotency_keys", "?", "BLOB", create)
    if module.endswith("postgres"):
        return IdempotencyStore(
            datastore, f"{datastore.schema}.mlw_idempotency_keys", "%s", "BYTEA"
        )
    return MemoryIdempotencyStore()
