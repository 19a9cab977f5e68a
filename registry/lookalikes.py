"""Names that look alike: one stakeholder must not enter a gmina's catalogue twice.

Two entries that differ only by case, spacing, Polish letters typed without their
diacritics or characters of another script that look the same (a Cyrillic "а" for a
Latin "a") read as one institution to every facilitator, and split its history in two.
The look-alike pairs come from Unicode's confusables table (UTS #39), as shipped by
the confusable_homoglyphs package.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

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
