"""Network measures checked against published values on classic graphs."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from domain.values import SubType
from projections.metrics import (
    assortativity,
    build_graph,
    burt_constraint,
    cut_points,
    ei_index,
    freeman_centralisation,
    node_metrics,
)
from projections.network import Snapshot, Tie
from tests.unit.stories import add_actor, balanced, star


def labelled(g: nx.Graph) -> nx.Graph:
    for node in g:
        g.nodes[node].update(name=str(node), sector="ngo", kind="institution")
    return g


def test_zachary_karate_club_centralities_match_the_published_values() -> None:
    # Zachary (1977); betweenness 231.07 (actor 1) and 160.55 (actor 34) over 33·32/2 pairs.
    g = labelled(nx.karate_club_graph())
    by_id = {m.id: m for m in node_metrics(g)}
    assert by_id[0].betweenness == pytest.approx(231.0714 / 528, abs=1e-4)
    assert by_id[33].betweenness == pytest.approx(160.5516 / 528, abs=1e-4)
    assert (by_id[0].degree, by_id[33].degree) == (16, 17)
    assert by_id[33].degree_centrality == pytest.approx(17 / 33)
    assert nx.density(g) == pytest.approx(78 / 561)


def test_karate_club_degree_centralisation_is_freemans() -> None:
    # Σ(17 − dᵢ) = 34·17 − 2·78 = 422, over (n − 1)(n − 2) = 1056.
    g = nx.karate_club_graph()
    assert freeman_centralisation(nx.degree_centrality(g)) == pytest.approx(422 / 1056)


def test_padgett_florentine_marriages_put_the_medici_in_the_middle() -> None:
    # Padgett and Ansell (1993): Medici betweenness 47.5 of 91 pairs, 20 marriages.
    g = labelled(nx.florentine_families_graph())
    medici = {m.id: m for m in node_metrics(g)}["Medici"]
    assert medici.betweenness == pytest.approx(47.5 / 91)
    assert medici.degree == 6
    assert nx.density(g) == pytest.approx(20 / 105)


def test_burt_constraint_of_a_star_is_one_for_a_leaf_and_one_over_k_for_the_hub() -> None:
    metrics = {m.id: m for m in node_metrics(labelled(nx.star_graph(4)))}
    assert metrics[1].constraint == pytest.approx(1.0)
    assert metrics[0].constraint == pytest.approx(1 / 4)
    assert metrics[0].effective_size == pytest.approx(4.0)


def test_a_perfect_star_is_fully_centralised_and_its_hub_is_a_cut_point() -> None:
    g = build_graph(star())
    assert freeman_centralisation(nx.degree_centrality(g)) == pytest.approx(1.0)
    [cut] = cut_points(g)
    assert cut.id == "hub" and len(cut.cut_off) == 10


def test_ties_between_sectors_give_a_positive_e_i_index_and_negative_assortativity() -> None:
    g = build_graph(balanced())
    ei, expected = ei_index(g)
    assert ei == 1.0
    assert expected == pytest.approx(1 - 2 * 6 * 2 / (12 * 11))
    r = assortativity(g)
    assert r is not None and r < 0


def test_two_kinds_of_tie_between_the_same_pair_add_up_on_one_edge() -> None:
    s = Snapshot("g", date(2026, 6, 1))
    add_actor(s, "a", SubType.NGO, "Stowarzyszenie")
    add_actor(s, "b", SubType.SOCIAL_LEADER, "osoba b")
    s.ties += [
        Tie("t1", "declared", "a", "b", date(2026, 1, 1), weight=2.0),
        Tie("t2", "commitment", "b", "a", date(2026, 2, 1)),
        Tie("t3", "declared", "a", "b", date(2026, 1, 1), until=date(2026, 3, 1)),
    ]
    edge = build_graph(s).edges["a", "b"]
    assert (edge["weight"], edge["ties"], edge["declared"], edge["commitment"]) == (3.0, 2, 1, 1)


def test_burts_constraint_matches_networkx_on_the_karate_club_and_a_random_graph() -> None:
    for g in (nx.karate_club_graph(), nx.gnm_random_graph(60, 200, seed=3)):
        expected = {k: v for k, v in nx.constraint(g).items() if v == v}
        assert burt_constraint(g) == pytest.approx(expected)


def test_betweenness_is_the_same_whichever_library_computes_it() -> None:
    import networkx as nx

    from projections.metrics import exact_betweenness

    for g in (nx.karate_club_graph(), nx.les_miserables_graph(), nx.path_graph(4)):
        g = nx.relabel_nodes(g, {v: str(v) for v in g})
        fast, slow = exact_betweenness(g, "igraph"), exact_betweenness(g, "networkx")
        assert fast.keys() == slow.keys()
        assert all(abs(fast[v] - slow[v]) < 1e-9 for v in g)
