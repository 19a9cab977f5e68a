"""The demo gmina Zielony Jar: a year of a partnership a facilitator can explore."""

from __future__ import annotations

from collections import Counter
from datetime import date
from uuid import UUID

from stdnum.pl import nip, regon

from domain.values import Sector, SubType
from registry.application import Registry
from registry.demo import DEMO_TERC, load_demo

TODAY = date(2026, 11, 23)


def last_id(app: Registry) -> int:
    return app.recorder.max_notification_id() or 0


def test_demo_gmina_says_plainly_that_it_is_not_a_real_gmina(memory_registry: Registry) -> None:
    gmina = memory_registry.get_gmina(load_demo(memory_registry))

    assert gmina.terc == DEMO_TERC == "2640013"
    assert "demonstracyjna" in gmina.name
    assert (gmina.powiat, gmina.voivodeship) == ("zielonojarski", "świętokrzyskie")
    assert gmina.registered_on.year == 2025


def test_demo_gmina_has_every_sector_in_its_catalogue(memory_registry: Registry) -> None:
    catalogue = memory_registry.catalogue(load_demo(memory_registry), include_archived=True)

    assert len(catalogue) >= 40
    assert {s.sector for s in catalogue} == {s.value for s in Sector}
    assert {s.subtype for s in catalogue} == {s.value for s in SubType}


def test_demo_catalogue_has_social_cooperatives_parishes_a_bank_and_citizen_leaders(
    memory_registry: Registry,
) -> None:
    catalogue = memory_registry.catalogue(load_demo(memory_registry), include_archived=True)
    subtypes = Counter(s.subtype for s in catalogue)

    assert subtypes["social_cooperative"] >= 2
    assert any("Parafia" in s.name and s.krs is None for s in catalogue)
    assert any(s.legal_form == "bank spółdzielczy" for s in catalogue)
    leaders = [s for s in catalogue if s.subtype == "social_leader"]
    assert len(leaders) >= 4
    assert all(s.kind == "person" and s.name and s.person_id for s in leaders)
    assert all(s.nip is None and s.regon is None and s.seat == "" for s in leaders)


def test_demo_institutions_carry_valid_register_numbers_and_role_based_contacts(
    memory_registry: Registry,
) -> None:
    catalogue = memory_registry.catalogue(load_demo(memory_registry), include_archived=True)
    institutions = [s for s in catalogue if s.kind == "institution"]

    assert sum(1 for s in institutions if s.nip) >= 20
    assert all(nip.is_valid(s.nip) for s in institutions if s.nip)
    assert all(regon.is_valid(s.regon) for s in institutions if s.regon)
    assert all(s.krs is None or len(s.krs) == 10 for s in institutions)
    assert all(s.legal_form and s.seat and s.area and s.contact for s in institutions)
    assert all(s.resources_offered for s in catalogue)
    emails = [w for s in catalogue for w in s.contact.replace(",", " ").split() if "@" in w]
    assert emails and all(e.endswith("example.org") for e in emails)


def test_demo_partnership_reached_the_pact_step_by_step_with_reasons(
    memory_registry: Registry,
) -> None:
    gmina = memory_registry.get_gmina(load_demo(memory_registry))

    assert [s.stage for s in gmina.stages] == [1, 2, 3, 4]
    assert all(s.reason for s in gmina.stages)
    dates = [s.effective_on for s in gmina.stages]
    assert dates == sorted(dates)
    assert date(2025, 9, 1) <= dates[0] and dates[-1] < TODAY


def test_demo_pact_gathered_signatories_over_many_months(memory_registry: Registry) -> None:
    pact = memory_registry.get_pact(load_demo(memory_registry))

    assert len(pact.parties) >= 20
    months = {(p.joined_on.year, p.joined_on.month) for p in pact.parties}
    assert len(months) >= 4
    assert {p.form for p in pact.parties} == {"lasting", "ad_hoc"}
    assert {p.role for p in pact.parties} == {"associated_institution", "supporter", "user"}
    institutions = [p for p in pact.parties if p.sector != "citizen"]
    assert all(p.representative for p in institutions)
    assert all(p.joined_on < TODAY for p in pact.parties)


def test_demo_pact_lost_exactly_one_signatory_who_said_why(memory_registry: Registry) -> None:
    gmina = load_demo(memory_registry)
    pact = memory_registry.get_pact(gmina)

    [former] = [p for p in pact.parties if not p.is_member]
    assert former.left_on and former.leave_reason
    assert memory_registry.get_stakeholder(former.stakeholder_id).status == "former_signatory"
    assert len(pact.signatories) == len(pact.parties) - 1


def test_demo_catalogue_archived_one_entry_that_never_signed(memory_registry: Registry) -> None:
    gmina = load_demo(memory_registry)
    everyone = memory_registry.catalogue(gmina, include_archived=True)
    signed = {p.stakeholder_id for p in memory_registry.get_pact(gmina).parties}

    [archived] = [s for s in everyone if s.archived_on]
    assert archived.archive_reason and archived.id not in signed
    assert len(memory_registry.catalogue(gmina)) == len(everyone) - 1


def test_demo_commitments_use_many_kinds_of_resource_and_every_state(
    memory_registry: Registry,
) -> None:
    gmina = load_demo(memory_registry)
    commitments = memory_registry.get_pact(gmina).commitments
    catalogued = {s.id for s in memory_registry.catalogue(gmina, include_archived=True)}

    assert len({c.resource for c in commitments}) >= 6
    states = Counter(c.state for c in commitments)
    assert states["revised"] >= 2 and states["fulfilled"] >= 3 and states["withdrawn"] == 1
    assert sum(1 for c in commitments if c.beneficiary_id) >= 3
    assert sum(1 for c in commitments if c.joint_with) >= 2
    assert all(c.beneficiary_id in catalogued for c in commitments if c.beneficiary_id)
    money = [c for c in commitments if c.resource == "money"]
    assert money and all(c.unit == "zł" for c in money)
    assert any(c.unit == "h/miesiąc" for c in commitments if c.resource == "premises")
    revised = [c for c in commitments if c.revisions]
    assert all(c.note for c in revised)


def test_demo_commitments_come_only_from_parties_after_they_signed(
    memory_registry: Registry,
) -> None:
    pact = memory_registry.get_pact(load_demo(memory_registry))
    joined: dict[UUID, date] = {p.stakeholder_id: p.joined_on for p in pact.parties}

    for c in pact.commitments:
        assert joined[c.stakeholder_id] <= c.made_on
        assert c.closed_on is None or c.made_on <= c.closed_on < TODAY
        assert all(joined[partner] <= c.made_on for partner in c.joint_with)


def test_loading_the_demo_twice_records_nothing_the_second_time(
    memory_registry: Registry,
) -> None:
    first = load_demo(memory_registry)
    before = last_id(memory_registry)

    assert load_demo(memory_registry, recorded_by="someone.else") == first
    assert last_id(memory_registry) == before
    assert memory_registry.find_gmina(DEMO_TERC) == first


def test_demo_pact_as_of_its_first_month_has_fewer_signatories(
    memory_registry: Registry,
) -> None:
    gmina = load_demo(memory_registry)

    early = memory_registry.get_pact(gmina, as_of=date(2026, 3, 31))
    now = memory_registry.get_pact(gmina)
    assert 0 < len(early.signatories) < len(now.signatories)
    assert not early.commitments or all(c.made_on <= date(2026, 3, 31) for c in early.commitments)
    assert memory_registry.get_gmina(gmina, as_of=date(2025, 10, 31)).stage == 1


def test_the_demo_loads_the_same_on_every_store(registry: Registry) -> None:
    gmina = load_demo(registry)
    before = last_id(registry)

    assert load_demo(registry) == gmina
    assert last_id(registry) == before
    assert len(registry.catalogue(gmina, include_archived=True)) >= 40
    pact = registry.get_pact(gmina)
    assert len(pact.parties) >= 20
    assert len(registry.get_pact(gmina, as_of=date(2026, 3, 31)).parties) < len(pact.parties)
    assert registry.get_gmina(gmina).stage == 4
