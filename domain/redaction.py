"""Corrections of free text that named a natural person: recorded, never silent.

The fact that carried the text stays in the history as it was recorded; from the
correction on, the registry shows the correction wherever that text would appear.
"""

from __future__ import annotations

import re
from datetime import date

from domain.errors import InvalidInputError
from domain.history import Fact, GminaBook
from domain.input_rules import required


class Redactions(GminaBook):
    """One gmina's corrections of free text, each known by the digest of the text it corrects."""

    PART = "redactions"

    def open_empty(self) -> None:
        self.texts: dict[str, str] = {}

    def redact(
        self, digest: str, replacement: str, reason: str, effective_on: date, recorded_by: str
    ) -> None:
        """From now on the text with this digest reads as the replacement."""
        if not re.fullmatch(r"[0-9a-f]{64}", digest):
            raise InvalidInputError("digest", "A text is named by its SHA-256 digest (64 hex).")
        replacement = required(
            replacement,
            InvalidInputError(
                "replacement", "Give the corrected text (for example the text without the name)."
            ),
        )
        reason = required(reason, InvalidInputError("reason", "Say why the text is corrected."))
        self.record(
            self.TextRedacted,
            effective_on,
            recorded_by,
            digest=digest,
            replacement=replacement,
            reason=reason,
        )

    class TextRedacted(Fact):
        digest: str
        replacement: str
        reason: str

        def apply(self, redactions: Redactions) -> None:
            redactions.texts[self.digest] = self.replacement
