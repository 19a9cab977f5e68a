"""The reader's language: Polish first on pages, English on request (``?lang=en``, a cookie).

The words themselves live in the gettext catalogues of ``projections.i18n``. The API speaks
English unless the request asks otherwise (``?lang``, the cookie, ``Accept-Language``), so
problem documents keep the English ``detail`` their clients read today.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs

from babel import negotiate_locale
from fastapi import Request
from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from projections.i18n import LANGS, catalogue
from projections.i18n import translator as catalogue_translator

__all__ = [
    "LANGS",
    "RememberLanguage",
    "api_language",
    "context_translator",
    "language",
    "translator",
]


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


class RememberLanguage:
    """A language chosen with ``?lang=`` is remembered in a cookie for a year.

    A plain ASGI middleware: requests without ``lang`` in the query pass straight through.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        query: bytes = scope.get("query_string", b"") if scope["type"] == "http" else b""
        if b"lang=" not in query:
            await self.app(scope, receive, send)
            return
        lang = parse_qs(query.decode("latin-1")).get("lang", [""])[-1]
        if lang not in LANGS:
            await self.app(scope, receive, send)
            return
        cookie = Response()
        cookie.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")
        header = cookie.headers["set-cookie"]

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("set-cookie", header)
            await send(message)

        await self.app(scope, receive, send_with_cookie)
