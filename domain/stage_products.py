"""What each MLW stage needs from the one before it: the products a partnership shows.

Stage 2 needs a catalogue with stakeholders of several sectors; 3, a Local Synergy Team with
appointed members; 4, a pact signed by several parties; 5, the team's analysis recorded
and an entity chosen; 6, the entity created or re-created. How many sectors and parties
is a setting of the registry (``StageRules``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from domain.errors import RuleViolationError
from domain.terms import Stage
from domain.values import Immutable


class Product(Enum):
    """What a stage is built on (the product of the stage before it)."""

    CATALOGUE = "catalogue"
    TEAM = "team"
    PACT = "pact"
    ANALYSIS = "analysis"
    ENTITY = "entity"


NEEDED_BY: dict[Stage, Product] = {
    Stage.CATALOGUE: Product.CATALOGUE,
    Stage.SYNERGY_TEAM: Product.TEAM,
    Stage.PACT: Product.PACT,
    Stage.ENTITY_CHOSEN: Product.ANALYSIS,
    Stage.ENTITY_CREATED: Product.ENTITY,
}


@dataclass(frozen=True)
class StageRules(Immutable):
    """How much a stage asks of its product (MLW_STAGE_MIN_SECTORS, _MIN_SIGNATORIES)."""

    min_sectors: int = 3
    min_signatories: int = 3


@dataclass(frozen=True)
class Products(Immutable):
    """What the partnership had produced on the day a stage would take effect."""

    sectors: int = 0
    team_formed: bool = False
    team_members: int = 0
    signatories: int = 0
    analysis: bool = False
    entity_chosen: bool = False
    entity_created: bool = False


class StageProductMissingError(RuleViolationError):
    """Raised when a partnership would reach a stage without the product of the one before."""

    def __init__(self, product: Product, template: str, /, **params: Any) -> None:
        super().__init__(template, **params)
        self.product = product

    def said(self) -> dict[str, Any]:
        """What was missing, as a fact can keep it: the product, the sentence's template and
        its values (the outer layer says it in the reader's language)."""
        return {"product": self.product.value, "template": self.template, "params": self.params}


def polish_count_form(n: int) -> str:
    """The grammatical number Polish gives a count: one, few (2–4, 22–24 …) or many."""
    if n == 1:
        return "one"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "few"
    return "many"


def check_products(to: Stage, products: Products, rules: StageRules) -> None:
    """Refuse, saying what is missing, unless the stage before ``to`` left its product."""
    product = NEEDED_BY.get(to)
    if product is Product.CATALOGUE and products.sectors < rules.min_sectors:
        missing_sectors(products.sectors, rules.min_sectors)
    if product is Product.TEAM:
        missing_team(products)
    if product is Product.PACT and products.signatories < rules.min_signatories:
        missing_signatures(products.signatories, rules.min_signatories)
    if product is Product.ANALYSIS:
        missing_analysis(products)
    if product is Product.ENTITY and not products.entity_created:
        raise StageProductMissingError(
            Product.ENTITY,
            "Stage 6 needs the social employment entity created or re-created; none has "
            "been recorded as created.",
        )


def missing_sectors(sectors: int, needed: int) -> None:
    if sectors == 0:
        raise StageProductMissingError(
            Product.CATALOGUE,
            "Stage 2 needs a catalogue with stakeholders from at least {needed} sectors; the "
            "catalogue is empty.",
            needed=needed,
        )
    raise StageProductMissingError(
        Product.CATALOGUE,
        "Stage 2 needs a catalogue with stakeholders from at least {needed} sectors; sectors "
        "in the catalogue: {sectors}.",
        needed=needed,
        sectors=sectors,
    )


def missing_team(products: Products) -> None:
    if not products.team_formed:
        raise StageProductMissingError(
            Product.TEAM,
            "Stage 3 needs the Local Synergy Team formed, with its members appointed; the "
            "team has not been formed.",
        )
    if products.team_members == 0:
        raise StageProductMissingError(
            Product.TEAM,
            "Stage 3 needs the Local Synergy Team formed, with its members appointed; no "
            "member has been appointed.",
        )


def missing_signatures(signed: int, needed: int) -> None:
    form = "none" if signed == 0 else polish_count_form(signed)
    if form == "none":
        raise StageProductMissingError(
            Product.PACT,
            "Stage 4 needs a pact signed by at least {needed} parties; nobody has signed.",
            needed=needed,
        )
    if form == "one":
        raise StageProductMissingError(
            Product.PACT,
            "Stage 4 needs a pact signed by at least {needed} parties; {signed} has signed.",
            needed=needed,
            signed=signed,
        )
    if form == "few":
        raise StageProductMissingError(
            Product.PACT,
            "Stage 4 needs a pact signed by at least {needed} parties; {signed} have signed.",
            needed=needed,
            signed=signed,
        )
    raise StageProductMissingError(
        Product.PACT,
        "Stage 4 needs a pact signed by at least {needed} parties; only {signed} have signed.",
        needed=needed,
        signed=signed,
    )


def missing_analysis(products: Products) -> None:
    if not products.analysis and not products.entity_chosen:
        raise StageProductMissingError(
            Product.ANALYSIS,
            "Stage 5 needs the team's analysis recorded and a social employment entity "
            "chosen; neither has been recorded.",
        )
    if not products.analysis:
        raise StageProductMissingError(
            Product.ANALYSIS,
            "Stage 5 needs the team's analysis recorded (findings, the entity chosen and "
            "why); it has not been recorded.",
        )
    if not products.entity_chosen:
        raise StageProductMissingError(
            Product.ENTITY,
            "Stage 5 needs a social employment entity chosen; the team's analysis is "
            "recorded, but no entity has been chosen.",
        )
