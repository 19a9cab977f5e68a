"""Every page of the demo gmina, in Polish and in English, says nothing in the other language.

What a page says is of two kinds: its own words (headings, labels, buttons, the names of
sectors and states) and the records it shows (names, places, descriptions typed in Polish
by facilitators). Records are allowed in either language; to tell the two apart the test
reads the same records from the JSON API, which shows them without any words of its own,
and takes them out of the page's text before looking. What is left must be the page's
language: on an English page no word of the Polish catalogue and no Polish letter; on a
Polish page no word of the English catalogue and no English sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from babel.messages.pofile import read_po

from api.app import ROUTERS
from projections.messages import page_messages, po_path
from registry.accounts import DEMO_PASSWORD
from registry.demo import DEMO_TERC
from tests.e2e.office import API, Office, demo_office
from tests.e2e.web import log_in

# Proper names and words that are the same in both languages (or Polish on purpose:
# the MLW's own terms, as the English pages and documents keep them).
ALLOWED_POLISH = {"Gmina", "Powiat", "gmina", "MLW", "ZSL", "TERC", "NIP", "REGON", "KRS"}
POLISH_LETTERS = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
# Words only an English sentence has: one of them standing alone in Polish text is a leak.
ENGLISH_ONLY = re.compile(r"\b(the|of|and|is|was|with|has|have|cannot|not|no)\b", re.I)


class Text(HTMLParser):
    """The text a reader sees: text nodes and the attributes read aloud, not scripts."""

    SPOKEN = ("title", "placeholder", "aria-label", "alt")

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skipping += 1
        self.parts.extend(v for k, v in attrs if k in self.SPOKEN and v)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping and data.strip():
            self.parts.append(" ".join(data.split()))


def spoken(html: str) -> list[str]:
    reader = Text()
    reader.feed(html)
    return reader.parts


def strings_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings_in(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings_in(v)


def records(office: Office) -> list[str]:
    """Everything the gmina's records hold, as the API shows it: longest first."""
    client = office.client
    found: set[str] = set()
    paths = ["", "/stakeholders", "/pact", "/meetings", "/team", "/timeline"]
    for path in paths:
        found.update(strings_in(client.get(API + path).json()))
    for meeting in client.get(API + "/meetings").json():
        found.update(strings_in(client.get(f"{API}/meetings/{meeting['id']}").json()))
    for stakeholder in client.get(API + "/stakeholders").json():
        found.update(strings_in(client.get(f"{API}/stakeholders/{stakeholder['id']}").json()))
    return sorted((s for s in found if s.strip()), key=len, reverse=True)


def catalogue_words() -> tuple[set[str], set[str]]:
    """The words only Polish says (every msgid in the source) and those only English says."""
    with po_path("messages", "en").open("rb") as po:
        english = {str(m.id): str(m.string) for m in read_po(po) if m.id and m.string}
    polish = {str(m.id) for m in page_messages() if m.id}
    both = {pl for pl, en in english.items() if pl == en} | (polish & set(english.values()))
    return polish - both, set(english.values()) - both


def pages(office: Office) -> list[str]:
    """Every page a facilitator can open: each GET route of the web pages, with demo ids."""
    some = {
        "{ref}": DEMO_TERC,
        "{sid}": office.client.get(API + "/stakeholders").json()[0]["id"],
        "{mid}": office.client.get(API + "/meetings").json()[0]["id"],
    }
    found = []
    for module in ROUTERS:
        router = getattr(module, "pages", None)
        for route in getattr(router, "routes", []):
            if "GET" in getattr(route, "methods", ()) and not route.path.endswith(".svg"):
                path = route.path
                for name, value in some.items():
                    path = path.replace(name, str(value))
                kinds = ("catalogue", "pact") if "{kind}" in path else ("",)
                found.extend(path.replace("{kind}", kind) for kind in kinds)
    return found


@pytest.fixture(scope="module")
def office() -> Iterator[Office]:
    for each in demo_office():
        log_in(each.client, "moderator", DEMO_PASSWORD)
        yield each


def leftover(text: str, known: list[str]) -> str:
    """The text without the records in it (a record cut short with "…" counts too)."""
    if text.endswith("…") and any(r.startswith(text[:-1]) for r in known):
        return ""
    for record in known:
        if len(record) > 3:
            text = text.replace(record, " ")
        else:
            text = re.sub(rf"(?<!\w){re.escape(record)}(?!\w)", " ", text)
    return re.sub(r"[\d\s:·,.;()/–…-]+", " ", text).strip()


def test_every_page_is_in_the_list_of_pages_read_here(office: Office) -> None:
    assert len(pages(office)) >= 12
    assert "/login" in pages(office)


def in_polish(text: str, polish: set[str]) -> bool:
    return text not in ALLOWED_POLISH and (text in polish or bool(POLISH_LETTERS.search(text)))


def in_english(text: str, english: set[str]) -> bool:
    return text in english or bool(ENGLISH_ONLY.search(text))


@pytest.mark.parametrize(("lang", "other"), [("en", in_polish), ("pl", in_english)])
def test_every_page_says_nothing_in_the_other_language(
    office: Office, lang: str, other: Callable[[str, set[str]], bool]
) -> None:
    polish, english = catalogue_words()
    words = polish if lang == "en" else english
    known = records(office)
    found = []
    for path in pages(office):
        page = office.client.get(path, params={"lang": lang})
        assert page.status_code == 200, path
        found += [(path, text) for text in spoken(page.text) if other(leftover(text, known), words)]
    assert not found, "\n".join(sorted({text for _, text in found}))
