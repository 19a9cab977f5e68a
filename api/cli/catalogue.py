"""`mlw stakeholder …` and `mlw catalogue`: the gmina's catalogue of local stakeholders."""

from __future__ import annotations

from typing import Annotated, Any, NamedTuple

import typer

from api.cli.command import Desk, GminaId, command
from api.cli.options import AsOfOpt, VersionOpt, choice_argument, choice_option
from api.cli.refs import resolve_stakeholder
from api.cli.support import short, table
from domain.values import Sector, StakeholderStatus, SubType
from registry.application import Registry
from registry.views import StakeholderView

stakeholder_app = typer.Typer(help="Catalogue entries: add, edit, recategorise, invite, archive.")
commands = typer.Typer()

EntryArg = Annotated[str, typer.Argument(help="Id, id prefix or name.")]
DifferentOpt = Annotated[
    bool,
    typer.Option(
        "--different-stakeholder",
        help="Confirm that a name reading like a catalogue entry's is another stakeholder.",
    ),
]


def describe(v: StakeholderView) -> str:
    lines = [
        f"{v.name}  [{short(v.id)}]  version {v.version}",
        f"  sector:     {Sector(v.sector).polish} / {v.subtype}",
        f"  kind:       {v.kind}" + ("  (personal data erased)" if v.personal_data_erased else ""),
        f"  status:     {StakeholderStatus(v.status).polish}",
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
        [short(v.id), v.name, v.sector, v.subtype, StakeholderStatus(v.status).polish]
        for v in views
    ]
    return table(rows, ["id", "name", "sector", "sub-type", "status"]) + f"\n{len(views)} entries"


class Particulars(NamedTuple):
    """What registers tell of a stakeholder: legal form, NIP, REGON, KRS, seat and area."""

    legal_form: Annotated[str, typer.Option(help="Legal form.")] = ""
    nip: Annotated[str | None, typer.Option(help="NIP (checked).")] = None
    regon: Annotated[str | None, typer.Option(help="REGON (checked).")] = None
    krs: Annotated[str | None, typer.Option(help="KRS number.")] = None
    seat: Annotated[str, typer.Option(help="Seat (locality, address of the institution).")] = ""
    area: Annotated[str, typer.Option(help="Area of activity.")] = ""


NONE_GIVEN = Particulars()


@command(stakeholder_app, "add", lambda v: "Catalogued:\n" + describe(v))
def add(
    desk: Desk,
    gmina: GminaId,
    name: Annotated[str, typer.Argument(help="Name of the institution or person.")],
    subtype: Annotated[SubType, choice_option(SubType, help="MLW sub-type (it names the sector).")],
    person: Annotated[
        bool, typer.Option("--person", help="A natural person (citizen leader).")
    ] = False,
    particulars: Particulars = NONE_GIVEN,
    resource: Annotated[list[str] | None, typer.Option(help="A resource offered (repeat).")] = None,
    contact: Annotated[str, typer.Option(help="Role-based contact.")] = "",
    different_stakeholder: DifferentOpt = False,
) -> StakeholderView:
    """Add a stakeholder to a gmina's catalogue."""
    sid = desk.app.add_stakeholder(
        gmina,
        name=name,
        subtype=subtype,
        kind="person" if person else "institution",
        **particulars._asdict(),
        resources_offered=resource or [],
        contact=contact,
        **desk.stamp,
        different_stakeholder=different_stakeholder,
    )
    return desk.app.get_stakeholder(sid)


@command(stakeholder_app, "edit", lambda v: "Edited:\n" + describe(v))
def edit(
    desk: Desk,
    stakeholder: EntryArg,
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
    different_stakeholder: DifferentOpt = False,
) -> StakeholderView:
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
    sid = resolve_stakeholder(desk.app, stakeholder)
    desk.app.edit_stakeholder(sid, **desk.stamp, expected_version=expected_version, **changes)
    return desk.app.get_stakeholder(sid)


@command(stakeholder_app, "recategorise", lambda v: "Recategorised:\n" + describe(v))
def recategorise(
    desk: Desk,
    stakeholder: EntryArg,
    subtype: Annotated[SubType, choice_argument(SubType, help="New MLW sub-type.")],
) -> StakeholderView:
    """Move a stakeholder to another sector or sub-type."""
    sid = resolve_stakeholder(desk.app, stakeholder)
    desk.app.recategorise_stakeholder(sid, subtype, **desk.stamp)
    return desk.app.get_stakeholder(sid)


@command(stakeholder_app, "invite", lambda v: "Invited:\n" + describe(v))
def invite(desk: Desk, stakeholder: EntryArg) -> StakeholderView:
    """Record that a stakeholder was invited to the partnership."""
    sid = resolve_stakeholder(desk.app, stakeholder)
    desk.app.invite_stakeholder(sid, **desk.stamp)
    return desk.app.get_stakeholder(sid)


@command(stakeholder_app, "archive", lambda v: "Archived:\n" + describe(v))
def archive(
    desk: Desk,
    stakeholder: EntryArg,
    reason: Annotated[str, typer.Option(help="Why it leaves the catalogue.")],
) -> StakeholderView:
    """Archive a catalogue entry (its history stays)."""
    sid = resolve_stakeholder(desk.app, stakeholder)
    desk.app.archive_stakeholder(sid, reason=reason, **desk.stamp)
    return desk.app.get_stakeholder(sid)


@command(stakeholder_app, "show", describe)
def show(
    app: Registry, stakeholder: EntryArg, as_of: AsOfOpt = None, version: VersionOpt = None
) -> StakeholderView:
    """Show a catalogue entry, now or as it stood on a date or at a version."""
    return app.get_stakeholder(resolve_stakeholder(app, stakeholder), as_of=as_of, version=version)


@command(commands, "catalogue", catalogue_table)
def catalogue(
    app: Registry,
    gmina: GminaId,
    sector: Annotated[Sector | None, choice_option(Sector, help="Only this sector.")] = None,
    status: Annotated[
        StakeholderStatus | None, choice_option(StakeholderStatus, help="Only this status.")
    ] = None,
    search: Annotated[str | None, typer.Option(help="Name contains this text.")] = None,
    archived: Annotated[bool, typer.Option("--archived", help="Include archived entries.")] = False,
    as_of: AsOfOpt = None,
) -> list[StakeholderView]:
    """List a gmina's catalogue of local stakeholders."""
    return app.catalogue(
        gmina, as_of=as_of, sector=sector, status=status, text=search, include_archived=archived
    )
