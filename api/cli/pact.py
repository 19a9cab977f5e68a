"""`mlw pact …`, `mlw commitment …`, `mlw cooperation …`: signatories, theses, commitments,
and the cooperation between stakeholders, lasting or ad hoc, beyond the pact."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from uuid import UUID

import typer

from api.cli.options import (
    AsOfOpt,
    ByOpt,
    DueOpt,
    FormOpt,
    GminaArg,
    JsonOpt,
    OnOpt,
    ResourceOpt,
    VersionOpt,
    WhoArg,
    choice_option,
    date_option,
    id_argument,
)
from api.cli.refs import resolve_commitment, resolve_stakeholder
from api.cli.support import answer, emit, run, short, stamp, table
from domain.values import CooperationForm, ParticipantRole
from registry.application import Registry
from registry.views import PactView, PartyView

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


def party(app: Registry, gmina_id: UUID, stakeholder_id: UUID) -> PartyView:
    """A stakeholder's place in the gmina's pact: joined, left, as whom."""
    return next(p for p in app.get_pact(gmina_id).parties if p.stakeholder_id == stakeholder_id)


@pact_app.command("show")
def show(
    gmina: GminaArg, as_of: AsOfOpt = None, version: VersionOpt = None, as_json: JsonOpt = False
) -> None:
    """Show the pact, now or as it stood on a date."""
    view = run(
        lambda app: app.get_pact(app.find_gmina(gmina), as_of=as_of, version=version),
        as_json,
    )
    emit(view, as_json, describe_pact)


@pact_app.command("join")
def join(
    gmina: GminaArg,
    stakeholder: WhoArg,
    representative: Annotated[
        str | None,
        typer.Option(help="The representative: a name, or a person id (`mlw person list`)."),
    ] = None,
    representative_contact: Annotated[str, typer.Option(help="Work contact.")] = "",
    representative_function: Annotated[str, typer.Option(help="Function, e.g. dyrektor.")] = "",
    form: FormOpt = CooperationForm.LASTING,
    role: Annotated[
        ParticipantRole, choice_option(ParticipantRole, help="The part it plays.")
    ] = ParticipantRole.ASSOCIATED_INSTITUTION,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record a stakeholder signing the pact."""

    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        sid = resolve_stakeholder(app, stakeholder, gid)
        app.join_pact(
            gid,
            sid,
            representative=representative,
            representative_contact=representative_contact,
            representative_function=representative_function,
            form=form,
            role=role,
            **stamp(by, on),
        )
        return party(app, gid, sid)

    answer(act, as_json, lambda p: f"{p.name} signed the pact on {p.joined_on}.")


@pact_app.command("leave")
def leave(
    gmina: GminaArg,
    stakeholder: WhoArg,
    reason: Annotated[str, typer.Option(help="Why it leaves.")] = "",
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record a signatory leaving the pact."""

    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        sid = resolve_stakeholder(app, stakeholder, gid)
        app.leave_pact(gid, sid, reason=reason, **stamp(by, on))
        return party(app, gid, sid)

    answer(act, as_json, lambda p: f"{p.name} left the pact on {p.left_on}.")


@pact_app.command("theses")
def theses(
    gmina: GminaArg,
    thesis: Annotated[
        list[str] | None, typer.Option(help="A thesis (repeat); replaces all.")
    ] = None,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show the pact's theses, or replace them with the ones given."""

    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        if thesis:
            app.set_theses(gid, thesis, **stamp(by, on))
        return app.get_pact(gid).theses

    answer(act, as_json, lambda ts: "\n".join(f"{i}. {t}" for i, t in enumerate(ts, 1)))


@commitment_app.command("make")
def make(
    gmina: GminaArg,
    stakeholder: WhoArg,
    resource: ResourceOpt,
    description: Annotated[str, typer.Option(help="What is committed.")],
    quantity: Annotated[str | None, typer.Option(help="How much (e.g. 5000 or 12,5).")] = None,
    unit: Annotated[str, typer.Option(help="Unit: zł, h/mies., m², …")] = "",
    beneficiary: Annotated[str, typer.Option("--for", help="For whom (a group).")] = "",
    for_stakeholder: Annotated[str | None, typer.Option(help="For this stakeholder.")] = None,
    jointly_with: Annotated[list[str] | None, typer.Option(help="Joint with (repeat).")] = None,
    due: DueOpt = None,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record a signatory's commitment."""

    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        cid = app.make_commitment(
            gid,
            resolve_stakeholder(app, stakeholder, gid),
            resource=resource,
            description=description,
            quantity=quantity,
            unit=unit,
            beneficiary=beneficiary,
            beneficiary_id=resolve_stakeholder(app, for_stakeholder, gid)
            if for_stakeholder
            else None,
            joint_with=[resolve_stakeholder(app, j, gid) for j in jointly_with or []],
            due_on=due,
            **stamp(by, on),
        )
        return next(c for c in app.get_pact(gid).commitments if c.id == cid)

    answer(
        act,
        as_json,
        lambda c: f"Commitment {short(c.id)} recorded: {c.stakeholder_name} – {c.description}.",
    )


@commitment_app.command("revise")
def revise(
    gmina: GminaArg,
    commitment: Annotated[str, typer.Argument(help="Commitment id or its first characters.")],
    description: Annotated[str | None, typer.Option()] = None,
    quantity: Annotated[str | None, typer.Option()] = None,
    unit: Annotated[str | None, typer.Option()] = None,
    due: Annotated[date | None, date_option(help="New deadline.")] = None,
    note: Annotated[str, typer.Option(help="Why it changed.")] = "",
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Revise the terms of an open commitment."""
    changes: dict[str, Any] = {
        k: v
        for k, v in {"description": description, "quantity": quantity, "unit": unit}.items()
        if v is not None
    }

    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        cid = resolve_commitment(app, gid, commitment)
        if due is not None:
            changes["due_on"] = due
        app.revise_commitment(
            gid,
            cid,
            note=note,
            **stamp(by, on),
            **changes,
        )
        return next(c for c in app.get_pact(gid).commitments if c.id == cid)

    answer(act, as_json, lambda c: f"Commitment {short(c.id)} revised.")


def close(
    gmina: str,
    commitment: str,
    note: str,
    on: date | None,
    by: str | None,
    as_json: bool,
    fulfilled: bool,
) -> None:
    def act(app: Registry) -> Any:
        gid = app.find_gmina(gmina)
        cid = resolve_commitment(app, gid, commitment)
        method = app.fulfil_commitment if fulfilled else app.withdraw_commitment
        method(gid, cid, note=note, **stamp(by, on))
        return next(c for c in app.get_pact(gid).commitments if c.id == cid)

    answer(
        act,
        as_json,
        lambda c: f"Commitment {short(c.id)} {c.state} on {c.closed_on}.",
    )


@commitment_app.command("fulfil")
def fulfil(
    gmina: GminaArg,
    commitment: Annotated[str, typer.Argument()],
    note: Annotated[str, typer.Option()] = "",
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record a commitment fulfilled."""
    close(gmina, commitment, note, on, by, as_json, fulfilled=True)


@commitment_app.command("withdraw")
def withdraw(
    gmina: GminaArg,
    commitment: Annotated[str, typer.Argument()],
    note: Annotated[str, typer.Option(help="Why it is withdrawn.")] = "",
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record a commitment withdrawn."""
    close(gmina, commitment, note, on, by, as_json, fulfilled=False)


cooperation_app = typer.Typer(help="Declared cooperation between two stakeholders.")


@cooperation_app.command("declare")
def declare(
    gmina: GminaArg,
    stakeholder: WhoArg,
    partner: WhoArg,
    subject: Annotated[str, typer.Option(help="What the cooperation is about.")],
    form: FormOpt = CooperationForm.LASTING,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record that a stakeholder cooperates with a partner (the first reaches out)."""

    def act(reg: Registry) -> Any:
        gid = reg.find_gmina(gmina)
        return reg.declare_cooperation(
            gid,
            resolve_stakeholder(reg, stakeholder, gid),
            resolve_stakeholder(reg, partner, gid),
            subject=subject,
            form=form,
            **stamp(by, on),
        )

    cid = run(act, as_json)
    emit({"id": cid}, as_json, f"Cooperation recorded: {cid}")


@cooperation_app.command("end")
def end(
    gmina: GminaArg,
    cooperation: Annotated[UUID, id_argument("cooperation", help="Id of the cooperation.")],
    reason: Annotated[str, typer.Option(help="Why it ended.")] = "",
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record that a cooperation ended."""

    def act(reg: Registry) -> Any:
        reg.end_cooperation(reg.find_gmina(gmina), cooperation, reason=reason, **stamp(by, on))

    run(act, as_json)
    emit({"ended": str(cooperation)}, as_json, "Cooperation ended.")
