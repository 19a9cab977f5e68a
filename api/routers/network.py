"""The network of cooperation, its risk flags and the timeline of every fact, on any date."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from api.auth import Csrf, ReadScope, Scope, WriteScope
from api.deps import ViewsDep
from api.i18n import language
from api.inputs import Input
from api.network_svg import SECTOR_COLOURS, TIE_LABELS, TIE_STYLES, draw
from api.pages import attempt, render, typed
from projections.collaboration import Comparison, NetworkReport
from projections.risk_words import EVIDENCE_KINDS, METRICS
from projections.risks import Flag, flag_named
from projections.timeline import TimelineEntry, timeline
from registry.access import may_write

api = APIRouter(prefix="/api/gminas/{ref}", tags=["network"])
pages = APIRouter(prefix="/gminy/{ref}", include_in_schema=False)


@api.get("/network")
def network(scope: ReadScope, views: ViewsDep, as_of: date | None = None) -> NetworkReport:
    """Who cooperates with whom on a date: measures per stakeholder and of the whole."""
    return views.read(lambda v: v.network(scope.gmina_id, as_of))


@api.get("/network/compare")
def compare(scope: ReadScope, views: ViewsDep, earlier: date, later: date) -> Comparison:
    """Ties gained and lost, flags raised and cleared between two dates."""
    return views.read(lambda v: v.compare(scope.gmina_id, earlier, later))


@api.get("/risks")
def risks(scope: ReadScope, views: ViewsDep, as_of: date | None = None) -> list[Flag]:
    """Risk flags on a date, each with its numbers and a sentence in Polish and English."""
    return views.read(lambda v: v.risks(scope.gmina_id, as_of))


class NewAcknowledgement(Input):
    """A flag raised today (its key, its rule id or its number in the list) and the note."""

    flag: str
    note: str = ""


@api.post("/risks/acknowledgements", status_code=201)
def acknowledge_flag(scope: WriteScope, views: ViewsDep, body: NewAcknowledgement) -> Flag:
    """Record that the team has seen a flag raised today, with a note (required).

    The flag stays in the list, marked as seen, until its value gets materially worse.
    Answers the flag as it now reads.
    """
    key = acknowledge(scope, views, body.flag, body.note)
    return next(f for f in views.read(lambda v: v.risks(scope.gmina_id)) if f.key == key)


def acknowledge(scope: Scope, views: Any, typed: str, note: str) -> str:
    """Acknowledge the flag raised today that ``typed`` names; its key."""
    chosen = flag_named(views.read(lambda v: v.risks(scope.gmina_id)), typed)
    scope.registry.acknowledge_flag(
        scope.gmina_id,
        flag_key=chosen.key,
        rule=chosen.rule,
        value=chosen.value,
        note=note,
        recorded_by=scope.by,
    )
    return chosen.key


@api.get("/timeline")
def get_timeline(
    scope: ReadScope, views: ViewsDep, until: date | None = None, fact: str | None = None
) -> list[TimelineEntry]:
    """Every fact of the gmina in the order recorded: what, when in effect, who recorded it."""

    def read(v: Any) -> list[TimelineEntry]:
        v.models.for_a_read()
        return timeline(v.models.timeline_view, scope.gmina_id, until=until, fact=fact)

    return views.meetings.rows.corrected(scope.gmina_id, views.read(read))


# --- pages ------------------------------------------------------------------------------


def date_range(scope: Scope) -> tuple[date, date]:
    gmina = scope.registry.get_gmina(scope.gmina_id)
    return gmina.registered_on, max(date.today(), gmina.registered_on)


def drawing(scope: Scope, views: Any, as_of: date | None) -> dict[str, Any]:
    def read(v: Any) -> tuple[Any, list[Flag], NetworkReport]:
        return (
            v.graph(scope.gmina_id, as_of),
            v.risks(scope.gmina_id, as_of),
            v.network(scope.gmina_id, as_of),
        )

    graph, flags, report = views.read(read)
    flagged = {s.id for f in flags if f.severity == "flag" for s in f.stakeholders}
    return {"svg": Markup(draw(graph, flagged)), "flags": flags, "report": report}


@pages.get("/siec", response_class=HTMLResponse)
def network_page(
    request: Request, scope: ReadScope, views: ViewsDep, as_of: date | None = None
) -> HTMLResponse:
    start, end = date_range(scope)
    on = min(max(as_of or end, start), end)
    return render(
        request,
        "network.html",
        {
            **drawing(scope, views, on),
            "scope": scope,
            "page": "network",
            "gmina": scope.registry.get_gmina(scope.gmina_id),
            "as_of": on,
            "start": start,
            "days": (end - start).days,
            "day": (on - start).days,
            "sector_colours": SECTOR_COLOURS,
            "tie_styles": TIE_STYLES,
            "tie_labels": TIE_LABELS,
            "lang": language(request),
        },
    )


@pages.get("/siec.svg")
def network_svg(scope: ReadScope, views: ViewsDep, day: int | None = None) -> Response:
    """The drawing alone, for the as-of slider to swap in."""
    start, end = date_range(scope)
    on = end if day is None else start + timedelta(days=min(max(0, day), (end - start).days))
    return Response(str(drawing(scope, views, on)["svg"]), media_type="image/svg+xml")


def risks_context(request: Request, scope: Scope, views: Any, as_of: date | None) -> dict[str, Any]:
    """The risks page: the flags on a date, and whether the account may acknowledge them."""
    return {
        "scope": scope,
        "page": "risks",
        "gmina": scope.registry.get_gmina(scope.gmina_id),
        "flags": views.read(lambda v: v.risks(scope.gmina_id, as_of)),
        "as_of": as_of,
        "lang": language(request),
        "evidence_kinds": EVIDENCE_KINDS,
        "metrics": METRICS,
        "may_acknowledge": (as_of is None or as_of == date.today())
        and may_write(scope.account, scope.gmina_id),
    }


@pages.get("/ryzyka", response_class=HTMLResponse)
def risks_page(
    request: Request, scope: ReadScope, views: ViewsDep, as_of: date | None = None
) -> HTMLResponse:
    return render(request, "risks.html", risks_context(request, scope, views, as_of))


@pages.post("/ryzyka/potwierdzenia", dependencies=[Csrf])
async def acknowledge_form(request: Request, scope: WriteScope, views: ViewsDep) -> Response:
    form = await typed(request)
    return await run_in_threadpool(
        attempt,
        request,
        lambda: acknowledge(scope, views, str(form.get("flag", "")), str(form.get("note", ""))),
        then=f"/gminy/{scope.ref}/ryzyka",
        page="risks.html",
        context=lambda: risks_context(request, scope, views, None),
        form=form,
    )


@pages.get("/os-czasu", response_class=HTMLResponse)
def timeline_page(
    request: Request, scope: ReadScope, views: ViewsDep, fact: str | None = None
) -> HTMLResponse:
    def read(v: Any) -> list[TimelineEntry]:
        v.models.for_a_read()
        return timeline(v.models.timeline_view, scope.gmina_id, fact=fact)

    entries = views.meetings.rows.corrected(scope.gmina_id, views.read(read))
    return render(
        request,
        "timeline.html",
        {
            "scope": scope,
            "page": "timeline",
            "gmina": scope.registry.get_gmina(scope.gmina_id),
            "entries": list(reversed(entries))[:500],
            "total": len(entries),
            "fact": fact or "",
        },
    )


ROUTERS = (api, pages)
