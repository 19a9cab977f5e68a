"""Passwords: the rule a new one must meet, the hash kept, and the time a wrong guess takes.

The rule follows NIST SP 800-63B: at least 12 characters (counted after Unicode NFKC
normalisation), any characters allowed, no composition rules; refused when blank, one
character repeated, or the username itself. Hashes are Argon2id (argon2-cffi).
"""

from __future__ import annotations

import unicodedata
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from domain.errors import InvalidInputError

MIN_LENGTH = 12
MAX_LENGTH = 1024
HASHER = PasswordHasher()
# Checked when no account has the name typed, so unknown names take as long as wrong passwords.
_STAND_IN = HASHER.hash("no account has this password")


class PasswordRuleError(InvalidInputError):
    """Raised when a new password does not meet the registry's rule (says why, PL and EN)."""

    def __init__(self, polish: str, english: str, /, **params: Any) -> None:
        # The English sentence is the template (the catalogue's msgid); the refusal reads
        # "Polish (English)", as it always has.
        super().__init__("password", english, **params)
        self.polish = polish.format(**params)
        self.args = (f"{self.polish} ({english.format(**params)})",)


def check_password(password: str, username: str = "") -> str:
    """The password, normalised (NFKC), if it meets the rule; otherwise a refusal in words."""
    text = unicodedata.normalize("NFKC", password)
    if not text.strip():
        raise PasswordRuleError(
            "Hasło nie może składać się z samych spacji.", "A password cannot be all blank."
        )
    if len(text) < MIN_LENGTH:
        raise PasswordRuleError(
            "Hasło musi mieć co najmniej {min_length} znaków (ma {length}).",
            "A password needs at least {min_length} characters; this one has {length}.",
            min_length=MIN_LENGTH,
            length=len(text),
        )
    if len(text) > MAX_LENGTH:
        raise PasswordRuleError(
            "Hasło może mieć najwyżej {max_length} znaków.",
            "A password has at most {max_length} characters.",
            max_length=MAX_LENGTH,
        )
    if len(set(text)) == 1:
        raise PasswordRuleError(
            "Hasło nie może być jednym znakiem powtórzonym wiele razy.",
            "A password cannot be one character repeated.",
        )
    if username and text.strip().casefold() == username.strip().casefold():
        raise PasswordRuleError(
            "Hasło nie może być nazwą użytkownika.", "A password cannot be the username."
        )
    return text


def hash_password(password: str, username: str) -> str:
    return HASHER.hash(check_password(password, username))


def password_opens(password_hash: str | None, password: str) -> bool:
    """Whether the password matches the hash; with no hash, as slow as a wrong guess."""
    text = unicodedata.normalize("NFKC", password)
    try:
        HASHER.verify(password_hash or _STAND_IN, text)
    except (VerificationError, InvalidHashError):
        return False
    return password_hash is not None
