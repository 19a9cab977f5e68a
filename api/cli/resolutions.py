"""`mlw resolution …`: the team's resolutions, their votes, and what adopting them drives."""

from __future__ import annotations

from datetime import date, time
from typing import Annotated
from uuid import UUID

import typer

from api.cli.command import GminaId, Meeting, Resolution, UndatedDesk, command
from api.cli.meeting_reads import meeting_reads
from api.cli.minutes import describe_vote
from api.cli.options import (
    AsOfOpt,
    MajorityOpt,
    QuorumOpt,
    ResolutionArg,
    choice_argument,
    choice_option,
    date_option,
    time_option,
)
from api.cli.refs import resolve_entity, resolve_resolution, resolve_stakeholder
from api.cli.support import table
from domain import effects as effect
from domain.entity import EntityType
from domain.errors import InvalidInputError
from domain.values import Stage
from domain.voting import TeamRules, VoteChoice
from registry.application import Registry
from registry.entities import parse_entity_type
from registry.meeting_views import ResolutionView
from registry.team import parse_rules

resolution_app = typer.Typer(help="Resolutions of the team (uchwały): proposed, voted, adopted.")

WhoList = Annotated[list[str] | None, typer.Option(help="A member (repeat).")]


def describe_resolution(r: ResolutionView) -> str:
    lines = [f"{r.label} Zespołu Synergii Lokalnej {r.title}", f"  proposed by {r.proposer_name}"]
    lines += [f"  {r.text}", f"  {describe_vote(r)}"]
    if r.vote_at:
        lines.append(f"  voted at {r.vote_at:%H:%M}")
    lines += [f"  → {e}" for e in r.effects]
    if r.ballots:
        lines.append(table([[b.name, b.choice] for b in r.ballots], ["member", "vote"]))
    return "\n".join(lines)


def resolution_of(app: Registry, gmina_id: UUID, ref: str) -> ResolutionView:
    return meeting_reads(app).get_resolution(resolve_resolution(app, gmina_id, ref))


@command(resolution_app, "propose", describe_resolution)
def propose(
    desk: UndatedDesk,
    meeting: Meeting,
    title: Annotated[str, typer.Option(help="w sprawie …")],
    text: Annotated[str, typer.Option(help="§1 … §2 … §3 …")],
    proposer: Annotated[str, typer.Option(help="Stakeholder who proposes it.")],
    number: Annotated[int | None, typer.Option(help="Its number in the year (next free).")] = None,
    advance_stage: Annotated[int | None, typer.Option(help="Moves the MLW stage to this.")] = None,
    adopt_pact: Annotated[bool, typer.Option(help="Adopts the pact (stage 4).")] = False,
    admit: Annotated[list[str] | None, typer.Option(help="Admitted to the pact (repeat).")] = None,
    thesis: Annotated[list[str] | None, typer.Option(help="New pact thesis (repeat).")] = None,
    choose_entity: Annotated[
        EntityType | None, choice_option(EntityType, help="Chooses an entity of this kind.")
    ] = None,
    entity_name: Annotated[str, typer.Option(help="Name of the chosen entity.")] = "",
    entity_created: Annotated[str | None, typer.Option(help="Entity recorded created.")] = None,
    recreated: Annotated[bool, typer.Option(help="…re-created rather than new.")] = False,
    entity_registered: Annotated[str | None, typer.Option(help="Entity registered.")] = None,
    authority: Annotated[str, typer.Option(help="…by this authority.")] = "",
    decision_number: Annotated[str, typer.Option(help="…under this number.")] = "",
    decided_on: Annotated[date | None, date_option(help="…on this date.")] = None,
    entity_lost: Annotated[str | None, typer.Option(help="Entity that lost its status.")] = None,
    lost_reason: Annotated[str, typer.Option(help="…for this reason.")] = "",
    quorum: QuorumOpt = None,
    majority: MajorityOpt = None,
    approve_minutes: Annotated[list[str] | None, typer.Option(help="Minutes approved.")] = None,
) -> ResolutionView:
    """Put a draft resolution before a team sitting, with the facts it drives if adopted."""
    gid = meeting.gmina_id
    effects: list[effect.Effect] = []
    if advance_stage is not None:
        try:
            effects.append(effect.AdvanceStage(Stage(advance_stage)))
        except ValueError:
            raise InvalidInputError("advance_stage", "MLW stages are 1–6.") from None
    if adopt_pact:
        effects.append(effect.AdoptPact())
    effects += [effect.AdmitSignatory(resolve_stakeholder(desk.app, w, gid)) for w in admit or []]
    if thesis:
        effects.append(effect.AmendPact(list(thesis)))
    if choose_entity:
        effects.append(effect.ChooseEntity(parse_entity_type(choose_entity), entity_name))
    if entity_created:
        effects.append(
            effect.RecordEntityCreated(resolve_entity(desk.app, gid, entity_created), recreated)
        )
    if entity_registered:
        eid = resolve_entity(desk.app, gid, entity_registered)
        if decided_on is None:
            raise InvalidInputError("decided_on", "Give the date, YYYY-MM-DD.")
        effects.append(effect.RecordEntityRegistered(eid, authority, decision_number, decided_on))
    if entity_lost:
        effects.append(
            effect.RecordEntityStatusLost(resolve_entity(desk.app, gid, entity_lost), lost_reason)
        )
    if quorum or majority:
        base = desk.app.team_of(gid).rules_history[-1].rules
        effects.append(effect.ChangeRules(parse_rules(quorum, majority, base or TeamRules())))
    effects += [
        effect.ApproveMinutes(meeting_reads(desk.app).find_meeting(gid, m))
        for m in approve_minutes or []
    ]
    rid = desk.app.propose_resolution(
        meeting.id,
        title=title,
        text=text,
        proposer_id=resolve_stakeholder(desk.app, proposer, gid),
        effects=effects,
        number=number,
        recorded_by=desk.by,
    )
    return meeting_reads(desk.app).get_resolution(rid)


def read_totals(totals: str | None) -> tuple[int, int, int] | None:
    """The totals of a vote, 'for/against/abstained', when only they are known."""
    if not totals:
        return None
    try:
        votes_for, against, abstained = (int(n) for n in totals.split("/"))
    except ValueError:
        raise InvalidInputError("totals", "Write the totals as for/against/abstained.") from None
    return votes_for, against, abstained


@command(resolution_app, "vote", describe_resolution)
def vote(
    desk: UndatedDesk,
    gmina: GminaId,
    resolution: ResolutionArg,
    at: Annotated[time, time_option(help="When it was put to the vote.")],
    yes: Annotated[list[str] | None, typer.Option("--for", help="Voted for (repeat).")] = None,
    against: WhoList = None,
    abstain: WhoList = None,
    totals: Annotated[
        str | None, typer.Option(help="Only the totals: for/against/abstained, e.g. 5/1/0.")
    ] = None,
) -> ResolutionView:
    """Record the whole vote at once; an adopted resolution's effects are recorded with it."""
    counted = read_totals(totals)
    rid = resolve_resolution(desk.app, gmina, resolution)

    def members(refs: list[str] | None) -> list[UUID]:
        return [resolve_stakeholder(desk.app, ref, gmina) for ref in refs or []]

    desk.app.vote(
        rid,
        at=at,
        votes_for=members(yes),
        votes_against=members(against),
        abstentions=members(abstain),
        totals=counted,
        recorded_by=desk.by,
    )
    return meeting_reads(desk.app).get_resolution(rid)


@command(resolution_app, "open", describe_resolution)
def open_vote(
    desk: UndatedDesk,
    resolution: Resolution,
    at: Annotated[time, time_option(help="When it is put to the vote.")],
) -> ResolutionView:
    """Put a resolution to the vote (then `ballot` each member, then `close`)."""
    desk.app.open_vote(resolution.id, at=at, recorded_by=desk.by)
    return meeting_reads(desk.app).get_resolution(resolution.id)


MemberArg = Annotated[str, typer.Argument(help="The member voting.")]
ChoiceArg = Annotated[VoteChoice, choice_argument(VoteChoice, help="The member's vote.")]


@command(resolution_app, "ballot", describe_resolution)
def ballot(
    desk: UndatedDesk, resolution: Resolution, member: MemberArg, choice: ChoiceArg
) -> ResolutionView:
    """Record one member's vote."""
    desk.app.cast_ballot(
        resolution.id,
        resolve_stakeholder(desk.app, member, resolution.gmina_id),
        choice,
        recorded_by=desk.by,
    )
    return meeting_reads(desk.app).get_resolution(resolution.id)


@command(resolution_app, "close", describe_resolution)
def close(desk: UndatedDesk, resolution: Resolution) -> ResolutionView:
    """Count the votes: adopted or rejected, by the rules and who was present."""
    desk.app.close_vote(resolution.id, recorded_by=desk.by)
    return meeting_reads(desk.app).get_resolution(resolution.id)


WhyWithdrawnOpt = Annotated[str, typer.Option(help="Why it is withdrawn.")]


@command(resolution_app, "withdraw", describe_resolution)
def withdraw(desk: UndatedDesk, resolution: Resolution, reason: WhyWithdrawnOpt) -> ResolutionView:
    """Withdraw a draft before the vote; its number stays used."""
    desk.app.withdraw_resolution(resolution.id, reason=reason, recorded_by=desk.by)
    return meeting_reads(desk.app).get_resolution(resolution.id)


@command(resolution_app, "show", describe_resolution)
def show(app: Registry, resolution: Resolution, as_of: AsOfOpt = None) -> ResolutionView:
    """A resolution, its vote and effects, now or as of a date."""
    return meeting_reads(app).get_resolution(resolution.id, as_of=as_of)


def register(views: list[ResolutionView]) -> str:
    """The team's register of resolutions."""
    rows = [
        [r.number, r.title, r.state, f"{r.votes_for}/{r.votes_against}/{r.abstentions}"]
        for r in views
    ]
    return table(rows, ["nr", "w sprawie", "state", "for/against/abst."])


@command(resolution_app, "list", register)
def list_resolutions(
    app: Registry,
    gmina: GminaId,
    year: Annotated[int | None, typer.Option(help="Only this year's.")] = None,
    as_of: AsOfOpt = None,
) -> list[ResolutionView]:
    """The team's resolutions in number order."""
    return meeting_reads(app).list_resolutions(gmina, year=year, as_of=as_of)
