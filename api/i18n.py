"""The reader's language: Polish first on pages, English on request (``?lang=en``, a cookie).

The words themselves live in the gettext catalogues of ``projections.i18n``. The API speaks
English unless the request asks otherwise (``?lang``, the cookie, ``Accept-Language``), so
problem documents keep the English ``detail`` their clients read today.
"""

from __future__ import annotations

from collections.abc import Callable

from babel import negotiate_locale
from fastapi import Request

from projections.i18n import LANGS, catalogue
from projections.i18n import translator as catalogue_translator

__all__ = ["LANGS", "api_language", "context_translator", "language", "translator"]


def language(request: Request) -> str:
    """The language of a page: ``?lang``, else the cookie, else Polish."""
    asked = request.query_params.get("lang") or request.cookies.get("lang") or "pl"
    return asked if asked in LANGS else "pl"


def api_language(request: Request) -> str:
    """The language of an API answer: ``?lang``, the cookie, ``Accept-Language``, else English."""
    asked = request.query_params.get("lang") or request.cookies.get("lang")
    if asked in LANGS:
        return asked
    return negotiate_locale(accepted(request.headers.get("accept-language", "")), LANGS) or "en"


def accepted(header: str) -> list[str]:
    """The languages of an ``Accept-Language`` header, most wanted first."""
    ranked: list[tuple[float, str]] = []
    for part in header.split(","):
        tag, _, q = part.strip().partition(";q=")
        try:
            weight = float(q) if q else 1.0
        except ValueError:
            continue
        if tag and tag != "*" and weight > 0:
            ranked.append((weight, tag.split("-")[0].lower()))
    return [tag for _, tag in sorted(ranked, key=lambda r: -r[0])]


def translator(lang: str) -> Callable[[str], str]:
    return catalogue_translator(lang)


def context_translator(lang: str) -> Callable[[str, str], str]:
    """Words whose English depends on where they stand: ``pgettext(context, msgid)``."""
    return catalogue("messages", lang if lang in LANGS else "pl").pgettext
