"""One way to say things in two languages: gettext catalogues in ``projections/locale``.

Two gettext domains, each with one msgid convention, so a translator never has to guess:

- ``messages``: the words of pages, documents, labels and risk flags. The registry speaks
  Polish first, so the msgid is the Polish text; ``en/LC_MESSAGES/messages.po`` says it in
  English.
- ``errors``: the refusals of the domain. A ``DomainError`` carries an English template and
  its values (``str()`` of the error is the English sentence), so the msgid is that
  template; ``pl/LC_MESSAGES/errors.po`` says it in Polish. Values that are words (a state,
  a kind) are looked up too, under the context ``value``.

The .po files are the only source. They are compiled in memory (``babel.messages``) the
first time a language is asked for, so no .mo file is committed or built by hand, and a
translation edited in a .po file is what the next start of the registry shows.
``./dev messages`` extracts the msgids (``pybabel extract``, mapping in ``babel.cfg``) and
updates the catalogues (``pybabel update``).
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Mapping
from enum import Enum
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from domain.errors import DomainError
from domain.values import Term

LOCALE = Path(__file__).parent / "locale"
LANGS = ("pl", "en")
# The language each domain's msgids are written in: it needs no catalogue.
SOURCE = {"messages": "pl", "errors": "en"}


def N_(text: str) -> str:
    return text


def E_(text: str) -> str:
    return text


@cache
def catalogue(domain: str, lang: str) -> gettext.NullTranslations:
    """The translations of one domain into one language, compiled from its .po file."""
    if lang == SOURCE[domain]:
        return gettext.NullTranslations()
    with (LOCALE / lang / "LC_MESSAGES" / f"{domain}.po").open("rb") as po:
        compiled = BytesIO()
        write_mo(compiled, read_po(po, locale=lang, domain=domain))
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def language_or_default(lang: str | None) -> str:
    return lang if lang in LANGS else "pl"


def translator(lang: str) -> Callable[[str], str]:
    """The words of pages and documents (Polish msgids) in ``lang``."""
    return catalogue("messages", language_or_default(lang)).gettext


def label(term: Term, lang: str) -> str:
    """A word of the model (a sector, a stage, a role …) in ``lang``."""
    return translator(lang)(term.polish)


def labels(table: Mapping[Any, str] | type[Term], lang: str) -> dict[str, str]:
    """The words of one kind (``Sector``), or a table of Polish words keyed by value or
    enum member, as ``value -> word`` in ``lang``."""
    _ = translator(lang)
    if isinstance(table, type):
        return {term.value: _(term.polish) for term in table}
    return {getattr(k, "value", k): _(v) for k, v in table.items()}


def refusal(exc: DomainError, lang: str) -> str:
    """A refusal of the domain in ``lang``: its template translated, then its values put in."""
    if lang == SOURCE["errors"] or not exc.template:
        return str(exc)
    words = catalogue("errors", language_or_default(lang))
    params = {name: value_in(words, value) for name, value in exc.params.items()}
    said = words.gettext(exc.template)
    return said.format(**params) if exc.params else said


def value_in(words: gettext.NullTranslations, value: Any) -> Any:
    """A value that is a word in the catalogue's language.

    An enum member is looked up under its class's name (``msgctxt "ResolutionState"``), since
    Polish words agree with what they describe; any other word under ``value``.
    """
    if isinstance(value, Enum):
        if isinstance(value.value, str):
            return words.pgettext(type(value).__name__, value.value)
        return value.value
    if isinstance(value, str) and value:
        return words.pgettext("value", value)
    return value
