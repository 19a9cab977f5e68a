"""`mlw entity …`: the social employment entity the team chose, from choice to status lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any
from uuid import UUID

import typer

from api.cli.options import AsOfOpt, ByOpt, GminaArg, JsonOpt, OnOpt, choice_argument, date_option
from api.cli.refs import resolve_entity
from api.cli.support import answer, emit, run, short, stamp
from api.cli.team import DecidedOpt
from domain.entity import EntityType
from registry.application import Registry
from registry.meeting_views import EntityView

entity_app = typer.Typer(help="The social employment entity: chosen, created, registered, lost.")

EntityArg = Annotated[str, typer.Argument(help="The entity's id or its first characters.")]


def describe_entity(e: EntityView) -> str:
    lines = [f"{e.name} – {e.type_label}: {e.state} (id {short(e.id)})"]
    lines += [f"  {f.effective_on}  {f.state}: {f.detail} ({f.decided_by})" for f in e.facts]
    return "\n".join(lines)


@entity_app.command("choose")
def choose(
    gmina: GminaArg,
    entity_type: Annotated[EntityType, choice_argument(EntityType, help="The kind of entity.")],
    decided_by: DecidedOpt,
    name: Annotated[str, typer.Option(help="The entity's name.")] = "",
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record the team's choice of the entity to create (without a resolution of record)."""

    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        eid = app.choose_entity(gid, entity_type, name=name, decided_by=decided_by, **stamp(by, on))
        return app.get_entity(eid)

    answer(act, as_json, describe_entity)


def entity_step(
    gmina: str, entity: str, as_json: bool, record: Callable[[Registry, UUID, UUID], object]
) -> None:
    """Record a step in the life of an entity the team chose, then show the entity."""

    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        eid = resolve_entity(app, gid, entity)
        record(app, gid, eid)
        return app.get_entity(eid)

    answer(act, as_json, describe_entity)


@entity_app.command("created")
def created(
    gmina: GminaArg,
    entity: EntityArg,
    decided_by: DecidedOpt,
    recreated: Annotated[bool, typer.Option(help="Re-created rather than new.")] = False,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record the entity created or re-created."""
    terms = {"recreated": recreated, "decided_by": decided_by}
    entity_step(
        gmina,
        entity,
        as_json,
        lambda app, g, e: app.record_entity_created(g, e, **terms, **stamp(by, on)),
    )


@entity_app.command("registered")
def registered(
    gmina: GminaArg,
    entity: EntityArg,
    authority: Annotated[str, typer.Option(help="Who granted the status or registered it.")],
    decision_number: Annotated[str, typer.Option(help="Number of the decision or entry.")],
    on: Annotated[date | None, date_option("--on", help="Date of the decision.")] = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record the entity's status granted or its registration: by whom, number, date."""
    terms = {"authority": authority, "decision_number": decision_number}
    entity_step(
        gmina,
        entity,
        as_json,
        lambda app, g, e: app.record_entity_registered(g, e, **terms, **stamp(by, on)),
    )


@entity_app.command("lost")
def lost(
    gmina: GminaArg,
    entity: EntityArg,
    reason: Annotated[str, typer.Option(help="Why the status was lost.")],
    decided_by: Annotated[str, typer.Option(help="Whose decision.")] = "",
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record the entity's status lost."""
    terms = {"reason": reason, "decided_by": decided_by}
    entity_step(
        gmina,
        entity,
        as_json,
        lambda app, g, e: app.record_entity_status_lost(g, e, **terms, **stamp(by, on)),
    )


@entity_app.command("list")
def list_entities(gmina: GminaArg, as_of: AsOfOpt = None, as_json: JsonOpt = False) -> None:
    """The entities the team chose and the steps of their life."""
    views = run(
        lambda app: app.list_entities(app.find_gmina(gmina), as_of=as_of),
        as_json,
    )
    emit(views, as_json, lambda vs: "\n".join(describe_entity(v) for v in vs) or "(none)")
