"""Documents as HTML from the jinja2 templates: the source of the PDF and DOCX too."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from projections.documents.data import Built
from projections.documents.polish import count_pl, format_date, format_time
from projections.i18n import catalogue

TEMPLATES = Path(__file__).parent / "templates"


def members_phrase(n: int, lang: str) -> str:
    """ "z 9 członków" / "z 1 członka" in Polish (genitive after "z")."""
    if lang == "en":
        return f"{n} member" if n == 1 else f"{n} members"
    return count_pl(n, "członka", "członków", "członków")


@cache
def environment(lang: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["j2", "html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_translations(catalogue("messages", lang))  # type: ignore[attr-defined]
    env.filters["d"] = lambda d: format_date(d, lang)
    env.filters["t"] = format_time
    env.filters["stop"] = lambda text: text if text.endswith(".") else f"{text}."
    env.filters["members"] = lambda n: members_phrase(n, lang)
    env.globals["lang"] = lang
    return env


def render_html(built: Built) -> str:
    p = built.provenance
    template = environment(p.lang).get_template(f"{p.kind}.html.j2")
    return template.render(doc=built.document, p=p, digest=built.digest)
