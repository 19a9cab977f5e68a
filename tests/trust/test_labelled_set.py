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
