"""Invented identifiers for data that only looks real: the demo, the national set, benches.

Check digits come from python-stdnum, the same library that validates what people type, so
an invented NIP or REGON passes the registry's own checks.
"""

from __future__ import annotations

import random

from stdnum.pl import nip as nip_number
from stdnum.pl import regon as regon_number

from domain.gmina import VOIVODESHIPS


def nip(first_nine: str) -> str:
    """A NIP made of nine invented digits and its check digit."""
    check = nip_number.checksum(first_nine + "0")
    if check == 10:
        raise ValueError(f"No NIP starts with {first_nine}: its check digit would be 10.")
    return f"{first_nine}{check}"


def regon(first_eight: str) -> str:
    """A nine-digit REGON made of eight invented digits and its check digit."""
    return first_eight + regon_number.calc_check_digit(first_eight)


def random_nip(rng: random.Random) -> str:
    """A valid NIP of random digits (none starts with 0)."""
    while True:
        first = f"{rng.randint(1, 9)}{rng.randrange(10**8):08d}"
        if nip_number.checksum(first + "0") < 10:
            return nip(first)


def random_regon(rng: random.Random) -> str:
    """A valid nine-digit REGON of random digits."""
    return regon(f"{rng.randint(1, 9)}{rng.randrange(10**7):07d}")


def random_krs(rng: random.Random) -> str:
    """A KRS number (ten digits, no check digit)."""
    return f"{rng.randrange(10**10):010d}"


def terc_code(voivodeship: str, powiat: int, gmina: int, kind: str) -> str:
    """A TERC code WWPPGGR: voivodeship, powiat and gmina numbers (from 1), and the type."""
    return f"{voivodeship}{powiat:02d}{gmina:02d}{kind}"


def terc(index: int) -> str:
    """A distinct, well-formed TERC code for the index-th invented rural gmina."""
    rest = index // 16
    return terc_code(sorted(VOIVODESHIPS)[index % 16], rest % 99 + 1, rest // 99 % 99 + 1, "2")
