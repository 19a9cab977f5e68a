"""Precision and recall of each risk rule on the labelled set of partnerships (tests/trust).

    .venv/bin/python bench/risk_trust.py

Each case of the set is a year of one gmina recorded through the registry's use cases,
with the flags it must raise; a raised flag is found (its rule and stakeholders expected)
or false, an expected one not raised is missed. Precision = found / raised, recall =
found / planted; "-" where a rule raised nothing or nothing was planted for it. Rules that
never raise a flag are scored at the severity they speak with (tests/trust/evaluate.py).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.trust.evaluate import Outcome, run_all, scores


def share(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def table(outcomes: list[Outcome]) -> str:
    header = ["rule", "found", "false", "missed", "precision", "recall"]
    rows = [
        [s.rule, str(s.found), str(s.false), str(s.missed), share(s.precision), share(s.recall)]
        for s in scores(outcomes)
    ]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def cases(outcomes: list[Outcome]) -> str:
    lines = []
    for o in outcomes:
        verdict = "ok" if not o.false and not o.missed else "WRONG"
        lines.append(
            f"{verdict:5} {o.case.name}: {len(o.raised)} raised, {len(o.false)} false, "
            f"{len(o.missed)} missed ({o.case.story})"
        )
        lines += [f"        false: {f.rule} – {f.sentence_en}" for f in o.false]
        lines += [f"        missed: {e.rule} {', '.join(e.names)}" for e in o.missed]
    return "\n".join(lines)


def rows(quick: bool) -> list[tuple[str, str, float | None, str, str, float | None]]:
    """The suite's rows: flags found against flags raised and against flags planted."""
    outcomes = run_all()
    found = sum(len(o.found) for o in outcomes)
    raised = sum(len(o.raised) for o in outcomes)
    planted = sum(len(o.case.expected) for o in outcomes)
    size = f"{len(outcomes)} partnerships"
    return [
        (
            "risk flags found (precision)",
            size,
            float(found),
            "flags",
            "flags raised",
            float(raised),
        ),
        ("risk flags found (recall)", size, float(found), "flags", "flags planted", float(planted)),
    ]


def main(*_: Any) -> None:
    outcomes = run_all()
    print(cases(outcomes))
    print()
    print(table(outcomes))


if __name__ == "__main__":
    main()
