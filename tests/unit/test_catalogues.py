"""Every word the registry says has its other language in the catalogues.

The msgids are extracted from the source as ``./dev messages`` does: the words of pages,
documents and labels (Polish msgids, English in ``en/LC_MESSAGES/messages.po``) and every
refusal's template (English msgids, Polish in ``pl/LC_MESSAGES/errors.po``). A msgid
without its translation, or a translation that drops or invents a placeholder, fails here
with the list of what to add: run ``./dev messages`` and fill in the empty msgstr lines.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from domain.errors import DomainError, NotFoundError, RuleViolationError
from domain.minutes import MeetingState
from domain.team import TeamRole
from domain.values import Sector, Stage
from projections.i18n import label, labels, refusal, translator
from projections.messages import (
    domain_terms,
    error_messages,
    page_messages,
    po_path,
    refusal_templates,
)

each_catalogue = pytest.mark.parametrize(
    ("domain", "lang", "found"),
    [("messages", "en", page_messages), ("errors", "pl", error_messages)],
    ids=["pages and documents in English", "refusals in Polish"],
)


def translated(domain: str, lang: str) -> dict[tuple[str | None, str], str]:
    with po_path(domain, lang).open("rb") as po:
        catalog: Catalog = read_po(po)
    return {(m.context, str(m.id)): str(m.string) for m in catalog if m.id and m.string}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@each_catalogue
def test_every_message_found_in_the_source_has_its_translation(
    domain: str, lang: str, found: Callable[[], Catalog]
) -> None:
    said = translated(domain, lang)
    missing = sorted(
        (m.context or "", str(m.id)) for m in found() if m.id and (m.context, str(m.id)) not in said
    )
    assert not missing, f"no translation in {lang}/LC_MESSAGES/{domain}.po for {missing}"


def test_a_polish_refusal_names_the_same_values_as_the_english_one() -> None:
    wrong = [
        (msgid, said)
        for (context, msgid), said in translated("errors", "pl").items()
        if context is None and placeholders(msgid) != placeholders(said)
    ]
    assert not wrong, wrong


def test_an_english_page_word_keeps_the_values_of_the_polish_one() -> None:
    percent = re.compile(r"%\(\w+\)s")
    wrong = [
        (msgid, said)
        for (_, msgid), said in translated("messages", "en").items()
        if sorted(percent.findall(msgid)) != sorted(percent.findall(said))
    ]
    assert not wrong, wrong


def test_refusals_are_found_in_every_layer_that_raises_them(tmp_path: Path) -> None:
    source = tmp_path / "rules.py"
    source.write_text(
        "from domain.errors import InvalidInputError, NotFoundError\n"
        'raise NotFoundError("No gmina with id {ref}.", ref=ref)\n'
        'raise InvalidInputError("nip", "NIP {value!r} is not valid.", value=value)\n'
        'raise NotFoundError(f"Not a template {ref}")\n'
    )
    found = [template for template, _, _ in refusal_templates([source])]
    assert found == ["No gmina with id {ref}.", "NIP {value!r} is not valid."]


def test_a_refusal_without_a_polish_translation_makes_the_check_fail(tmp_path: Path) -> None:
    source = tmp_path / "new_rule.py"
    source.write_text('raise RuleViolationError("A rule nobody has translated yet.")\n')
    polish = translated("errors", "pl")
    new = [t for t, _, _ in refusal_templates([source]) if (None, t) not in polish]
    assert new == ["A rule nobody has translated yet."]


def test_a_refusal_is_said_in_polish_with_its_values_and_words_in_polish() -> None:
    refused = RuleViolationError(
        "The meeting of {on} was already {state}.", on="2026-02-10", state=MeetingState.HELD
    )
    assert str(refused) == "The meeting of 2026-02-10 was already held."
    assert refusal(refused, "pl") == "Spotkanie z 2026-02-10 ma już stan „odbyte”."
    assert refusal(refused, "en") == str(refused)


def test_a_refusal_the_catalogue_does_not_know_is_said_as_it_was_written() -> None:
    refused = NotFoundError("Nothing called {name} here.", name="Ala")
    assert refusal(refused, "pl") == "Nothing called Ala here."
    assert refusal(DomainError(), "pl") == ""


def test_page_words_are_polish_by_default_and_english_on_request() -> None:
    assert translator("pl")("Wyloguj") == "Wyloguj"
    assert translator("en")("Wyloguj") == "Log out"
    assert translator("xx")("Wyloguj") == "Wyloguj"


def test_every_word_of_the_model_has_its_polish_name_and_an_english_one() -> None:
    english = translated("messages", "en")
    words = [term for _, kind in domain_terms() for term in kind]
    unnamed = [term for term in words if not term.polish]
    untranslated = [term.polish for term in words if (None, term.polish) not in english]
    assert words and not unnamed and not untranslated, (unnamed, untranslated)


def test_a_word_of_the_model_is_said_in_the_readers_language() -> None:
    assert TeamRole("chair") is TeamRole.CHAIR
    assert label(TeamRole.CHAIR, "pl") == "przewodniczący"
    assert label(TeamRole.CHAIR, "en") == "chair"
    assert labels(Sector, "en")["ngo"] == "Non-governmental organisations"
    assert list(labels(Stage, "pl")) == [1, 2, 3, 4, 5, 6]


@each_catalogue
def test_every_translation_is_of_a_message_the_source_still_says(
    domain: str, lang: str, found: Callable[[], Catalog]
) -> None:
    said = {(m.context, str(m.id)) for m in found() if m.id}
    stale = sorted(
        (c or "", msgid) for c, msgid in translated(domain, lang) if (c, msgid) not in said
    )
    assert not stale, f"{lang}/LC_MESSAGES/{domain}.po translates what no source says: {stale}"
