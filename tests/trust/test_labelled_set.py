"""The labelled set in CI: no false flag on the healthy partnerships, no planted risk missed."""

from __future__ import annotations

import pytest

from tests.trust.evaluate import run_case
from tests.trust.labelled import CASES, Case


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_facilitator_sees_exactly_the_planted_risks(case: Case) -> None:
    outcome = run_case(case)
    assert [(f.rule, f.sentence_en) for f in outcome.false] == []
    assert outcome.missed == []


def test_a_guest_who_never_comes_is_told_apart_from_one_never_invited() -> None:
    [case] = [c for c in CASES if c.name == "invited and never invited"]
    flags = {f.rule: f for f in run_case(case).raised}
    away = flags["exclusion.low_attendance"]
    assert away.counts == {"attended": 0, "meetings": 6, "invited": 6}
    never = flags["exclusion.never_invited"]
    assert [s.name for s in never.stakeholders] == ["Dom Kultury"]
