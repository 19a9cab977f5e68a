"""Exports a facilitator opens in Gephi or igraph: same stakeholders, same ties, same facts."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import igraph
import pytest

from projections.collaboration import CollaborationView
from projections.exports import export
from projections.network import Snapshot
from projections.read_models import ReadModels
from registry.application import Registry
from tests.integration.test_network_story import (
    a_school_and_bank_tie_over_the_summer,
    gmina_around_its_gops,
)

GEXF = "{http://www.gexf.net/1.2draft}"


@pytest.fixture
def snapshot(memory_registry: Registry) -> Snapshot:
    """Zielony Jar in autumn 2026: a star around the GOPS and one ended school–bank tie."""
    g, _, partners = gmina_around_its_gops(memory_registry)
    a_school_and_bank_tie_over_the_summer(memory_registry, g, partners)
    with ReadModels(memory_registry) as models:
        return CollaborationView(models).snapshot(g, date(2026, 10, 1))


def test_igraph_reads_the_graphml_back_with_the_same_stakeholders_ties_and_attributes(
    snapshot: Snapshot, tmp_path: Path
) -> None:
    path = tmp_path / "zielony-jar.graphml"
    path.write_text(export(snapshot, "graphml"), encoding="utf-8")
    g = igraph.Graph.Read_GraphML(str(path))
    active = {a.id: a for a in snapshot.active()}
    assert set(g.vs["id"]) == set(active)
    pairs = {frozenset((g.vs[e.source]["id"], g.vs[e.target]["id"])) for e in g.es}
    assert pairs == {frozenset((t.source, t.target)) for t in snapshot.active_ties()}
    assert {v["id"]: v["sector"] for v in g.vs} == {i: a.sector for i, a in active.items()}
    assert set(g.es["weight"]) == {2.0}
    labels = set(g.vs["label"])
    assert "GOPS w Zielonym Jarze" in labels and "Anna Lider" not in labels


def test_the_gexf_carries_when_each_stakeholder_and_tie_began_and_ended(
    snapshot: Snapshot, tmp_path: Path
) -> None:
    root = ET.fromstring(export(snapshot, "gexf"))
    graph = root.find(f"{GEXF}graph")
    assert graph is not None
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    nodes = {n.get("id"): n for n in graph.iter(f"{GEXF}node")}
    assert set(nodes) == set(snapshot.actors)
    assert {n.get("start") for n in nodes.values()} == {"2025-10-01"}
    edges = {frozenset((e.get("source"), e.get("target"))): e for e in graph.iter(f"{GEXF}edge")}
    assert len(edges) == 12
    ended = [e for e in edges.values() if e.get("end")]
    assert [(e.get("start"), e.get("end"), e.get("weight")) for e in ended] == [
        ("2026-07-01", "2026-09-01", "1.0")
    ]
    titles = {a.get("id"): a.get("title") for a in root.iter(f"{GEXF}attribute")}
    sector_ids = {k for k, v in titles.items() if v == "sector"}
    sectors = {
        n.get("id"): v.get("value")
        for n in nodes.values()
        for v in n.iter(f"{GEXF}attvalue")
        if v.get("for") in sector_ids
    }
    assert sectors == {i: a.sector for i, a in snapshot.actors.items()}


def test_the_csv_edge_list_has_one_row_per_tie_in_force(snapshot: Snapshot) -> None:
    rows = list(csv.DictReader(io.StringIO(export(snapshot, "csv"))))
    assert len(rows) == len(snapshot.active_ties()) == 11
    assert {r["way"] for r in rows} == {"institution-institution", "institution-person"}
    assert {r["kind"] for r in rows} == {"declared"}


def test_the_node_link_json_lists_stakeholders_and_links(snapshot: Snapshot) -> None:
    data = json.loads(export(snapshot, "json"))
    assert len(data["nodes"]) == 12 and len(data["links"]) == 11
    assert data["graph"]["as_of"] == "2026-10-01"


def test_an_unknown_format_is_refused_with_the_formats_one_can_choose() -> None:
    with pytest.raises(ValueError, match="graphml, gexf, csv, json"):
        export(Snapshot("g", date(2026, 1, 1)), "pdf")
