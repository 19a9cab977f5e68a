"""`mlw backup` and `mlw restore`: one gmina's facts in one file, and back into a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.options import ByOpt, JsonOpt
from api.cli.support import answer, recorder
from domain.errors import InvalidInputError
from registry.application import Registry
from registry.backup import read_backup, restore_backup, write_backup
from registry.views import plain

commands = typer.Typer()


@commands.command("backup")
def backup(
    gmina: Annotated[str, typer.Argument(help="TERC code, id or name of the gmina.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="The backup file to write.")],
    as_json: JsonOpt = False,
) -> None:
    """Write every fact of a gmina (and its persons' keys) to one file with a digest."""

    def act(reg: Registry) -> Any:
        return plain(write_backup(reg, reg.find_gmina(gmina), output))

    answer(
        act,
        as_json,
        lambda s: (
            f"{s['name']} ({s['terc']}): {s['facts']} facts, {s['persons']} persons, "
            f"{s['erased']} erased, written to {output}\nsha256 {s['sha256']}"
        ),
    )


@commands.command("restore")
def restore(
    file: Annotated[Path, typer.Argument(help="A file written by `mlw backup`.")],
    ledger: Annotated[
        list[Path] | None,
        typer.Option(
            "--ledger",
            help="An erasure ledger to consult (MLW_ERASURE_LEDGER of the registry the "
            "backup came from); may be given more than once.",
        ),
    ] = None,
    no_ledger: Annotated[
        bool,
        typer.Option("--no-ledger", help="Restore without any ledger (nobody was ever erased)."),
    ] = False,
    by: ByOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Load a gmina's backup into a store that does not hold it; erased persons stay erased."""

    def act(reg: Registry) -> Any:
        ledgers = list(ledger or [])
        own = reg.settings.ledger_path()
        if own is not None and own.exists():
            ledgers.append(own)
        missing = [p for p in ledgers if not p.exists()]
        if missing:
            raise InvalidInputError("ledger", f"No erasure ledger at {missing[0]}.")
        if not ledgers and not no_ledger:
            raise InvalidInputError(
                "ledger",
                "No erasure ledger to consult: give --ledger FILE (the MLW_ERASURE_LEDGER of "
                "the registry the backup came from), or --no-ledger if nobody was erased.",
            )
        data = read_backup(file)
        return plain(restore_backup(reg, data, ledgers, recorded_by=recorder(by)))

    answer(
        act,
        as_json,
        lambda s: (
            f"{s['name']} ({s['terc']}) restored: {s['facts']} facts, {s['persons']} persons "
            f"in the backup; sha256 {s['sha256']}"
        ),
    )
