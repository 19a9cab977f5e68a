"""Catalogue entries: institutions and citizen leaders, edited, recategorised, archived."""

from datetime import date
from typing import Any
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


def catalogued(
    name: str,
    subtype: SubType,
    kind: StakeholderKind = StakeholderKind.INSTITUTION,
    person: Sealed | None = None,
    **details: Any,
) -> Stakeholder:
    """A catalogue entry of Zielony Jar, recorded by the facilitator on the 10th of January."""
    blank: dict[str, Any] = {
        "legal_form": "",
        "seat": "",
        "area": "",
        "resources_offered": [],
        "contact": "",
    }
    return Stakeholder.catalogue(
        gmina_id=uuid4(),
        kind=kind,
        name=name,
        subtype=subtype,
        identifiers=Identifiers(),
        person=person,
        effective_on=ON,
        recorded_by="ala",
        **(blank | details),
    )


def school() -> Stakeholder:
    return catalogued(
        "Szkoła Podstawowa w Jarze",
        SubType.EDUCATION,
        legal_form="jednostka budżetowa",
        seat="Zielony Jar",
        area="edukacja",
        resources_offered=["sala gimnastyczna", " "],
        contact="sekretariat",
    )


def test_a_catalogued_school_is_identified_in_the_business_and_institutions_sector() -> None:
    s = school()
    assert s.status is StakeholderStatus.IDENTIFIED
    assert s.sector is Sector.BUSINESS_INSTITUTION
    assert s.details.resources_offered == ["sala gimnastyczna"]


def test_a_citizen_leader_keeps_no_plain_name_in_the_catalogue() -> None:
    sealed = Sealed(uuid4(), "ciphertext")
    leader = catalogued(
        "", SubType.SOCIAL_LEADER, StakeholderKind.PERSON, person=sealed, area="seniorzy"
    )
    assert leader.name == ""
    assert leader.person == sealed


def test_an_institution_cannot_be_a_citizen_leader() -> None:
    with pytest.raises(InvalidInputError, match="Only a natural person"):
        catalogued("Fundacja", SubType.SOCIAL_LEADER)


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
