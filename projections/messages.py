"""Extracting every msgid and keeping the catalogues in step: ``./dev messages``.

``messages`` (Polish msgids) are found by Babel's extractors with the mapping in
``babel.cfg``; ``errors`` (English templates of refusals) are found in the source by
``refusal_templates``: every call of a ``DomainError`` class with a literal template. Each
catalogue in ``projections/locale`` is then updated (``Catalog.update``, as ``pybabel
update`` does): new msgids are added untranslated, translations already made are kept.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Any, TypeGuard

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

from domain.document import DocumentKind
from domain.entity import EntityState
from domain.errors import DomainError
from domain.minutes import MeetingState, MinutesState
from domain.resolution import ResolutionState
from domain.values import CommitmentState, Term
from domain.voting import VoteChoice
from projections.i18n import LANGS, LOCALE, SOURCE
from registry.base import NOUNS

ROOT = Path(__file__).parent.parent
KEYWORDS = {
    "_": None,
    "N_": None,
    "said": None,  # projections.risk_model.said: a risk flag's Polish template
    "gettext": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
}
PACKAGES = ("domain", "registry", "projections", "api")


def page_messages() -> Catalog:
    """The words of pages, documents and labels, with where each stands."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = Catalog(locale=None, domain="messages")
    for path, line, msgid, comments, context in extract_from_dir(
        ROOT, method_map, options_map, keywords=KEYWORDS
    ):
        found.add(msgid, locations=[(path, line)], auto_comments=comments, context=context)
    for where, words in domain_words():
        for word in words:
            found.add(word, locations=[(where, 0)])
    return found


def domain_words() -> Iterator[tuple[str, list[str]]]:
    """The Polish names of the domain's words: each ``Term``'s members, and the tables of
    names that are not enums (``*_LABELS_PL``); each name is a msgid."""
    for where, namespace in domain_modules():
        for name, value in sorted(namespace.items()):
            if name.endswith("_LABELS_PL") and getattr(value, "__module__", None) is None:
                yield where, list(value.values())
    for where, kind in domain_terms():
        yield where, [term.polish for term in kind]


def domain_terms() -> Iterator[tuple[str, type[Term]]]:
    """Every kind of ``Term`` the domain defines, with the module that defines it."""
    for where, namespace in domain_modules():
        for value in namespace.values():
            if is_term(value) and value.__module__ == namespace["__name__"]:
                yield where, value


def domain_modules() -> Iterator[tuple[str, dict[str, Any]]]:
    for module in sorted((ROOT / "domain").glob("*.py")):
        yield f"domain/{module.name}", vars(__import__(f"domain.{module.stem}", fromlist=["_"]))


def is_term(value: object) -> TypeGuard[type[Term]]:
    return isinstance(value, type) and issubclass(value, Term) and value is not Term


def error_classes() -> dict[str, int]:
    """Every ``DomainError`` class by name, with the position of its template argument."""
    for package in PACKAGES:
        for module in sorted((ROOT / package).rglob("*.py")):
            __import__(".".join(module.relative_to(ROOT).with_suffix("").parts))
    positions: dict[str, int] = {}
    pending: list[type[DomainError]] = [DomainError]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        names = list(inspect.signature(cls.__init__).parameters)[1:]
        if "template" in names:
            positions[cls.__name__] = names.index("template")
    return positions


def refusal_templates(paths: Iterable[Path] | None = None) -> Iterator[tuple[str, Path, int]]:
    """Each literal template given to a ``DomainError`` class: (template, file, line)."""
    positions = error_classes()
    for path in paths or sorted(p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            at = positions.get(name or "")
            if name == "__init__" or at is None or len(node.args) <= at:
                continue
            arg = node.args[at]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                yield arg.value, path, node.lineno


# Words given as values to refusals: enum members (msgctxt: the class's name) and plain
# words (msgctxt "value"); see projections.i18n.value_in.
WORD_ENUMS: tuple[type[Enum], ...] = (
    CommitmentState,
    DocumentKind,
    EntityState,
    MeetingState,
    MinutesState,
    ResolutionState,
    VoteChoice,
)
WORDS = (
    "An arrival",  # Meeting.check_during
    "A departure",
    "revised",  # Pact.check_after_last_change
    "fulfilled",
    "withdrawn",
    "chosen",  # SocialEmploymentEntity, its state with spaces
    "created",
    "registered",
    "status lost",
    "agenda",  # Meeting.check_pointer, what an erratum points at
    "attendance",
    "action",
    "resolution",
    "meeting",  # projections.documents.build, what a document is of
    "resolution number",
    *NOUNS.values(),  # registry.base: what kind of record an id names
    "change",  # registry.access: what an account may not do
    "read",
)


# Why python-stdnum refuses a NIP or REGON: a refusal may give it as a value (``{reason}``).
STDNUM_REASONS = (InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength)


def error_messages() -> Catalog:
    """The refusals' templates, and the other English msgids marked ``E_`` (problem titles)."""
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found = Catalog(locale=None, domain="errors")
    for path, line, msgid, _, _ in extract_from_dir(
        ROOT, method_map, options_map, keywords={"E_": None}
    ):
        found.add(msgid, locations=[(path, line)])
    for template, source, line in refusal_templates():
        found.add(template, locations=[(str(source.relative_to(ROOT)), line)])
    for kind in WORD_ENUMS:
        for member in kind:
            found.add(member.value, context=kind.__name__)
    for word in WORDS:
        found.add(word, context="value")
    for reason in STDNUM_REASONS:
        found.add(reason.message, context="value")
    return found


def po_path(domain: str, lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / f"{domain}.po"


def update(domain: str, template: Catalog) -> None:
    """Bring every translation of ``domain`` in step with the msgids found in the source."""
    for lang in LANGS:
        if lang == SOURCE[domain]:
            continue
        path = po_path(domain, lang)
        if path.exists():
            with path.open("rb") as po:
                catalog = read_po(po, locale=lang, domain=domain)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(
                locale=lang,
                domain=domain,
                project="MLW Registry",
                copyright_holder="MLW Registry",
                msgid_bugs_address="",
                last_translator="MLW Registry",
                language_team=lang,
            )
        created = catalog.creation_date
        catalog.update(template, no_fuzzy_matching=True)
        # The header stays as it was, so a catalogue changes only where a message does.
        catalog.creation_date = catalog.revision_date = created
        catalog.fuzzy = False
        with path.open("wb") as po:
            write_po(po, catalog, no_location=True, ignore_obsolete=True, width=100)


def main() -> None:
    update("messages", page_messages())
    update("errors", error_messages())


if __name__ == "__main__":
    main()
