"""Declared cooperation between two stakeholders: lasting or ad hoc, and its end."""

from datetime import date
from uuid import uuid4

import pytest

from domain.cooperation import Cooperation
from domain.errors import EffectiveDateError, InvalidInputError, RuleViolationError
from domain.values import CooperationForm


def declared(**overrides: object) -> Cooperation:
    args: dict[str, object] = {
        "gmina_id": uuid4(),
        "stakeholder_id": uuid4(),
        "partner_id": uuid4(),
        "form": CooperationForm.AD_HOC,
        "subject": "  wspólny festyn rodzinny ",
        "effective_on": date(2026, 5, 1),
        "recorded_by": "moderatorka.ala",
    }
    args.update(overrides)
    return Cooperation.declare(**args)  # type: ignore[arg-type]


def test_a_school_and_a_parish_declare_an_ad_hoc_cooperation_on_a_festival() -> None:
    c = declared()
    assert (c.form, c.subject, c.declared_on, c.is_ongoing) == (
        CooperationForm.AD_HOC,
        "wspólny festyn rodzinny",
        date(2026, 5, 1),
        True,
    )


def test_nobody_cooperates_with_itself() -> None:
    same = uuid4()
    with pytest.raises(InvalidInputError):
        declared(stakeholder_id=same, partner_id=same)


def test_a_cooperation_needs_a_subject() -> None:
    with pytest.raises(InvalidInputError):
        declared(subject=" ")


def test_a_cooperation_ends_once_and_not_before_it_began() -> None:
    c = declared()
    with pytest.raises(EffectiveDateError):
        c.end("", date(2026, 4, 1), "x")
    c.end("festyn się odbył", date(2026, 6, 1), "x")
    assert (c.ended_on, c.end_reason, c.is_ongoing) == (date(2026, 6, 1), "festyn się odbył", False)
    with pytest.raises(RuleViolationError):
        c.end("", date(2026, 7, 1), "x")
