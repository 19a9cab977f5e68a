"""Risk flags: the seven risks of cooperation and breaches of openness and participation.

Each rule looks at the network as of a date and says, in one sentence a facilitator can
read aloud (Polish and English), who is involved and what the numbers are. Rules stay
quiet on small networks ("watch") and when the data needed is incomplete.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from functools import partial
from typing import Any, TypedDict

from domain.errors import NotFoundError
from projections import (
    risk_acknowledgements,  # noqa: F401  (registers acknowledged flags)
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
    Acknowledgement,
    Context,
    Flag,
    Involved,
    Rule,
    context,
    days_before,
)
from projections.risk_sentences import said
from projections.risk_settings import RiskSettings
from projections.risk_words import words

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
# The gmina folded on an earlier date (the caller remembers what it folded).
Past = Callable[[date], Snapshot]
# How far back a flag's first crossing is looked for, in quarters, before narrowing down.
QUARTERS_BACK = 4


def assess(
    snapshot: Snapshot,
    settings: RiskSettings,
    previous: Previous = None,
    past: Past | None = None,
    days: Sequence[date] = (),
) -> list[Flag]:
    """The flags as of the snapshot's date, with the rules that keep them trustworthy.

    A crossing is a "flag" only on a network of enough active stakeholders and when it
    also held on the previous snapshot (a quarter earlier); otherwise it is "watch".
    With ``past`` (the gmina on an earlier date) and ``days`` (the days its facts took
    effect), each flag also says its value a quarter earlier and the day it first
    crossed its threshold. Every flag gets its words, the digest of the facts it was
    computed from, and the team's acknowledgement if it still holds.
    """
    found = raised_by(snapshot, settings)
    now = sorted((f for _, fs in found for f in fs), key=lambda f: (f.risk, f.rule, f.key))
    n = len(snapshot.active())
    rule_of = {f.key: r for r, fs in found for f in fs}
    on_before = previous_date(snapshot.as_of, settings)
    if previous is None and past is not None:
        previous = partial(past, on_before)
    asked = tuple(r for r, fs in found if any(f.severity != INSUFFICIENT for f in fs))
    before: dict[str, Flag] | None = None
    if previous is not None and asked:
        then = previous() if callable(previous) else previous
        before = {f.key: f for f in crossings(then, settings, asked)}
    history = History(snapshot, settings, past, days) if past is not None else None
    result = []
    for f in now:
        if f.severity == INSUFFICIENT:
            result.append(explained(f, snapshot))
            continue
        if before is not None:
            then_flag = before.get(f.key)
            f = replace(
                f,
                previous_as_of=on_before,
                previous_value=None if then_flag is None else then_flag.value,
            )
        if history is not None:
            f = replace(f, first_crossed=history.first_crossed(f.key, rule_of[f.key]))
        if f.severity != FLAG:
            pass
        elif n < settings.min_active_stakeholders:
            note = said(
                "Do obserwacji: w sieci jest tylko {n} aktywnych interesariuszy (sygnał "
                "ostrzegawczy dopiero od {least}).",
                n=n,
                least=settings.min_active_stakeholders,
            )
            f = replace(f, severity=WATCH, **notes(note))
        elif before is not None and f.key not in before:
            note = said(
                "Nowy sygnał: kwartał wcześniej ({then}) próg nie był przekroczony; "
                "ostrzeżeniem stanie się, jeśli utrzyma się przez kwartał.",
                then=on_before.isoformat(),
            )
            f = replace(f, severity=WATCH, **notes(note))
        result.append(explained(f, snapshot))
    return result


def explained(f: Flag, snapshot: Snapshot) -> Flag:
    """The flag with its words, the basis it was computed from and its acknowledgement."""
    ack = snapshot.acknowledged.get(f.key)
    seen = acknowledgement_of(ack) if ack else None
    return replace(
        f,
        **words(f.rule, f.risk, f.severity),
        facts=snapshot.positions,
        digest=snapshot.digest,
        acknowledged=seen,
        seen=seen is not None and not worsened(f, seen.value),
    )


def worsened(f: Flag, acknowledged_value: float) -> bool:
    """Whether the value moved further past the threshold than when it was acknowledged,
    by more than a tenth of the threshold (for counts, by one more)."""
    away = 1 if f.value > f.threshold else -1
    step = max(0.1 * abs(f.threshold), 0.01)
    return (f.value - acknowledged_value) * away > step


class History:
    """The gmina on earlier dates, each folded once: where a flag's first crossing is read."""

    def __init__(
        self, snapshot: Snapshot, settings: RiskSettings, past: Past, days: Sequence[date]
    ) -> None:
        self.now, self.settings, self.past = snapshot, settings, past
        self.days = sorted({d for d in days if d <= snapshot.as_of})
        self.contexts: dict[date, Context] = {snapshot.as_of: context(snapshot, settings)}

    def crossed(self, key: str, rule: Rule, on: date) -> bool:
        if on not in self.contexts:
            self.contexts[on] = context(self.past(on), self.settings)
        return any(f.key == key for f in rule(self.contexts[on]))

    def first_crossed(self, key: str, rule: Rule) -> date | None:
        """The day the flag's threshold was first crossed in its present run.

        Back a quarter at a time while it held (at most a year), then the first day a
        fact took effect on which it held, between the last day it did not and the first
        it did. Crossings change only when facts take effect (or a period runs out, which
        the day found is then at most a quarter from).
        """
        hold, step = self.now.as_of, self.settings.consecutive_days
        free: date | None = None
        for _ in range(QUARTERS_BACK):
            earlier = days_before(hold, step)
            if not self.days or earlier < self.days[0]:
                break
            if not self.crossed(key, rule, earlier):
                free = earlier
                break
            hold = earlier
        candidates = [d for d in self.days if (free is None or d > free) and d <= hold]
        lo, hi = 0, len(candidates)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.crossed(key, rule, candidates[mid]):
                hi = mid
            else:
                lo = mid + 1
        return candidates[lo] if lo < len(candidates) else hold


def acknowledgement_of(row: dict[str, Any]) -> Acknowledgement:
    return Acknowledgement(
        id=row["id"],
        note=row["note"],
        by=row["by"],
        at=row["at"],
        on=date.fromisoformat(row["on"]),
        value=float(row["value"]),
    )


class Notes(TypedDict):
    note: str
    note_pl: str


def notes(sentences: dict[str, str]) -> Notes:
    """A flag's note in English (``note``, as the API always gave it) and in Polish."""
    return {"note": sentences["sentence_en"], "note_pl": sentences["sentence_pl"]}


def previous_date(on: date, settings: RiskSettings) -> date:
    return days_before(on, settings.consecutive_days)


def flag_named(flags: list[Flag], typed: str) -> Flag:
    """The flag named by its number in the list (from 1), its key, or its rule (if only one
    flag has it)."""
    typed = typed.strip()
    if typed.isascii() and typed.isdigit() and len(typed) <= 6 and 1 <= int(typed) <= len(flags):
        return flags[int(typed) - 1]
    found = [f for f in flags if f.key == typed] or [f for f in flags if f.rule == typed]
    if len(found) != 1:
        raise NotFoundError("No risk flag {flag!r} is raised in this gmina today.", flag=typed)
    return found[0]
