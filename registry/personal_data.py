"""Personal data of natural persons, sealed with a key of each person's own.

Events keep only ciphertext. Erasing a person destroys the key: every copy of the
person's data in the history becomes unreadable for good, while the facts about
institutions replay unchanged (crypto-shredding).
"""

from __future__ import annotations

import base64
import json
import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol
from uuid import UUID, uuid4

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from domain.errors import NotFoundError, PersonErasedError
from domain.input_rules import check_name
from domain.values import Sealed

ERASED = "[dane usunięte]"


class KeyStore(Protocol):
    """Where persons' keys live, apart from the event log, so they can be destroyed."""

    def create(self, person_id: UUID, key: bytes) -> None: ...
    def get(self, person_id: UUID) -> bytes | None: ...
    def erased_at(self, person_id: UUID) -> datetime | None: ...
    def erase(self, person_id: UUID, at: datetime) -> bool: ...
    def persons(self) -> list[UUID]: ...
    def erasures(self) -> int: ...


class MemoryKeyStore:
    """Keys kept in the process (the in-memory store's companion)."""

    def __init__(self) -> None:
        self._keys: dict[UUID, bytes | None] = {}
        self._erased: dict[UUID, datetime] = {}
        self._lock = threading.Lock()

    def create(self, person_id: UUID, key: bytes) -> None:
        with self._lock:
            self._keys.setdefault(person_id, key)

    def get(self, person_id: UUID) -> bytes | None:
        return self._keys.get(person_id)

    def erased_at(self, person_id: UUID) -> datetime | None:
        return self._erased.get(person_id)

    def erase(self, person_id: UUID, at: datetime) -> bool:
        with self._lock:
            if self._keys.get(person_id) is None:
                return False
            self._keys[person_id] = None
            self._erased[person_id] = at
            return True

    def persons(self) -> list[UUID]:
        return [p for p, k in self._keys.items() if k is not None]

    def erasures(self) -> int:
        return len(self._erased)


class SQLKeyStore:
    """Keys kept in a table beside the events (SQLite or PostgreSQL), one row a person."""

    def __init__(self, datastore: Any, table: str, placeholder: str) -> None:
        self.datastore = datastore
        self.table = table
        self.p = placeholder
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                f"CREATE TABLE IF NOT EXISTS {table} ("
                "person_id TEXT PRIMARY KEY, person_key TEXT, erased_at TEXT)"
            )

    def create(self, person_id: UUID, key: bytes) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                f"INSERT INTO {self.table} (person_id, person_key) VALUES ({self.p}, {self.p}) "
                "ON CONFLICT (person_id) DO NOTHING",
                (str(person_id), base64.b64encode(key).decode()),
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
            curs.execute(
                f"UPDATE {self.table} SET person_key = NULL, erased_at = {self.p} "
                f"WHERE person_id = {self.p}",
                (at.isoformat(), str(person_id)),
            )
            return True

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
        return SQLKeyStore(datastore, "person_keys", "?")
    if module.endswith("postgres"):
        return SQLKeyStore(datastore, f"{datastore.schema}.mlw_person_keys", "%s")
    return MemoryKeyStore()


@dataclass(frozen=True)
class PersonData:
    """What the registry may know of a person: a name and a work contact, nothing more."""

    name: str
    contact: str = ""
    function: str = ""


class PersonalDataVault:
    """Seals and unseals persons' data; erasing a person destroys their key."""

    def __init__(self, keys: KeyStore) -> None:
        self.keys = keys

    def new_person(self) -> UUID:
        person_id = uuid4()
        self.keys.create(person_id, AESGCM.generate_key(bit_length=256))
        return person_id

    def seal(self, data: PersonData, person_id: UUID | None = None) -> Sealed:
        """Encrypt a person's data under their key (a new person if no id is given)."""
        for field, value in vars(data).items():
            check_name(field, value)  # sealed text escapes the check before saving
        if person_id is None:
            person_id = self.new_person()
        key = self.keys.get(person_id)
        if key is None:
            if self.keys.erased_at(person_id):
                raise PersonErasedError(
                    f"Person {person_id} was erased; record them again as a new person."
                )
            raise NotFoundError(f"No person {person_id} in the registry.")
        nonce = os.urandom(12)
        plain = json.dumps(data.__dict__, ensure_ascii=False).encode()
        cipher = AESGCM(key).encrypt(nonce, plain, person_id.bytes)
        return Sealed(person_id, base64.b64encode(nonce + cipher).decode())

    def unseal(self, sealed: Sealed | None) -> PersonData | None:
        """The person's data, or None when there is none or the person was erased."""
        if sealed is None:
            return None
        key = self.keys.get(sealed.person_id)
        if key is None:
            return None
        raw = base64.b64decode(sealed.token)
        plain = AESGCM(key).decrypt(raw[:12], raw[12:], sealed.person_id.bytes)
        return PersonData(**json.loads(plain))

    def erasures(self) -> int:
        """How many persons were ever erased (changes whenever someone is)."""
        return self.keys.erasures()

    def erase(self, person_id: UUID) -> datetime:
        """Destroy the person's key for good; returns when it was erased."""
        at = datetime.now(UTC)
        if not self.keys.erase(person_id, at):
            erased = self.keys.erased_at(person_id)
            if erased:
                return erased
            raise NotFoundError(f"No person {person_id} in the registry.")
        return at
