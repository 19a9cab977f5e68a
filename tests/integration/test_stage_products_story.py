"""A partnership moves on only with what each MLW stage leaves behind, unless the regional
coordinator decides otherwise and says why."""

from datetime import date, time
from uuid import UUID, uuid4

import pytest

from domain.account import COORDINATOR, FACILITATOR, AccessDeniedError
from domain.effects import AdoptPact, AdvanceStage, ChooseEntity
from domain.entity import EntityType
from domain.errors import NotFoundError
from domain.partnership import Partnership
from domain.stage_products import StageProductMissingError
from domain.values import Stage
from projections.i18n import refusal
from registry.access import AccountView
from registry.application import Registry
from tests.integration.zielony_jar import (
    BY,
    first_sitting,
    last_id,
    on,
    propose,
    refused,
    zielony_jar,
)


def account(role: str, gmina: UUID, voivodeship: str = "świętokrzyskie") -> AccountView:
    username = "rops.kielce" if role == COORDINATOR else BY
    return AccountView(uuid4(), username, username, role, [gmina], voivodeship, False, 1)


def opened(app: Registry) -> UUID:
    """Zielony Jar, its partnership open, a catalogue of GOPS and the school only."""
    gmina = app.register_gmina("2640013", "Zielony Jar", "zielonojarski", **on(date(2025, 9, 1)))
    app.open_partnership(gmina, reason="Prezentacja na sesji rady", **on(date(2025, 9, 15)))
    for name, subtype in (("GOPS", "local_government_unit"), ("Szkoła", "education")):
        app.add_stakeholder(gmina, name=name, subtype=subtype, **on(date(2025, 10, 1)))
    return gmina


def test_a_catalogue_of_two_sectors_is_refused_stage_2_saying_what_is_missing(
    memory_registry: Registry,
) -> None:
    app = memory_registry
    gmina = opened(app)
    before = last_id(app)
    with pytest.raises(StageProductMissingError) as refused_advance:
        app.advance_stage(gmina, 2, reason="Katalog gotowy", **on(date(2025, 11, 1)))
    assert last_id(app) == before
    assert refusal(refused_advance.value, "pl") == (
        "Do etapu 2 potrzebny jest katalog z interesariuszami z co najmniej 3 sektorów; "
        "sektorów w katalogu: 2."
    )
    assert str(refused_advance.value).endswith("sectors in the catalogue: 2.")
    # The parish is catalogued a week later: from then on the catalogue carries stage 2.
    app.add_stakeholder(
        gmina, name="Parafia św. Anny", subtype="church_organisation", **on(date(2025, 11, 8))
    )
    refused(
        app,
        StageProductMissingError,
        "sectors in the catalogue: 2",
        lambda: app.advance_stage(gmina, 2, reason="Katalog", **on(date(2025, 11, 1))),
    )
    app.advance_stage(gmina, 2, reason="Katalog gotowy", **on(date(2025, 11, 10)))
    assert app.get_gmina(gmina).stage == 2


def test_a_pact_signed_by_two_is_refused_stage_4_in_polish_and_english(
    memory_registry: Registry,
) -> None:
    app = memory_registry
    gmina = opened(app)
    parish = app.add_stakeholder(
        gmina, name="Parafia", subtype="church_organisation", **on(date(2025, 10, 1))
    )
    app.advance_stage(gmina, 2, reason="Katalog", **on(date(2025, 11, 1)))
    refused(
        app,
        StageProductMissingError,
        "the team has not been formed",
        lambda: app.advance_stage(gmina, 3, reason="ZSL", **on(date(2026, 1, 10))),
    )
    app.form_team(gmina, decided_by="Zarządzenie Wójta nr 5/2026", **on(date(2026, 1, 10)))
    app.appoint_member(gmina, parish, role="chair", **on(date(2026, 1, 10)))
    app.advance_stage(gmina, 3, reason="ZSL powołany", **on(date(2026, 1, 10)))
    for stakeholder in [s.id for s in app.catalogue(gmina)][:2]:
        app.join_pact(gmina, stakeholder, **on(date(2026, 3, 1)))
    with pytest.raises(StageProductMissingError) as refused_advance:
        app.advance_stage(gmina, 4, reason="Pakt", **on(date(2026, 3, 12)))
    assert refusal(refused_advance.value, "pl") == (
        "Do etapu 4 potrzebny jest pakt z podpisami co najmniej 3 stron; podpisały go 2."
    )
    assert str(refused_advance.value) == (
        "Stage 4 needs a pact signed by at least 3 parties; 2 have signed."
    )


def test_the_regional_coordinator_may_move_on_without_the_product_and_says_why(
    memory_registry: Registry,
) -> None:
    app = memory_registry
    gmina = opened(app)
    facilitator, coordinator = account(FACILITATOR, gmina), account(COORDINATOR, gmina)
    why = "Gmina w pilotażu ROPS; katalog uzupełniany do marca"
    refused(
        app,
        AccessDeniedError,
        "the regional coordinator of województwo świętokrzyskie may",
        lambda: app.override_stage(
            gmina, 2, reason="Katalog", override_reason=why, coordinator=facilitator
        ),
    )
    elsewhere = account(COORDINATOR, gmina, voivodeship="mazowieckie")
    refused(
        app,
        AccessDeniedError,
        "may not move the partnership of Zielony Jar",
        lambda: app.override_stage(
            gmina, 2, reason="Katalog", override_reason=why, coordinator=elsewhere
        ),
    )
    app.override_stage(
        gmina,
        2,
        reason="Katalog w przygotowaniu",
        override_reason=why,
        coordinator=coordinator,
        effective_on=date(2025, 11, 1),
    )
    reached = app.get_gmina(gmina).stages[-1]
    assert (reached.stage, reached.recorded_by, reached.override_reason) == (
        2,
        "rops.kielce",
        why,
    )
    assert reached.missing_product == "catalogue"
    assert reached.missing_en is not None and reached.missing_en.endswith("catalogue: 2.")
    assert reached.missing_pl is not None and reached.missing_pl.endswith("w katalogu: 2.")
    # A fact of the partnership: who, when, why and which product was missing.
    fact = app.history(Partnership.create_id(gmina))[-1]
    assert (fact.fact, fact.recorded_by, fact.effective_on) == (
        "StageAdvancedByOverride",
        "rops.kielce",
        date(2025, 11, 1),
    )
    assert fact.details["override_reason"] == why
    assert fact.details["missing"]["product"] == "catalogue"


def test_the_teams_analysis_is_recorded_and_shown_with_the_gmina(
    memory_registry: Registry,
) -> None:
    app = memory_registry
    gmina = opened(app)
    refused(
        app,
        NotFoundError,
        "has no Local Synergy Team",
        lambda: app.record_analysis(
            gmina, findings="…", entity_type="kis", rationale="…", recorded_by=BY
        ),
    )
    app.form_team(gmina, decided_by="Zarządzenie Wójta nr 5/2026", **on(date(2026, 1, 10)))
    app.record_analysis(
        gmina,
        findings="38 osób długotrwale bezrobotnych; brak podmiotu reintegracji",
        entity_type="kis",
        rationale="KIS przy GOPS powstanie w pół roku",
        decided_by="Posiedzenie ZSL nr 3/2026",
        **on(date(2026, 5, 7)),
    )
    analysis = app.get_gmina(gmina).analysis
    assert analysis is not None
    assert (analysis.entity_type, analysis.decided_by, analysis.effective_on) == (
        "kis",
        "Posiedzenie ZSL nr 3/2026",
        date(2026, 5, 7),
    )
    assert analysis.rationale == "KIS przy GOPS powstanie w pół roku"


def test_a_resolution_choosing_the_entity_moves_to_stage_5_only_after_the_analysis(
    memory_registry: Registry,
) -> None:
    app = memory_registry
    g = zielony_jar(app)
    sitting = first_sitting(app, g)
    for title, effect in (
        ("ukonstytuowania się", AdvanceStage(Stage.SYNERGY_TEAM)),
        ("paktu", AdoptPact()),
    ):
        app.vote(
            propose(app, sitting, g, title, effect),
            at=time(17, 30),
            totals=(3, 0, 0),
            recorded_by=BY,
        )
    choice = propose(
        app,
        sitting,
        g,
        "wyboru podmiotu",
        ChooseEntity(EntityType.KIS),
        AdvanceStage(Stage.ENTITY_CHOSEN),
    )
    refused(
        app,
        StageProductMissingError,
        "Stage 5 needs the team's analysis recorded \\(findings",
        lambda: app.vote(choice, at=time(17, 40), totals=(4, 0, 0), recorded_by=BY),
    )
    assert app.list_entities(g.id) == []
    app.record_analysis(
        g.id,
        findings="Brak podmiotu reintegracji",
        entity_type="kis",
        rationale="KIS przy GOPS",
        **on(date(2026, 2, 3)),
    )
    app.vote(choice, at=time(17, 40), totals=(4, 0, 0), recorded_by=BY)
    assert app.get_gmina(g.id).stage == 5
    assert [e.entity_type for e in app.list_entities(g.id)] == ["kis"]
