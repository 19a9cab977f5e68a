"""Names that look alike: one stakeholder must not enter a gmina's catalogue twice.

Two entries that differ only by case, spacing, Polish letters typed without their
diacritics or characters of another script that look the same (a Cyrillic "а" for a
Latin "a") read as one institution to every facilitator, and split its history in two.
The look-alike pairs come from Unicode's confusables table (UTS #39), as shipped by
the confusable_homoglyphs package.
"""

from __future__ import annotations

import hmac
import os
import threading
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from uuid import UUID

from confusable_homoglyphs import confusables

# Letters whose diacritic is not a combining mark, so NFD leaves them whole.
UNDECOMPOSED = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"})
HOMOGLYPHS: dict[str, list[dict[str, str]]] = confusables.confusables_data


def latin_twin(char: str) -> str:
    """The Latin letter or digit a character is confusable with, or the character itself."""
    if char.isascii():
        return char
    for glyph in HOMOGLYPHS.get(char, ()):
        twin = glyph["c"]
        if twin.isascii() and twin.isalnum():
            return twin
    return char


def skeleton(name: str) -> str:
    """What a name looks like to a reader: no case, spacing, punctuation, diacritics or script."""
    # Twins are looked up before and after case folding: the table pairs a Greek capital
    # Zeta with a Latin Z, but its small zeta with no Latin letter.
    text = "".join(latin_twin(c) for c in unicodedata.normalize("NFKC", name)).casefold()
    text = unicodedata.normalize("NFD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).translate(UNDECOMPOSED)
    text = "".join(latin_twin(c) for c in text).casefold()
    # Spacing and punctuation („…” or "…", "sp. z o.o." or "sp z oo") do not tell names apart.
    return "".join(c for c in text if not c.isspace() and unicodedata.category(c)[0] != "P")


def lookalike(name: str, names: Iterable[str]) -> str | None:
    """The first of the names that reads the same as this one, if any."""
    wanted = skeleton(name) or name  # a name of punctuation only is compared as typed
    return next((other for other in names if (skeleton(other) or other) == wanted), None)


class NameIndex:
    """Which catalogue entries read alike, per gmina, kept by this process.

    Checking a new name against every entry by loading each one makes a catalogue of
    thousands slow to grow (and unseals every person's name each time). The index keeps,
    per gmina, a salted digest of each entry's skeleton: never a name, so it holds no
    personal data in the clear. A match is confirmed against the record itself, so an
    entry renamed or erased by another process is never quoted stale.
    """

    def __init__(self) -> None:
        self._salt = os.urandom(16)
        self._lock = threading.Lock()
        self._seen: dict[UUID, int] = {}
        self._key_of: dict[UUID, dict[UUID, bytes]] = {}
        self._entries: dict[UUID, dict[bytes, set[UUID]]] = {}

    def key(self, name: str) -> bytes:
        return hmac.new(self._salt, (skeleton(name) or name).encode(), "sha256").digest()

    def note(self, gmina_id: UUID, stakeholder_id: UUID, name: str | None) -> None:
        """An entry's name as it now reads (None: nothing to compare, e.g. erased)."""
        with self._lock:
            self._put(gmina_id, stakeholder_id, name)

    def _put(self, gmina_id: UUID, stakeholder_id: UUID, name: str | None) -> None:
        keys = self._key_of.setdefault(gmina_id, {})
        entries = self._entries.setdefault(gmina_id, {})
        old = keys.pop(stakeholder_id, None)
        if old is not None:
            entries.get(old, set()).discard(stakeholder_id)
        if name is not None:
            keys[stakeholder_id] = self.key(name)
            entries.setdefault(keys[stakeholder_id], set()).add(stakeholder_id)

    def candidates(
        self,
        gmina_id: UUID,
        stakeholder_ids: Sequence[UUID],
        name_of: Callable[[UUID], str | None],
        name: str,
    ) -> list[UUID]:
        """Entries whose names may read like this one (the catalogue only ever grows)."""
        with self._lock:
            seen = self._seen.get(gmina_id, 0)
            for sid in stakeholder_ids[seen:]:
                self._put(gmina_id, sid, name_of(sid))
            self._seen[gmina_id] = len(stakeholder_ids)
            return sorted(self._entries.get(gmina_id, {}).get(self.key(name), ()))
