"""Personal data of natural persons, sealed with a key of each person's own.

Events keep only ciphertext. Erasing a person destroys the key: every copy of the
person's data in the history becomes unreadable for good, while the facts about
institutions replay unchanged (crypto-shredding).
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import json
import os
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol
from uuid import UUID, uuid4

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from domain.errors import NotFoundError, PersonErasedError
from domain.input_rules import check_name
from domain.values import Sealed

ERASED = "[dane usunięte]"


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


def write_ledger(path: Path, erasures: list[tuple[UUID, datetime]]) -> None:
    """Append erasures to the ledger a restore consults: a person id and a time a line."""
    with path.open("a", encoding="utf-8") as ledger:
        for person_id, at in erasures:
            ledger.write(json.dumps({"person_id": str(person_id), "erased_at": at.isoformat()}))
            ledger.write("\n")
        ledger.flush()
        os.fsync(ledger.fileno())


def read_ledger(path: Path) -> dict[UUID, datetime]:
    """The erasures a ledger names (a torn last line, from a crash mid-write, is skipped)."""
    found: dict[UUID, datetime] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entry = json.loads(line)
            found[UUID(entry["person_id"])] = datetime.fromisoformat(entry["erased_at"])
        except (ValueError, KeyError, TypeError):
            continue
    return found


def same_name(name: str) -> str:
    """A name as compared within a gmina: Unicode-normalised, case and spacing ignored."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def text_digest(text: str) -> str:
    """The digest by which a redacted free-text value is recognised (never the text)."""
    return hashlib.sha256(text.encode()).hexdigest()


def correct_texts(value: Any, texts: dict[str, str]) -> Any:
    """A view with every text that has a recorded correction (by digest) replaced by it."""
    if isinstance(value, str):
        return texts.get(text_digest(value), value) if value else value
    if isinstance(value, list):
        return [correct_texts(v, texts) for v in value]
    if isinstance(value, tuple):
        return tuple(correct_texts(v, texts) for v in value)
    if isinstance(value, dict):
        return {k: correct_texts(v, texts) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: correct_texts(getattr(value, f.name), texts)
            for f in dataclasses.fields(value)
            if f.init
        }
        return dataclasses.replace(value, **changes)
    return value


@dataclass(frozen=True)
class PersonData:
    """What the registry may know of a person: a name and a work contact, nothing more."""

    name: str
    contact: str = ""
    function: str = ""


def opened(sealed: Sealed, key: bytes) -> PersonData:
    """A person's data unsealed with their key."""
    raw = base64.b64decode(sealed.token)
    plain = AESGCM(key).decrypt(raw[:12], raw[12:], sealed.person_id.bytes)
    return PersonData(**json.loads(plain))


class PersonalDataVault:
    """Seals and unseals persons' data; erasing a person destroys their key.

    Within a use case (``staging``) new keys and people-index rows are held back and
    handed to the next save, which writes them in the transaction of its facts
    (registry/recorders.py): a person exists once a recorded fact names them, and a
    refused command leaves no key and no index row behind."""

    def __init__(self, keys: KeyStore, ledger: Path | None = None) -> None:
        self.keys = keys
        self.ledger = ledger
        self._local = threading.local()

    # --- rows held back for the facts that name them --------------------------------------

    def _staged(self) -> KeyRows | None:
        rows: KeyRows | None = getattr(self._local, "rows", None)
        return rows

    @contextmanager
    def staging(self) -> Iterator[None]:
        """One use case: new keys and index rows wait for its save.

        Index rows no save took (the index completed by a query) are written when the
        use case ends well; new keys no fact names are dropped, as is everything if the
        use case fails."""
        if self._staged() is not None:
            yield  # a use case inside another: the outer one writes
            return
        self._local.rows = KeyRows()
        try:
            yield
            left = self.staged()
            if left is not None:
                index = {p: e for p, e in left.index.items() if p not in left.keys}
                if index:
                    self.keys.write(KeyRows(index=index))
        finally:
            self._local.rows = None

    def staged(self) -> KeyRows | None:
        """What the next save is to write with its facts, if anything."""
        rows = self._staged()
        return rows if rows else None

    def written(self, rows: KeyRows) -> None:
        """These rows were recorded with the facts: nothing left to write of them."""
        if self._staged() is rows:
            self._local.rows = KeyRows()

    def _key(self, person_id: UUID) -> bytes | None:
        rows = self._staged()
        if rows is not None and person_id in rows.keys:
            return rows.keys[person_id]
        return self.keys.get(person_id)

    # --- sealing ----------------------------------------------------------------------------

    def new_person(self) -> UUID:
        person_id = uuid4()
        key = AESGCM.generate_key(bit_length=256)
        rows = self._staged()
        if rows is None:
            self.keys.create(person_id, key)
        else:
            rows.keys[person_id] = key
        return person_id

    def seal(self, data: PersonData, person_id: UUID | None = None) -> Sealed:
        """Encrypt a person's data under their key (a new person if no id is given)."""
        for field_name, value in vars(data).items():
            check_name(field_name, value)  # sealed text escapes the check before saving
        if person_id is None:
            person_id = self.new_person()
        key = self._key(person_id)
        if key is None:
            if self.keys.erased_at(person_id):
                raise PersonErasedError(
                    "Person {person_id} was erased; record them again as a new person.",
                    person_id=person_id,
                )
            raise NotFoundError("No person {person_id} in the registry.", person_id=person_id)
        nonce = os.urandom(12)
        plain = json.dumps(data.__dict__, ensure_ascii=False).encode()
        cipher = AESGCM(key).encrypt(nonce, plain, person_id.bytes)
        return Sealed(person_id, base64.b64encode(nonce + cipher).decode())

    def people(self, gmina_id: UUID) -> dict[UUID, str]:
        """The gmina's people index: every person named there and not erased, by name."""
        found = {
            person_id: opened(Sealed(person_id, label), key).name
            for person_id, label, key in self.keys.indexed_keys(gmina_id)
        }
        rows = self._staged()
        for person_id, (gmina, label) in (rows.index if rows else {}).items():
            key = self._key(person_id)
            if gmina == gmina_id and key is not None:
                found[person_id] = opened(Sealed(person_id, label), key).name
        return found

    def remember(self, gmina_id: UUID, person_id: UUID, name: str) -> None:
        """Put a person in the gmina's people index under their name."""
        label = self.seal(PersonData(name.strip()), person_id).token
        rows = self._staged()
        if rows is None:
            self.keys.index(person_id, gmina_id, label)
        else:
            rows.index[person_id] = (gmina_id, label)

    def person_named(self, gmina_id: UUID, name: str) -> UUID:
        """The gmina's person of this name, or a new person (one id per human in a gmina)."""
        wanted = same_name(name)
        for person_id, known in self.people(gmina_id).items():
            if same_name(known) == wanted:
                return person_id
        person_id = self.new_person()
        self.remember(gmina_id, person_id, name)
        return person_id

    def seal_for(self, gmina_id: UUID, data: PersonData, person_id: UUID | None = None) -> Sealed:
        """Seal a person's data under the key of the gmina's person of that name (or id)."""
        if person_id is None:
            person_id = self.person_named(gmina_id, data.name)
        return self.seal(data, person_id)

    def redact(self, gmina_id: UUID, texts: list[str]) -> None:
        """Remember free-text values that named an erased person (by digest only)."""
        self.keys.redact(gmina_id, sorted({text_digest(t) for t in texts}))

    def redacted(self, gmina_id: UUID) -> set[str]:
        return self.keys.redacted(gmina_id)

    def unseal(self, sealed: Sealed | None) -> PersonData | None:
        """The person's data, or None when there is none or the person was erased."""
        if sealed is None:
            return None
        key = self._key(sealed.person_id)
        if key is None:
            return None
        return opened(sealed, key)

    def unseal_many(self, seals: list[Sealed]) -> dict[str, PersonData | None]:
        """Each sealed value's data (None where the person was erased) by its token, with
        one look at the keys for all of them."""
        keys = self.keys.get_many({s.person_id for s in seals})
        return {
            s.token: opened(s, keys[s.person_id]) if s.person_id in keys else None for s in seals
        }

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
            raise NotFoundError("No person {person_id} in the registry.", person_id=person_id)
        if self.ledger is not None:
            write_ledger(self.ledger, [(person_id, at)])
        return at
