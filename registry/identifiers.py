"""Register numbers of institutions: NIP and REGON checked by python-stdnum, KRS by format."""

from __future__ import annotations

import re

from stdnum.exceptions import ValidationError
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from domain.errors import InvalidInputError
from domain.input_rules import as_typed_digits
from domain.values import Identifiers


def ascii_digits(field: str, label: str, typed: str, number: str) -> str:
    """A register number of ASCII digits only (another script's digits look alike, but are not)."""
    if not re.fullmatch(r"[0-9]+", number):
        raise InvalidInputError(
            field,
            "{label} {typed!r} must be written with the digits 0-9.",
            label=label,
            typed=typed,
        )
    return number


def check_nip(value: str) -> str:
    """A NIP (10 digits with a checksum), normalised to digits only."""
    try:
        return ascii_digits("nip", "NIP", value, str(stdnum_nip.validate(as_typed_digits(value))))
    except ValidationError as exc:
        raise InvalidInputError(
            "nip", "NIP {value!r} is not valid: {exc}", value=value, exc=exc
        ) from None


def check_regon(value: str) -> str:
    """A REGON (9 or 14 digits with checksums), normalised to digits only."""
    try:
        return ascii_digits(
            "regon", "REGON", value, str(stdnum_regon.validate(as_typed_digits(value)))
        )
    except ValidationError as exc:
        raise InvalidInputError(
            "regon", "REGON {value!r} is not valid: {exc}", value=value, exc=exc
        ) from None


def check_krs(value: str) -> str:
    """A KRS number: 10 digits (leading zeros kept), no checksum."""
    digits = re.sub(r"[\s-]", "", as_typed_digits(value))
    if not re.fullmatch(r"[0-9]{10}", digits):
        raise InvalidInputError(
            "krs", "KRS {value!r} must be 10 digits, e.g. 0000123456.", value=value
        )
    return digits


def check_identifiers(
    nip: str | None = None, regon: str | None = None, krs: str | None = None
) -> Identifiers:
    """Check the numbers given (blank means none) and return them normalised."""
    return Identifiers(
        nip=check_nip(nip) if nip and nip.strip() else None,
        regon=check_regon(regon) if regon and regon.strip() else None,
        krs=check_krs(krs) if krs and krs.strip() else None,
    )
