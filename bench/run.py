"""The benchmark suite: every figure beside a reference measured in the same run.

    .venv/bin/python bench/run.py [--quick] [--skip-postgres]

Rows: registry commands/s against the raw recorder (SQLite, PostgreSQL); CPU per command
in a gmina of 5,000 stakeholders against one of 50 (bench/command_sizes.py); read-model
catch-up against the raw notification read rate (synthetic national gminas); network
measures against graph size (networkx against igraph); the network and risk report of one
gmina; documents, API latency and meetings reads when their benchmarks (bench/documents.py,
bench/api_latency.py) offer ``rows(quick)``; the risk flags found on
the labelled partnerships (bench/risk_trust.py) against those raised and planted.
``--quick`` takes about two minutes, the default about fifteen.
"""

from __future__ import annotations

import argparse
import importlib
import platform
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import catchup
import command_sizes
import commands
import networkx as nx
from eventsourcing.persistence import StoredEvent

from projections.collaboration import CollaborationView
from projections.metrics import exact_betweenness, node_metrics
from projections.read_models import ReadModels
from registry.application import Registry
from registry.settings import Settings

PG = command_sizes.PG
store = command_sizes.store
HEADER = ("measure", "store/size", "figure", "unit", "reference", "ref. figure", "ratio")
Row = tuple[str, str, float | None, str, str, float | None]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


# --- commands/s ----------------------------------------------------------------------


def command_rows(kind: str, n: int, workdir: Path) -> list[Row]:
    """Facilitator commands through the registry, then the same events by the raw recorder."""
    with store(kind, workdir) as settings:
        app = Registry(settings)
        executor = commands.Executor(app, seed=1)
        sizes, busy, last = [], 0.0, 0
        for op in commands.make_plan(n, 500, seed=1):
            took, _ = timed(lambda op=op: executor.calls[op.kind](op))
            busy += took
            now = app.recorder.max_notification_id() or 0
            sizes.append(now - last)
            last = now
        stored = commands.read_events(app, 1)
        app.close()
    groups = commands.group(stored, sizes)
    with store(kind, workdir) as raw_settings:
        fresh_app = Registry(raw_settings)  # only for a fresh recorder of that store
        raw = fresh_app.recorder
        raw_busy = 0.0
        for events in groups:
            fresh = [StoredEvent(e.originator_id, e.originator_version, e.topic, e.state)
                     for e in events]  # fmt: skip
            took, _ = timed(lambda fresh=fresh: raw.insert_events(fresh))
            raw_busy += took
        fresh_app.close()
    return [
        ("registry commands", f"{kind} {n:,}", n / busy, "commands/s",
         "raw insert_events, same grouping", n / raw_busy),
    ]  # fmt: skip


def size_rows(kind: str, quick: bool, workdir: Path) -> list[Row]:
    """CPU per command in a gmina of 5,000 stakeholders against one of 50, same mix."""
    large = 1000 if quick else 5000
    small, big = command_sizes.run_sizes(kind, [50, large], 200 if quick else 400, workdir)
    cpu = 1000 * big.per_command(big.cpu)
    return [
        ("command CPU, large gmina", f"{kind} {large:,} stakeh.", cpu, "ms/command",
         "same mix, 50 stakeholders", 1000 * small.per_command(small.cpu)),
        ("aggregate loads per command", f"{kind} {large:,} stakeh.", big.per_command(big.loads),
         "loads", "saves per command", big.per_command(big.saves)),
    ]  # fmt: skip


# --- catch-up ------------------------------------------------------------------------


def catchup_rows(kind: str, facts: int, workdir: Path) -> list[Row]:
    """Every read model caught up from zero, together, over a synthetic national history."""
    with store(kind, workdir) as settings:
        app = Registry(settings)
        write_s, (written, _) = timed(lambda: catchup.write_history(app, facts))
        total = app.recorder.max_notification_id() or 0
        _, raw_s = catchup.read_all(app, decode=False)
        _, decoded_s = catchup.read_all(app, decode=True)
        app.close()
        f = catchup.in_own_process(settings, catchup.fresh_views(settings, workdir), 2000)
    size = f"{kind} {total:,} facts"
    return [
        ("national generator (bulk save)", size, written / write_s, "facts/s",
         "raw notification read", total / raw_s),
        ("catch-up, all read models together", size, f.rate, "facts/s",
         "read + decode through the library", total / decoded_s),
        (f"catch-up, last {f.window:,} facts", size, f.last_rate, "facts/s",
         f"the first {f.window:,} facts", f.first_rate),
        ("catch-up peak RSS", size, f.peak_rss_mb, "MB", "goal", 150.0),
    ]  # fmt: skip


# --- network ---------------------------------------------------------------------------


def synthetic_graph(n: int, seed: int = 7) -> nx.Graph:
    """A random network of ``n`` stakeholders, average degree 8, with the report's attributes."""
    g = nx.gnm_random_graph(n, 4 * n, seed=seed)
    g = nx.relabel_nodes(g, {v: f"s{v}" for v in g})
    rng = random.Random(seed)
    for v in g:
        g.nodes[v].update(name=v, sector=rng.choice("ABCDEF"), kind="institution")
    for a, b in g.edges():
        g.edges[a, b]["weight"] = 1.0
    return g


def network_rows(sizes: list[int], nx_limit: int, ig_limit: int) -> list[Row]:
    rows: list[Row] = []
    exact_betweenness(synthetic_graph(20), "igraph")  # load igraph outside the timings
    for n in sizes:
        g = synthetic_graph(n)
        rest, _ = timed(lambda g=g: node_metrics(g, with_betweenness=False))
        fast = timed(lambda g=g: exact_betweenness(g, "igraph"))[0] if n <= ig_limit else None
        slow = timed(lambda g=g: exact_betweenness(g, "networkx"))[0] if n <= nx_limit else None
        rows.append(("betweenness, networkx", f"{n:,} nodes", slow, "s",
                     "igraph, same values", fast))  # fmt: skip
        rows.append(("node measures but betweenness", f"{n:,} nodes", rest, "s",
                     "betweenness, igraph", fast))  # fmt: skip
    return rows


def report_rows(stakeholders: int) -> list[Row]:
    """The network and risk report of one gmina recorded through the use cases."""
    import network as network_bench  # bench/network.py

    app = Registry(Settings(store="memory"))
    g = network_bench.record_gmina(app, stakeholders, random.Random(7))
    on = date(2026, 12, 31)
    with ReadModels(app) as models:
        models.catch_up()
        view = CollaborationView(models)
        view.network(g, on)  # warm
        remembered, _ = timed(lambda: view.network(g, on))
        fast, _ = timed(lambda: view.compute_network(g, on))
        risks, _ = timed(lambda: view.compute_risks(g, on))
        graph_ = network_bench.build_graph(view.snapshot(g, on))
        slow, _ = timed(lambda: nx.betweenness_centrality(graph_))
    app.close()
    return [
        ("network report", f"{stakeholders} stakeholders", fast, "s",
         "networkx betweenness alone", slow),
        ("risk report", f"{stakeholders} stakeholders", risks, "s",
         "network report", fast),
        ("network report, asked again", f"{stakeholders} stakeholders", remembered, "s",
         "network report", fast),
        *network_bench.goal_rows(3, 5000),
    ]  # fmt: skip


def outside_rows(module: str, quick: bool) -> list[Row]:
    """Rows of a benchmark written beside this suite, when it offers ``rows(quick)``."""
    try:
        rows = importlib.import_module(module).rows(quick)
        return list(rows)
    except (ImportError, AttributeError):
        return [(f"{module}: not available", "", None, "", "", None)]


# --- the table ---------------------------------------------------------------------------


def fmt(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:,.0f}" if x >= 100 else f"{x:.3g}"


def render(rows: list[Row]) -> str:
    lines = [list(HEADER)]
    for measure, size, figure, unit, ref, ref_figure in rows:
        ratio = "-"
        if figure is not None and ref_figure:
            ratio = f"{figure / ref_figure:.3g}"
        lines.append([measure, size, fmt(figure), unit, ref, fmt(ref_figure), ratio])
    widths = [max(len(r[i]) for r in lines) for i in range(len(HEADER))]
    out = []
    for k, r in enumerate(lines):
        out.append("  ".join(c.ljust(w) if i in (0, 1, 3, 4) else c.rjust(w)
                             for i, (c, w) in enumerate(zip(r, widths, strict=True))))  # fmt: skip
        if k == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


# Issue 12's goals, each read from the rows of this run: (what, which rows, the figure
# compared (a row's ratio, or its figure), at most or at least, the bound).
GOALS: list[tuple[str, Callable[[Row], bool], str, str, float]] = [
    ("commands/s >= 0.5x the raw recorder", lambda r: r[0] == "registry commands",
     "ratio", ">=", 0.5),
    ("CPU per command, 5,000 stakeholders <= 1.5x at 50",
     lambda r: r[0] == "command CPU, large gmina", "ratio", "<=", 1.5),
    ("catch-up of all read models >= 0.5x read + decode",
     lambda r: r[0] == "catch-up, all read models together", "ratio", ">=", 0.5),
    ("catch-up no slower in the last facts than the first",
     lambda r: r[0].startswith("catch-up, last"), "ratio", ">=", 1.0),
    ("catch-up peak RSS under 150 MB", lambda r: r[0] == "catch-up peak RSS",
     "figure", "<=", 150.0),
    ("risk report, 500 stakeholders <= 0.1 s", lambda r: r[0] == "risk report (goal 0.1 s)",
     "figure", "<=", 0.1),
    ("risk report, 5,000 stakeholders <= 1 s", lambda r: r[0] == "risk report (goal 1 s)",
     "figure", "<=", 1.0),
    ("API read p99 < 50 ms at 16 clients",
     lambda r: r[0].startswith("API GET") and r[0].endswith(" p99"), "figure", "<", 50.0),
    ("framework floor per request <= 1 ms (CPU)",
     lambda r: r[0] == "API floor trivial route (health check) CPU", "figure", "<=", 1.0),
]  # fmt: skip


def goals(rows: list[Row]) -> str:
    """Each goal with the figure this run measured for it, and whether it is met."""
    lines = []
    for what, which, compared, bound_kind, bound in GOALS:
        found = [r for r in rows if which(r) and r[2] is not None]
        if not found:
            lines.append(f"{what:<56} not measured in this run")
        for r in found:
            figure = r[2] if compared == "figure" else (r[2] / r[5] if r[5] else None)
            if figure is None:
                continue
            met = {">=": figure >= bound, "<=": figure <= bound, "<": figure < bound}[bound_kind]
            where = f"{r[0]}, {r[1]}" if len(found) > 1 else r[1]
            lines.append(
                f"{what:<56} {compared} {fmt(figure):>8} {bound_kind} {fmt(bound):<5} "
                f"{'met' if met else 'NOT MET':<8} {where}"
            )
    return "\n".join(lines)


def machine() -> str:
    import os
    from importlib.metadata import version

    pg = "not reachable"
    try:
        import psycopg

        with psycopg.connect(**PG) as conn:  # type: ignore[arg-type]
            pg = str(conn.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]
    except Exception:
        pass
    return (
        f"machine       {platform.platform()}, {platform.machine()}, {os.cpu_count()} CPUs\n"
        f"python        {platform.python_implementation()} {platform.python_version()}\n"
        f"libraries     eventsourcing {version('eventsourcing')}, networkx {nx.__version__}, "
        f"igraph {version('igraph')}\n"
        f"postgresql    {pg}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="about two minutes")
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    quick = args.quick
    stores = ["sqlite"] if args.skip_postgres else ["sqlite", "postgres"]
    print(machine(), flush=True)
    rows: list[Row] = []
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mlw-bench-") as tmp:
        workdir = Path(tmp)
        for kind in stores:
            rows += command_rows(kind, 1000 if quick else 5000, workdir)
            print(render(rows[-1:]).splitlines()[-1], flush=True)
            rows += size_rows(kind, quick, workdir)
            print("\n".join(render(rows[-2:]).splitlines()[2:]), flush=True)
        for kind in stores:
            rows += catchup_rows(kind, 20_000 if quick else 100_000, workdir)
            print("\n".join(render(rows[-4:]).splitlines()[2:]), flush=True)
    sizes = [500, 5000, 50000]
    rows += network_rows(sizes, nx_limit=500 if quick else 5000, ig_limit=5000)
    rows += report_rows(200 if quick else 500)
    rows += outside_rows("documents", quick)
    rows += outside_rows("api_latency", quick)
    rows += outside_rows("risk_trust", quick)
    print()
    print(render(rows))
    print("\nGoals of issue 12 (each figure from this run)\n")
    print(goals(rows))
    print(f"\nwhole run {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
