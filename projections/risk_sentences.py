"""A risk flag's sentences: written once in Polish (a msgid of ``messages``), said in both."""

from __future__ import annotations

from projections.i18n import LANGS, translator


def said(template: str, **params: object) -> dict[str, str]:
    """A flag's sentence in every language, from its Polish template (a msgid of messages)."""
    return {f"sentence_{lang}": translator(lang)(template).format(**params) for lang in LANGS}


def joined(sentences: dict[str, str], pl: str, en: str) -> dict[str, str]:
    """A flag's sentences with a note (``coordinator_note``) after each."""
    return {
        "sentence_pl": sentences["sentence_pl"] + pl,
        "sentence_en": sentences["sentence_en"] + en,
    }
