"""What a person may type: bounded text without hidden characters, and wall-clock times.

A name with an escape character breaks a DOCX, a NUL breaks GraphML, a bidi override
makes a name read backwards, a zero-width space makes two names look alike, and ten
megabytes of name make every document slow. Times of day are read on the gmina's wall
clock, so a time with a UTC offset means nothing here (and cannot be compared with one
without an offset).
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, time, timedelta
from decimal import Decimal

from domain.errors import InvalidInputError

NAME_MAX = 300
"""Names, places, functions, decision numbers: one line."""
LINE_MAX = 1_000
"""Titles and agenda items: one line, sometimes a long one."""
TEXT_MAX = 10_000
"""Descriptions, summaries, reasons, resolutions' text: several lines."""
FUTURE_DAYS = 366
"""How far ahead a fact may take effect: a year (a pact signed for next January, say)."""

# Control characters (C0 but tab and newlines, DEL, C1), bidi embeddings, overrides and
# isolates, zero-width characters and the byte-order mark, line and paragraph separators.
HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)
LINE_BREAKS = re.compile("[\t\n\r]")


def printable(text: str) -> str:
    """A text recorded before these rules, without the characters that break files.

    XML (DOCX, GraphML, GEXF) cannot hold control characters at all; the record keeps
    what was typed, and the files leave those characters out.
    """
    return HIDDEN.sub("", text)


def describe(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"


def check_text(field: str, value: str, limit: int = TEXT_MAX, *, multiline: bool = True) -> str:
    """A text a person typed, refused when too long or hiding characters nobody can see."""
    if len(value) > limit:
        raise InvalidInputError(
            field,
            "{field}: tekst ma {length} znaków, dopuszczalne {limit} (the text has {length} "
            "characters, at most {limit} are allowed).",
            field=field,
            length=len(value),
            limit=limit,
        )
    hidden = HIDDEN.search(value) or (None if multiline else LINE_BREAKS.search(value))
    if hidden:
        what = describe(hidden.group())
        raise InvalidInputError(
            field,
            "{field}: niedozwolony znak {what} na pozycji {position} (a character that is not "
            "allowed here: {what}, at position {position}).",
            field=field,
            what=what,
            position=hidden.start() + 1,
        )
    return value


def check_name(field: str, value: str) -> str:
    """A name or another one-line value: at most NAME_MAX characters, no line breaks."""
    return check_text(field, value, NAME_MAX, multiline=False)


def check_line(field: str, value: str) -> str:
    """A title or an agenda item: one line of at most LINE_MAX characters."""
    return check_text(field, value, LINE_MAX, multiline=False)


NUMBER_MAX = 9999
"""Resolutions and minutes are numbered 1, 2, … in a year; no body meets ten thousand times."""


def check_number(field: str, number: int, what: str) -> int:
    """A number in a year's series ("Uchwała nr 3/2026"): 1 to NUMBER_MAX."""
    if not 1 <= number <= NUMBER_MAX:
        raise InvalidInputError(
            field,
            "{field}: numer {what} musi być od 1 do {most}, nie {number} ({what} numbers run from "
            "1 to {most} in a year).",
            field=field,
            what=what,
            most=NUMBER_MAX,
            number=number,
        )
    return number


MAGNITUDE_MAX = 1_000_000_000
"""No count, amount, version or item number in a gmina's partnership comes near a billion."""


def check_magnitude(field: str, number: float | Decimal) -> float | Decimal:
    """A number a person typed: finite and below MAGNITUDE_MAX either way."""
    if isinstance(number, Decimal):
        within = number.is_finite() and abs(number) <= MAGNITUDE_MAX
    elif isinstance(number, float):
        within = math.isfinite(number) and abs(number) <= MAGNITUDE_MAX
    else:
        within = abs(number) <= MAGNITUDE_MAX
    if not within:
        raise InvalidInputError(
            field,
            "{field}: liczba {number} jest poza zakresem ±1 000 000 000 (the number is out of "
            "range).",
            field=field,
            number=number,
        )
    return number


def as_typed_digits(value: str) -> str:
    """An identifier as typed, NFKC-normalised: full-width digits become ASCII ones.

    Checks then accept ASCII digits only ([0-9], never \\d, which takes any script's).
    """
    return unicodedata.normalize("NFKC", value).strip()


def check_wall_clock(field: str, at: time) -> time:
    """A time of day on the gmina's wall clock: one without a UTC offset."""
    if at.tzinfo is not None:
        raise InvalidInputError(
            field,
            "{field}: godzina {at} ma strefę czasową; podaj czas lokalny, np. 10:00 (a time of "
            "day is the gmina's local wall-clock time, without an offset).",
            field=field,
            at=at.isoformat(),
        )
    return at


def wall_clock(at: time) -> time:
    """A time as the wall clock shows it (an offset once accepted is read as local)."""
    return at.replace(tzinfo=None) if at.tzinfo is not None else at


def check_not_far_ahead(field: str, on: date, today: date | None = None) -> date:
    """A day a fact takes effect: not more than FUTURE_DAYS after today."""
    today = today or date.today()
    if on > today + timedelta(days=FUTURE_DAYS):
        raise InvalidInputError(
            field,
            "{field}: {on} to więcej niż rok naprzód (more than a year ahead of {today}); record "
            "the fact when it is decided, with the day it takes effect.",
            field=field,
            on=on,
            today=today,
        )
    return on


def required(text: str, refusal: InvalidInputError) -> str:
    """The text without surrounding blanks, or ``refusal`` when nothing is left of it."""
    if not text.strip():
        raise refusal
    return text.strip()
