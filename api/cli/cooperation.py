"""`mlw cooperation`: recording who cooperates with whom, lasting or ad hoc."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import typer

from api.cli.options import ByOpt, FormOpt, GminaArg, JsonOpt, OnOpt, WhoArg, id_argument
from api.cli.refs import resolve_stakeholder
from api.cli.support import emit, run, stamp
from domain.values import CooperationForm
from registry.application import Registry

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
