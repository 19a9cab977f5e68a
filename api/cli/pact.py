"""`mlw pact …`, `mlw commitment …`, `mlw cooperation …`: signatories, theses, commitments,
and the cooperation between stakeholders, lasting or ad hoc, beyond the pact."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, NamedTuple
from uuid import UUID

import typer

from api.cli.command import Desk, GminaId, Stakeholder, command
from api.cli.options import (
    AsOfOpt,
    DueOpt,
    FormOpt,
    ResourceOpt,
    VersionOpt,
    WhoArg,
    choice_option,
    date_option,
    id_argument,
)
from api.cli.refs import resolve_commitment, resolve_stakeholder
from api.cli.support import short, table
from domain.values import CooperationForm, ParticipantRole
from registry.application import Registry
from registry.views import CommitmentView, PactView, PartyView

pact_app = typer.Typer(help="The pact: signatories joining and leaving, its theses.")
commitment_app = typer.Typer(help="Commitments: made, revised, fulfilled, withdrawn.")


def describe_pact(p: PactView) -> str:
    lines = [f"{p.title}  (drafted {p.drafted_on}, version {p.version})", "", "Theses:"]
    lines += [f"  {i}. {t}" for i, t in enumerate(p.theses, 1)]
    lines += ["", f"Signatories ({len(p.signatories)}):"]
    lines.append(
        table(
            [
                [
                    short(s.stakeholder_id),
                    s.name,
                    str(s.joined_on),
                    s.form,
                    s.role,
                    s.representative,
                ]
                for s in p.signatories
            ],
            ["id", "name", "joined", "form", "role", "representative"],
        )
    )
    former = [s for s in p.parties if not s.is_member]
    if former:
        lines += ["", "Left the pact:"]
        lines += [f"  {s.name}: {s.joined_on} – {s.left_on} ({s.leave_reason})" for s in former]
    lines += ["", f"Commitments ({len(p.commitments)}):"]
    lines.append(
        table(
            [
                [
                    short(c.id),
                    c.stakeholder_name,
                    c.resource,
                    c.description,
                    f"{c.quantity or ''} {c.unit}".strip(),
                    str(c.due_on or ""),
                    c.state,
                ]
                for c in p.commitments
            ],
            ["id", "who", "resource", "what", "how much", "due", "state"],
        )
    )
    return "\n".join(lines)


def party(app: Registry, stakeholder: Stakeholder) -> PartyView:
    """A stakeholder's place in the gmina's pact: joined, left, as whom."""
    parties = app.get_pact(stakeholder.gmina_id).parties
    return next(p for p in parties if p.stakeholder_id == stakeholder.id)


def commitment_of(app: Registry, gmina_id: UUID, commitment_id: UUID) -> CommitmentView:
    return next(c for c in app.get_pact(gmina_id).commitments if c.id == commitment_id)


@command(pact_app, "show", describe_pact)
def show(
    app: Registry, gmina: GminaId, as_of: AsOfOpt = None, version: VersionOpt = None
) -> PactView:
    """Show the pact, now or as it stood on a date."""
    return app.get_pact(gmina, as_of=as_of, version=version)


class Signing(NamedTuple):
    """How a stakeholder signs the pact: who represents it, in what form and part."""

    representative: Annotated[
        str | None,
        typer.Option(help="The representative: a name, or a person id (`mlw person list`)."),
    ] = None
    representative_contact: Annotated[str, typer.Option(help="Work contact.")] = ""
    representative_function: Annotated[str, typer.Option(help="Function, e.g. dyrektor.")] = ""
    form: FormOpt = CooperationForm.LASTING
    role: Annotated[ParticipantRole, choice_option(ParticipantRole, help="The part it plays.")] = (
        ParticipantRole.ASSOCIATED_INSTITUTION
    )


@command(pact_app, "join", lambda p: f"{p.name} signed the pact on {p.joined_on}.")
def join(desk: Desk, stakeholder: Stakeholder, signing: Signing) -> PartyView:
    """Record a stakeholder signing the pact."""
    desk.app.join_pact(*stakeholder, **signing._asdict(), **desk.stamp)
    return party(desk.app, stakeholder)


@command(pact_app, "leave", lambda p: f"{p.name} left the pact on {p.left_on}.")
def leave(
    desk: Desk,
    stakeholder: Stakeholder,
    reason: Annotated[str, typer.Option(help="Why it leaves.")] = "",
) -> PartyView:
    """Record a signatory leaving the pact."""
    desk.app.leave_pact(*stakeholder, reason=reason, **desk.stamp)
    return party(desk.app, stakeholder)


@command(pact_app, "theses", lambda ts: "\n".join(f"{i}. {t}" for i, t in enumerate(ts, 1)))
def theses(
    desk: Desk,
    gmina: GminaId,
    thesis: Annotated[
        list[str] | None, typer.Option(help="A thesis (repeat); replaces all.")
    ] = None,
) -> list[str]:
    """Show the pact's theses, or replace them with the ones given."""
    if thesis:
        desk.app.set_theses(gmina, thesis, **desk.stamp)
    return desk.app.get_pact(gmina).theses


@command(
    commitment_app,
    "make",
    lambda c: f"Commitment {short(c.id)} recorded: {c.stakeholder_name} – {c.description}.",
)
def make(
    desk: Desk,
    stakeholder: Stakeholder,
    resource: ResourceOpt,
    description: Annotated[str, typer.Option(help="What is committed.")],
    quantity: Annotated[str | None, typer.Option(help="How much (e.g. 5000 or 12,5).")] = None,
    unit: Annotated[str, typer.Option(help="Unit: zł, h/mies., m², …")] = "",
    beneficiary: Annotated[str, typer.Option("--for", help="For whom (a group).")] = "",
    for_stakeholder: Annotated[str | None, typer.Option(help="For this stakeholder.")] = None,
    jointly_with: Annotated[list[str] | None, typer.Option(help="Joint with (repeat).")] = None,
    due: DueOpt = None,
) -> CommitmentView:
    """Record a signatory's commitment."""
    gid = stakeholder.gmina_id
    cid = desk.app.make_commitment(
        gid,
        stakeholder.id,
        resource=resource,
        description=description,
        quantity=quantity,
        unit=unit,
        beneficiary=beneficiary,
        beneficiary_id=resolve_stakeholder(desk.app, for_stakeholder, gid)
        if for_stakeholder
        else None,
        joint_with=[resolve_stakeholder(desk.app, j, gid) for j in jointly_with or []],
        due_on=due,
        **desk.stamp,
    )
    return commitment_of(desk.app, gid, cid)


CommitmentArg = Annotated[str, typer.Argument(help="Commitment id or its first characters.")]


@command(commitment_app, "revise", lambda c: f"Commitment {short(c.id)} revised.")
def revise(
    desk: Desk,
    gmina: GminaId,
    commitment: CommitmentArg,
    description: Annotated[str | None, typer.Option()] = None,
    quantity: Annotated[str | None, typer.Option()] = None,
    unit: Annotated[str | None, typer.Option()] = None,
    due: Annotated[date | None, date_option(help="New deadline.")] = None,
    note: Annotated[str, typer.Option(help="Why it changed.")] = "",
) -> CommitmentView:
    """Revise the terms of an open commitment."""
    terms = {"description": description, "quantity": quantity, "unit": unit, "due_on": due}
    changes: dict[str, Any] = {k: v for k, v in terms.items() if v is not None}
    cid = resolve_commitment(desk.app, gmina, commitment)
    desk.app.revise_commitment(gmina, cid, note=note, **desk.stamp, **changes)
    return commitment_of(desk.app, gmina, cid)


def closed(c: CommitmentView) -> str:
    return f"Commitment {short(c.id)} {c.state} on {c.closed_on}."


@command(commitment_app, "fulfil", closed)
def fulfil(
    desk: Desk,
    gmina: GminaId,
    commitment: Annotated[str, typer.Argument()],
    note: Annotated[str, typer.Option()] = "",
) -> CommitmentView:
    """Record a commitment fulfilled."""
    cid = resolve_commitment(desk.app, gmina, commitment)
    desk.app.fulfil_commitment(gmina, cid, note=note, **desk.stamp)
    return commitment_of(desk.app, gmina, cid)


@command(commitment_app, "withdraw", closed)
def withdraw(
    desk: Desk,
    gmina: GminaId,
    commitment: Annotated[str, typer.Argument()],
    note: Annotated[str, typer.Option(help="Why it is withdrawn.")] = "",
) -> CommitmentView:
    """Record a commitment withdrawn."""
    cid = resolve_commitment(desk.app, gmina, commitment)
    desk.app.withdraw_commitment(gmina, cid, note=note, **desk.stamp)
    return commitment_of(desk.app, gmina, cid)


cooperation_app = typer.Typer(help="Declared cooperation between two stakeholders.")


@command(cooperation_app, "declare", lambda c: f"Cooperation recorded: {c['id']}")
def declare(
    desk: Desk,
    stakeholder: Stakeholder,
    partner: WhoArg,
    subject: Annotated[str, typer.Option(help="What the cooperation is about.")],
    form: FormOpt = CooperationForm.LASTING,
) -> dict[str, UUID]:
    """Record that a stakeholder cooperates with a partner (the first reaches out)."""
    gid = stakeholder.gmina_id
    partner_id = resolve_stakeholder(desk.app, partner, gid)
    cid = desk.app.declare_cooperation(
        gid, stakeholder.id, partner_id, subject=subject, form=form, **desk.stamp
    )
    return {"id": cid}


@command(cooperation_app, "end", "Cooperation ended.")
def end(
    desk: Desk,
    gmina: GminaId,
    cooperation: Annotated[UUID, id_argument("cooperation", help="Id of the cooperation.")],
    reason: Annotated[str, typer.Option(help="Why it ended.")] = "",
) -> dict[str, str]:
    """Record that a cooperation ended."""
    desk.app.end_cooperation(gmina, cooperation, reason=reason, **desk.stamp)
    return {"ended": str(cooperation)}
