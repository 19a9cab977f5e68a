"""The pact: theses, signatories joining and leaving, commitments; declared cooperation."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import Field

from api.auth import Csrf, ReadScope, Scope, WriteScope
from api.inputs import Input
from api.pages import render, typed
from api.routers.catalogue import blank, run_in_thread
from registry.cooperation import CooperationView
from registry.views import PactView

api = APIRouter(prefix="/api/gminas/{ref}/pact", tags=["pact"])
pages = APIRouter(prefix="/gminy/{ref}/pakt", include_in_schema=False)


class Join(Input):
    stakeholder_id: UUID
    representative: str | None = None
    representative_contact: str = ""
    representative_function: str = ""
    form: str = "lasting"
    role: str = "associated_institution"
    effective_on: date | None = None


class Leave(Input):
    reason: str = ""
    effective_on: date | None = None


class Theses(Input):
    theses: list[str]
    effective_on: date | None = None
    expected_version: int | None = None


class NewCommitment(Input):
    stakeholder_id: UUID
    resource: str
    description: str = Field(min_length=1)
    quantity: Decimal | None = None
    unit: str = ""
    beneficiary: str = ""
    beneficiary_id: UUID | None = None
    joint_with: list[UUID] | None = None
    due_on: date | None = None
    effective_on: date | None = None


class Revision(Input):
    description: str | None = None
    quantity: Decimal | None = None
    unit: str | None = None
    due_on: date | None = None
    note: str = ""
    effective_on: date | None = None


class Closing(Input):
    note: str = ""
    effective_on: date | None = None


class NewCooperation(Input):
    stakeholder_id: UUID
    partner_id: UUID
    subject: str = Field(min_length=1)
    form: str = "lasting"
    effective_on: date | None = None


@api.get("")
def get_pact(scope: ReadScope, as_of: date | None = None) -> PactView:
    """The pact: theses, signatories, commitments, now or as of a date."""
    return scope.registry.get_pact(scope.gmina_id, as_of=as_of)


@api.put("/theses")
def set_theses(scope: WriteScope, body: Theses) -> PactView:
    scope.registry.set_theses(
        scope.gmina_id,
        body.theses,
        recorded_by=scope.by,
        effective_on=body.effective_on,
        expected_version=body.expected_version,
    )
    return scope.registry.get_pact(scope.gmina_id)


@api.post("/signatories", status_code=201)
def join(scope: WriteScope, body: Join) -> PactView:
    """A stakeholder joins the pact (becomes a signatory)."""
    fields = body.model_dump(exclude={"stakeholder_id"})
    scope.registry.join_pact(
        scope.gmina_id, scope.stakeholder(body.stakeholder_id), **fields, recorded_by=scope.by
    )
    return scope.registry.get_pact(scope.gmina_id)


@api.post("/signatories/{sid}/leave")
def leave(scope: WriteScope, sid: UUID, body: Leave) -> PactView:
    scope.registry.leave_pact(
        scope.gmina_id, scope.stakeholder(sid), **body.model_dump(), recorded_by=scope.by
    )
    return scope.registry.get_pact(scope.gmina_id)


@api.post("/commitments", status_code=201)
def make_commitment(scope: WriteScope, body: NewCommitment) -> PactView:
    """A signatory commits a resource to the partnership."""
    fields = body.model_dump(exclude={"stakeholder_id"})
    scope.registry.make_commitment(
        scope.gmina_id, scope.stakeholder(body.stakeholder_id), **fields, recorded_by=scope.by
    )
    return scope.registry.get_pact(scope.gmina_id)


@api.post("/commitments/{cid}/revise")
def revise_commitment(scope: WriteScope, cid: UUID, body: Revision) -> PactView:
    changes = body.model_dump(exclude_unset=True, exclude={"note", "effective_on"})
    scope.registry.revise_commitment(
        scope.gmina_id,
        cid,
        note=body.note,
        recorded_by=scope.by,
        effective_on=body.effective_on,
        **changes,
    )
    return scope.registry.get_pact(scope.gmina_id)


@api.post("/commitments/{cid}/fulfil")
def fulfil_commitment(scope: WriteScope, cid: UUID, body: Closing) -> PactView:
    scope.registry.fulfil_commitment(scope.gmina_id, cid, **body.model_dump(), recorded_by=scope.by)
    return scope.registry.get_pact(scope.gmina_id)


@api.post("/commitments/{cid}/withdraw")
def withdraw_commitment(scope: WriteScope, cid: UUID, body: Closing) -> PactView:
    scope.registry.withdraw_commitment(
        scope.gmina_id, cid, **body.model_dump(), recorded_by=scope.by
    )
    return scope.registry.get_pact(scope.gmina_id)


cooperation = APIRouter(prefix="/api/gminas/{ref}/cooperation", tags=["pact"])


@cooperation.post("", status_code=201)
def declare_cooperation(scope: WriteScope, body: NewCooperation) -> CooperationView:
    """Two stakeholders declare they cooperate (a tie in the network)."""
    cid = scope.registry.declare_cooperation(
        scope.gmina_id,
        scope.stakeholder(body.stakeholder_id),
        scope.stakeholder(body.partner_id),
        subject=body.subject,
        form=body.form,
        recorded_by=scope.by,
        effective_on=body.effective_on,
    )
    return scope.registry.get_cooperation(cid)


@cooperation.post("/{cid}/end")
def end_cooperation(scope: WriteScope, cid: UUID, body: Leave) -> CooperationView:
    scope.registry.end_cooperation(scope.gmina_id, cid, **body.model_dump(), recorded_by=scope.by)
    return scope.registry.get_cooperation(cid)


# --- pages ------------------------------------------------------------------------------


def pact_context(scope: Scope) -> dict[str, Any]:
    reg = scope.registry
    return {
        "scope": scope,
        "page": "pact",
        "gmina": reg.get_gmina(scope.gmina_id),
        "pact": reg.get_pact(scope.gmina_id),
        "catalogue": reg.catalogue(scope.gmina_id),
    }


@pages.get("", response_class=HTMLResponse)
def pact_page(request: Request, scope: ReadScope) -> HTMLResponse:
    return render(request, "pact.html", pact_context(scope))


@pages.post("/sygnatariusze", dependencies=[Csrf])
async def join_form(request: Request, scope: WriteScope) -> Response:
    form = await typed(request)

    def act() -> None:
        scope.registry.join_pact(
            scope.gmina_id,
            scope.stakeholder(UUID(str(form.get("stakeholder_id")))),
            representative=blank(str(form.get("representative", ""))),
            form=str(form.get("form", "lasting")),
            recorded_by=scope.by,
        )

    return await run_in_thread(
        request, act, f"/gminy/{scope.ref}/pakt", "pact.html", lambda: pact_context(scope), form
    )


@pages.post("/zobowiazania", dependencies=[Csrf])
async def commitment_form(request: Request, scope: WriteScope) -> Response:
    form = await typed(request)

    def act() -> None:
        due = str(form.get("due_on", ""))
        scope.registry.make_commitment(
            scope.gmina_id,
            scope.stakeholder(UUID(str(form.get("stakeholder_id")))),
            resource=str(form.get("resource", "")),
            description=str(form.get("description", "")),
            quantity=blank(str(form.get("quantity", ""))),
            unit=str(form.get("unit", "")),
            due_on=date.fromisoformat(due) if due else None,
            recorded_by=scope.by,
        )

    return await run_in_thread(
        request, act, f"/gminy/{scope.ref}/pakt", "pact.html", lambda: pact_context(scope), form
    )


ROUTERS = (api, cooperation, pages)
