"""Gminas: registered and renamed, their MLW stage and the dashboard, as JSON and as pages."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel, Field

from api.auth import AccountDep, Csrf, ReadScope, Scope, WriteScope
from api.deps import RegistryDep, Views, ViewsDep
from api.inputs import Input
from api.pages import attempt, render
from domain.errors import NotFoundError
from projections.i18n import translator
from registry.access import check_may_register, may_read
from registry.views import GminaView, plain

api = APIRouter(prefix="/api/gminas", tags=["gminas"])
pages = APIRouter(include_in_schema=False)


class NewGmina(Input):
    terc: str = Field(description="7-digit TERC code (WWPPGGR).")
    name: str = Field(min_length=1)
    powiat: str = Field(min_length=1)
    voivodeship: str | None = Field(default=None, description="Checked against the TERC code.")
    effective_on: date | None = None


class GminaChanges(Input):
    name: str | None = None
    powiat: str | None = None
    terc: str | None = Field(default=None, description="A new TERC code; the id stays.")
    effective_on: date | None = None
    expected_version: int | None = None


class OpenPartnership(Input):
    reason: str = Field(min_length=1)
    effective_on: date | None = None


class AdvanceStage(Input):
    stage: int = Field(ge=2, le=6)
    reason: str = Field(min_length=1)
    decided_by: str | None = None
    effective_on: date | None = None


class OverrideStage(AdvanceStage):
    override_reason: str = Field(
        min_length=1, description="Why it is reached without the previous stage's product."
    )


class NewAnalysis(Input):
    findings: str = Field(min_length=1, description="What the team's analysis found.")
    entity_type: str = Field(description="cis, kis, zaz, wtz or social_cooperative.")
    rationale: str = Field(min_length=1, description="Why the team chose this entity.")
    decided_by: str = Field(default="", description="The sitting or resolution.")
    effective_on: date | None = None


class FlagOut(BaseModel):
    """A flag on the dashboard, in the reader's language; the risks page has its details."""

    rule: str
    risk: str
    risk_label: str
    severity: str
    sentence: str
    stakeholders: list[str]
    title: str = ""
    severity_label: str = ""
    why: str = ""
    step: str = ""
    seen: bool = False


class Dashboard(BaseModel):
    gmina: dict[str, Any]
    counts: dict[str, int]
    flags: list[FlagOut]


@api.get("")
def list_gminas(registry: RegistryDep, account: AccountDep) -> list[GminaView]:
    """The registered gminas this account may read, each with its MLW stage."""
    return [g for g in registry.list_gminas() if may_read(account, g.id, g.voivodeship)]


@api.post("", status_code=201)
def register_gmina(registry: RegistryDep, account: AccountDep, body: NewGmina) -> GminaView:
    """Enter a gmina in the registry (the regional coordinator of its voivodeship)."""
    check_may_register(account, body.terc)
    gid = registry.register_gmina(**body.model_dump(), recorded_by=account.username)
    return registry.get_gmina(gid)


@api.get("/{ref}")
def get_gmina(scope: ReadScope, as_of: date | None = None) -> GminaView:
    """One gmina (by TERC code or id), now or as of a date."""
    return scope.registry.get_gmina(scope.gmina_id, as_of=as_of)


@api.patch("/{ref}")
def change_gmina(scope: WriteScope, body: GminaChanges) -> GminaView:
    """Rename a gmina, change its powiat or record its new TERC code."""
    scope.registry.change_gmina(scope.gmina_id, **body.model_dump(), recorded_by=scope.by)
    return scope.registry.get_gmina(scope.gmina_id)


@api.post("/{ref}/partnership", status_code=201)
def open_partnership(scope: WriteScope, body: OpenPartnership) -> GminaView:
    """Open the MLW partnership process (stage 1) and draft the pact."""
    scope.registry.open_partnership(
        scope.gmina_id, reason=body.reason, recorded_by=scope.by, effective_on=body.effective_on
    )
    return scope.registry.get_gmina(scope.gmina_id)


@api.post("/{ref}/stages")
def advance_stage(scope: WriteScope, body: AdvanceStage) -> GminaView:
    """Move the partnership to its next MLW stage."""
    scope.registry.advance_stage(
        scope.gmina_id,
        body.stage,
        reason=body.reason,
        decided_by=body.decided_by,
        recorded_by=scope.by,
        effective_on=body.effective_on,
    )
    return scope.registry.get_gmina(scope.gmina_id)


@api.post("/{ref}/stages/override")
def override_stage(scope: ReadScope, body: OverrideStage) -> GminaView:
    """The regional coordinator moves the partnership to its next stage although the stage
    before left no product; the reason and what was missing are recorded and shown."""
    said = body.model_dump(exclude={"stage"})
    scope.registry.override_stage(scope.gmina_id, body.stage, **said, coordinator=scope.account)
    return scope.registry.get_gmina(scope.gmina_id)


@api.post("/{ref}/analysis", status_code=201)
def record_analysis(scope: WriteScope, body: NewAnalysis) -> GminaView:
    """The team's analysis (stage 5): its findings, the entity it chose, and why."""
    scope.registry.record_analysis(scope.gmina_id, **body.model_dump(), recorded_by=scope.by)
    return scope.registry.get_gmina(scope.gmina_id)


def flags_of(views: Views, scope: Scope, as_of: date | None, lang: str = "pl") -> list[FlagOut]:
    flags = views.read(lambda v: v.risks(scope.gmina_id, as_of))
    return [
        FlagOut(
            rule=f.rule,
            risk=f.risk,
            risk_label=f.risk_pl,
            severity=f.severity,
            sentence=f.text("sentence", lang),
            stakeholders=[s.name for s in f.stakeholders],
            title=f.text("title", lang),
            severity_label=translator(lang)(f.severity_pl),
            why=f.text("why", lang),
            step=f.text("step", lang),
            seen=f.seen,
        )
        for f in flags
    ]


def dashboard_data(scope: Scope, views: Views, as_of: date | None, lang: str) -> dict[str, Any]:
    reg, gid = scope.registry, scope.gmina_id
    gmina = reg.get_gmina(gid, as_of=as_of)
    try:
        pact = reg.get_pact(gid, as_of=as_of)
    except NotFoundError:  # a gmina whose partnership is not open has no pact yet
        pact = None
    meetings, resolutions = views.meetings.counts(gid, as_of)
    counts = {
        "stakeholders": len(reg.catalogue(gid, as_of=as_of)),
        "signatories": len(pact.signatories) if pact else 0,
        "commitments": len(pact.commitments) if pact else 0,
        "meetings": meetings,
        "resolutions": resolutions,
    }
    flags = flags_of(views, scope, as_of, lang)
    return {"gmina": gmina, "pact": pact, "counts": counts, "flags": flags}


def today_counts(scope: Scope, views: Views) -> dict[str, int]:
    """Today's counts of the dashboard straight from the read models' rows (the page's
    signatories by name are not needed to count them)."""
    stakeholders, signatories, commitments = views.catalogue.counts(scope.gmina_id)
    meetings, resolutions = views.meetings.counts(scope.gmina_id, None)
    return {
        "stakeholders": stakeholders,
        "signatories": signatories,
        "commitments": commitments,
        "meetings": meetings,
        "resolutions": resolutions,
    }


@api.get("/{ref}/dashboard")
def dashboard_json(
    scope: ReadScope, views: ViewsDep, as_of: date | None = None, lang: str = "pl"
) -> Dashboard:
    """Stage, counts and open risk flags: what the dashboard page shows."""
    if as_of is not None:
        data = dashboard_data(scope, views, as_of, lang)
        return Dashboard(gmina=plain(data["gmina"]), counts=data["counts"], flags=data["flags"])
    return Dashboard(
        gmina=plain(scope.registry.get_gmina(scope.gmina_id)),
        counts=today_counts(scope, views),
        flags=flags_of(views, scope, None, lang),
    )


@pages.get("/", response_class=HTMLResponse)
def home(request: Request, registry: RegistryDep, account: AccountDep) -> HTMLResponse:
    gminas = [g for g in registry.list_gminas() if may_read(account, g.id, g.voivodeship)]
    return render(request, "home.html", {"gminas": gminas, "account": account})


@pages.get("/gminy/{ref}", response_class=HTMLResponse)
def dashboard(
    request: Request, scope: ReadScope, views: ViewsDep, as_of: date | None = None
) -> HTMLResponse:
    lang = request.query_params.get("lang") or request.cookies.get("lang") or "pl"
    data = dashboard_data(scope, views, as_of, lang)
    return render(
        request, "gmina.html", {**data, "scope": scope, "as_of": as_of, "page": "dashboard"}
    )


def dashboard_page(scope: Scope, views: Views) -> dict[str, Any]:
    """The gmina's page again, with a refused form's words kept."""
    return {
        **dashboard_data(scope, views, None, "pl"),
        "scope": scope,
        "as_of": None,
        "page": "dashboard",
    }


@pages.post("/gminy/{ref}/etapy", dependencies=[Csrf])
def advance_stage_form(
    request: Request,
    scope: WriteScope,
    views: ViewsDep,
    stage: Annotated[int, Form()],
    reason: Annotated[str, Form()],
    decided_by: Annotated[str, Form()] = "",
) -> Response:
    def act() -> None:
        reg = scope.registry
        if stage == 1:
            reg.open_partnership(scope.gmina_id, reason=reason, recorded_by=scope.by)
        else:
            reg.advance_stage(
                scope.gmina_id,
                stage,
                reason=reason,
                decided_by=decided_by or None,
                recorded_by=scope.by,
            )

    return attempt(
        request,
        act,
        then=f"/gminy/{scope.ref}",
        page="gmina.html",
        context=lambda: dashboard_page(scope, views),
        form={"stage": stage, "reason": reason, "decided_by": decided_by},
    )


@pages.post("/gminy/{ref}/etapy/bez-produktu", dependencies=[Csrf])
def override_stage_form(
    request: Request,
    scope: ReadScope,
    views: ViewsDep,
    stage: Annotated[int, Form()],
    reason: Annotated[str, Form()],
    override_reason: Annotated[str, Form()],
    decided_by: Annotated[str, Form()] = "",
) -> Response:
    def act() -> None:
        scope.registry.override_stage(
            scope.gmina_id,
            stage,
            reason=reason,
            override_reason=override_reason,
            coordinator=scope.account,
            decided_by=decided_by or None,
        )

    return attempt(
        request,
        act,
        then=f"/gminy/{scope.ref}",
        page="gmina.html",
        context=lambda: dashboard_page(scope, views),
        form={"stage": stage, "reason": reason, "override_reason": override_reason},
    )


ROUTERS = (api, pages)
