"""The OpenAPI description as a product: refusals, the bearer scheme, and /docs served offline.

Every API operation may answer a problem document (RFC 9457, application/problem+json):
401 without a valid token, 403 outside the account's gminas, 404 an unknown id, 409 a rule
of the model or a concurrent edit, 422 invalid input naming the field. The bearer scheme
is declared so the "Authorize" button of /docs works, and /docs loads Swagger UI from the
installed package, not a CDN: a gmina office may have no internet.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from swagger_ui_bundle import swagger_ui_path

PROBLEM = "application/problem+json"
ASSETS = "/docs-assets"


class Problem(BaseModel):
    """A refusal in words (RFC 9457)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    field: str | None = Field(default=None, description="The input at fault (422).")
    errors: list[dict[str, Any]] | None = Field(
        default=None, description="Every input at fault, when the request was malformed (422)."
    )


REFUSALS = {
    "400": "Malformed request: the body is not JSON.",
    "401": "Not authenticated: no token, or one that is not (or no longer) valid.",
    "403": "Forbidden: the account may not read or change this gmina.",
    "404": "Not found: no such gmina, record or id.",
    "409": "Refused by a rule of the model, or someone else changed the record first.",
    "422": "Invalid input: the problem document names the field.",
    "429": "Too many attempts: wait and try again.",
    "503": "The registry cannot record right now: try again later.",
}
# Operations that need no token (logging in).
OPEN = {("/api/token", "post"), ("/healthz", "get"), ("/readyz", "get"), ("/metrics", "get")}
# Documents come as a page, a PDF or a Word file.
DOCUMENT_TYPES = (
    "text/html",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)


def problem_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {PROBLEM: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }


WALL_CLOCK = {
    "type": "string",
    "pattern": "^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,6})?)?$",
    "description": "A local wall-clock time, HH:MM[:SS], without a UTC offset.",
    "examples": ["10:00"],
}


def wall_clock_times(node: Any) -> None:
    """Times of day are local: JSON Schema's "time" format (RFC 3339) demands an offset."""
    if isinstance(node, dict):
        if node.get("format") == "time":
            node.pop("format")
            for key, value in WALL_CLOCK.items():
                node.setdefault(key, value)
        for value in node.values():
            wall_clock_times(value)
    elif isinstance(node, list):
        for value in node:
            wall_clock_times(value)


def describe(app: FastAPI) -> dict[str, Any]:
    """The application's OpenAPI description, refusals and security included."""
    if app.openapi_schema:
        return app.openapi_schema
    spec = get_openapi(
        title=app.title, version=app.version, description=app.description, routes=app.routes
    )
    schemas = spec.setdefault("components", {}).setdefault("schemas", {})
    schemas["Problem"] = Problem.model_json_schema()
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    spec["components"]["securitySchemes"] = {
        "bearer": {
            "type": "http",
            "scheme": "bearer",
            "description": "A token from POST /api/token (or `mlw account token`).",
        }
    }
    spec["security"] = [{"bearer": []}]
    wall_clock_times(spec)
    for path, item in spec.get("paths", {}).items():
        for method, operation in item.items():
            responses = operation.setdefault("responses", {})
            for status, description in REFUSALS.items():
                responses[status] = problem_response(description)
            if (path, method) in OPEN:
                operation["security"] = []
            if "/documents/{kind}" in path:
                for status in [s for s in responses if s.startswith("2")]:
                    responses[status]["content"] = {m: {"schema": {}} for m in DOCUMENT_TYPES}
    app.openapi_schema = spec
    return spec


# No inline script: Swagger UI is started by api/static/docs.js.
DOCS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
<link rel="icon" href="{assets}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{assets}/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body>
</html>
"""


def serve_docs(app: FastAPI) -> None:
    """/docs from the Swagger UI files of the swagger-ui-bundle package."""
    app.mount(ASSETS, StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(DOCS_PAGE.format(title=f"{app.title} – API", assets=ASSETS))

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> RedirectResponse:
        return RedirectResponse("/docs")  # ReDoc ships no offline bundle here

    app.openapi = lambda: describe(app)  # type: ignore[method-assign]
