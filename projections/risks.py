"""Risk flags: the seven risks of cooperation and breaches of openness and participation.

Each rule looks at the network as of a date and says, in one sentence a facilitator can
read aloud (Polish and English), who is involved and what the numbers are. Rules stay
quiet on small networks ("watch") and when the data needed is incomplete.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import networkx as nx

from projections.metrics import (
    NetworkMetrics,
    NodeMetrics,
    build_graph,
    network_metrics,
    node_metrics,
)
from projections.network import Actor, Snapshot
from projections.risk_settings import RiskSettings

RISKS_PL = {
    "dominance": "Próba dominacji",
    "appropriation": "Zawłaszczenie",
    "absorption": "Pochłonięcie",
    "dissolving": "Roztopienie w …",
    "handing_over": "Oddanie zasobu",
    "exclusion": "Gra na wykluczenie z udziału",
    "own_interest": "Najważniejszy jest nasz interes",
    "openness": "Uniwersalizm i otwartość",
    "participation": "Partycypacja",
}
FLAG, WATCH, INSUFFICIENT = "flag", "watch", "insufficient_data"


@dataclass(frozen=True)
class Involved:
    id: str
    name: str
    sector: str
    coordinator: bool = False


@dataclass(frozen=True)
class Flag:
    """One risk raised on one date, with its numbers and its sentence."""

    rule: str
    version: int
    risk: str
    severity: str
    as_of: date
    stakeholders: list[Involved]
    metric: str
    value: float
    threshold: float
    counts: dict[str, float] = field(default_factory=dict)
    sentence_pl: str = ""
    sentence_en: str = ""
    note: str = ""

    @property
    def risk_pl(self) -> str:
        return RISKS_PL[self.risk]

    @property
    def key(self) -> str:
        """What makes two flags on different dates the same flag."""
        return self.rule + ":" + ",".join(sorted(s.id for s in self.stakeholders))


@dataclass
class Context:
    """What every rule reads: the snapshot, its graph and measures, the thresholds."""

    snapshot: Snapshot
    graph: nx.Graph
    network: NetworkMetrics
    nodes: dict[str, NodeMetrics]
    settings: RiskSettings

    @property
    def actors(self) -> dict[str, Actor]:
        return {a.id: a for a in self.snapshot.active()}

    def who(self, *ids: str) -> list[Involved]:
        actors = self.snapshot.actors
        return [
            Involved(i, actors[i].name, actors[i].sector, actors[i].coordinator)
            for i in ids
            if i in actors
        ]

    def name(self, actor_id: str) -> str:
        a = self.snapshot.actors.get(actor_id)
        return a.name if a else actor_id

    def signatories(self) -> list[Actor]:
        return [a for a in self.snapshot.active() if a.signatory]

    def members(self) -> list[Actor]:
        """Who counts as a member: the signatories, or the catalogue before anyone signed."""
        return self.signatories() or self.snapshot.active()


Rule = Callable[[Context], list[Flag]]
RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    RULES.append(fn)
    return fn


def context(snapshot: Snapshot, settings: RiskSettings) -> Context:
    g = build_graph(snapshot)
    return Context(
        snapshot,
        g,
        network_metrics(snapshot, g),
        {m.id: m for m in node_metrics(g, with_betweenness=False)},
        settings,
    )


def crossings(snapshot: Snapshot, settings: RiskSettings) -> list[Flag]:
    """Every threshold crossed on the snapshot's date, before the trust rules."""
    # Imported for their rules' registration.
    from projections import (  # noqa: F401
        risk_rules_decisions,
        risk_rules_resources,
        risk_rules_structure,
    )

    ctx = context(snapshot, settings)
    found = [f for r in RULES for f in r(ctx)]
    return sorted(found, key=lambda f: (f.risk, f.rule, f.key))


def assess(
    snapshot: Snapshot, settings: RiskSettings, previous: Snapshot | None = None
) -> list[Flag]:
    """The flags as of the snapshot's date, with the rules that keep them trustworthy.

    A crossing is a "flag" only on a network of enough active stakeholders and when it
    also held on the previous snapshot (a quarter earlier); otherwise it is "watch".
    """
    now = crossings(snapshot, settings)
    before = {f.key for f in crossings(previous, settings)} if previous is not None else None
    n = len(snapshot.active())
    result = []
    for f in now:
        if f.severity != FLAG:
            result.append(f)
        elif n < settings.min_active_stakeholders:
            note = f"only {n} active stakeholders (< {settings.min_active_stakeholders})"
            result.append(replace(f, severity=WATCH, note=note))
        elif before is not None and f.key not in before:
            note = "first crossing: not yet seen a quarter earlier"
            result.append(replace(f, severity=WATCH, note=note))
        else:
            result.append(f)
    return result


def previous_date(on: date, settings: RiskSettings) -> date:
    return days_before(on, settings.consecutive_days)


def days_before(on: date, days: int) -> date:
    """A day so many days earlier; the calendar's first day for an as-of near year 1."""
    try:
        return on - timedelta(days=days)
    except OverflowError:
        return date.min


def names(people: list[Involved]) -> str:
    return ", ".join(p.name for p in people)


def coordinator_note(people: list[Involved]) -> tuple[str, str]:
    """Label, don't suppress: the coordinating OPS is central and receives by its role."""
    coordinators = [p for p in people if p.coordinator]
    if not coordinators:
        return "", ""
    who = names(coordinators)
    return (
        f" {who} koordynuje partnerstwo (OPS): część tej roli wynika z funkcji – "
        "sprawdźcie, czy nie idzie dalej, niż wymaga koordynacja.",
        f" {who} is the coordinator (OPS): part of this comes with the role – "
        "check whether it goes beyond what coordination needs.",
    )
