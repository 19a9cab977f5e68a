"""`mlw network`, `mlw export`, `mlw timeline`: the network as facilitators see it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from api.cli.options import AsOfOpt, GminaArg, JsonOpt
from api.cli.support import emit, run, short, table
from projections.collaboration import CollaborationView, NetworkReport
from projections.exports import FORMATS, export
from projections.read_models import ReadModels
from projections.timeline import timeline as read_timeline
from registry.application import Registry

LangOpt = Annotated[str, typer.Option("--lang", help="pl or en: the language of the sentences.")]

commands = typer.Typer()


def describe_network(r: NetworkReport) -> str:
    n = r.network
    lines = [
        f"Collaboration network as of {r.as_of}: {n.stakeholders} stakeholders, {n.ties} ties",
        f"  density {n.density:.3f}, degree centralisation {n.degree_centralisation:.3f}",
        f"  components {len(n.components)}, isolates {len(n.isolates)}, "
        f"cut points {len(n.cut_points)}",
        f"  E-I index {fmt(n.ei_index)} (by chance {fmt(n.ei_expected)}), "
        f"sector assortativity {fmt(n.sector_assortativity)}",
        f"  ties by way: {n.ways or '-'}; by kind: {n.tie_kinds or '-'}",
        f"  commitments HHI {fmt(n.commitment_hhi)}",
        "",
    ]
    rows = [
        [short(m.id), m.name, m.sector, str(m.degree), f"{m.betweenness:.3f}", fmt(m.constraint)]
        for m in r.nodes
    ]
    header = ["id", "stakeholder", "sector", "ties", "betweenness", "constraint"]
    return "\n".join(lines) + table(rows, header)


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def with_view(action: Any) -> Any:
    def act(reg: Registry) -> Any:
        with ReadModels(reg) as models:
            return action(reg, CollaborationView(models))

    return act


@commands.command("network")
def network(gmina: GminaArg, as_of: AsOfOpt = None, as_json: JsonOpt = False) -> None:
    """Who cooperates with whom: measures per stakeholder and for the whole network."""
    on = as_of
    report = run(with_view(lambda reg, v: v.network(reg.find_gmina(gmina), on)), as_json)
    emit(report, as_json, describe_network)


@commands.command("export")
def export_network(
    gmina: GminaArg,
    fmt_: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
    as_of: AsOfOpt = None,
) -> None:
    """Write the network for Gephi, igraph or a spreadsheet (persons are not named)."""
    if fmt_ not in FORMATS:
        typer.secho(f"Refused: choose a format of {', '.join(FORMATS)}.", err=True)
        raise typer.Exit(code=1)
    on = as_of
    text = run(with_view(lambda reg, v: export(v.snapshot(reg.find_gmina(gmina), on), fmt_)))
    if output is None:
        print(text)
    else:
        output.write_text(text, encoding="utf-8")
        print(f"Written {output}")


@commands.command("timeline")
def timeline(
    gmina: GminaArg,
    as_of: AsOfOpt = None,
    fact: Annotated[str | None, typer.Option(help="Only facts whose name has this.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Every recorded fact of the gmina: what, when it took effect, who recorded it."""
    on = as_of

    def act(reg: Registry) -> Any:
        with ReadModels(reg) as models:
            models.catch_up()
            gid = reg.find_gmina(gmina)
            return reg.corrected(gid, read_timeline(models.timeline_view, gid, until=on, fact=fact))

    entries = run(act, as_json)
    rows = [
        [str(e.effective_on), e.fact, short_ref(e.record_id), e.recorded_by, str(e.recorded_at)]
        for e in entries
    ]
    emit(entries, as_json, lambda _: table(rows, ["took effect", "fact", "record", "by", "at"]))


def short_ref(value: str) -> str:
    return value[:8]
