"""What a risk rule reads and what it raises: the context of a snapshot and its flags."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property

import networkx as nx

from projections.i18n import N_
from projections.metrics import (
    NetworkMetrics,
    NodeMeasures,
    NodeMetrics,
    build_graph,
    network_metrics,
)
from projections.network import Actor, Snapshot, Tie, active_ties
from projections.risk_sentences import said
from projections.risk_settings import RiskSettings
from projections.risk_words import SEVERITY_WORDS

RISKS_PL = {
    "dominance": N_("Próba dominacji"),
    "appropriation": N_("Zawłaszczenie"),
    "absorption": N_("Pochłonięcie"),
    "dissolving": N_("Roztopienie w …"),
    "handing_over": N_("Oddanie zasobu"),
    "exclusion": N_("Gra na wykluczenie z udziału"),
    "own_interest": N_("Najważniejszy jest nasz interes"),
    "openness": N_("Uniwersalizm i otwartość"),
    "participation": N_("Partycypacja"),
}
FLAG, WATCH, INSUFFICIENT = "flag", "watch", "insufficient_data"
SEVERITIES_PL = SEVERITY_WORDS
# The shape of a stored flag: reports stored with an older shape are made again.
FLAG_SHAPE = 2


@dataclass(frozen=True)
class Involved:
    id: str
    name: str
    sector: str
    coordinator: bool = False


@dataclass(frozen=True)
class Evidence:
    """A recorded fact that raised a flag: what it is, its id, the day it took effect."""

    kind: str  # resolution | meeting | commitment | signatory | stakeholder | vote
    id: str
    on: date | None = None


@dataclass(frozen=True)
class Acknowledgement:
    """A facilitator's note that the team has seen a flag, with the value it had then."""

    id: str
    note: str
    by: str
    at: str  # when it was recorded (ISO time)
    on: date  # the day it took effect
    value: float


@dataclass(frozen=True)
class Flag:
    """One risk raised on one date: what was seen, why it matters, one step, the evidence.

    ``sentence_*`` says what was observed, ``why_*`` which risk of cooperation it is,
    ``step_*`` one thing the team could do; the rule, its numbers, the facts that raised
    it (``evidence``), the digest of the facts it was computed from and its history
    (``previous_value`` a quarter earlier, ``first_crossed``) are the details.
    """

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
    note_pl: str = ""
    title_pl: str = ""
    title_en: str = ""
    why_pl: str = ""
    why_en: str = ""
    step_pl: str = ""
    step_en: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    facts: int = 0
    digest: str = ""
    previous_as_of: date | None = None
    previous_value: float | None = None
    first_crossed: date | None = None
    acknowledged: Acknowledgement | None = None
    seen: bool = False

    def text(self, part: str, lang: str) -> str:
        """One part of the flag in a language: title, sentence, why, step or note."""
        if part == "note":
            return self.note if lang == "en" else self.note_pl
        return str(getattr(self, f"{part}_{'en' if lang == 'en' else 'pl'}"))

    @property
    def risk_pl(self) -> str:
        return RISKS_PL[self.risk]

    @property
    def severity_pl(self) -> str:
        return SEVERITIES_PL[self.severity]

    @property
    def key(self) -> str:
        """What makes two flags on different dates the same flag."""
        return self.rule + ":" + ",".join(sorted(s.id for s in self.stakeholders))


@dataclass
class Context:
    """What every rule reads: the snapshot, its graph and measures, the thresholds.

    The snapshot is not changed once folded, so what rules ask of it again and again
    (``active`` stakeholders, ``live_ties`` between them) is worked out once; the graph,
    its measures and a stakeholder's measures when a rule first asks for them.
    """

    snapshot: Snapshot
    settings: RiskSettings
    active: list[Actor]
    live_ties: list[Tie]

    @cached_property
    def graph(self) -> nx.Graph[str]:
        return build_graph(self.snapshot, self.active, self.live_ties)

    @cached_property
    def network(self) -> NetworkMetrics:
        return network_metrics(self.snapshot, self.graph, self.active, self.live_ties)

    @cached_property
    def nodes(self) -> Mapping[str, NodeMetrics]:
        return NodeMeasures(self.graph)

    @property
    def actors(self) -> dict[str, Actor]:
        return {a.id: a for a in self.active}

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
        return [a for a in self.active if a.signatory]

    def members(self) -> list[Actor]:
        """Who counts as a member: the signatories, or the catalogue before anyone signed."""
        return self.signatories() or self.active


Rule = Callable[[Context], list[Flag]]


def context(snapshot: Snapshot, settings: RiskSettings) -> Context:
    active = snapshot.active()
    return Context(snapshot, settings, active, active_ties(snapshot, active))


def names(people: list[Involved]) -> str:
    return ", ".join(p.name for p in people)


def coordinator_note(people: list[Involved]) -> tuple[str, str]:
    """Label, don't suppress: the coordinating OPS is central and receives by its role.

    The sentence before it has named the coordinator already, so the note does not
    repeat the (often long) name.
    """
    if not any(p.coordinator for p in people):
        return "", ""
    note = said(
        " Ten podmiot koordynuje partnerstwo (OPS): część tej roli wynika z funkcji – "
        "sprawdźcie, czy nie idzie dalej, niż wymaga koordynacja."
    )
    return note["sentence_pl"], note["sentence_en"]


def days_before(on: date, days: int) -> date:
    """A day so many days earlier; the calendar's first day for an as-of near year 1."""
    try:
        return on - timedelta(days=days)
    except OverflowError:
        return date.min
