"""The demo gmina is a good partnership: its open flags are few, and each is honest."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date

import pytest

from projections.collaboration import CollaborationView
from projections.read_models import ReadModels
from projections.read_side import with_reads
from projections.risks import FLAG, Flag
from projections.timeline import facts_of
from registry.application import Registry
from registry.demo import load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings

AS_OF = date(2026, 12, 1)


@pytest.fixture(scope="module")
def demo() -> Iterator[tuple[list[Flag], list[dict[str, object]]]]:
    app = with_reads(Registry(Settings(store="memory")))
    gmina = load_demo(app)
    load_demo_meetings(app, gmina)
    with ReadModels(app) as models:
        flags = CollaborationView(models).risks(gmina, AS_OF)
        facts = facts_of(models.timeline_view, gmina)
    app.close()
    yield flags, facts


def test_the_demo_shows_one_honest_warning_about_who_proposes_the_resolutions(
    demo: tuple[list[Flag], list[dict[str, object]]],
) -> None:
    flags, _ = demo
    open_flags = [f for f in flags if f.severity == FLAG]
    assert [(f.rule, [s.name for s in f.stakeholders]) for f in open_flags] == [
        (
            "dominance.decision_share",
            ["Miejsko-Gminny Ośrodek Pomocy Społecznej w Zielonym Jarze"],
        )
    ]
    [share] = open_flags
    assert share.counts == {"proposed": 8, "adopted": 11, "members": 9}
    assert "koordynuje partnerstwo (OPS)" in share.sentence_pl


def test_the_demo_shows_no_more_than_two_items_and_no_signatory_called_left_out(
    demo: tuple[list[Flag], list[dict[str, object]]],
) -> None:
    flags, _ = demo
    assert len(flags) <= 2
    assert "exclusion.isolated_signatory" not in {f.rule for f in flags}


def test_the_warning_names_the_resolutions_counted_and_when_it_first_crossed(
    demo: tuple[list[Flag], list[dict[str, object]]],
) -> None:
    flags, _ = demo
    [share] = [f for f in flags if f.rule == "dominance.decision_share"]
    assert len(share.evidence) == 8 and {e.kind for e in share.evidence} == {"resolution"}
    assert share.previous_as_of == date(2026, 9, 1) and share.previous_value is not None
    assert share.first_crossed is not None and share.first_crossed <= date(2026, 9, 1)


def test_a_reviewer_recomputes_the_digest_of_the_facts_a_flag_was_computed_from(
    demo: tuple[list[Flag], list[dict[str, object]]],
) -> None:
    flags, facts = demo
    counted = [f for f in facts if date.fromisoformat(str(f["effective_on"])) <= AS_OF]
    digest = hashlib.sha256(
        "".join(f"{f['record_id']}/{f['version']}\n" for f in counted).encode()
    ).hexdigest()
    assert {(f.facts, f.digest) for f in flags} == {(len(counted), digest)}
