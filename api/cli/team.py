"""`mlw team …` and `mlw entity …`: the Local Synergy Team, its members over time, its rules,
and the social employment entity it chooses, from choice to status lost."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any
from uuid import UUID

import typer

from api.cli.meeting_reads import meeting_reads
from api.cli.options import (
    AsOfOpt,
    ByOpt,
    GminaArg,
    JsonOpt,
    MajorityOpt,
    OnOpt,
    QuorumOpt,
    WhoArg,
    choice_argument,
    choice_option,
    date_option,
)
from api.cli.refs import resolve_entity, resolve_stakeholder
from api.cli.support import answer, emit, run, short, stamp, table
from domain.entity import EntityType
from domain.team import TeamRole
from registry.application import Registry
from registry.meeting_views import EntityView, TeamView

team_app = typer.Typer(help="The Local Synergy Team (ZSL): members, roles, rules.")

DecidedOpt = Annotated[str, typer.Option(help="Whose decision, e.g. Zarządzenie Wójta nr 12/2026.")]


def describe_team(t: TeamView) -> str:
    lines = [
        f"Zespół Synergii Lokalnej – formed {t.formed_on} ({t.decided_by}), version {t.version}",
        f"Rules since {t.rules.since}: {t.rules.description}",
        "",
        f"Members on {t.on} ({len(t.members)}):",
        table(
            [
                [short(m.stakeholder_id), m.name, m.role_label, str(m.appointed_on)]
                for m in t.members
            ],
            ["id", "member", "role", "since"],
        ),
    ]
    former = [s for s in t.seats if s.dismissed_on and s.dismiss_reason]
    lines += [f"  left {s.dismissed_on}: {s.name} ({s.dismiss_reason})" for s in former]
    if t.resolution_numbers:
        lines += ["", "Resolutions: " + ", ".join(t.resolution_numbers)]
    return "\n".join(lines)


@team_app.command("form")
def form(
    gmina: GminaArg,
    decided_by: DecidedOpt,
    quorum: QuorumOpt = None,
    majority: MajorityOpt = None,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Form the gmina's team; by default more than half present is a quorum, simple majority."""

    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        app.form_team(gid, decided_by=decided_by, quorum=quorum, majority=majority, **stamp(by, on))
        return meeting_reads(app).get_team(gid)

    answer(act, as_json, describe_team)


@team_app.command("appoint")
def appoint(
    gmina: GminaArg,
    stakeholder: WhoArg,
    role: Annotated[TeamRole, choice_option(TeamRole, help="Role in the team.")] = TeamRole.MEMBER,
    decided_by: Annotated[str, typer.Option(help="Whose decision.")] = "",
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Appoint a stakeholder of the gmina to the team."""

    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        sid = resolve_stakeholder(app, stakeholder, gid)
        app.appoint_member(gid, sid, role=role, decided_by=decided_by, **stamp(by, on))
        return meeting_reads(app).get_team(gid, as_of=on)

    answer(act, as_json, describe_team)


@team_app.command("dismiss")
def dismiss(
    gmina: GminaArg,
    stakeholder: WhoArg,
    reason: Annotated[str, typer.Option(help="Why it leaves the team.")] = "",
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Dismiss a member; from that day it no longer counts for the quorum."""

    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        sid = resolve_stakeholder(app, stakeholder, gid)
        app.dismiss_member(gid, sid, reason=reason, **stamp(by, on))
        return meeting_reads(app).get_team(gid, as_of=on)

    answer(act, as_json, describe_team)


@team_app.command("role")
def change_role(
    gmina: GminaArg,
    stakeholder: WhoArg,
    role: Annotated[TeamRole, choice_argument(TeamRole, help="The new role.")],
    decided_by: Annotated[str, typer.Option(help="Whose decision.")] = "",
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Give a member another role in the team."""

    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        sid = resolve_stakeholder(app, stakeholder, gid)
        app.change_member_role(gid, sid, role, decided_by=decided_by, **stamp(by, on))
        return meeting_reads(app).get_team(gid, as_of=on)

    answer(act, as_json, describe_team)


@team_app.command("rules")
def rules(
    gmina: GminaArg,
    decided_by: DecidedOpt,
    quorum: QuorumOpt = None,
    majority: MajorityOpt = None,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Change the team's quorum or majority rule from a date."""

    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        app.change_team_rules(
            gid, quorum=quorum, majority=majority, decided_by=decided_by, **stamp(by, on)
        )
        return meeting_reads(app).get_team(gid, as_of=on)

    answer(act, as_json, describe_team)


@team_app.command("show")
def show(gmina: GminaArg, as_of: AsOfOpt = None, as_json: JsonOpt = False) -> None:
    """Show the team: its members on a date (today by default), rules, resolutions."""
    view = run(lambda app: meeting_reads(app).get_team(app.find_gmina(gmina), as_of=as_of), as_json)
    emit(view, as_json, describe_team)


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

    def was_created(app: Registry, gid: UUID, eid: UUID) -> None:
        app.record_entity_created(
            gid, eid, recreated=recreated, decided_by=decided_by, **stamp(by, on)
        )

    entity_step(gmina, entity, as_json, was_created)


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

    def was_registered(app: Registry, gid: UUID, eid: UUID) -> None:
        app.record_entity_registered(
            gid, eid, authority=authority, decision_number=decision_number, **stamp(by, on)
        )

    entity_step(gmina, entity, as_json, was_registered)


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

    def was_lost(app: Registry, gid: UUID, eid: UUID) -> None:
        app.record_entity_status_lost(
            gid, eid, reason=reason, decided_by=decided_by, **stamp(by, on)
        )

    entity_step(gmina, entity, as_json, was_lost)


@entity_app.command("list")
def list_entities(gmina: GminaArg, as_of: AsOfOpt = None, as_json: JsonOpt = False) -> None:
    """The entities the team chose and the steps of their life."""
    views = run(
        lambda app: app.list_entities(app.find_gmina(gmina), as_of=as_of),
        as_json,
    )
    emit(views, as_json, lambda vs: "\n".join(describe_entity(v) for v in vs) or "(none)")
