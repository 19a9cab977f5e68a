"""How long the network and risk report takes for a gmina of 500 stakeholders.

Records, through the registry's use cases (in memory), a gmina of 500 stakeholders of
all sectors, 300 of them signatories, about 2,000 declared cooperations (average degree
about 8, as in RISKS.md's cost table) and 600 commitments; then times the timeline's
catch-up, folding the network as of a date, the measures, the risk flags (two
snapshots: the date and a quarter before) and the exports.

    .venv/bin/python bench/network.py [--stakeholders 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import networkx as nx

from domain.values import SubType
from projections.collaboration import CollaborationView
from projections.exports import export
from projections.metrics import build_graph, network_metrics, node_metrics
from projections.read_models import ReadModels
from registry.application import Registry
from registry.settings import Settings

BY = "bench"
AS_OF = date(2026, 12, 31)


def record_gmina(app: Registry, n: int, rng: random.Random) -> Any:
    g = app.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by=BY, effective_on=date(2025, 1, 2)
    )
    app.open_partnership(g, reason="start", recorded_by=BY, effective_on=date(2025, 1, 3))
    ids = []
    for i in range(n):
        subtype = rng.choice(list(SubType))
        person = subtype is SubType.SOCIAL_LEADER
        name = f"Lider {i}" if person else f"Podmiot {i}"
        kind = "person" if person else "institution"
        on = date(2025, 2, 1) + timedelta(days=rng.randrange(120))
        ids.append(
            app.add_stakeholder(
                g, name=name, subtype=subtype, kind=kind, recorded_by=BY, effective_on=on
            )
        )
    for sid in ids[: n * 3 // 5]:
        app.join_pact(g, sid, recorded_by=BY, effective_on=date(2025, 7, 1))
    for _ in range(n * 4):
        a, b = rng.sample(ids, 2)
        on = date(2025, 7, 1) + timedelta(days=rng.randrange(500))
        form = rng.choice(["lasting", "ad_hoc"])
        app.declare_cooperation(
            g, a, b, subject="współpraca", form=form, recorded_by=BY, effective_on=on
        )
    for _ in range(n * 6 // 5):
        a, b = rng.sample(ids[: n * 3 // 5], 2)
        app.make_commitment(
            g, a, resource="time", description="godziny", beneficiary_id=b,
            recorded_by=BY, effective_on=date(2025, 8, 1),
        )  # fmt: skip
    return g


def timed(label: str, fn: Callable[[], Any], repeat: int) -> Any:
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    print(f"{label:44s} {best * 1000:9.1f} ms")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stakeholders", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    app = Registry(Settings(store="memory"))
    t0 = time.perf_counter()
    g = record_gmina(app, args.stakeholders, random.Random(7))
    events = app.recorder.max_notification_id()
    print(f"recorded {events:,} facts through the use cases in {time.perf_counter() - t0:.1f} s")
    with ReadModels(app) as models:
        t0 = time.perf_counter()
        models.runners["timeline"].run()
        print(
            f"{'timeline catch-up (memory view)':44s} {(time.perf_counter() - t0) * 1000:9.1f} ms"
        )
        view = CollaborationView(models)
        r = args.repeat
        snap = timed("fold the network as of a date", lambda: view.snapshot(g, AS_OF), r)
        graph = timed("build the graph", lambda: build_graph(snap), r)
        print(f"  -> {len(graph)} stakeholders, {graph.number_of_edges()} ties")
        timed("betweenness alone (networkx, exact)", lambda: nx.betweenness_centrality(graph), r)
        timed("node measures (degree, betweenness, Burt)", lambda: node_metrics(graph), r)
        timed("network measures", lambda: network_metrics(snap, graph), r)
        report = timed("network report (view.network)", lambda: view.compute_network(g, AS_OF), r)
        flags = timed(
            "risk report (view.risks, two snapshots)", lambda: view.compute_risks(g, AS_OF), r
        )
        print(f"  -> {len(flags)} flags: {sorted({f.rule for f in flags})}")
        for fmt in ("graphml", "gexf", "csv", "json"):
            timed(f"export {fmt}", lambda fmt=fmt: export(snap, fmt), r)
        try:
            import igraph

            ig = igraph.Graph.from_networkx(graph)
            timed("betweenness alone (igraph, exact)", ig.betweenness, r)
        except ImportError:
            print("igraph not installed: no comparison")
        print(f"centralisation {report.network.degree_centralisation:.3f}, "
              f"density {report.network.density:.4f}")  # fmt: skip
    app.close()


if __name__ == "__main__":
    main()
