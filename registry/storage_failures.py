"""When the store cannot record or read: the reason in a person's words, Polish and English.

A read-only store, a full disk, a lost or timed-out database connection are not the
registry's refusals and not its bugs either: nothing was recorded, and the same request
can succeed later. Every entry point turns them into one sentence and a "try again".
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass

import psycopg
from eventsourcing.persistence import IntegrityError, PersistenceError

# What is only a storage failure (IntegrityError is a race: the callers retry or refuse it).
STORAGE_ERRORS: tuple[type[Exception], ...] = (
    PersistenceError,
    sqlite3.Error,
    psycopg.Error,
    OSError,
)
FULL = (errno.ENOSPC, errno.EDQUOT)


@dataclass(frozen=True)
class StorageFailure:
    """Why the store failed, in English and Polish, and when to try again (seconds)."""

    reason_en: str
    reason_pl: str
    retry_after: int

    def sentence(self, lang: str = "en", writing: bool = True) -> str:
        if lang == "pl":
            what = "zapisywać" if writing else "odczytywać danych"
            return f"Rejestr nie może teraz {what}: {self.reason_pl}. Spróbuj ponownie później."
        what = "record" if writing else "read its records"
        return f"The registry cannot {what} right now: {self.reason_en}. Try again later."


READ_ONLY = StorageFailure(
    "its store is read-only", "magazyn danych jest tylko do odczytu", retry_after=300
)
DISK_FULL = StorageFailure(
    "the disk holding its store is full", "dysk z magazynem danych jest pełny", retry_after=300
)
BUSY = StorageFailure(
    "its store is busy with other writers", "magazyn danych jest zajęty innymi zapisami", 5
)
CONNECTION = StorageFailure(
    "the connection to its database was lost or timed out",
    "połączenie z bazą danych zostało przerwane lub przekroczyło limit czasu",
    retry_after=10,
)
OTHER = StorageFailure(
    "its store refused the operation", "magazyn danych odmówił wykonania operacji", 30
)


def storage_failure(exc: BaseException) -> StorageFailure | None:
    """Why the store failed, or None if ``exc`` is not a storage failure."""
    if isinstance(exc, IntegrityError) or not isinstance(exc, STORAGE_ERRORS):
        return None
    causes: list[BaseException] = [exc]
    while causes[-1].__cause__ is not None and len(causes) < 5:
        causes.append(causes[-1].__cause__)
    if isinstance(exc, OSError) and not isinstance(exc, PersistenceError):
        if exc.errno in FULL:
            return DISK_FULL
        if exc.errno == errno.EROFS:
            return READ_ONLY
        return None
    text = " ".join(str(c) for c in causes).lower()
    if "readonly" in text or "read-only" in text or "read only" in text:
        return READ_ONLY
    if "full" in text or "no space" in text:
        return DISK_FULL
    if "locked" in text or "lock timeout" in text or "lock_timeout" in text:
        return BUSY
    if any(isinstance(c, (psycopg.OperationalError, psycopg.InterfaceError)) for c in causes):
        return CONNECTION
    if any(w in text for w in ("connection", "terminat", "timeout", "timed out", "closed")):
        return CONNECTION
    return OTHER
