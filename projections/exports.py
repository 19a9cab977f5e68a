"""The network in files a network tool opens: GraphML, GEXF with time, CSV ties, JSON.

Files leave the registry, so citizen leaders appear as "osoba <id>" and never by name.
GEXF carries each stakeholder's and each tie's time interval, so Gephi can play the
network's history up to the export date.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

import networkx as nx

from domain.input_rules import printable
from projections.metrics import TIE_KINDS, build_graph
from projections.network import Actor, Snapshot

FORMATS = ("graphml", "gexf", "csv", "json")


def label(actor: Actor) -> str:
    return printable(actor.name) if actor.kind == "institution" else f"osoba {actor.id[:8]}"


def anonymised(snapshot: Snapshot) -> nx.Graph[str]:
    """The network on its date, with persons unnamed."""
    g = build_graph(snapshot)
    for node in g:
        g.nodes[node]["name"] = g.nodes[node]["label"] = label(snapshot.actors[node])
    return g


def history_graph(snapshot: Snapshot) -> nx.Graph[str]:
    """Every stakeholder and tie up to the date, each with when it began and ended."""
    g: nx.Graph[str] = nx.Graph(
        gmina_id=snapshot.gmina_id, as_of=snapshot.as_of.isoformat(), mode="dynamic"
    )
    for a in sorted(snapshot.actors.values(), key=lambda a: a.id):
        g.add_node(
            a.id,
            label=label(a),
            kind=a.kind,
            sector=a.sector,
            subtype=a.subtype,
            signatory=a.signatory,
            coordinator=a.coordinator,
            start=a.since.isoformat(),
            **({"end": a.until.isoformat()} if a.until else {}),
        )
    spans: dict[tuple[str, str], list[Any]] = {}
    for t in snapshot.ties:
        if t.source == t.target or t.source not in g or t.target not in g:
            continue
        pair = (min(t.source, t.target), max(t.source, t.target))
        spans.setdefault(pair, []).append(t)
    for (source, target), ties in sorted(spans.items()):
        ends = [t.until for t in ties]
        counts = {kind: sum(t.kind == kind for t in ties) for kind in TIE_KINDS}
        g.add_edge(
            source,
            target,
            weight=float(sum(t.weight for t in ties)),
            ties=len(ties),
            start=min(t.since for t in ties).isoformat(),
            **counts,
            **({"end": max(e for e in ends if e).isoformat()} if all(ends) else {}),
        )
    return g


def to_graphml(snapshot: Snapshot) -> str:
    return "\n".join(nx.generate_graphml(anonymised(snapshot)))


def to_gexf(snapshot: Snapshot) -> str:
    return "\n".join(nx.generate_gexf(history_graph(snapshot)))


def to_csv(snapshot: Snapshot) -> str:
    """One row per tie fact in force on the date."""
    out = io.StringIO()
    columns = ["source", "target", "source_label", "target_label", "kind", "way"]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*columns, "weight", "since", "until", "detail"])
    actors = snapshot.actors
    for t in snapshot.active_ties():
        s, d = actors[t.source], actors[t.target]
        until = t.until.isoformat() if t.until else ""
        way = f"{s.kind}-{d.kind}"
        row = [t.source, t.target, label(s), label(d), t.kind, way, t.weight]
        writer.writerow([*row, t.since.isoformat(), until, t.detail])
    return out.getvalue()


def to_json(snapshot: Snapshot) -> str:
    data = nx.node_link_data(anonymised(snapshot), edges="links")
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)


WRITERS: dict[str, Callable[[Snapshot], str]] = {
    "graphml": to_graphml,
    "gexf": to_gexf,
    "csv": to_csv,
    "json": to_json,
}


def export(snapshot: Snapshot, fmt: str) -> str:
    """The network of a snapshot in one of FORMATS."""
    if fmt not in WRITERS:
        raise ValueError(f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    return WRITERS[fmt](snapshot)
