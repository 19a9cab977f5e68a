"""Runs the labelled set and scores each rule: what it raised, what it should have.

A raised flag (severity "flag") is a true positive when the case expects its rule naming
those stakeholders, a false positive otherwise; an expected flag not raised is missed.
The rules that never raise a flag are read at the severity they speak with: "what if X
leaves" and a sector nobody catalogued as "watch", votes without names as "insufficient
data".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from projections.collaboration import CollaborationView
from projections.read_models import ReadModels
from projections.read_side import with_reads
from projections.risks import FLAG, INSUFFICIENT, RULES, WATCH, Flag
from registry.application import Registry
from registry.settings import Settings
from tests.trust.labelled import AS_OF, CASES, Case, Expected
from tests.trust.partnership import Partnership

SPEAKS_AS = {
    "exclusion.single_link": WATCH,
    "openness.sector_missing": WATCH,
    "own_interest.votes": INSUFFICIENT,
}


def raised(flags: list[Flag]) -> list[Flag]:
    """What a facilitator is asked to look at: each rule at the severity it speaks with."""
    return [f for f in flags if f.severity == SPEAKS_AS.get(f.rule, FLAG)]


@dataclass(frozen=True)
class Outcome:
    """What one case raised, against what it expects."""

    case: Case
    raised: list[Flag]

    def matches(self, f: Flag, e: Expected) -> bool:
        named = {s.name for s in f.stakeholders}
        return f.rule == e.rule and set(e.names) <= named

    @property
    def false(self) -> list[Flag]:
        return [f for f in self.raised if not any(self.matches(f, e) for e in self.case.expected)]

    @property
    def missed(self) -> list[Expected]:
        return [e for e in self.case.expected if not any(self.matches(f, e) for f in self.raised)]

    @property
    def found(self) -> list[Flag]:
        return [f for f in self.raised if f not in self.false]


def run_case(case: Case) -> Outcome:
    """Record the case's year in a registry of its own; the open flags as of its end."""
    app = with_reads(Registry(Settings(store="memory")))
    try:
        p = Partnership(app)
        case.build(p)
        with ReadModels(app) as models:
            flags = CollaborationView(models).risks(p.gmina, AS_OF)
    finally:
        app.close()
    return Outcome(case, raised(flags))


def run_all(cases: Iterable[Case] = CASES) -> list[Outcome]:
    return [run_case(c) for c in cases]


@dataclass(frozen=True)
class Score:
    rule: str
    found: int
    false: int
    missed: int

    @property
    def precision(self) -> float | None:
        raised = self.found + self.false
        return self.found / raised if raised else None

    @property
    def recall(self) -> float | None:
        planted = self.found + self.missed
        return self.found / planted if planted else None


def rule_ids() -> list[str]:
    """Every rule's id, as its flags carry it (read off the rules' modules)."""
    import inspect
    import re

    found: list[str] = []
    for module in dict.fromkeys(inspect.getmodule(rule) for rule in RULES):
        for rid in re.findall(r'"([a-z_]+\.[a-z_]+)"', inspect.getsource(module)):
            if rid not in found:
                found.append(rid)
    return found


def scores(outcomes: list[Outcome]) -> list[Score]:
    found: Counter[str] = Counter()
    false: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for o in outcomes:
        found.update(f.rule for f in o.found)
        false.update(f.rule for f in o.false)
        missed.update(e.rule for e in o.missed)
    return [Score(r, found[r], false[r], missed[r]) for r in rule_ids()]
