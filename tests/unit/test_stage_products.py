"""Each MLW stage stands on the product of the one before: refused without it, and said how."""

from datetime import date
from uuid import uuid4

import pytest

from domain.entity import EntityType
from domain.errors import InvalidInputError, RuleViolationError
from domain.partnership import Partnership
from domain.stage_products import (
    Product,
    Products,
    StageProductMissingError,
    StageRules,
    check_products,
    polish_count_form,
)
from domain.values import Stage

RULES = StageRules(min_sectors=3, min_signatories=3)


def opened() -> Partnership:
    return Partnership.open(uuid4(), date(2026, 1, 15), "Prezentacja na sesji rady", "ala")


def test_a_catalogue_of_two_sectors_does_not_make_stage_2_when_three_are_needed() -> None:
    with pytest.raises(StageProductMissingError, match="at least 3 sectors; sectors in the "):
        check_products(Stage.CATALOGUE, Products(sectors=2), RULES)
    check_products(Stage.CATALOGUE, Products(sectors=3), RULES)


def test_a_team_formed_without_members_does_not_make_stage_3() -> None:
    with pytest.raises(StageProductMissingError, match="has not been formed") as refusal:
        check_products(Stage.SYNERGY_TEAM, Products(), RULES)
    assert refusal.value.product is Product.TEAM
    with pytest.raises(StageProductMissingError, match="no member has been appointed"):
        check_products(Stage.SYNERGY_TEAM, Products(team_formed=True), RULES)
    check_products(Stage.SYNERGY_TEAM, Products(team_formed=True, team_members=5), RULES)


@pytest.mark.parametrize(
    ("signed", "words"),
    [(0, "nobody has signed"), (1, "1 has signed"), (2, "2 have signed")],
)
def test_a_pact_signed_by_too_few_parties_does_not_make_stage_4(signed: int, words: str) -> None:
    with pytest.raises(StageProductMissingError, match=words) as refusal:
        check_products(Stage.PACT, Products(signatories=signed), RULES)
    assert refusal.value.params == {"needed": 3} | ({"signed": signed} if signed else {})


def test_stage_5_needs_both_the_analysis_and_an_entity_chosen() -> None:
    with pytest.raises(StageProductMissingError, match="neither"):
        check_products(Stage.ENTITY_CHOSEN, Products(), RULES)
    with pytest.raises(StageProductMissingError, match="no entity has been chosen"):
        check_products(Stage.ENTITY_CHOSEN, Products(analysis=True), RULES)
    with pytest.raises(StageProductMissingError, match="analysis recorded \\(findings"):
        check_products(Stage.ENTITY_CHOSEN, Products(entity_chosen=True), RULES)
    check_products(Stage.ENTITY_CHOSEN, Products(analysis=True, entity_chosen=True), RULES)


def test_stage_6_needs_the_entity_created() -> None:
    with pytest.raises(StageProductMissingError, match="created or re-created"):
        check_products(Stage.ENTITY_CREATED, Products(entity_chosen=True), RULES)


def test_polish_counts_take_one_few_or_many() -> None:
    forms = {n: polish_count_form(n) for n in (1, 2, 4, 5, 12, 14, 22, 25)}
    assert forms == {
        1: "one",
        2: "few",
        4: "few",
        5: "many",
        12: "many",
        14: "many",
        22: "few",
        25: "many",
    }


def test_a_refused_advance_records_nothing() -> None:
    partnership = opened()
    with pytest.raises(StageProductMissingError):
        partnership.advance(
            Stage.CATALOGUE, date(2026, 2, 1), "Katalog", "ala", products=Products(), rules=RULES
        )
    assert partnership.collect_events()[1:] == []
    assert partnership.stage is Stage.PRESENTATION


def test_an_override_keeps_its_reason_and_what_was_missing() -> None:
    partnership = opened()
    partnership.advance_by_override(
        Stage.CATALOGUE,
        date(2026, 2, 1),
        "Katalog w przygotowaniu",
        "Gmina w programie pilotażowym, katalog uzupełniany do marca",
        "rops",
        None,
        Products(sectors=1),
        RULES,
    )
    reached = partnership.history[-1]
    assert reached.stage is Stage.CATALOGUE
    assert reached.recorded_by == "rops"
    assert reached.override_reason == "Gmina w programie pilotażowym, katalog uzupełniany do marca"
    assert reached.missing is not None
    assert reached.missing["product"] == "catalogue"
    assert reached.missing["params"] == {"needed": 3, "sectors": 1}


def test_an_override_needs_a_reason_and_something_missing() -> None:
    partnership = opened()
    with pytest.raises(InvalidInputError, match="previous stage's product"):
        partnership.advance_by_override(
            Stage.CATALOGUE, date(2026, 2, 1), "Katalog", " ", "rops", None, Products(), RULES
        )
    with pytest.raises(RuleViolationError, match="Nothing to override"):
        partnership.advance_by_override(
            Stage.CATALOGUE,
            date(2026, 2, 1),
            "Katalog",
            "Pilot",
            "rops",
            None,
            Products(sectors=4),
            RULES,
        )
    assert partnership.collect_events()[1:] == []


def test_the_teams_analysis_is_a_fact_with_findings_entity_and_why() -> None:
    partnership = opened()
    partnership.record_analysis(
        "38 osób długotrwale bezrobotnych",
        EntityType.KIS,
        "KIS przy GOPS można utworzyć w pół roku",
        "Posiedzenie ZSL nr 3/2026",
        date(2026, 5, 7),
        "ala",
    )
    analysis = partnership.analysis
    assert analysis is not None
    assert (analysis.entity_type, analysis.effective_on) == (EntityType.KIS, date(2026, 5, 7))
    with pytest.raises(InvalidInputError, match="why the team chose"):
        partnership.record_analysis("Ustalenia", EntityType.CIS, "", "", date(2026, 5, 8), "ala")
