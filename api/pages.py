"""Rendering pages, and forms that come back with what was typed when a rule refuses them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from api.i18n import language
from domain.entity import EntityType
from domain.errors import DomainError, InvalidInputError
from domain.input_rules import check_wall_clock
from domain.values import ResourceKind, Sector, Stage, StakeholderStatus, SubType
from projections import i18n
from projections.documents import phrases
from projections.i18n import refusal


def labels(lang: str) -> dict[str, Any]:
    """The names of sectors, subtypes, statuses, resources and stages in the page's language."""
    lang = i18n.language_or_default(lang)
    return {
        "sector": i18n.labels(Sector, lang),
        "subtype": i18n.labels(SubType, lang),
        "status": i18n.labels(StakeholderStatus, lang),
        "resource": i18n.labels(ResourceKind, lang),
        "stages": [(stage.number, i18n.label(stage, lang)) for stage in Stage],
        "entity_type": i18n.labels(EntityType, lang),
        "meeting_state": phrases.MEETING_STATES[lang],
        "resolution_state": phrases.RESOLUTION_STATES[lang],
        "commitment_state": phrases.COMMITMENT_STATES[lang],
    }


def render(
    request: Request, name: str, context: dict[str, Any], status_code: int = 200
) -> HTMLResponse:
    context = {"labels": labels(language(request)), "form": {}, "error": None, **context}
    return request.app.state.templates.TemplateResponse(  # type: ignore[no-any-return]
        request, name, context, status_code=status_code
    )


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


async def typed(request: Request) -> dict[str, Any]:
    form = await request.form()
    return {k: v for k, v in form.items() if k != "csrf"}


def attempt(
    request: Request,
    action: Callable[[], object],
    *,
    then: str,
    page: str,
    context: Callable[[], dict[str, Any]],
    form: dict[str, Any],
) -> Response:
    """Run a use case; on refusal show the page again with the typed values and the reason."""
    from api.problems import status_of

    try:
        action()
    except DomainError as exc:
        status, _ = status_of(exc)
        said = refusal(exc, language(request))
        return render(request, page, {**context(), "form": form, "error": said}, status)
    return see_other(then)


def form_time(value: str) -> time | None:
    """A time typed in a form (HH:MM); refused in the domain's words if malformed."""
    if not value.strip():
        return None
    try:
        at = time.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInputError("time", "Not a time (HH:MM): {value!r}.", value=value) from None
    return check_wall_clock("time", at)
