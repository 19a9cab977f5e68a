"""A store that cannot record or read answers 503 in words, never a bare 500 or a reset."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from api.i18n import language, translator
from api.problems import problem_json
from registry.storage_failures import STORAGE_ERRORS, StorageFailure, storage_failure

READS = ("GET", "HEAD", "OPTIONS")


def store_unavailable(request: Request, exc: Exception) -> Response:
    """503 with Retry-After: a problem document for the API, an error page for people."""
    failure = storage_failure(exc)
    if failure is None:
        raise exc  # not the store's doing: the server's own error handling answers
    writing = request.method not in READS
    headers = {"Retry-After": str(failure.retry_after)}
    if request.url.path.startswith("/api/"):
        return unavailable(failure, writing)
    lang = language(request)
    title = translator(lang)("Rejestr chwilowo niedostępny")
    return request.app.state.templates.TemplateResponse(  # type: ignore[no-any-return]
        request,
        "error.html",
        {"title": title, "detail": failure.sentence(lang, writing)},
        status_code=503,
        headers=headers,
    )


def unavailable(failure: StorageFailure, writing: bool = True) -> JSONResponse:
    """The API's 503 problem document, in English with the Polish beside, and Retry-After."""
    response = problem_json(
        503,
        "Service unavailable",
        failure.sentence("en", writing),
        detail_pl=failure.sentence("pl", writing),
        retry_after=failure.retry_after,
    )
    response.headers["Retry-After"] = str(failure.retry_after)
    return response


def answer_storage_failures(app: FastAPI) -> None:
    for error in STORAGE_ERRORS:
        app.add_exception_handler(error, store_unavailable)
