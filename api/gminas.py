"""Gminas: their stage, catalogue and pact, as JSON and as pages."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from api.deps import RegistryDep
from domain.errors import NotFoundError
from domain.values import (
    RESOURCE_LABELS_PL,
    SECTOR_LABELS_PL,
    STAGE_LABELS_PL,
    STATUS_LABELS_PL,
    SUBTYPE_LABELS_PL,
)
from registry.views import plain

api = APIRouter(prefix="/api/gminas", tags=["gminas"])
pages = APIRouter(include_in_schema=False)


@api.get("")
def list_gminas(registry: RegistryDep) -> list[dict[str, Any]]:
    """Every registered gmina with its MLW stage."""
    return plain(registry.list_gminas())  # type: ignore[no-any-return]


@api.get("/{ref}")
def get_gmina(ref: str, registry: RegistryDep, as_of: date | None = None) -> dict[str, Any]:
    """One gmina (by TERC code or id), now or as of a date."""
    return plain(registry.get_gmina(registry.find_gmina(ref), as_of=as_of))  # type: ignore[no-any-return]


@api.get("/{ref}/catalogue")
def get_catalogue(
    ref: str,
    registry: RegistryDep,
    as_of: date | None = None,
    sector: str | None = None,
    status: str | None = None,
    q: str | None = None,
) -> list[dict[str, Any]]:
    """The gmina's catalogue of local stakeholders."""
    views = registry.catalogue(
        registry.find_gmina(ref), as_of=as_of, sector=sector, status=status, text=q
    )
    return plain(views)  # type: ignore[no-any-return]


@api.get("/{ref}/pact")
def get_pact(ref: str, registry: RegistryDep, as_of: date | None = None) -> dict[str, Any]:
    """The gmina's pact: theses, signatories, commitments."""
    return plain(registry.get_pact(registry.find_gmina(ref), as_of=as_of))  # type: ignore[no-any-return]


LABELS = {
    "sector": {k.value: v for k, v in SECTOR_LABELS_PL.items()},
    "subtype": {k.value: v for k, v in SUBTYPE_LABELS_PL.items()},
    "status": {k.value: v for k, v in STATUS_LABELS_PL.items()},
    "resource": {k.value: v for k, v in RESOURCE_LABELS_PL.items()},
    "stages": [(k.number, v) for k, v in STAGE_LABELS_PL.items()],
}


@pages.get("/", response_class=HTMLResponse)
def home(request: Request, registry: RegistryDep) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(  # type: ignore[no-any-return]
        request, "home.html", {"gminas": registry.list_gminas(), "labels": LABELS}
    )


@pages.get("/gminy/{ref}", response_class=HTMLResponse)
def dashboard(
    request: Request, ref: str, registry: RegistryDep, as_of: date | None = None
) -> HTMLResponse:
    gid = registry.find_gmina(ref)
    gmina = registry.get_gmina(gid, as_of=as_of)
    try:
        pact = registry.get_pact(gid, as_of=as_of)
    except NotFoundError:  # a gmina whose partnership is not open has no pact yet
        pact = None
    context = {
        "gmina": gmina,
        "catalogue": registry.catalogue(gid, as_of=as_of),
        "pact": pact,
        "as_of": as_of,
        "labels": LABELS,
    }
    return request.app.state.templates.TemplateResponse(  # type: ignore[no-any-return]
        request, "gmina.html", context
    )
