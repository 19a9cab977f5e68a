"""A secretary's documents never leave "r." or "zł" alone at the start of a line."""

from projections.documents.typography import typeset

NBSP = "\xa0"


def test_a_date_keeps_its_day_month_and_r_together() -> None:
    assert typeset("dnia 12 marca 2026 r.") == f"dnia 12{NBSP}marca 2026{NBSP}r."


def test_an_amount_typed_without_groups_gets_them_and_keeps_its_currency() -> None:
    assert typeset("kwota 55000 zł") == f"kwota 55{NBSP}000{NBSP}zł"
    assert typeset("1234,50 zł") == f"1{NBSP}234,50{NBSP}zł"
    assert typeset("rok 2026 zakończono") == f"rok 2026{NBSP}zakończono"


def test_a_telephone_number_and_a_section_sign_stay_whole() -> None:
    assert typeset("tel. 41 000 00 20") == f"tel.{NBSP}41{NBSP}000{NBSP}00{NBSP}20"
    assert typeset("§ 3. Uchwała") == f"§{NBSP}3. Uchwała"


def test_a_one_letter_polish_word_goes_to_the_next_line_with_the_next_word() -> None:
    assert typeset("współpraca z GOPS i PUP w gminie") == (
        f"współpraca z{NBSP}GOPS i{NBSP}PUP w{NBSP}gminie"
    )


def test_english_keeps_its_one_letter_words_free_and_amounts_as_written() -> None:
    assert typeset("a plan for PLN 40,000.00", "en") == f"a plan for PLN{NBSP}40,000.00"
