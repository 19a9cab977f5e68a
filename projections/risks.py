"""Risk flags: the seven risks of cooperation and breaches of openness and participation.

Each rule looks at the network as of a date and says, in one sentence a facilitator can
read aloud (Polish and English), who is involved and what the numbers are. Rules stay
quiet on small networks ("watch") and when the data needed is incomplete.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TypedDict

from projections import (
    risk_rules_decisions,
    risk_rules_invitations,
    risk_rules_resources,
    risk_rules_structure,
)
from projections.network import Snapshot
from projections.risk_model import (
    FLAG,
    INSUFFICIENT,
    RISKS_PL,
    WATCH,
    Context,
    Flag,
    Involved,
    Rule,
    context,
    days_before,
)
from projections.risk_sentences import said
from projections.risk_settings import RiskSettings

__all__ = ["FLAG", "INSUFFICIENT", "RISKS_PL", "WATCH", "Context", "Flag", "Involved", "Rule"]

RULES: tuple[Rule, ...] = (
    *risk_rules_structure.RULES,
    *risk_rules_decisions.RULES,
    *risk_rules_resources.RULES,
    *risk_rules_invitations.RULES,
)


def crossings(
    snapshot: Snapshot, settings: RiskSettings, rules: tuple[Rule, ...] = RULES
) -> list[Flag]:
    """Every threshold crossed on the snapshot's date, before the trust rules."""
    ctx = context(snapshot, settings)
    found = [f for r in rules for f in r(ctx)]
    return sorted(found, key=lambda f: (f.risk, f.rule, f.key))


def raised_by(snapshot: Snapshot, settings: RiskSettings) -> list[tuple[Rule, list[Flag]]]:
    """Each rule with the crossings it finds on the snapshot's date."""
    ctx = context(snapshot, settings)
    return [(r, r(ctx)) for r in RULES]


Previous = Snapshot | Callable[[], Snapshot] | None


def assess(snapshot: Snapshot, settings: RiskSettings, previous: Previous = None) -> list[Flag]:
    """The flags as of the snapshot's date, with the rules that keep them trustworthy.

    A crossing is a "flag" only on a network of enough active stakeholders and when it
    also held on the previous snapshot (a quarter earlier); otherwise it is "watch".
    The previous snapshot (given, or folded on demand) is read only by the rules whose
    crossings could still be flags: the rules' results do not depend on one another.
    """
    found = raised_by(snapshot, settings)
    now = sorted((f for _, fs in found for f in fs), key=lambda f: (f.risk, f.rule, f.key))
    n = len(snapshot.active())
    asked = tuple(r for r, fs in found if any(f.severity == FLAG for f in fs))
    before: set[str] | None = None
    if previous is not None and asked and n >= settings.min_active_stakeholders:
        then = previous() if callable(previous) else previous
        before = {f.key for f in crossings(then, settings, asked)}
    result = []
    for f in now:
        if f.severity != FLAG:
            result.append(f)
        elif n < settings.min_active_stakeholders:
            note = said(
                "tylko {n} aktywnych interesariuszy (< {least})",
                n=n,
                least=settings.min_active_stakeholders,
            )
            result.append(replace(f, severity=WATCH, **notes(note)))
        elif before is not None and f.key not in before:
            note = said("pierwsze przekroczenie: kwartał wcześniej jeszcze go nie było")
            result.append(replace(f, severity=WATCH, **notes(note)))
        else:
            result.append(f)
    return result


class Notes(TypedDict):
    note: str
    note_pl: str


def notes(sentences: dict[str, str]) -> Notes:
    """A flag's note in English (``note``, as the API always gave it) and in Polish."""
    return {"note": sentences["sentence_en"], "note_pl": sentences["sentence_pl"]}


def previous_date(on: date, settings: RiskSettings) -> date:
    return days_before(on, settings.consecutive_days)
