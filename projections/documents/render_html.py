"""Documents as HTML from the jinja2 templates: the source of the PDF and DOCX too."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from projections.documents.data import Built
from projections.documents.polish import count_pl, format_date, format_time
from projections.documents.typography import NBSP, typeset
from projections.i18n import catalogue

TEMPLATES = Path(__file__).parent / "templates"
TAG = re.compile(r"(<[^>]*>)")


def members_phrase(n: int, lang: str) -> str:
    """ "z 9 członków" / "z 1 członka" in Polish (genitive after "z")."""
    if lang == "en":
        return f"{n} member" if n == 1 else f"{n} members"
    return count_pl(n, "członka", "członków", "członków")


def typeset_value(value: Any, lang: str) -> Any:
    """Every printed text typeset (non-breaking spaces); markup keeps its tags."""
    if isinstance(value, Markup):
        pieces = TAG.split(str(value))
        return Markup("".join(p if TAG.fullmatch(p) else typeset(p, lang) for p in pieces))
    if isinstance(value, str):
        return typeset(value, lang)
    return value


def one_per_line(identifiers: str) -> Markup:
    """ "KRS …, REGON …, NIP …" one to a line, none of the numbers broken."""
    parts = [escape(p.strip().replace(" ", NBSP)) for p in identifiers.split(",") if p.strip()]
    return Markup("<br>").join(parts)


@cache
def environment(lang: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["j2", "html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
        finalize=lambda value: typeset_value(value, lang),
    )
    env.install_gettext_translations(catalogue("messages", lang))  # type: ignore[attr-defined]
    env.filters["d"] = lambda d: format_date(d, lang)
    env.filters["t"] = format_time
    env.filters["stop"] = lambda text: text if text.endswith(".") else f"{text}."
    env.filters["members"] = lambda n: members_phrase(n, lang)
    env.filters["ids"] = one_per_line
    env.globals["lang"] = lang
    return env


def render_html(built: Built) -> str:
    p = built.provenance
    template = environment(p.lang).get_template(f"{p.kind}.html.j2")
    return template.render(doc=built.document, p=p, digest=built.digest)
