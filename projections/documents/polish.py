"""Dates, numbers and money as Polish (and English) documents write them."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from babel.dates import format_date as babel_date
from babel.numbers import format_currency, format_decimal
from babel.plural import PluralRule

LOCALES = {"pl": "pl_PL", "en": "en_GB"}
MONEY_UNITS = frozenset({"zł", "pln", "złotych", "zł/rok", "zł/mies."})
PL_PLURAL = PluralRule(
    {
        "one": "n is 1",
        "few": "n mod 10 in 2..4 and n mod 100 not in 12..14",
    }
)


def format_date(d: date | None, lang: str = "pl") -> str:
    """ "23 listopada 2026 r." in Polish (month in the genitive), "23 November 2026" in English."""
    if d is None:
        return ""
    if lang == "pl":
        return f"{babel_date(d, 'd MMMM y', locale='pl_PL')} r."
    return babel_date(d, "d MMMM y", locale=LOCALES[lang])


def format_time(at: time | None) -> str:
    return at.strftime("%H:%M") if at else ""


def format_number(value: Decimal | float | int | None, lang: str = "pl") -> str:
    """ "1 234,5" in Polish: a non-breaking space between thousands, a decimal comma."""
    if value is None:
        return ""
    return format_decimal(value, locale=LOCALES[lang], group_separator=True)


def format_money(value: Decimal | float | int | None, lang: str = "pl") -> str:
    """ "1 234,50 zł" in Polish; "PLN 1,234.50" in English (a non-breaking space after PLN)."""
    if value is None:
        return ""
    if lang == "en":
        return format_currency(value, "PLN", "¤\xa0#,##0.00", locale=LOCALES[lang])
    return format_currency(value, "PLN", locale=LOCALES[lang])


UNITS: dict[str, tuple[tuple[str, str, str, str], tuple[str, str]]] = {
    # one, few, many, a fraction of; and the English unit, for one and for more
    "etat": (("etat", "etaty", "etatów", "etatu"), ("FTE", "FTE")),
    "osoba": (("osoba", "osoby", "osób", "osoby"), ("person", "people")),
    "edycja": (("edycja", "edycje", "edycji", "edycji"), ("edition", "editions")),
    "komplet": (("komplet", "komplety", "kompletów", "kompletu"), ("set", "sets")),
    "porcja": (("porcja", "porcje", "porcji", "porcji"), ("portion", "portions")),
    "h/miesiąc": (("h/miesiąc",) * 4, ("h/month", "h/month")),
    "kg/miesiąc": (("kg/miesiąc",) * 4, ("kg/month", "kg/month")),
}
UNIT_OF_FORM = {form: unit for unit, (forms, _) in UNITS.items() for form in forms}


def unit_for(value: Decimal, unit: str, lang: str) -> str:
    """The unit that agrees with its number: 1 etat, 2 etaty, 5 etatów, 0,5 etatu; in
    English 1 FTE, 2 people, 10 h/month."""
    known = UNIT_OF_FORM.get(unit.strip().lower())
    if known is None:
        return unit
    (one, few, many, fraction), english = UNITS[known]
    if lang == "en":
        return english[value != 1]
    if value != value.to_integral_value():
        return fraction
    return plural_pl(int(value), one, few, many)


def format_amount(value: Decimal | None, unit: str, lang: str = "pl") -> str:
    """A commitment's measure: money the way money is written, anything else with its unit."""
    if value is None:
        return unit
    if unit.strip().lower() in MONEY_UNITS:
        return format_money(value, lang)
    return f"{format_number(value, lang)}\xa0{unit_for(Decimal(value), unit, lang)}".strip()


def plural_pl(n: int, one: str, few: str, many: str) -> str:
    """The noun that agrees with a count: 1 głos, 2 głosy, 5 głosów, 22 głosy, 12 głosów."""
    form = PL_PLURAL(n)
    return one if form == "one" else few if form == "few" else many


def count_pl(n: int, one: str, few: str, many: str) -> str:
    return f"{n} {plural_pl(n, one, few, many)}"
