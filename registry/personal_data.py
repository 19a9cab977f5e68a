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
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from domain.errors import NotFoundError, PersonErasedError
from domain.input_rules import check_name
from domain.values import Sealed
from registry.person_keys import KeyRows, KeyStore

ERASED = "[dane usunięte]"


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
