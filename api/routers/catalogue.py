"""The catalogue of local stakeholders: list, filter, add, edit, invite, archive."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import Field

from api.auth import Csrf, ReadScope, Scope, WriteScope
from api.deps import Views, ViewsDep, views_of
from api.inputs import Input
from api.pages import attempt, render, typed
from registry.views import FactView, StakeholderView

api = APIRouter(prefix="/api/gminas/{ref}/stakeholders", tags=["catalogue"])
pages = APIRouter(prefix="/gminy/{ref}/katalog", include_in_schema=False)


class NewStakeholder(Input):
    name: str = Field(min_length=1)
    subtype: str
    kind: str = "institution"
    legal_form: str = ""
    nip: str | None = None
    regon: str | None = None
    krs: str | None = None
    seat: str = ""
    area: str = ""
    resources_offered: list[str] = Field(default_factory=list)
    contact: str = ""
    effective_on: date | None = None
    different_stakeholder: bool = Field(
        default=False,
        description="Confirm that a name reading the same as a catalogue entry's (case, "
        "spacing, diacritics, look-alike letters) is a different stakeholder.",
    )


class StakeholderChanges(Input):
    name: str | None = None
    legal_form: str | None = None
    nip: str | None = None
    regon: str | None = None
    krs: str | None = None
    seat: str | None = None
    area: str | None = None
    resources_offered: list[str] | None = None
    contact: str | None = None
    effective_on: date | None = None
    expected_version: int | None = None
    different_stakeholder: bool = Field(
        default=False,
        description="Confirm that a name reading the same as a catalogue entry's (case, "
        "spacing, diacritics, look-alike letters) is a different stakeholder.",
    )


class Recategorise(Input):
    subtype: str
    effective_on: date | None = None


class Archive(Input):
    reason: str = Field(min_length=1)
    effective_on: date | None = None


class Dated(Input):
    effective_on: date | None = None


@api.get("")
def list_stakeholders(
    scope: ReadScope,
    as_of: date | None = None,
    sector: str | None = None,
    status: str | None = None,
    q: str | None = None,
    include_archived: bool = False,
) -> list[StakeholderView]:
    """The gmina's catalogue, now or as of a date, filtered by sector, status or name."""
    return scope.registry.catalogue(
        scope.gmina_id,
        as_of=as_of,
        sector=sector,
        status=status,
        text=q,
        include_archived=include_archived,
    )


@api.post("", status_code=201)
def add_stakeholder(scope: WriteScope, body: NewStakeholder) -> StakeholderView:
    """Enter an institution or a citizen leader in the catalogue."""
    sid = scope.registry.add_stakeholder(scope.gmina_id, **body.model_dump(), recorded_by=scope.by)
    return scope.registry.get_stakeholder(sid)


@api.get("/{sid}")
def get_stakeholder(scope: ReadScope, sid: UUID, as_of: date | None = None) -> StakeholderView:
    return scope.registry.get_stakeholder(scope.stakeholder(sid), as_of=as_of)


@api.get("/{sid}/history")
def stakeholder_history(scope: ReadScope, views: ViewsDep, sid: UUID) -> list[FactView]:
    """Every fact recorded about the stakeholder: when, by whom."""
    return views.meetings.history(scope.stakeholder(sid))


@api.patch("/{sid}")
def edit_stakeholder(scope: WriteScope, sid: UUID, body: StakeholderChanges) -> StakeholderView:
    """Correct or update details; send expected_version to refuse a concurrent edit (409)."""
    changes = body.model_dump(exclude_unset=True)
    on, expected = changes.pop("effective_on", None), changes.pop("expected_version", None)
    scope.registry.edit_stakeholder(
        scope.stakeholder(sid),
        recorded_by=scope.by,
        effective_on=on,
        expected_version=expected,
        **changes,
    )
    return scope.registry.get_stakeholder(sid)


@api.post("/{sid}/recategorise")
def recategorise(scope: WriteScope, sid: UUID, body: Recategorise) -> StakeholderView:
    scope.registry.recategorise_stakeholder(
        scope.stakeholder(sid), body.subtype, recorded_by=scope.by, effective_on=body.effective_on
    )
    return scope.registry.get_stakeholder(sid)


@api.post("/{sid}/invite")
def invite(scope: WriteScope, sid: UUID, body: Dated) -> StakeholderView:
    scope.registry.invite_stakeholder(
        scope.stakeholder(sid), recorded_by=scope.by, effective_on=body.effective_on
    )
    return scope.registry.get_stakeholder(sid)


@api.post("/{sid}/archive")
def archive(scope: WriteScope, sid: UUID, body: Archive) -> StakeholderView:
    scope.registry.archive_stakeholder(
        scope.stakeholder(sid),
        reason=body.reason,
        recorded_by=scope.by,
        effective_on=body.effective_on,
    )
    return scope.registry.get_stakeholder(sid)


# --- pages ------------------------------------------------------------------------------


def catalogue_context(scope: Scope, request: Request) -> dict[str, Any]:
    p = request.query_params
    return {
        "scope": scope,
        "gmina": scope.registry.get_gmina(scope.gmina_id),
        "page": "catalogue",
        "catalogue": scope.registry.catalogue(
            scope.gmina_id,
            sector=p.get("sector") or None,
            status=p.get("status") or None,
            text=p.get("q") or None,
        ),
        "filters": {k: p.get(k, "") for k in ("sector", "status", "q")},
    }


@pages.get("", response_class=HTMLResponse)
def catalogue_page(request: Request, scope: ReadScope) -> HTMLResponse:
    return render(request, "catalogue.html", catalogue_context(scope, request))


def blank(value: Any) -> Any:
    return value.strip() or None if isinstance(value, str) else value


@pages.post("", dependencies=[Csrf])
async def add_form(request: Request, scope: WriteScope) -> Response:
    form = await typed(request)

    def field(name: str) -> str:
        return str(form.get(name, ""))

    def act() -> None:
        scope.registry.add_stakeholder(
            scope.gmina_id,
            name=field("name"),
            subtype=field("subtype"),
            legal_form=field("legal_form"),
            seat=field("seat"),
            area=field("area"),
            kind="person" if form.get("person") else "institution",
            nip=blank(form.get("nip", "")),
            regon=blank(form.get("regon", "")),
            contact=str(form.get("contact", "")),
            recorded_by=scope.by,
            different_stakeholder=bool(form.get("different_stakeholder")),
        )

    return await run_in_thread(
        request,
        act,
        f"/gminy/{scope.ref}/katalog",
        "catalogue.html",
        lambda: catalogue_context(scope, request),
        form,
    )


async def run_in_thread(
    request: Request, act: Any, then: str, page: str, context: Any, form: dict[str, Any]
) -> Response:
    # The registry is synchronous: forms read asynchronously, then the use case runs in a thread.
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(
        attempt, request, act, then=then, page=page, context=context, form=form
    )


def edit_context(scope: Scope, views: Views, sid: UUID) -> dict[str, Any]:
    return {
        "scope": scope,
        "gmina": scope.registry.get_gmina(scope.gmina_id),
        "page": "catalogue",
        "s": scope.registry.get_stakeholder(sid),
        "history": views.meetings.history(sid),
    }


@pages.get("/{sid}", response_class=HTMLResponse)
def edit_page(request: Request, scope: ReadScope, views: ViewsDep, sid: UUID) -> HTMLResponse:
    return render(request, "stakeholder.html", edit_context(scope, views, scope.stakeholder(sid)))


@pages.post("/{sid}", dependencies=[Csrf])
async def edit_form(request: Request, scope: WriteScope, sid: UUID) -> Response:
    form = await typed(request)
    keys = ("name", "legal_form", "seat", "area", "contact", "nip", "regon")
    changes = {k: blank(str(form[k])) for k in keys if k in form}
    changes = {k: v for k, v in changes.items() if v is not None or k in ("nip", "regon")}

    def act() -> None:
        version = form.get("version")
        scope.registry.edit_stakeholder(
            scope.stakeholder(sid),
            recorded_by=scope.by,
            expected_version=int(str(version)) if version else None,
            **changes,
        )

    return await run_in_thread(
        request,
        act,
        f"/gminy/{scope.ref}/katalog/{sid}",
        "stakeholder.html",
        lambda: edit_context(scope, views_of(request), sid),
        form,
    )


@pages.post("/{sid}/zaproszenie", dependencies=[Csrf])
def invite_form(request: Request, scope: WriteScope, sid: UUID) -> Response:
    return attempt(
        request,
        lambda: scope.registry.invite_stakeholder(scope.stakeholder(sid), recorded_by=scope.by),
        then=f"/gminy/{scope.ref}/katalog/{sid}",
        page="stakeholder.html",
        context=lambda: edit_context(scope, views_of(request), sid),
        form={},
    )


ROUTERS = (api, pages)
