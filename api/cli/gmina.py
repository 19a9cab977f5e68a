"""`mlw gmina …`, `mlw person …`, `mlw history`, `mlw demo`, `mlw serve`, `mlw where`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any
from uuid import UUID

import typer

from api.cli.command import Desk, GminaId, UndatedDesk, command
from api.cli.meeting_reads import meeting_reads
from api.cli.options import AsOfOpt, ByOpt, VersionOpt, id_argument
from api.cli.refs import resolve_stakeholder
from api.cli.support import answer, recorder, run, table
from domain.errors import NotFoundError
from registry.application import Registry
from registry.personal_data import read_ledger, write_ledger
from registry.settings import Settings
from registry.views import FactView, GminaView, plain

gmina_app = typer.Typer(help="Gminas and their MLW partnership process.")
person_app = typer.Typer(help="Natural persons' personal data (RODO).")
commands = typer.Typer()


def describe_gmina(g: GminaView) -> str:
    lines = [
        f"{g.name}  (TERC {g.terc}, powiat {g.powiat}, woj. {g.voivodeship})",
        f"  id {g.id}, registered {g.registered_on}, version {g.version}",
        f"  catalogue: {g.stakeholder_count} stakeholders",
    ]
    if g.stage is None:
        lines.append("  MLW partnership: not opened")
    else:
        lines.append(f"  MLW stage {g.stage}/6: {g.stage_label}")
        for s in g.stages:
            decided = f"; decided by {s.decided_by}" if s.decided_by else ""
            lines.append(f"    {s.stage}. {s.effective_on}  {s.label}: {s.reason}{decided}")
            if s.override_reason:
                lines.append(
                    f"       without the previous stage's product, on the regional "
                    f"coordinator's decision ({s.recorded_by}): {s.override_reason}"
                )
                lines.append(f"       missing: {s.missing_en}")
    if g.analysis:
        a = g.analysis
        decided = f", {a.decided_by}" if a.decided_by else ""
        lines.append(f"  the team's analysis ({a.effective_on}{decided}):")
        lines.append(f"    findings: {a.findings}")
        lines.append(f"    entity chosen: {a.entity_type}, because {a.rationale}")
    return "\n".join(lines)


@command(gmina_app, "register", lambda g: "Registered:\n" + describe_gmina(g))
def register(
    desk: Desk,
    terc: Annotated[str, typer.Argument(help="7-digit TERC code (WWPPGGR).")],
    name: Annotated[str, typer.Argument(help="Name of the gmina.")],
    powiat: Annotated[str, typer.Option(help="Powiat.")],
    voivodeship: Annotated[str | None, typer.Option(help="Checked against the TERC code.")] = None,
) -> GminaView:
    """Register a gmina."""
    return desk.app.get_gmina(
        desk.app.register_gmina(terc, name, powiat, voivodeship, **desk.stamp)
    )


def gminas_table(views: list[GminaView]) -> str:
    rows = [
        [v.terc, v.name, v.powiat, v.voivodeship, str(v.stage or "–"), str(v.stakeholder_count)]
        for v in views
    ]
    return table(rows, ["TERC", "gmina", "powiat", "voivodeship", "stage", "stakeholders"])


@command(gmina_app, "list", gminas_table)
def list_gminas(app: Registry) -> list[GminaView]:
    """List the registered gminas."""
    return app.list_gminas()


@command(gmina_app, "show", describe_gmina)
def show(
    app: Registry, gmina: GminaId, as_of: AsOfOpt = None, version: VersionOpt = None
) -> GminaView:
    """Show a gmina and its MLW stages, now or as of a date."""
    return app.get_gmina(gmina, as_of=as_of, version=version)


@command(gmina_app, "change", describe_gmina)
def change(
    desk: Desk,
    gmina: GminaId,
    name: Annotated[str | None, typer.Option(help="New name.")] = None,
    powiat: Annotated[str | None, typer.Option(help="New powiat.")] = None,
    terc: Annotated[str | None, typer.Option(help="New TERC code (the id stays).")] = None,
) -> GminaView:
    """Rename a gmina or record its new TERC code."""
    desk.app.change_gmina(gmina, name=name, powiat=powiat, terc=terc, **desk.stamp)
    return desk.app.get_gmina(gmina)


OpenReasonOpt = Annotated[str, typer.Option(help="E.g. the meeting where the idea was presented.")]


@command(gmina_app, "open", describe_gmina)
def open_partnership(desk: Desk, gmina: GminaId, reason: OpenReasonOpt) -> GminaView:
    """Open the MLW partnership process (stage 1) and draft the pact."""
    desk.app.open_partnership(gmina, reason=reason, **desk.stamp)
    return desk.app.get_gmina(gmina)


NextStageArg = Annotated[int, typer.Argument(help="The next stage, 2–6.")]
StageReasonOpt = Annotated[str, typer.Option(help="Why the stage is reached.")]
StageDecisionOpt = Annotated[str | None, typer.Option(help="Resolution or meeting.")]


@command(gmina_app, "advance", describe_gmina)
def advance(
    desk: Desk,
    gmina: GminaId,
    stage: NextStageArg,
    reason: StageReasonOpt,
    decided_by: StageDecisionOpt = None,
) -> GminaView:
    """Move the partnership to its next MLW stage."""
    desk.app.advance_stage(gmina, stage, reason=reason, decided_by=decided_by, **desk.stamp)
    return desk.app.get_gmina(gmina)


@command(gmina_app, "override", describe_gmina)
def override(
    desk: Desk,
    gmina: GminaId,
    stage: NextStageArg,
    reason: StageReasonOpt,
    why: Annotated[
        str, typer.Option(help="Why it is reached without the previous stage's product.")
    ],
    coordinator: Annotated[
        str, typer.Option(help="The regional coordinator's account deciding it.")
    ],
    decided_by: StageDecisionOpt = None,
) -> GminaView:
    """Move the partnership to its next stage without the previous stage's product (the
    regional coordinator's decision, recorded with why and what was missing)."""
    desk.app.override_stage(
        gmina,
        stage,
        reason=reason,
        override_reason=why,
        coordinator=desk.app.get_account(coordinator),
        decided_by=decided_by,
        **desk.stamp,
    )
    return desk.app.get_gmina(gmina)


@command(gmina_app, "analysis", describe_gmina)
def analysis(
    desk: Desk,
    gmina: GminaId,
    findings: Annotated[str, typer.Option(help="What the team's analysis found.")],
    entity_type: Annotated[
        str, typer.Option(help="The entity chosen: cis, kis, zaz, wtz, social_cooperative.")
    ],
    why: Annotated[str, typer.Option(help="Why the team chose this entity.")],
    decided_by: Annotated[str, typer.Option(help="The sitting or resolution.")] = "",
) -> GminaView:
    """Record the team's analysis (stage 5): its findings, the entity chosen, and why."""
    desk.app.record_analysis(
        gmina,
        findings=findings,
        entity_type=entity_type,
        rationale=why,
        decided_by=decided_by,
        **desk.stamp,
    )
    return desk.app.get_gmina(gmina)


def facts_table(facts: list[FactView]) -> str:
    rows = [
        [
            str(f.version),
            f.fact,
            str(f.effective_on),
            f.recorded_at.strftime("%Y-%m-%d %H:%M"),
            f.recorded_by,
        ]
        for f in facts
    ]
    return table(rows, ["#", "fact", "took effect", "recorded at", "recorded by"])


@command(commands, "history", facts_table)
def history(
    app: Registry,
    ref: Annotated[str, typer.Argument(help="Id of any record, or a gmina's TERC code.")],
) -> list[FactView]:
    """Every fact recorded about one record: when it took effect, who recorded it, when."""
    try:
        rid = UUID(ref)
    except ValueError:
        try:
            rid = app.find_gmina(ref)
        except NotFoundError:
            rid = resolve_stakeholder(app, ref)
    try:
        return meeting_reads(app).history(rid)
    except NotFoundError:  # a record of no gmina (an account, the directory)
        return app.history(rid)


def erased(r: dict[str, Any]) -> str:
    lines = [f"Person {r['person_id']} erased on {r['erased_on']}."]
    for role in r.get("roles", []):
        lines.append(f"  was named as {role['role']} in {role['record_id']}")
    mentions = r.get("mentions", [])
    if mentions:
        lines.append(
            "Free text that still names them (record a correction; public documents leave it out):"
        )
        lines += [
            f"  {m['fact']} v{m['version']} of {m['record_id']}: {m['field']}" for m in mentions
        ]
    return "\n".join(lines)


@command(person_app, "erase", erased)
def erase(
    app: Registry,
    person_id: Annotated[UUID, id_argument("person", help="The person's id (see `person list`).")],
    gmina: Annotated[
        str | None,
        typer.Option(
            "--gmina", help="The gmina that names the person: lists their roles and mentions."
        ),
    ] = None,
) -> dict[str, Any]:
    """Erase a natural person's data for good, in every role; the organisations' history stays."""
    if gmina is None:
        return {"person_id": str(person_id), "erased_on": app.erase_person(person_id)}
    erasure: dict[str, Any] = plain(app.erase_person_of(app.find_gmina(gmina), person_id))
    return erasure


@command(person_app, "redact", lambda r: f"Correction recorded for text {r['digest']}.")
def redact(
    desk: UndatedDesk,
    gmina: GminaId,
    record_id: Annotated[UUID, id_argument("record", help="The record, as the erasure listed it.")],
    version: Annotated[int, typer.Argument(help="The fact's number in that record.")],
    field: Annotated[str, typer.Argument(help="The text's field, e.g. summary.")],
    text: Annotated[str, typer.Option("--text", help="The corrected text.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is corrected.")],
) -> dict[str, str]:
    """Record a correction of a free text that names a person (the fact stays as recorded)."""
    digest = desk.app.redact_text(
        gmina, record_id, version, field, text, reason=reason, recorded_by=desk.by
    )
    return {"digest": digest}


def people_table(people: list[dict[str, Any]]) -> str:
    rows = [
        [p["person_id"], p["name"], ", ".join(sorted({r["role"] for r in p["roles"]})) or "-"]
        for p in people
    ]
    return table(rows, ["person id", "name", "named as"])


@command(person_app, "list", people_table)
def list_people(app: Registry, gmina: GminaId) -> list[dict[str, Any]]:
    """The natural persons a gmina's records name, with every role they are named in."""
    people: list[dict[str, Any]] = plain(app.people_of(gmina))
    return people


@command(
    person_app,
    "erasures",
    lambda r: f"{r['added']} erasures added to {r['ledger']} ({r['known']} in all).",
)
def erasures(
    app: Registry,
    output: Annotated[Path, typer.Option("--output", "-o", help="The ledger file to append to.")],
) -> dict[str, Any]:
    """Append every erasure this store knows (ids and times only) to an erasure ledger."""
    known = read_ledger(output) if output.exists() else {}
    new = [(pid, at) for pid, at in app.vault.keys.erased() if pid not in known]
    write_ledger(output, new)
    return {"ledger": str(output), "added": len(new), "known": len(known) + len(new)}


def ready(g: GminaView) -> str:
    return "Demo gmina ready:\n" + describe_gmina(g)


@command(commands, "demo", ready)
def demo(app: Registry, by: ByOpt = None) -> GminaView:
    """Load the demonstration gmina (invented data) into the registry."""
    from registry.demo import load_demo
    from registry.demo_meetings import load_demo_meetings

    who = recorder(by) if by else "demo"
    gmina_id = load_demo(app, recorded_by=who)
    load_demo_meetings(app, gmina_id, recorded_by=who)
    return app.get_gmina(gmina_id)


def demo_accounts(reg: Registry) -> list[str]:
    from registry.accounts import open_demo_accounts
    from registry.demo import DEMO_TERC

    gid = reg.find_gmina(DEMO_TERC)
    return open_demo_accounts(reg, gid, reg.get_gmina(gid).voivodeship)


@commands.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    load_demo: Annotated[
        bool, typer.Option("--demo", help="Load the demonstration gmina first.")
    ] = False,
) -> None:
    """Run the web application (pages and JSON API) on the configured store."""
    import uvicorn

    if load_demo:
        answer(demo, as_json=False, text=ready)
        print("Demo accounts (log in with one of them):")
        for line in run(demo_accounts):
            print(f"  {line}")
        os.environ["MLW_DEMO"] = "1"  # the login page then names the demo accounts
    print(f"Events kept in: {Settings.from_env().describe()}")
    print(f"Open http://{host}:{port}/ in a browser (API description at /docs).")
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port)


@commands.command("where")
def where() -> None:
    """Say where the registry keeps its events (from MLW_STORE and friends)."""
    print(Settings.from_env().describe())
