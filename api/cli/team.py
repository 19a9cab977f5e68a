"""`mlw team …` and `mlw entity …`: the Local Synergy Team, its members over time, its rules,
and the social employment entity it chooses, from choice to status lost."""

from __future__ import annotations

from datetime import date
from typing import Annotated, NamedTuple

import typer

from api.cli.command import Desk, Entity, GminaId, Stakeholder, UndatedDesk, command
from api.cli.meeting_reads import meeting_reads
from api.cli.options import (
    AsOfOpt,
    MajorityOpt,
    QuorumOpt,
    choice_argument,
    choice_option,
    date_option,
)
from api.cli.support import short, table
from domain.entity import EntityType
from domain.team import TeamRole
from registry.application import Registry
from registry.meeting_views import EntityView, TeamView

team_app = typer.Typer(help="The Local Synergy Team (ZSL): members, roles, rules.")

DecidedOpt = Annotated[str, typer.Option(help="Whose decision, e.g. Zarządzenie Wójta nr 12/2026.")]


class RulesDecided(NamedTuple):
    """The team's rules as decided: whose decision, how many members present make a quorum
    and how many votes adopt a resolution (the rules in force where not given)."""

    decided_by: DecidedOpt
    quorum: QuorumOpt = None
    majority: MajorityOpt = None


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


@command(team_app, "form", describe_team)
def form(desk: Desk, gmina: GminaId, decision: RulesDecided) -> TeamView:
    """Form the gmina's team; by default more than half present is a quorum, simple majority."""
    desk.app.form_team(gmina, **decision._asdict(), **desk.stamp)
    return meeting_reads(desk.app).get_team(gmina)


WhoseOpt = Annotated[str, typer.Option(help="Whose decision.")]


@command(team_app, "appoint", describe_team)
def appoint(
    desk: Desk,
    member: Stakeholder,
    role: Annotated[TeamRole, choice_option(TeamRole, help="Role in the team.")] = TeamRole.MEMBER,
    decided_by: WhoseOpt = "",
) -> TeamView:
    """Appoint a stakeholder of the gmina to the team."""
    desk.app.appoint_member(*member, role=role, decided_by=decided_by, **desk.stamp)
    return meeting_reads(desk.app).get_team(member.gmina_id, as_of=desk.on)


@command(team_app, "dismiss", describe_team)
def dismiss(
    desk: Desk,
    member: Stakeholder,
    reason: Annotated[str, typer.Option(help="Why it leaves the team.")] = "",
) -> TeamView:
    """Dismiss a member; from that day it no longer counts for the quorum."""
    desk.app.dismiss_member(*member, reason=reason, **desk.stamp)
    return meeting_reads(desk.app).get_team(member.gmina_id, as_of=desk.on)


@command(team_app, "role", describe_team)
def change_role(
    desk: Desk,
    member: Stakeholder,
    role: Annotated[TeamRole, choice_argument(TeamRole, help="The new role.")],
    decided_by: WhoseOpt = "",
) -> TeamView:
    """Give a member another role in the team."""
    gid = member.gmina_id
    desk.app.change_member_role(gid, member.id, role, decided_by=decided_by, **desk.stamp)
    return meeting_reads(desk.app).get_team(gid, as_of=desk.on)


@command(team_app, "rules", describe_team)
def rules(desk: Desk, gmina: GminaId, decision: RulesDecided) -> TeamView:
    """Change the team's quorum or majority rule from a date."""
    desk.app.change_team_rules(gmina, **decision._asdict(), **desk.stamp)
    return meeting_reads(desk.app).get_team(gmina, as_of=desk.on)


@command(team_app, "show", describe_team)
def show(app: Registry, gmina: GminaId, as_of: AsOfOpt = None) -> TeamView:
    """Show the team: its members on a date (today by default), rules, resolutions."""
    return meeting_reads(app).get_team(gmina, as_of=as_of)


entity_app = typer.Typer(help="The social employment entity: chosen, created, registered, lost.")


def describe_entity(e: EntityView) -> str:
    lines = [f"{e.name} – {e.type_label}: {e.state} (id {short(e.id)})"]
    lines += [f"  {f.effective_on}  {f.state}: {f.detail} ({f.decided_by})" for f in e.facts]
    return "\n".join(lines)


@command(entity_app, "choose", describe_entity)
def choose(
    desk: Desk,
    gmina: GminaId,
    entity_type: Annotated[EntityType, choice_argument(EntityType, help="The kind of entity.")],
    decided_by: DecidedOpt,
    name: Annotated[str, typer.Option(help="The entity's name.")] = "",
) -> EntityView:
    """Record the team's choice of the entity to create (without a resolution of record)."""
    eid = desk.app.choose_entity(gmina, entity_type, name=name, decided_by=decided_by, **desk.stamp)
    return desk.app.get_entity(eid)


@command(entity_app, "created", describe_entity)
def created(
    desk: Desk,
    entity: Entity,
    decided_by: DecidedOpt,
    recreated: Annotated[bool, typer.Option(help="Re-created rather than new.")] = False,
) -> EntityView:
    """Record the entity created or re-created."""
    desk.app.record_entity_created(
        *entity, recreated=recreated, decided_by=decided_by, **desk.stamp
    )
    return desk.app.get_entity(entity.id)


@command(entity_app, "registered", describe_entity)
def registered(
    desk: UndatedDesk,
    entity: Entity,
    authority: Annotated[str, typer.Option(help="Who granted the status or registered it.")],
    decision_number: Annotated[str, typer.Option(help="Number of the decision or entry.")],
    on: Annotated[date | None, date_option("--on", help="Date of the decision.")] = None,
) -> EntityView:
    """Record the entity's status granted or its registration: by whom, number, date."""
    desk.app.record_entity_registered(
        *entity,
        authority=authority,
        decision_number=decision_number,
        recorded_by=desk.by,
        effective_on=on,
    )
    return desk.app.get_entity(entity.id)


WhyLostOpt = Annotated[str, typer.Option(help="Why the status was lost.")]


@command(entity_app, "lost", describe_entity)
def lost(desk: Desk, entity: Entity, reason: WhyLostOpt, decided_by: WhoseOpt = "") -> EntityView:
    """Record the entity's status lost."""
    desk.app.record_entity_status_lost(*entity, reason=reason, decided_by=decided_by, **desk.stamp)
    return desk.app.get_entity(entity.id)


@command(entity_app, "list", lambda vs: "\n".join(describe_entity(v) for v in vs) or "(none)")
def list_entities(app: Registry, gmina: GminaId, as_of: AsOfOpt = None) -> list[EntityView]:
    """The entities the team chose and the steps of their life."""
    return app.list_entities(gmina, as_of=as_of)
