"""Polish typesetting of every text a document prints: what must not end or start a line.

A date's "r." stays with its year, a number with its unit and its groups of thousands,
"§ 1" with its number, a telephone number whole, and in Polish a one-letter word ("w",
"z", "i") with the next word. Amounts typed as free text ("55000 zł") get their groups
of thousands.
"""

from __future__ import annotations

import re

NBSP = "\xa0"

MONEY = re.compile(r"(?<![\d,.])(\d{4,})((?:,\d{1,2})?)[ \xa0]?(zł\b|złotych\b|PLN\b)")
NUMBER_UNIT = re.compile(r"(?<=\d) (?=[^\W\d]|%)")
DIGITS = re.compile(r"(?<=\d) (?=\d)")
SECTION = re.compile(r"§ (?=\d)")
ONE_LETTER_PL = re.compile(r"(?<![\w.,\-])([aiouwzAIOUWZ]) ")
BEFORE_NUMBER = re.compile(r"\b(nr|Nr|tel\.|ust\.|art\.|pkt|No\.|PLN) (?=\d)")


def grouped(digits: str) -> str:
    """ "55000" as "55 000", the space a non-breaking one."""
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return NBSP.join(groups)


def typeset(text: str, lang: str = "pl") -> str:
    """The text with non-breaking spaces where Polish (or English) typesetting puts them."""
    if not text:
        return text
    if lang == "pl":
        text = MONEY.sub(lambda m: f"{grouped(m[1])}{m[2]}{NBSP}{m[3]}", text)
        text = ONE_LETTER_PL.sub(lambda m: f"{m[1]}{NBSP}", text)
    text = SECTION.sub(f"§{NBSP}", text)
    text = BEFORE_NUMBER.sub(lambda m: f"{m[1]}{NBSP}", text)
    text = DIGITS.sub(NBSP, text)
    return NUMBER_UNIT.sub(NBSP, text)
