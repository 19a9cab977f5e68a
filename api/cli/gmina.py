"""`mlw gmina …`, `mlw person …`, `mlw history`, `mlw demo`, `mlw serve`, `mlw where`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any
from uuid import UUID

import typer

from api.cli.meeting_reads import meeting_reads
from api.cli.options import AsOfOpt, ByOpt, GminaArg, JsonOpt, OnOpt, VersionOpt, id_argument
from api.cli.refs import resolve_stakeholder
from api.cli.support import answer, emit, recorder, run, stamp, table
from domain.errors import NotFoundError
from registry.application import Registry
from registry.personal_data import read_ledger, write_ledger
from registry.settings import Settings
from registry.views import GminaView, plain

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
    return "\n".join(lines)


@gmina_app.command("register")
def register(
    terc: Annotated[str, typer.Argument(help="7-digit TERC code (WWPPGGR).")],
    name: Annotated[str, typer.Argument(help="Name of the gmina.")],
    powiat: Annotated[str, typer.Option(help="Powiat.")],
    voivodeship: Annotated[str | None, typer.Option(help="Checked against the TERC code.")] = None,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Register a gmina."""

    def act(reg: Registry) -> Any:
        gid = reg.register_gmina(terc, name, powiat, voivodeship, **stamp(by, on))
        return reg.get_gmina(gid)

    answer(act, as_json, lambda g: "Registered:\n" + describe_gmina(g))


@gmina_app.command("list")
def list_gminas(as_json: JsonOpt = False) -> None:
    """List the registered gminas."""
    views = run(lambda reg: reg.list_gminas(), as_json)
    emit(
        views,
        as_json,
        lambda vs: table(
            [
                [
                    v.terc,
                    v.name,
                    v.powiat,
                    v.voivodeship,
                    str(v.stage or "–"),
                    str(v.stakeholder_count),
                ]
                for v in vs
            ],
            ["TERC", "gmina", "powiat", "voivodeship", "stage", "stakeholders"],
        ),
    )


@gmina_app.command("show")
def show(
    gmina: GminaArg, as_of: AsOfOpt = None, version: VersionOpt = None, as_json: JsonOpt = False
) -> None:
    """Show a gmina and its MLW stages, now or as of a date."""
    view = run(
        lambda reg: reg.get_gmina(reg.find_gmina(gmina), as_of=as_of, version=version),
        as_json,
    )
    emit(view, as_json, describe_gmina)


@gmina_app.command("change")
def change(
    gmina: GminaArg,
    name: Annotated[str | None, typer.Option(help="New name.")] = None,
    powiat: Annotated[str | None, typer.Option(help="New powiat.")] = None,
    terc: Annotated[str | None, typer.Option(help="New TERC code (the id stays).")] = None,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Rename a gmina or record its new TERC code."""

    def act(reg: Registry) -> Any:
        gid = reg.find_gmina(gmina)
        reg.change_gmina(gid, name=name, powiat=powiat, terc=terc, **stamp(by, on))
        return reg.get_gmina(gid)

    answer(act, as_json, describe_gmina)


@gmina_app.command("open")
def open_partnership(
    gmina: GminaArg,
    reason: Annotated[str, typer.Option(help="E.g. the meeting where the idea was presented.")],
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Open the MLW partnership process (stage 1) and draft the pact."""

    def act(reg: Registry) -> Any:
        gid = reg.find_gmina(gmina)
        reg.open_partnership(gid, reason=reason, **stamp(by, on))
        return reg.get_gmina(gid)

    answer(act, as_json, describe_gmina)


@gmina_app.command("advance")
def advance(
    gmina: GminaArg,
    stage: Annotated[int, typer.Argument(help="The next stage, 2–6.")],
    reason: Annotated[str, typer.Option(help="Why the stage is reached.")],
    decided_by: Annotated[str | None, typer.Option(help="Resolution or meeting.")] = None,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Move the partnership to its next MLW stage."""

    def act(reg: Registry) -> Any:
        gid = reg.find_gmina(gmina)
        reg.advance_stage(gid, stage, reason=reason, decided_by=decided_by, **stamp(by, on))
        return reg.get_gmina(gid)

    answer(act, as_json, describe_gmina)


@commands.command("history")
def history(
    ref: Annotated[str, typer.Argument(help="Id of any record, or a gmina's TERC code.")],
    as_json: JsonOpt = False,
) -> None:
    """Every fact recorded about one record: when it took effect, who recorded it, when."""

    def act(reg: Registry) -> Any:
        try:
            rid = UUID(ref)
        except ValueError:
            try:
                rid = reg.find_gmina(ref)
            except NotFoundError:
                rid = resolve_stakeholder(reg, ref)
        try:
            return meeting_reads(reg).history(rid)
        except NotFoundError:  # a record of no gmina (an account, the directory)
            return reg.history(rid)

    answer(
        act,
        as_json,
        lambda facts: table(
            [
                [
                    str(f.version),
                    f.fact,
                    str(f.effective_on),
                    f.recorded_at.strftime("%Y-%m-%d %H:%M"),
                    f.recorded_by,
                ]
                for f in facts
            ],
            ["#", "fact", "took effect", "recorded at", "recorded by"],
        ),
    )


@person_app.command("erase")
def erase(
    person_id: Annotated[
        UUID,
        id_argument("person", help="The person's id (see `person list`)."),
    ],
    gmina: Annotated[
        str | None,
        typer.Option(
            "--gmina", help="The gmina that names the person: lists their roles and mentions."
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Erase a natural person's data for good, in every role; the organisations' history stays."""

    def act(reg: Registry) -> Any:
        if gmina is None:
            return {"person_id": str(person_id), "erased_on": reg.erase_person(person_id)}
        return plain(reg.erase_person_of(reg.find_gmina(gmina), person_id))

    def text(r: Any) -> str:
        lines = [f"Person {r['person_id']} erased on {r['erased_on']}."]
        for role in r.get("roles", []):
            lines.append(f"  was named as {role['role']} in {role['record_id']}")
        mentions = r.get("mentions", [])
        if mentions:
            lines.append(
                "Free text that still names them (record a correction; public documents "
                "leave it out):"
            )
            lines += [
                f"  {m['fact']} v{m['version']} of {m['record_id']}: {m['field']}" for m in mentions
            ]
        return "\n".join(lines)

    answer(act, as_json, text)


@person_app.command("redact")
def redact(
    gmina: GminaArg,
    record_id: Annotated[
        UUID,
        id_argument("record", help="The record, as the erasure listed it."),
    ],
    version: Annotated[int, typer.Argument(help="The fact's number in that record.")],
    field: Annotated[str, typer.Argument(help="The text's field, e.g. summary.")],
    text: Annotated[str, typer.Option("--text", help="The corrected text.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is corrected.")],
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record a correction of a free text that names a person (the fact stays as recorded)."""

    def act(reg: Registry) -> Any:
        digest = reg.redact_text(
            reg.find_gmina(gmina),
            record_id,
            version,
            field,
            text,
            reason=reason,
            recorded_by=recorder(by),
        )
        return {"digest": digest}

    answer(act, as_json, lambda r: f"Correction recorded for text {r['digest']}.")


@person_app.command("list")
def list_people(
    gmina: Annotated[str, typer.Argument(help="TERC code, id or name of the gmina.")],
    as_json: JsonOpt = False,
) -> None:
    """The natural persons a gmina's records name, with every role they are named in."""

    def act(reg: Registry) -> Any:
        return plain(reg.people_of(reg.find_gmina(gmina)))

    answer(
        act,
        as_json,
        lambda people: table(
            [
                [
                    p["person_id"],
                    p["name"],
                    ", ".join(sorted({r["role"] for r in p["roles"]})) or "-",
                ]
                for p in people
            ],
            ["person id", "name", "named as"],
        ),
    )


@person_app.command("erasures")
def erasures(
    output: Annotated[Path, typer.Option("--output", "-o", help="The ledger file to append to.")],
    as_json: JsonOpt = False,
) -> None:
    """Append every erasure this store knows (ids and times only) to an erasure ledger."""

    def act(reg: Registry) -> Any:
        known = read_ledger(output) if output.exists() else {}
        new = [(pid, at) for pid, at in reg.vault.keys.erased() if pid not in known]
        write_ledger(output, new)
        return {"ledger": str(output), "added": len(new), "known": len(known) + len(new)}

    answer(
        act,
        as_json,
        lambda r: f"{r['added']} erasures added to {r['ledger']} ({r['known']} in all).",
    )


@commands.command("demo")
def demo(by: ByOpt = None, as_json: JsonOpt = False) -> None:
    """Load the demonstration gmina (invented data) into the registry."""

    def act(reg: Registry) -> Any:
        from registry.demo import load_demo
        from registry.demo_meetings import load_demo_meetings

        who = recorder(by) if by else "demo"
        gmina_id = load_demo(reg, recorded_by=who)
        load_demo_meetings(reg, gmina_id, recorded_by=who)
        return reg.get_gmina(gmina_id)

    answer(act, as_json, lambda g: "Demo gmina ready:\n" + describe_gmina(g))


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
        demo(by=None, as_json=False)
        print("Demo accounts (log in with one of them):")
        for line in run(demo_accounts):
            print(f"  {line}")
        os.environ["MLW_DEMO"] = "1"  # the login page then names the demo accounts
    print(f"Events kept in: {Settings.from_env().describe()}")
    print(f"Open http://{host}:{port}/ in a browser (API description at /docs).")
    # The registry writes its own line per request (mlw.requests), so uvicorn's is left out.
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, access_log=False)


@commands.command("where")
def where() -> None:
    """Say where the registry keeps its events (from MLW_STORE and friends)."""
    print(Settings.from_env().describe())
