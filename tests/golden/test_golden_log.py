"""A year of the demo gmina as once stored still reads the same with today's code."""

from __future__ import annotations

import json

from tests.golden.replay import EXPECTED, replayed


def test_the_demo_years_stored_facts_replay_to_the_same_records_tables_and_documents() -> None:
    # The expected file was first written from the records themselves; the read models that
    # now answer every query read the year the same, documents too.
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    seen = replayed()
    assert sorted(seen) == sorted(expected)
    for part in expected:
        assert seen[part] == expected[part], f"{part} differs from tests/golden/expected.json"
