"""The collaboration network of a gmina for facilitators: as of a date, compared, flagged.

The network lives here, inside the view; callers get plain data back. Today's reports
are read as the worker stored them (`projections.reports`) while they are current; any
other date is folded from the timeline read model and remembered.
"""

from __future__ import annotations

import gc
import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from uuid import UUID

import networkx as nx

from projections import network_meetings  # noqa: F401  (registers meeting facts)
from projections.metrics import TIE_KINDS, build_graph, network_metrics, node_metrics
from projections.network import Fact, Snapshot, Tie, fold_prepared, prepared
from projections.read_models import ReadModels
from projections.report_rows import NetworkReport, TieView, report_of
from projections.risk_model import FLAG_SHAPE
from projections.risk_settings import RiskSettings
from projections.risks import Flag, assess
from projections.timeline import facts_of, latest_position

__all__ = ["Comparison", "NetworkReport", "TieView"]


@dataclass(frozen=True)
class Comparison:
    """What changed between two dates: ties gained and lost, flags raised and cleared."""

    earlier: date
    later: date
    ties_gained: list[TieView] = field(default_factory=list)
    ties_lost: list[TieView] = field(default_factory=list)
    flags_raised: list[Flag] = field(default_factory=list)
    flags_cleared: list[Flag] = field(default_factory=list)


REPORTS_KEPT = 256
HISTORIES_KEPT = 2  # a large gmina's timeline is tens of megabytes in memory


class CollaborationView:
    """Who cooperates with whom in a gmina, on any date, and which risks show."""

    def __init__(self, models: ReadModels, risk_settings: RiskSettings | None = None):
        self.models = models
        self.risk_settings = risk_settings or RiskSettings.from_env()
        self.cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self.histories: OrderedDict[tuple[UUID, int], list[Fact]] = OrderedDict()

    def state(self) -> tuple[int, int]:
        """Where the history stands: the timeline's position and the erasures so far."""
        self.models.for_a_read()
        return self.models.positions()["timeline"], self.models.app.vault.erasures()

    def remembered(self, what: str, gmina_id: UUID, on: date | None, compute: Any) -> Any:
        """A report computed once per state of the history (new facts or an erasure redo it)."""
        key = (what, gmina_id, on or date.today(), self.state())
        if key in self.cache:
            self.cache.move_to_end(key)
            return self.cache[key]
        value = compute()
        self.cache[key] = value
        if len(self.cache) > REPORTS_KEPT:
            self.cache.popitem(last=False)
        return value

    def facts(self, gmina_id: UUID) -> list[Fact]:
        """The gmina's timeline ready to fold, read once per position of the timeline."""
        key = (gmina_id, self.models.positions()["timeline"])
        if key not in self.histories:
            self.histories[key] = prepared(facts_of(self.models.timeline_view, gmina_id))
            if len(self.histories) > HISTORIES_KEPT:
                self.histories.popitem(last=False)
        self.histories.move_to_end(key)
        return self.histories[key]

    def snapshot(self, gmina_id: UUID, as_of: date | None = None) -> Snapshot:
        """The gmina's stakeholders and ties as they stood on a date (today by default)."""
        self.models.for_a_read()
        snapshot = fold_prepared(str(gmina_id), self.facts(gmina_id), as_of or date.today())
        for actor in snapshot.actors.values():
            if actor.person:
                actor.name = self.models.person_name(actor.person)
        return snapshot

    def graph(self, gmina_id: UUID, as_of: date | None = None) -> nx.Graph[str]:
        """The network to draw: today's from the stored report while it is current."""
        report = self.stored("network", gmina_id, as_of)
        if report is not None:
            return drawn(report)
        return build_graph(self.snapshot(gmina_id, as_of))

    def network(self, gmina_id: UUID, as_of: date | None = None) -> NetworkReport:
        return self.remembered(  # type: ignore[no-any-return]
            "network",
            gmina_id,
            as_of,
            lambda: self.stored_or("network", gmina_id, as_of, self.compute_network),
        )

    def compute_network(self, gmina_id: UUID, as_of: date | None) -> NetworkReport:
        with collection_paused():
            return network_report(self.snapshot(gmina_id, as_of))

    def risks(self, gmina_id: UUID, as_of: date | None = None) -> list[Flag]:
        """Risk flags on a date, each checked against the snapshot a quarter before."""
        return self.remembered(  # type: ignore[no-any-return]
            "risks",
            gmina_id,
            as_of,
            lambda: self.stored_or("risks", gmina_id, as_of, self.compute_risks),
        )

    def compute_risks(self, gmina_id: UUID, as_of: date | None) -> list[Flag]:
        with collection_paused():
            return self.assess(self.snapshot(gmina_id, as_of))

    def assess(self, s: Snapshot) -> list[Flag]:
        """The flags of a snapshot; the quarter before is folded only if a crossing needs it."""
        gmina_id = UUID(s.gmina_id)
        folded: dict[date, Snapshot] = {}

        def past(on: date) -> Snapshot:
            if on not in folded:
                folded[on] = self.snapshot(gmina_id, on)
            return folded[on]

        days = [took_effect for took_effect, _, _ in self.facts(gmina_id)]
        return assess(s, self.risk_settings, past=past, days=days)

    def stored_or(
        self, what: str, gmina_id: UUID, as_of: date | None, compute: Callable[..., Any]
    ) -> Any:
        found = self.stored(what, gmina_id, as_of)
        return compute(gmina_id, as_of) if found is None else found

    def stored(self, what: str, gmina_id: UUID, as_of: date | None) -> Any:
        """Today's report as the worker stored it, if it reflects the gmina's latest fact."""
        reports = self.models.views.get("reports")
        today = date.today()
        if reports is None or (as_of is not None and as_of != today):
            return None
        self.models.for_a_read()
        row = reports.get(what, str(gmina_id))
        current = (
            latest_position(self.models.timeline_view, gmina_id),
            today.isoformat(),
            self.models.app.vault.erasures(),
            self.risk_settings_key(),
        )
        if row is None or tuple(row["stamp"]) != current:
            return None
        return report_of(what, row, self.models.person_name)

    def risk_settings_key(self) -> str:
        """The thresholds (and shape of flag) a stored report was made with; another
        set, or reports stored before flags had their words and evidence, compute afresh."""
        made_with = repr((self.risk_settings, FLAG_SHAPE))
        return hashlib.sha256(made_with.encode()).hexdigest()[:16]

    def compare(self, gmina_id: UUID, earlier: date, later: date) -> Comparison:
        then, now = self.snapshot(gmina_id, earlier), self.snapshot(gmina_id, later)
        ties_then = {tie_key(t): t for t in tie_views(then)}
        ties_now = {tie_key(t): t for t in tie_views(now)}
        flags_then = {f.key: f for f in self.risks(gmina_id, earlier)}
        flags_now = {f.key: f for f in self.risks(gmina_id, later)}
        return Comparison(
            earlier,
            later,
            [t for k, t in ties_now.items() if k not in ties_then],
            [t for k, t in ties_then.items() if k not in ties_now],
            [f for k, f in flags_now.items() if k not in flags_then],
            [f for k, f in flags_then.items() if k not in flags_now],
        )


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a report is worked out.

    A fold makes tens of thousands of small objects that all live until the report is
    done; the collector would walk them again and again (a third of the time at 5,000
    stakeholders) and find nothing to free.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def drawn(report: NetworkReport) -> nx.Graph[str]:
    """The report's stakeholders and ties as `build_graph` sums them, for the drawing.

    Nodes carry what a drawing shows (name, sector, kind); ties are summed per pair and
    kind as in `build_graph`, in the report's order of ties.
    """
    g: nx.Graph[str] = nx.Graph(gmina_id=report.gmina_id, as_of=report.as_of.isoformat())
    for n in sorted(report.nodes, key=lambda n: (n.sector, n.name, n.id)):
        g.add_node(n.id, name=n.name, kind=n.kind, sector=n.sector)
    for t in report.ties:
        if t.source == t.target:
            continue
        if not g.has_edge(t.source, t.target):
            g.add_edge(t.source, t.target, weight=0.0, ties=0, **dict.fromkeys(TIE_KINDS, 0))
        data = g.edges[t.source, t.target]
        data["weight"] += t.weight
        data["ties"] += 1
        data[t.kind] += 1
    return g


def network_report(s: Snapshot) -> NetworkReport:
    g = build_graph(s)
    return NetworkReport(s.gmina_id, s.as_of, network_metrics(s, g), node_metrics(g), tie_views(s))


def tie_key(t: TieView) -> tuple[Any, ...]:
    return (t.kind, t.source, t.target, t.since, t.detail)


def tie_views(s: Snapshot, ties: list[Tie] | None = None) -> list[TieView]:
    actors = s.actors
    chosen = s.active_ties() if ties is None else ties
    return [
        TieView(
            kind=t.kind,
            source=t.source,
            source_name=actors[t.source].name,
            target=t.target,
            target_name=actors[t.target].name,
            way=f"{actors[t.source].kind}-{actors[t.target].kind}",
            since=t.since,
            until=t.until,
            weight=t.weight,
            detail=t.detail,
        )
        for t in sorted(chosen, key=lambda t: (t.since, t.kind, t.source, t.target, t.ref))
        if t.source in actors and t.target in actors
    ]
