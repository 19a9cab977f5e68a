"""Measures of the collaboration network: who is central, who is cut off, how sectors mix."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

import networkx as nx

from projections.network import Actor, Snapshot, Tie

TIE_KINDS = ("declared", "commitment", "joint_commitment", "co_attendance", "co_proposal")


@dataclass(frozen=True)
class NodeMetrics:
    """One stakeholder's place in the network."""

    id: str
    name: str
    sector: str
    kind: str
    degree: int
    strength: float
    degree_centrality: float
    betweenness: float
    constraint: float | None
    effective_size: float | None


@dataclass(frozen=True)
class CutPoint:
    """A stakeholder whose leaving would split the network, and whom it would cut off."""

    id: str
    cut_off: list[str]


@dataclass(frozen=True)
class NetworkMetrics:
    """The whole network at a glance."""

    stakeholders: int
    ties: int
    density: float
    degree_centralisation: float
    components: list[list[str]]
    isolates: list[str]
    cut_points: list[CutPoint]
    ei_index: float | None
    ei_expected: float | None
    sector_assortativity: float | None
    ways: dict[str, int]
    tie_kinds: dict[str, int]
    commitment_hhi: float | None
    sector_members: dict[str, int] = field(default_factory=dict)


def build_graph(
    snapshot: Snapshot, active: list[Actor] | None = None, live: list[Tie] | None = None
) -> nx.Graph[str]:
    """Stakeholders active on the date, and their ties summed per pair (kind by kind).

    ``active`` and ``live``: the snapshot's active stakeholders and ties, if known already.
    """
    g: nx.Graph[str] = nx.Graph(gmina_id=snapshot.gmina_id, as_of=snapshot.as_of.isoformat())
    for a in snapshot.active() if active is None else active:
        g.add_node(
            a.id,
            name=a.name,
            kind=a.kind,
            sector=a.sector,
            subtype=a.subtype,
            status=a.status,
            signatory=a.signatory,
            coordinator=a.coordinator,
        )
    # Ties summed per pair in plain dicts first, then added in the order first seen.
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for t in snapshot.active_ties() if live is None else live:
        if t.source == t.target:
            continue
        data = pairs.get((t.source, t.target)) or pairs.get((t.target, t.source))
        if data is None:
            data = pairs[(t.source, t.target)] = {
                "weight": 0.0,
                "ties": 0,
                **dict.fromkeys(TIE_KINDS, 0),
            }
        data["weight"] += t.weight
        data["ties"] += 1
        data[t.kind] += 1
    g.add_edges_from((a, b, data) for (a, b), data in pairs.items())
    return g


def freeman_centralisation(centrality: dict[str, float]) -> float:
    """Freeman's degree centralisation: Σ(max − cᵢ)/(n − 2) on normalised degree."""
    n = len(centrality)
    if n < 3:
        return 0.0
    top = max(centrality.values())
    return sum(top - c for c in centrality.values()) / (n - 2)


def effective_size(g: nx.Graph[str], node: str, triangles: int | None = None) -> float | None:
    """Borgatti's effective size for unweighted ties: d − 2t/d."""
    d = g.degree(node)
    if d == 0:
        return None
    if triangles is None:
        # Given one node, triangles answers a count; the stubs do not tell the two calls apart.
        triangles = cast(int, nx.triangles(g, node))
    return float(d - 2 * triangles / d)


def shares(g: nx.Graph[str], i: str) -> dict[str, float]:
    """Burt's pᵢⱼ on unweighted ties: an equal share 1/dᵢ of i's ties to each neighbour."""
    return {j: 1 / len(g[i]) for j in g[i] if j != i}


def constraint_of(g: nx.Graph[str], i: str) -> float | None:
    """Burt's constraint of one stakeholder (None without ties): see `burt_constraint`."""
    if not len(g[i]):
        return None
    mine = shares(g, i)
    theirs = {q: shares(g, q) for q in mine}
    total = 0.0
    for j, direct in mine.items():
        indirect = sum(p * theirs[q].get(j, 0.0) for q, p in mine.items() if q != j)
        total += (direct + indirect) ** 2
    return total


def burt_constraint(g: nx.Graph[str]) -> dict[str, float]:
    """Burt's constraint on unweighted ties: Σⱼ (pᵢⱼ + Σ_q pᵢ_q p_qⱼ)², pᵢⱼ = 1/dᵢ.

    The same values as networkx's ``constraint``, in O(Σ d²) instead of seconds at 500
    stakeholders.
    """
    share = {i: shares(g, i) for i in g if len(g[i])}
    result = {}
    for i, mine in share.items():
        total = 0.0
        for j, direct in mine.items():
            indirect = sum(p * share[q].get(j, 0.0) for q, p in mine.items() if q != j)
            total += (direct + indirect) ** 2
        result[i] = total
    return result


def degree_centrality(g: nx.Graph[str]) -> dict[str, float]:
    """Degree over the n − 1 others (networkx's ``degree_centrality``; 0 when alone)."""
    return nx.degree_centrality(g) if len(g) > 1 else dict.fromkeys(g, 0.0)


class NodeMeasures(Mapping[str, NodeMetrics]):
    """Each stakeholder's measures (no betweenness), worked out when first asked for.

    Rules read a few stakeholders' constraint or degree; Burt's constraint and the
    effective size of every node are not worth computing for them.
    """

    def __init__(self, g: nx.Graph[str]) -> None:
        self.g = g
        self.found: dict[str, NodeMetrics] = {}
        self.scale = 1.0 / (len(g) - 1.0) if len(g) > 1 else 0.0

    def __getitem__(self, node: str) -> NodeMetrics:
        if node not in self.found:
            g = self.g
            self.found[node] = measured(
                g,
                node,
                g.degree(node) * self.scale,
                0.0,
                constraint_of(g, node),
                effective_size(g, node),
            )
        return self.found[node]

    def __iter__(self) -> Iterator[str]:
        return iter(self.g)

    def __len__(self) -> int:
        return len(self.g)

    def degree(self, node: str) -> int:
        return int(self.g.degree(node))


def exact_betweenness(g: nx.Graph[str], library: str | None = None) -> dict[str, float]:
    """Normalised exact betweenness (unweighted), by igraph when installed, else networkx.

    igraph gives the same values some 40 times faster; beyond a few hundred stakeholders
    betweenness is most of the network report's time.
    """
    n = len(g)
    if library == "networkx" or n < 3:
        return dict(nx.betweenness_centrality(g, normalized=True))
    try:
        import igraph
    except ImportError:
        if library == "igraph":
            raise
        return dict(nx.betweenness_centrality(g, normalized=True))
    nodes = list(g)
    index = {node: i for i, node in enumerate(nodes)}
    ig = igraph.Graph(n=n, edges=[(index[a], index[b]) for a, b in g.edges() if a != b])
    scale = 2.0 / ((n - 1) * (n - 2))
    return {node: b * scale for node, b in zip(nodes, ig.betweenness(directed=False), strict=True)}


def measured(
    g: nx.Graph[str],
    node: str,
    centrality: float,
    betweenness: float,
    constraint: float | None,
    size: float | None,
) -> NodeMetrics:
    """One stakeholder's row of measures, its name, sector and kind from the graph."""
    data = g.nodes[node]
    return NodeMetrics(
        id=node,
        name=data["name"],
        sector=data["sector"],
        kind=data["kind"],
        degree=g.degree(node),
        strength=float(g.degree(node, weight="weight")),
        degree_centrality=centrality,
        betweenness=betweenness,
        constraint=constraint,
        effective_size=size,
    )


def node_metrics(g: nx.Graph[str], with_betweenness: bool = True) -> list[NodeMetrics]:
    """Per stakeholder: degree, betweenness (exact, skipped when not needed), constraint."""
    degree = degree_centrality(g)
    betweenness = exact_betweenness(g) if with_betweenness else dict.fromkeys(g, 0.0)
    constraint = burt_constraint(g)
    triangles = cast(dict[str, int], nx.triangles(g))
    rows = [
        measured(
            g,
            node,
            degree[node],
            betweenness[node],
            constraint.get(node),
            effective_size(g, node, triangles[node]),
        )
        for node in g
    ]
    return sorted(rows, key=lambda r: (-r.degree_centrality, -r.betweenness, r.name))


def cut_points(g: nx.Graph[str]) -> list[CutPoint]:
    """Stakeholders whose leaving would separate others from the rest of the network.

    Each is cut off with every piece its leaving makes but the largest (the first of the
    largest by their sorted ids). The pieces are read off one depth-first search per
    component (Hopcroft and Tarjan): a child whose subtree reaches no higher than the
    stakeholder is a piece of its own, the rest of the component is the other piece.
    """
    found = []
    seen: set[str] = set()
    for root in g:
        if root not in seen:
            found += component_cut_points(g, root, seen)
    return sorted(found, key=lambda c: c.id)


def component_cut_points(g: nx.Graph[str], root: str, seen: set[str]) -> list[CutPoint]:
    order: list[str] = [root]  # preorder: a subtree is a slice of it
    disc, low, size = {root: 0}, {root: 0}, {root: 1}
    separated: dict[str, list[str]] = {}  # node -> children whose subtree is its own piece
    children = 0
    stack = [(root, iter(g[root]))]
    seen.add(root)
    while stack:
        v, neighbours = stack[-1]
        for w in neighbours:
            if w not in disc:
                disc[w] = low[w] = len(order)
                size[w] = 1
                order.append(w)
                seen.add(w)
                stack.append((w, iter(g[w])))
                break
            low[v] = min(low[v], disc[w])
        else:
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[v])
                size[parent] += size[v]
                if parent == root:
                    children += 1
                if low[v] >= disc[parent]:
                    separated.setdefault(parent, []).append(v)
    if children < 2:
        separated.pop(root, None)
    found = []
    for v, kids in separated.items():
        pieces = [order[disc[c] : disc[c] + size[c]] for c in kids]
        apart = {n for piece in pieces for n in piece}
        rest = len(order) - 1 - len(apart)
        if rest:
            pieces.append([n for n in order if n != v and n not in apart])
        pieces.sort(key=lambda p: (-len(p), sorted(p)))
        found.append(CutPoint(v, sorted(n for piece in pieces[1:] for n in piece)))
    return found


def ei_index(g: nx.Graph[str]) -> tuple[float | None, float | None]:
    """Krackhardt and Stern's E-I index of ties between sectors, and its value by chance."""
    if g.number_of_edges() == 0:
        return None, None
    sector = nx.get_node_attributes(g, "sector")
    external = sum(1 for a, b in g.edges if sector[a] != sector[b])
    internal = g.number_of_edges() - external
    n = len(g)
    sizes = Counter(sector.values())
    p_internal = sum(k * (k - 1) for k in sizes.values()) / (n * (n - 1))
    return (external - internal) / (external + internal), 1 - 2 * p_internal


def assortativity(g: nx.Graph[str]) -> float | None:
    """Newman's sector assortativity r from the mixing matrix (1 all ties within sectors)."""
    sector = nx.get_node_attributes(g, "sector")
    if g.number_of_edges() == 0 or len(set(sector.values())) < 2:
        return None
    mixing: Counter[tuple[str, str]] = Counter()
    for a, b in g.edges:
        mixing[(sector[a], sector[b])] += 1
        mixing[(sector[b], sector[a])] += 1
    total = sum(mixing.values())
    rows: defaultdict[str, float] = defaultdict(float)
    for (x, _), count in mixing.items():
        rows[x] += count / total
    within = sum(count / total for (x, y), count in mixing.items() if x == y)
    chance = sum(share * share for share in rows.values())
    return None if chance == 1 else (within - chance) / (1 - chance)


def hhi(counts: Counter[str]) -> float | None:
    """Herfindahl–Hirschman index of shares (0 spread thinly … 1 all in one hand)."""
    total = sum(counts.values())
    if total == 0:
        return None
    return sum((v / total) ** 2 for v in counts.values())


def network_metrics(
    snapshot: Snapshot,
    g: nx.Graph[str],
    active: list[Actor] | None = None,
    live: list[Tie] | None = None,
) -> NetworkMetrics:
    active = snapshot.active() if active is None else active
    live = snapshot.active_ties() if live is None else live
    kinds = {a.id: a.kind for a in active}
    ways = Counter(f"{kinds[t.source]}-{kinds[t.target]}" for t in live)
    committed = Counter(
        c.stakeholder
        for c in snapshot.commitments.values()
        if c.state != "withdrawn" and c.stakeholder in kinds
    )
    ei, ei_exp = ei_index(g)
    degree = nx.degree_centrality(g) if len(g) > 1 else {}
    return NetworkMetrics(
        stakeholders=len(g),
        ties=g.number_of_edges(),
        density=nx.density(g) if len(g) > 1 else 0.0,
        degree_centralisation=freeman_centralisation(degree),
        components=[
            sorted(c) for c in sorted(nx.connected_components(g), key=lambda c: (-len(c), min(c)))
        ],
        isolates=sorted(nx.isolates(g)),
        cut_points=cut_points(g),
        ei_index=ei,
        ei_expected=ei_exp,
        sector_assortativity=assortativity(g),
        ways=dict(sorted(ways.items())),
        tie_kinds=dict(Counter(t.kind for t in live)),
        commitment_hhi=hhi(committed),
        sector_members=dict(Counter(a.sector for a in active)),
    )
