"""A gmina's network over a year: who cooperates with whom, and when the GOPS took over."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from projections.collaboration import CollaborationView
from projections.read_models import ReadModels
from registry.application import Registry

BY = "moderatorka.ala"
PARTNERS = [
    ("Stowarzyszenie Razem", "ngo"),
    ("Spółdzielnia Socjalna Jar", "social_cooperative"),
    ("Parafia św. Jana", "church_organisation"),
    ("Szkoła Podstawowa w Jarze", "education"),
    ("Gminny Ośrodek Kultury", "culture"),
    ("Przychodnia Zdrowie", "health"),
    ("Bank Spółdzielczy", "finance_banking"),
    ("Urząd Gminy Zielony Jar", "local_government"),
    ("Powiatowy Urząd Pracy", "local_government_unit"),
    ("Koło Gospodyń Wiejskich", "ngo"),
]


def gmina_around_its_gops(app: Registry) -> tuple[UUID, UUID, list[UUID]]:
    g = app.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by=BY, effective_on=date(2025, 9, 1)
    )
    app.open_partnership(g, reason="Sesja rady", recorded_by=BY, effective_on=date(2025, 9, 2))
    on = date(2025, 10, 1)
    gops = app.add_stakeholder(
        g,
        name="GOPS w Zielonym Jarze",
        subtype="local_government_unit",
        recorded_by=BY,
        effective_on=on,
    )
    partners = [
        app.add_stakeholder(g, name=n, subtype=t, recorded_by=BY, effective_on=on)
        for n, t in PARTNERS
    ]
    leader = app.add_stakeholder(
        g,
        name="Anna Lider",
        kind="person",
        subtype="social_leader",
        recorded_by=BY,
        effective_on=on,
    )
    for sid in [gops, *partners, leader]:
        app.join_pact(g, sid, recorded_by=BY, effective_on=date(2025, 11, 1))
    for sid in [*partners, leader]:
        app.declare_cooperation(
            g,
            gops,
            sid,
            subject="Program integracji",
            recorded_by=BY,
            effective_on=date(2026, 1, 10),
        )
    return g, gops, [*partners, leader]


def a_school_and_bank_tie_over_the_summer(app: Registry, g: UUID, partners: list[UUID]) -> UUID:
    """The school and the bank cooperate on an account for the KIS from July to September."""
    school, bank = partners[3], partners[6]
    tie = app.declare_cooperation(
        g,
        school,
        bank,
        subject="Konto dla KIS",
        form="ad_hoc",
        recorded_by=BY,
        effective_on=date(2026, 7, 1),
    )
    app.end_cooperation(g, tie, recorded_by=BY, effective_on=date(2026, 9, 1))
    return tie


def test_before_anyone_declared_cooperation_the_network_has_stakeholders_but_no_ties(
    registry: Registry,
) -> None:
    g, _, _ = gmina_around_its_gops(registry)
    with ReadModels(registry) as models:
        report = CollaborationView(models).network(g, date(2025, 12, 31))
        assert (report.network.stakeholders, report.network.ties) == (12, 0)
        assert len(report.network.isolates) == 12


def test_a_year_later_the_gops_dominates_and_the_flag_names_it_as_coordinator(
    registry: Registry,
) -> None:
    g, _, _ = gmina_around_its_gops(registry)
    with ReadModels(registry) as models:
        view = CollaborationView(models)
        report = view.network(g, date(2026, 6, 1))
        assert report.network.degree_centralisation == pytest.approx(1.0)
        assert report.network.ways == {"institution-institution": 10, "institution-person": 1}
        assert report.nodes[0].name == "GOPS w Zielonym Jarze"
        flags = {f.rule: f for f in view.risks(g, date(2026, 6, 1))}
        dominance = flags["dominance.centralisation"]
        assert dominance.severity == "flag"
        assert "koordynuje partnerstwo (OPS)" in dominance.sentence_pl
        assert "Anna Lider" not in dominance.sentence_pl


def test_a_month_after_the_ties_appeared_the_domination_is_only_watched(
    registry: Registry,
) -> None:
    g, _, _ = gmina_around_its_gops(registry)
    with ReadModels(registry) as models:
        flags = {f.rule: f for f in CollaborationView(models).risks(g, date(2026, 2, 10))}
        assert flags["dominance.centralisation"].severity == "watch"


def test_comparing_two_dates_shows_ties_gained_and_lost_and_flags_raised_and_cleared(
    registry: Registry,
) -> None:
    g, _gops, partners = gmina_around_its_gops(registry)
    a_school_and_bank_tie_over_the_summer(registry, g, partners)
    with ReadModels(registry) as models:
        view = CollaborationView(models)
        diff = view.compare(g, date(2025, 12, 1), date(2026, 8, 1))
        assert len(diff.ties_gained) == 12 and diff.ties_lost == []
        assert "dominance.centralisation" in {f.rule for f in diff.flags_raised}
        later = view.compare(g, date(2026, 8, 1), date(2026, 10, 1))
        assert [(t.source_name, t.target_name) for t in later.ties_lost] == [
            ("Szkoła Podstawowa w Jarze", "Bank Spółdzielczy")
        ]


def test_a_remembered_report_is_redone_after_a_new_fact_or_an_erasure(
    memory_registry: Registry,
) -> None:
    g, _, partners = gmina_around_its_gops(memory_registry)
    view = CollaborationView(ReadModels(memory_registry))
    first = view.network(g, date(2026, 6, 1))
    assert view.network(g, date(2026, 6, 1)) is first
    leader = next(a for a in first.nodes if a.name == "Anna Lider")
    memory_registry.erase_person(memory_registry.get_stakeholder(UUID(leader.id)).person_id)  # type: ignore[arg-type]
    after_erasure = view.network(g, date(2026, 6, 1))
    assert after_erasure is not first
    assert "Anna Lider" not in repr(after_erasure)
    memory_registry.declare_cooperation(
        g,
        partners[0],
        partners[1],
        form="ad_hoc",
        subject="Festyn",
        recorded_by=BY,
        effective_on=date(2026, 5, 1),
    )
    assert view.network(g, date(2026, 6, 1)).network.ties == after_erasure.network.ties + 1
