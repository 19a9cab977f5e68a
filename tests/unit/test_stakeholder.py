"""Catalogue entries: institutions and citizen leaders, edited, recategorised, archived."""

from datetime import date
from uuid import uuid4

import pytest

from domain.errors import ArchivedError, EffectiveDateError, InvalidInputError, RuleViolationError
from domain.stakeholder import Stakeholder
from domain.values import (
    Identifiers,
    Sealed,
    Sector,
    StakeholderKind,
    StakeholderStatus,
    SubType,
)

ON = date(2026, 1, 10)


def school() -> Stakeholder:
    return Stakeholder.catalogue(
        gmina_id=uuid4(),
        kind=StakeholderKind.INSTITUTION,
        name="Szkoła Podstawowa w Jarze",
        subtype=SubType.EDUCATION,
        legal_form="jednostka budżetowa",
        identifiers=Identifiers(),
        seat="Zielony Jar",
        area="edukacja",
        resources_offered=["sala gimnastyczna", " "],
        contact="sekretariat",
        person=None,
        effective_on=ON,
        recorded_by="ala",
    )


def test_a_catalogued_school_is_identified_in_the_business_and_institutions_sector() -> None:
    s = school()
    assert s.status is StakeholderStatus.IDENTIFIED
    assert s.sector is Sector.BUSINESS_INSTITUTION
    assert s.details.resources_offered == ["sala gimnastyczna"]


def test_a_citizen_leader_keeps_no_plain_name_in_the_catalogue() -> None:
    sealed = Sealed(uuid4(), "ciphertext")
    leader = Stakeholder.catalogue(
        gmina_id=uuid4(),
        kind=StakeholderKind.PERSON,
        name="",
        subtype=SubType.SOCIAL_LEADER,
        legal_form="",
        identifiers=Identifiers(),
        seat="",
        area="seniorzy",
        resources_offered=[],
        contact="",
        person=sealed,
        effective_on=ON,
        recorded_by="ala",
    )
    assert leader.name == ""
    assert leader.person == sealed


def test_an_institution_cannot_be_a_citizen_leader() -> None:
    with pytest.raises(InvalidInputError, match="Only a natural person"):
        Stakeholder.catalogue(
            gmina_id=uuid4(),
            kind=StakeholderKind.INSTITUTION,
            name="Fundacja",
            subtype=SubType.SOCIAL_LEADER,
            legal_form="",
            identifiers=Identifiers(),
            seat="",
            area="",
            resources_offered=[],
            contact="",
            person=None,
            effective_on=ON,
            recorded_by="ala",
        )


def test_recategorising_moves_the_school_to_culture() -> None:
    s = school()
    s.recategorise(SubType.CULTURE, date(2026, 2, 1), "ala")
    assert s.subtype is SubType.CULTURE


def test_an_identified_stakeholder_is_invited_once() -> None:
    s = school()
    s.invite(date(2026, 2, 1), "ala")
    assert s.status is StakeholderStatus.INVITED
    with pytest.raises(RuleViolationError, match="already invited"):
        s.invite(date(2026, 2, 2), "ala")


def test_an_archived_entry_cannot_be_edited() -> None:
    s = school()
    s.archive("Szkoła zlikwidowana", date(2026, 6, 30), "ala")
    with pytest.raises(ArchivedError, match="archived on 2026-06-30"):
        s.edit({"seat": "Nowy Jar"}, date(2026, 7, 1), "ala")


def test_a_signatory_is_not_archived_before_leaving_the_pact() -> None:
    s = school()
    s.set_status(StakeholderStatus.SIGNATORY, date(2026, 3, 1), "ala")
    with pytest.raises(RuleViolationError, match="leaving the pact"):
        s.archive("Nieaktywna", date(2026, 6, 30), "ala")


def test_an_edit_that_changes_nothing_records_nothing() -> None:
    s = school()
    s.collect_events()
    s.edit({"seat": "Zielony Jar"}, date(2026, 2, 1), "ala")
    assert s.collect_events() == []


def test_nothing_about_a_stakeholder_takes_effect_before_it_was_catalogued() -> None:
    s = school()
    with pytest.raises(EffectiveDateError, match="entered the catalogue on 2026-01-10"):
        s.invite(date(2026, 1, 9), "ala")
    with pytest.raises(EffectiveDateError):
        s.archive("Pomyłka", date(2025, 12, 31), "ala")
