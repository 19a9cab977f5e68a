"""Dates, numbers and money written the Polish way."""

from datetime import date
from decimal import Decimal

from projections.documents.polish import (
    count_pl,
    format_amount,
    format_date,
    format_money,
    format_number,
)

NBSP = "\xa0"


def test_a_date_names_the_month_in_the_genitive_and_ends_with_r() -> None:
    assert format_date(date(2026, 11, 23)) == "23 listopada 2026 r."
    assert format_date(date(2026, 3, 1)) == "1 marca 2026 r."
    assert format_date(date(2026, 7, 5)) == "5 lipca 2026 r."


def test_an_english_date_has_no_r() -> None:
    assert format_date(date(2026, 11, 23), "en") == "23 November 2026"


def test_money_has_a_space_between_thousands_a_decimal_comma_and_zl() -> None:
    assert format_money(Decimal("1234.5")).replace(NBSP, " ") == "1 234,50 zł"
    assert format_money(Decimal("15000")).replace(NBSP, " ") == "15 000,00 zł"


def test_numbers_use_a_decimal_comma() -> None:
    assert format_number(Decimal("0.5")) == "0,5"
    assert format_number(12345).replace(NBSP, " ") == "12 345"


def test_a_commitment_in_zloty_is_written_as_money_and_others_with_their_unit() -> None:
    assert format_amount(Decimal("2500"), "zł").replace(NBSP, " ") == "2 500,00 zł"
    assert format_amount(Decimal("0.5"), "etatu") == f"0,5{NBSP}etatu"


def test_a_post_agrees_with_its_number_in_polish_and_is_an_fte_in_english() -> None:
    posts = [format_amount(Decimal(n), "etatu").replace(NBSP, " ") for n in ("1", "2", "5")]
    assert posts == ["1 etat", "2 etaty", "5 etatów"]
    assert format_amount(Decimal("0.5"), "etat", "en") == f"0.5{NBSP}FTE"


def test_english_money_puts_pln_before_the_amount() -> None:
    assert format_money(Decimal("40000"), "en") == f"PLN{NBSP}40,000.00"
    assert format_amount(None, "") == ""


def test_a_count_takes_the_form_of_the_noun_polish_grammar_asks_for() -> None:
    forms = ("głos", "głosy", "głosów")
    assert [count_pl(n, *forms) for n in (1, 2, 4, 5, 12, 22, 25, 112)] == [
        "1 głos",
        "2 głosy",
        "4 głosy",
        "5 głosów",
        "12 głosów",
        "22 głosy",
        "25 głosów",
        "112 głosów",
    ]


def test_a_commitments_unit_agrees_with_its_number_and_is_english_in_english() -> None:
    said = [format_amount(Decimal(n), "osoby").replace(NBSP, " ") for n in ("1", "2", "5")]
    assert said == ["1 osoba", "2 osoby", "5 osób"]
    assert format_amount(Decimal("2"), "osoby", "en") == f"2{NBSP}people"
    assert format_amount(Decimal("1"), "osoby", "en") == f"1{NBSP}person"
    assert format_amount(Decimal("6"), "h/miesiąc", "en") == f"6{NBSP}h/month"
    assert format_amount(Decimal("200"), "porcji", "en") == f"200{NBSP}portions"
