"""`mlw resolution …`: the team's resolutions, their votes, and what adopting them drives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Annotated, Any
from uuid import UUID

import typer

from api.cli.meeting_reads import meeting_reads
from api.cli.meetings import MeetingArg, describe_vote
from api.cli.options import (
    AsOfOpt,
    ByOpt,
    GminaArg,
    JsonOpt,
    MajorityOpt,
    QuorumOpt,
    choice_argument,
    choice_option,
    date_option,
    time_option,
)
from api.cli.refs import meeting_ref, resolve_entity, resolve_resolution, resolve_stakeholder
from api.cli.support import answer, emit, fail, recorder, run, table
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

ResolutionArg = Annotated[str, typer.Argument(help="Resolution: its number '3/2026', or id.")]
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


def outcome(app: Registry, resolution_id: UUID) -> ResolutionView:
    return meeting_reads(app).get_resolution(resolution_id)


def resolution_step(
    gmina: str, resolution: str, record: Callable[[Registry, UUID, UUID], object], as_json: bool
) -> None:
    """Record a step of a resolution's vote (``record(app, gmina_id, resolution_id)``), show it."""

    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        rid = resolve_resolution(app, gid, resolution)
        record(app, gid, rid)
        return outcome(app, rid)

    answer(act, as_json, describe_resolution)


@resolution_app.command("propose")
def propose(
    gmina: GminaArg,
    meeting: MeetingArg,
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
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Put a draft resolution before a team sitting, with the facts it drives if adopted."""

    def act(app: Registry) -> Any:
        gid, mid = meeting_ref(app, gmina, meeting)
        effects: list[effect.Effect] = []
        if advance_stage is not None:
            try:
                effects.append(effect.AdvanceStage(Stage(advance_stage)))
            except ValueError:
                raise InvalidInputError("advance_stage", "MLW stages are 1–6.") from None
        if adopt_pact:
            effects.append(effect.AdoptPact())
        effects += [effect.AdmitSignatory(resolve_stakeholder(app, w, gid)) for w in admit or []]
        if thesis:
            effects.append(effect.AmendPact(list(thesis)))
        if choose_entity:
            effects.append(effect.ChooseEntity(parse_entity_type(choose_entity), entity_name))
        if entity_created:
            effects.append(
                effect.RecordEntityCreated(resolve_entity(app, gid, entity_created), recreated)
            )
        if entity_registered:
            eid = resolve_entity(app, gid, entity_registered)
            if decided_on is None:
                raise InvalidInputError("decided_on", "Give the date, YYYY-MM-DD.")
            effects.append(
                effect.RecordEntityRegistered(eid, authority, decision_number, decided_on)
            )
        if entity_lost:
            effects.append(
                effect.RecordEntityStatusLost(resolve_entity(app, gid, entity_lost), lost_reason)
            )
        if quorum or majority:
            base = app.team_of(gid).rules_history[-1].rules
            effects.append(effect.ChangeRules(parse_rules(quorum, majority, base or TeamRules())))
        effects += [
            effect.ApproveMinutes(meeting_reads(app).find_meeting(gid, m))
            for m in approve_minutes or []
        ]
        rid = app.propose_resolution(
            mid,
            title=title,
            text=text,
            proposer_id=resolve_stakeholder(app, proposer, gid),
            effects=effects,
            number=number,
            recorded_by=recorder(by),
        )
        return outcome(app, rid)

    answer(act, as_json, describe_resolution)


@resolution_app.command("vote")
def vote(
    gmina: GminaArg,
    resolution: ResolutionArg,
    at: Annotated[time, time_option(help="When it was put to the vote.")],
    yes: Annotated[list[str] | None, typer.Option("--for", help="Voted for (repeat).")] = None,
    against: WhoList = None,
    abstain: WhoList = None,
    totals: Annotated[
        str | None, typer.Option(help="Only the totals: for/against/abstained, e.g. 5/1/0.")
    ] = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record the whole vote at once; an adopted resolution's effects are recorded with it."""

    counted = None
    if totals:
        try:
            f, a, ab = (int(n) for n in totals.split("/"))
        except ValueError:
            fail(InvalidInputError("totals", "Write the totals as for/against/abstained."), as_json)
        counted = (f, a, ab)

    def voted(app: Registry, gid: UUID, rid: UUID) -> None:
        app.vote(
            rid,
            at=at,
            votes_for=[resolve_stakeholder(app, w, gid) for w in yes or []],
            votes_against=[resolve_stakeholder(app, w, gid) for w in against or []],
            abstentions=[resolve_stakeholder(app, w, gid) for w in abstain or []],
            totals=counted,
            recorded_by=recorder(by),
        )

    resolution_step(gmina, resolution, voted, as_json)


@resolution_app.command("open")
def open_vote(
    gmina: GminaArg,
    resolution: ResolutionArg,
    at: Annotated[time, time_option(help="When it is put to the vote.")],
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Put a resolution to the vote (then `ballot` each member, then `close`)."""

    def vote_opened(app: Registry, _: UUID, rid: UUID) -> None:
        app.open_vote(rid, at=at, recorded_by=recorder(by))

    resolution_step(gmina, resolution, vote_opened, as_json)


@resolution_app.command("ballot")
def ballot(
    gmina: GminaArg,
    resolution: ResolutionArg,
    member: Annotated[str, typer.Argument(help="The member voting.")],
    choice: Annotated[VoteChoice, choice_argument(VoteChoice, help="The member's vote.")],
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record one member's vote."""

    def ballot_cast(app: Registry, gid: UUID, rid: UUID) -> None:
        app.cast_ballot(
            rid, resolve_stakeholder(app, member, gid), choice, recorded_by=recorder(by)
        )

    resolution_step(gmina, resolution, ballot_cast, as_json)


@resolution_app.command("close")
def close(
    gmina: GminaArg, resolution: ResolutionArg, by: ByOpt = None, as_json: JsonOpt = False
) -> None:
    """Count the votes: adopted or rejected, by the rules and who was present."""

    resolution_step(
        gmina,
        resolution,
        lambda app, _, rid: app.close_vote(rid, recorded_by=recorder(by)),
        as_json,
    )


@resolution_app.command("withdraw")
def withdraw(
    gmina: GminaArg,
    resolution: ResolutionArg,
    reason: Annotated[str, typer.Option(help="Why it is withdrawn.")],
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Withdraw a draft before the vote; its number stays used."""

    def withdrawn(app: Registry, _: UUID, rid: UUID) -> None:
        app.withdraw_resolution(rid, reason=reason, recorded_by=recorder(by))

    resolution_step(gmina, resolution, withdrawn, as_json)


@resolution_app.command("show")
def show(
    gmina: GminaArg, resolution: ResolutionArg, as_of: AsOfOpt = None, as_json: JsonOpt = False
) -> None:
    """A resolution, its vote and effects, now or as of a date."""

    def act(app: Registry) -> Any:
        rid = resolve_resolution(app, app.find_gmina(gmina), resolution)
        return meeting_reads(app).get_resolution(rid, as_of=as_of)

    answer(act, as_json, describe_resolution)


@resolution_app.command("list")
def list_resolutions(
    gmina: GminaArg,
    year: Annotated[int | None, typer.Option(help="Only this year's.")] = None,
    as_of: AsOfOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The team's resolutions in number order."""
    views = run(
        lambda app: meeting_reads(app).list_resolutions(
            app.find_gmina(gmina), year=year, as_of=as_of
        ),
        as_json,
    )
    rows = [
        [r.number, r.title, r.state, f"{r.votes_for}/{r.votes_against}/{r.abstentions}"]
        for r in views
    ]
    emit(views, as_json, table(rows, ["nr", "w sprawie", "state", "for/against/abst."]))
