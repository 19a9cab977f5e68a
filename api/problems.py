"""Refusals in words: RFC 9457 problem documents for the API, an error page for people."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.auth import LoginRequiredError
from domain.account import AccessDeniedError, AuthenticationError
from domain.errors import ConflictError, DomainError, InvalidInputError, NotFoundError


def status_of(exc: DomainError) -> tuple[int, str]:
    if isinstance(exc, NotFoundError):
        return 404, "Not found"
    if isinstance(exc, InvalidInputError):
        return 422, "Invalid input"
    if isinstance(exc, AccessDeniedError):
        return 403, "Forbidden"
    if isinstance(exc, AuthenticationError):
        return 401, "Not authenticated"
    if isinstance(exc, ConflictError):
        return 409, "Conflict"
    return 409, "Refused by a rule of the registry"


def problem_json(status: int, title: str, detail: str, **extra: Any) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra}
    return JSONResponse(body, status_code=status, media_type="application/problem+json")


def problem(request: Request, exc: DomainError) -> Response:
    """A refusal as an RFC 9457 problem document (JSON) or an error page (HTML)."""
    status, title = status_of(exc)
    if request.url.path.startswith("/api/"):
        extra = {"field": exc.field} if isinstance(exc, InvalidInputError) else {}
        response = problem_json(status, title, str(exc), **extra)
        if status == 401:
            response.headers["WWW-Authenticate"] = "Bearer"
        return response
    if isinstance(exc, LoginRequiredError):
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"title": title, "detail": str(exc)}, status_code=status
    )


def invalid_request(request: Request, exc: RequestValidationError) -> Response:
    """Malformed input as a problem document naming the first field at fault."""
    errors = exc.errors()
    first = errors[0] if errors else {}
    field = ".".join(str(p) for p in first.get("loc", ())[1:]) or "body"
    message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
    detail = message if message.startswith(f"{field}: ") else f"{field}: {message}"
    if request.url.path.startswith("/api/"):
        return problem_json(422, "Invalid input", detail, field=field, errors=jsonable(errors))
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"title": "Invalid input", "detail": detail}, status_code=422
    )


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
