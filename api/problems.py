"""Refusals in words: RFC 9457 problem documents for the API, an error page for people.

Both speak the reader's language: a page that of the page (Polish unless asked), a problem
document that of the request (``?lang``, the cookie, ``Accept-Language``; English unless
asked). A problem document always carries the refusal in both languages too
(``detail_pl``, ``detail_en``), so a client can show either.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.auth import LoginRequiredError
from api.i18n import api_language, language
from domain.account import AccessDeniedError, AuthenticationError
from domain.errors import ConflictError, DomainError, InvalidInputError, NotFoundError
from projections.i18n import E_, LANGS, refusal


def status_of(exc: DomainError) -> tuple[int, str]:
    """The HTTP status of a refusal and its title (an English msgid of the errors domain)."""
    if isinstance(exc, NotFoundError):
        return 404, E_("Not found")
    if isinstance(exc, InvalidInputError):
        return 422, E_("Invalid input")
    if isinstance(exc, AccessDeniedError):
        return 403, E_("Forbidden")
    if isinstance(exc, AuthenticationError):
        return 401, E_("Not authenticated")
    if isinstance(exc, ConflictError):
        return 409, E_("Conflict")
    return 409, E_("Refused by a rule of the registry")


def said_in(lang: str, exc: DomainError) -> dict[str, str]:
    """A refusal's detail in ``lang``, and in both languages as extension members."""
    both = {f"detail_{each}": refusal(exc, each) for each in LANGS}
    return {"detail": both[f"detail_{lang}"], **both}


def problem_json(status: int, title: str, detail: str = "", **extra: Any) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type="application/problem+json")


def problem(request: Request, exc: DomainError) -> Response:
    """A refusal as an RFC 9457 problem document (JSON) or an error page (HTML)."""
    status, title = status_of(exc)
    if request.url.path.startswith("/api/"):
        extra = {"field": exc.field} if isinstance(exc, InvalidInputError) else {}
        lang = api_language(request)
        response = problem_json(status, title_in(lang, title), **said_in(lang, exc), **extra)
        if status == 401:
            response.headers["WWW-Authenticate"] = "Bearer"
        return response
    if isinstance(exc, LoginRequiredError):
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    lang = language(request)
    said = {"title": title_in(lang, title), "detail": refusal(exc, lang)}
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", said, status_code=status)


def title_in(lang: str, title: str) -> str:
    return refusal(DomainError(title), lang)


def invalid_request(request: Request, exc: RequestValidationError) -> Response:
    """Malformed input as a problem document naming the first field at fault."""
    errors = exc.errors()
    first = errors[0] if errors else {}
    field = ".".join(str(p) for p in first.get("loc", ())[1:]) or "body"
    message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
    detail = message if message.startswith(f"{field}: ") else f"{field}: {message}"
    if request.url.path.startswith("/api/"):
        return problem_json(422, "Invalid input", detail, field=field, errors=jsonable(errors))
    said = {"title": title_in(language(request), E_("Invalid input")), "detail": detail}
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, "error.html", said, status_code=422)


async def http_problem(request: Request, exc: StarletteHTTPException) -> Response:
    """The framework's own refusals (a body that is not JSON, a wrong method) as problems too."""
    if not request.url.path.startswith("/api/"):
        return await http_exception_handler(request, exc)
    title = HTTPStatus(exc.status_code).phrase if exc.status_code in HTTP_CODES else "Error"
    response = problem_json(exc.status_code, title, str(exc.detail))
    response.headers.update(exc.headers or {})
    return response


HTTP_CODES = {s.value for s in HTTPStatus}


def jsonable(errors: Any) -> list[dict[str, Any]]:
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in errors]
