"""The MLW stages: a gmina's partnership moves forward one stage at a time."""

from datetime import date
from uuid import uuid4

import pytest

from domain.errors import EffectiveDateError, StageOrderError
from domain.history import replay_as_of
from domain.partnership import Partnership
from domain.values import Stage


def opened() -> Partnership:
    return Partnership.open(uuid4(), date(2026, 1, 15), "Prezentacja na sesji rady", "ala")


def test_a_partnership_opens_at_the_presentation_of_the_idea() -> None:
    partnership = opened()
    assert partnership.stage is Stage.PRESENTATION
    assert partnership.history[0].reason == "Prezentacja na sesji rady"


def test_the_next_stage_is_recorded_with_its_date_reason_and_decision() -> None:
    partnership = opened()
    partnership.advance(
        Stage.CATALOGUE, date(2026, 2, 1), "Katalog gotowy", "ala", decided_by="Uchwała nr 1/2026"
    )
    assert partnership.stage is Stage.CATALOGUE
    assert partnership.history[-1].decided_by == "Uchwała nr 1/2026"
    assert partnership.history[-1].effective_on == date(2026, 2, 1)


def test_skipping_a_stage_is_refused_and_says_which_comes_first() -> None:
    partnership = opened()
    with pytest.raises(StageOrderError, match=r"stage 2 .* comes first"):
        partnership.advance(Stage.PACT, date(2026, 2, 1), "Pakt", "ala")
    assert partnership.collect_events()[1:] == []


def test_going_back_a_stage_is_refused() -> None:
    partnership = opened()
    partnership.advance(Stage.CATALOGUE, date(2026, 2, 1), "Katalog", "ala")
    with pytest.raises(StageOrderError, match="cannot go back"):
        partnership.advance(Stage.PRESENTATION, date(2026, 3, 1), "Znowu", "ala")


def test_a_stage_cannot_take_effect_before_the_previous_one() -> None:
    partnership = opened()
    with pytest.raises(EffectiveDateError):
        partnership.advance(Stage.CATALOGUE, date(2026, 1, 1), "Katalog", "ala")


def test_the_stage_as_of_a_past_date_ignores_later_advances() -> None:
    partnership = opened()
    partnership.advance(Stage.CATALOGUE, date(2026, 2, 1), "Katalog", "ala")
    partnership.advance(Stage.SYNERGY_TEAM, date(2026, 4, 1), "ZSL powołany", "ala")
    events = partnership.collect_events()
    then = replay_as_of(events, date(2026, 3, 1))
    assert isinstance(then, Partnership)
    assert then.stage is Stage.CATALOGUE
    assert replay_as_of(events, date(2025, 12, 31)) is None
