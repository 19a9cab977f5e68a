"""What a person may type: bounded text without hidden characters, wall-clock times, numbers."""

from __future__ import annotations

from datetime import UTC, date, time, timedelta
from decimal import Decimal

import pytest

from domain.errors import InvalidInputError
from domain.input_rules import (
    check_magnitude,
    check_name,
    check_not_far_ahead,
    check_number,
    check_text,
    check_wall_clock,
    printable,
    wall_clock,
)

HIDDEN = [
    "\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b",  # C0, DEL, C1
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",  # bidi embeddings and overrides
    "\u2066", "\u2067", "\u2068", "\u2069",  # bidi isolates
    "\u200b", "\u200c", "\u200d", "\ufeff",  # zero-width characters, byte-order mark
    "\u2028", "\u2029",  # line and paragraph separators
]  # fmt: skip


@pytest.mark.parametrize("char", HIDDEN)
def test_a_hidden_character_is_refused_naming_the_field_and_the_character(char: str) -> None:
    with pytest.raises(InvalidInputError, match=f"U\\+{ord(char):04X}") as refused:
        check_text("summary", f"Omówiono{char} budżet")
    assert refused.value.field == "summary"


def test_free_text_keeps_its_lines_and_tabs_but_a_name_is_one_line() -> None:
    assert check_text("summary", "Punkt 1\r\n\tPunkt 2") == "Punkt 1\r\n\tPunkt 2"
    with pytest.raises(InvalidInputError):
        check_name("name", "Fundacja\nJutra")
    assert check_name("name", "Koło Gospodyń Wiejskich „Jarzębina” – Wola") is not None


def test_texts_are_bounded_by_their_kind() -> None:
    assert check_name("name", "x" * 300)
    with pytest.raises(InvalidInputError, match="301"):
        check_name("name", "x" * 301)
    assert check_text("summary", "x" * 10_000)
    with pytest.raises(InvalidInputError):
        check_text("summary", "x" * 10_001)


def test_a_time_of_day_is_a_wall_clock_time() -> None:
    assert check_wall_clock("at", time(10, 0)) == time(10, 0)
    with pytest.raises(InvalidInputError, match="czas lokalny"):
        check_wall_clock("at", time(10, 0, tzinfo=UTC))
    assert wall_clock(time(10, 0, tzinfo=UTC)) == time(10, 0)


def test_numbers_of_the_year_run_from_1_to_9999() -> None:
    assert check_number("number", 9999, "uchwały") == 9999
    for bad in (0, -1, 10_000, 10**20):
        with pytest.raises(InvalidInputError):
            check_number("number", bad, "uchwały")


def test_amounts_and_versions_are_finite_and_of_a_sensible_size() -> None:
    assert check_magnitude("quantity", Decimal("20.5")) == Decimal("20.5")
    for bad in (10**20, float("inf"), float("nan"), Decimal("NaN"), Decimal("-1e12")):
        with pytest.raises(InvalidInputError):
            check_magnitude("quantity", bad)


def test_a_fact_takes_effect_at_most_a_year_ahead() -> None:
    today = date(2026, 12, 1)
    assert check_not_far_ahead("effective_on", today + timedelta(days=366), today)
    with pytest.raises(InvalidInputError):
        check_not_far_ahead("effective_on", today + timedelta(days=367), today)
    with pytest.raises(InvalidInputError):
        check_not_far_ahead("effective_on", date(9999, 12, 31), today)


def test_files_leave_out_what_xml_cannot_hold() -> None:
    assert printable("Klub\x1b[31m Seniora\x00") == "Klub[31m Seniora"
