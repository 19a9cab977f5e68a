"""`mlw stakeholder …` and `mlw catalogue`: the gmina's catalogue of local stakeholders."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from api.cli.options import (
    AsOfOpt,
    ByOpt,
    JsonOpt,
    OnOpt,
    VersionOpt,
    choice_argument,
    choice_option,
)
from api.cli.refs import resolve_stakeholder
from api.cli.support import answer, emit, run, short, stamp, table
from domain.values import SECTOR_LABELS_PL, STATUS_LABELS_PL, Sector, StakeholderStatus, SubType
from registry.application import Registry
from registry.views import StakeholderView

stakeholder_app = typer.Typer(help="Catalogue entries: add, edit, recategorise, invite, archive.")
commands = typer.Typer()


def describe(v: StakeholderView) -> str:
    lines = [
        f"{v.name}  [{short(v.id)}]  version {v.version}",
        f"  sector:     {SECTOR_LABELS_PL[Sector(v.sector)]} / {v.subtype}",
        f"  kind:       {v.kind}" + ("  (personal data erased)" if v.personal_data_erased else ""),
        f"  status:     {STATUS_LABELS_PL[StakeholderStatus(v.status)]}",
    ]
    for label, value in (
        ("legal form", v.legal_form),
        ("NIP", v.nip),
        ("REGON", v.regon),
        ("KRS", v.krs),
        ("seat", v.seat),
        ("area", v.area),
        ("resources", ", ".join(v.resources_offered)),
        ("contact", v.contact),
    ):
        if value:
            lines.append(f"  {label + ':':<11} {value}")
    if v.archived_on:
        lines.append(f"  archived:   {v.archived_on} ({v.archive_reason})")
    return "\n".join(lines)


def catalogue_table(views: list[StakeholderView]) -> str:
    rows = [
        [short(v.id), v.name, v.sector, v.subtype, STATUS_LABELS_PL[StakeholderStatus(v.status)]]
        for v in views
    ]
    return table(rows, ["id", "name", "sector", "sub-type", "status"]) + f"\n{len(views)} entries"


@stakeholder_app.command("add")
def add(
    gmina: Annotated[str, typer.Argument(help="TERC code, id or name of the gmina.")],
    name: Annotated[str, typer.Argument(help="Name of the institution or person.")],
    subtype: Annotated[SubType, choice_option(SubType, help="MLW sub-type (it names the sector).")],
    person: Annotated[
        bool, typer.Option("--person", help="A natural person (citizen leader).")
    ] = False,
    legal_form: Annotated[str, typer.Option(help="Legal form.")] = "",
    nip: Annotated[str | None, typer.Option(help="NIP (checked).")] = None,
    regon: Annotated[str | None, typer.Option(help="REGON (checked).")] = None,
    krs: Annotated[str | None, typer.Option(help="KRS number.")] = None,
    seat: Annotated[str, typer.Option(help="Seat (locality, address of the institution).")] = "",
    area: Annotated[str, typer.Option(help="Area of activity.")] = "",
    resource: Annotated[list[str] | None, typer.Option(help="A resource offered (repeat).")] = None,
    contact: Annotated[str, typer.Option(help="Role-based contact.")] = "",
    different_stakeholder: Annotated[
        bool,
        typer.Option(
            "--different-stakeholder",
            help="Confirm that a name reading like a catalogue entry's is another stakeholder.",
        ),
    ] = False,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Add a stakeholder to a gmina's catalogue."""

    def act(app: Registry) -> Any:
        sid = app.add_stakeholder(
            app.find_gmina(gmina),
            name=name,
            subtype=subtype,
            kind="person" if person else "institution",
            legal_form=legal_form,
            nip=nip,
            regon=regon,
            krs=krs,
            seat=seat,
            area=area,
            resources_offered=resource or [],
            contact=contact,
            **stamp(by, on),
            different_stakeholder=different_stakeholder,
        )
        return app.get_stakeholder(sid)

    view = run(act, as_json)
    emit(view, as_json, lambda v: "Catalogued:\n" + describe(v))


@stakeholder_app.command("edit")
def edit(
    stakeholder: Annotated[str, typer.Argument(help="Id, id prefix or name.")],
    name: Annotated[str | None, typer.Option()] = None,
    legal_form: Annotated[str | None, typer.Option()] = None,
    nip: Annotated[str | None, typer.Option()] = None,
    regon: Annotated[str | None, typer.Option()] = None,
    krs: Annotated[str | None, typer.Option()] = None,
    seat: Annotated[str | None, typer.Option()] = None,
    area: Annotated[str | None, typer.Option()] = None,
    resource: Annotated[
        list[str] | None, typer.Option(help="Resources offered (replaces).")
    ] = None,
    contact: Annotated[str | None, typer.Option()] = None,
    expected_version: Annotated[
        int | None, typer.Option(help="Refuse if the entry changed since this version.")
    ] = None,
    different_stakeholder: Annotated[
        bool,
        typer.Option(
            "--different-stakeholder",
            help="Confirm that a name reading like a catalogue entry's is another stakeholder.",
        ),
    ] = False,
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Correct or update a catalogue entry."""
    given = {
        "name": name,
        "legal_form": legal_form,
        "nip": nip,
        "regon": regon,
        "krs": krs,
        "seat": seat,
        "area": area,
        "resources_offered": resource,
        "contact": contact,
    }
    changes: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    if different_stakeholder:
        changes["different_stakeholder"] = True

    def act(app: Registry) -> Any:
        sid = resolve_stakeholder(app, stakeholder)
        app.edit_stakeholder(
            sid,
            **stamp(by, on),
            expected_version=expected_version,
            **changes,
        )
        return app.get_stakeholder(sid)

    answer(act, as_json, lambda v: "Edited:\n" + describe(v))


@stakeholder_app.command("recategorise")
def recategorise(
    stakeholder: Annotated[str, typer.Argument(help="Id, id prefix or name.")],
    subtype: Annotated[SubType, choice_argument(SubType, help="New MLW sub-type.")],
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Move a stakeholder to another sector or sub-type."""

    def act(app: Registry) -> Any:
        sid = resolve_stakeholder(app, stakeholder)
        app.recategorise_stakeholder(sid, subtype, **stamp(by, on))
        return app.get_stakeholder(sid)

    answer(act, as_json, lambda v: "Recategorised:\n" + describe(v))


@stakeholder_app.command("invite")
def invite(
    stakeholder: Annotated[str, typer.Argument(help="Id, id prefix or name.")],
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Record that a stakeholder was invited to the partnership."""

    def act(app: Registry) -> Any:
        sid = resolve_stakeholder(app, stakeholder)
        app.invite_stakeholder(sid, **stamp(by, on))
        return app.get_stakeholder(sid)

    answer(act, as_json, lambda v: "Invited:\n" + describe(v))


@stakeholder_app.command("archive")
def archive(
    stakeholder: Annotated[str, typer.Argument(help="Id, id prefix or name.")],
    reason: Annotated[str, typer.Option(help="Why it leaves the catalogue.")],
    on: OnOpt = None,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Archive a catalogue entry (its history stays)."""

    def act(app: Registry) -> Any:
        sid = resolve_stakeholder(app, stakeholder)
        app.archive_stakeholder(sid, reason=reason, **stamp(by, on))
        return app.get_stakeholder(sid)

    answer(act, as_json, lambda v: "Archived:\n" + describe(v))


@stakeholder_app.command("show")
def show(
    stakeholder: Annotated[str, typer.Argument(help="Id, id prefix or name.")],
    as_of: AsOfOpt = None,
    version: VersionOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show a catalogue entry, now or as it stood on a date or at a version."""

    def act(app: Registry) -> Any:
        sid = resolve_stakeholder(app, stakeholder)
        return app.get_stakeholder(sid, as_of=as_of, version=version)

    answer(act, as_json, describe)


@commands.command("catalogue")
def catalogue(
    gmina: Annotated[str, typer.Argument(help="TERC code, id or name of the gmina.")],
    sector: Annotated[Sector | None, choice_option(Sector, help="Only this sector.")] = None,
    status: Annotated[
        StakeholderStatus | None, choice_option(StakeholderStatus, help="Only this status.")
    ] = None,
    search: Annotated[str | None, typer.Option(help="Name contains this text.")] = None,
    archived: Annotated[bool, typer.Option("--archived", help="Include archived entries.")] = False,
    as_of: AsOfOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List a gmina's catalogue of local stakeholders."""

    def act(app: Registry) -> Any:
        return app.catalogue(
            app.find_gmina(gmina),
            as_of=as_of,
            sector=sector,
            status=status,
            text=search,
            include_archived=archived,
        )

    answer(act, as_json, catalogue_table)
