"""A year of the demo gmina as once stored still reads the same with today's code."""

from __future__ import annotations

import json

import pytest

from tests.golden.replay import EXPECTED, replayed


@pytest.mark.parametrize("read_side", [False, True], ids=["records", "read models"])
def test_the_demo_years_stored_facts_replay_to_the_same_records_tables_and_documents(
    read_side: bool,
) -> None:
    # Asked of the records or of the read models, the year reads the same, documents too.
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    seen = replayed(read_side)
    assert sorted(seen) == sorted(expected)
    for part in expected:
        assert seen[part] == expected[part], f"{part} differs from tests/golden/expected.json"
