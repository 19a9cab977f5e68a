"""The collaboration network drawn as SVG on the server: no script, no build step.

Stakeholders sit on a circle grouped by sector (the most connected first in each group),
so the same network is always drawn the same way and a sector's ties stand out;
colour is the sector, stroke style the strongest kind of tie, a red ring a risk flag.
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

import networkx as nx

from projections.i18n import N_

SECTOR_COLOURS = {
    "public_authority": "#2b6cb0",
    "ngo": "#2f855a",
    "church": "#805ad5",
    "business_institution": "#dd6b20",
    "finance": "#b7791f",
    "citizen": "#d53f8c",
}
TIE_STYLES = {  # kind: (dash pattern, colour)
    "declared": ("", "#4a5568"),
    "commitment": ("", "#2f855a"),
    "joint_commitment": ("8 4", "#2f855a"),
    "co_attendance": ("2 4", "#a0aec0"),
    "co_proposal": ("10 3 2 3", "#805ad5"),
}
TIE_LABELS = {  # what facilitators call each kind of tie
    "declared": N_("zadeklarowana współpraca"),
    "commitment": N_("zobowiązanie na rzecz partnera"),
    "joint_commitment": N_("wspólne zobowiązanie"),
    "co_attendance": N_("wspólna obecność na spotkaniach"),
    "co_proposal": N_("wspólny wniosek"),
}

KIND_ORDER = ("declared", "joint_commitment", "commitment", "co_proposal", "co_attendance")
W, H, PAD = 1100, 720, 40


def main_kind(data: dict[str, Any]) -> str:
    return next((k for k in KIND_ORDER if data.get(k)), "declared")


def sector_circle(graph: nx.Graph[str]) -> dict[str, tuple[float, float]]:
    order = list(SECTOR_COLOURS)
    nodes = sorted(
        [(node, data) for node, data in graph.nodes(data=True)],
        key=lambda n: (
            order.index(n[1]["sector"]) if n[1].get("sector") in order else len(order),
            -graph.degree(n[0]),
            str(n[1].get("name", "")),
        ),
    )
    step = 2 * math.pi / max(1, len(nodes))
    return {
        node: (math.cos(i * step - math.pi / 2), math.sin(i * step - math.pi / 2))
        for i, (node, _) in enumerate(nodes)
    }


def draw(graph: nx.Graph[str], flagged: set[str]) -> str:
    """The graph as an SVG fragment."""
    if graph.number_of_nodes() == 0:
        return f'<svg viewBox="0 0 {W} 120" role="img"><text x="20" y="60">–</text></svg>'
    pos = sector_circle(graph)

    def at(node: str) -> tuple[float, float]:
        x, y = pos[node]
        return W / 2 + x * (W / 2 - 230), H / 2 + y * (H / 2 - PAD)

    out = [f'<svg viewBox="0 0 {W} {H}" role="img" class="network" aria-label="network">']
    for a, b, data in graph.edges(data=True):
        (x1, y1), (x2, y2) = at(a), at(b)
        dash, colour = TIE_STYLES[main_kind(data)]
        width = min(6.0, 1.0 + data.get("weight", 1.0) / 2)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'stroke-width="{width:.1f}" stroke-opacity=".75"{dash_attr}>'
            f"<title>{escape(main_kind(data))}: {data.get('ties', 1)}</title></line>"
        )
    for node, data in graph.nodes(data=True):
        x, y = at(node)
        r = 6 + min(10, graph.degree(node) // 2)
        colour = SECTOR_COLOURS.get(data.get("sector", ""), "#718096")
        name = escape(str(data.get("name", node)))
        if node in flagged:
            out.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r + 6}" fill="none" stroke="#e53e3e" '
                f'stroke-width="3" class="flagged" data-id="{escape(node)}"/>'
            )
        shape = "rect" if data.get("kind") == "person" else "circle"
        if shape == "rect":
            out.append(
                f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" rx="4" '
                f'fill="{colour}" stroke="#fff" stroke-width="2"><title>{name}</title></rect>'
            )
        else:
            out.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}" stroke="#fff" '
                f'stroke-width="2"><title>{name}</title></circle>'
            )
        label = name if len(name) <= 34 else name[:32] + "…"
        ux, uy = pos[node]
        anchor = "start" if ux >= 0 else "end"
        lx, ly = x + ux * (r + 6), y + uy * (r + 6) + 4
        out.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" class="label">{label}</text>'
        )
    out.append("</svg>")
    return "".join(out)
