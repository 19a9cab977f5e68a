"""One stakeholder enters a gmina's catalogue once: names that read the same are refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from uuid import UUID

import pytest

from domain.errors import LookalikeNameError
from projections.read_side import with_reads
from registry.application import Registry
from registry.lookalikes import skeleton
from registry.settings import Settings

ON = date(2025, 10, 1)


def zielony_jar(reg: Registry) -> UUID:
    gid = reg.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=ON
    )
    reg.add_stakeholder(
        gid,
        name="Bank Spółdzielczy w Zielonym Jarze",
        subtype="finance_banking",
        recorded_by="ala",
        effective_on=ON,
    )
    return gid


@pytest.mark.parametrize(
    "typed",
    [
        "Bank Spółdzielczy w Zielonym Jarze",  # the same name again
        "BANK SPÓŁDZIELCZY W ZIELONYM JARZE",  # case
        "Bank  Spółdzielczy w Zielonym  Jarze ",  # spacing
        "Bank Spoldzielczy w Zielonym Jarze",  # without diacritics
        "Bаnk Spółdzielczy w Zielonym Jarze",  # a Cyrillic а
        "Bank Spółdzielczy w Ζielonym Jarze",  # a Greek Ζ
    ],
)
def test_a_name_reading_like_a_catalogue_entry_is_refused_and_nothing_recorded(
    memory_registry: Registry, typed: str
) -> None:
    gid = zielony_jar(memory_registry)
    before = memory_registry.recorder.max_notification_id()
    with pytest.raises(LookalikeNameError, match="Bank Spółdzielczy w Zielonym Jarze"):
        memory_registry.add_stakeholder(
            gid, name=typed, subtype="finance_banking", recorded_by="ala", effective_on=ON
        )
    assert memory_registry.recorder.max_notification_id() == before


def test_a_different_stakeholder_with_a_like_name_is_added_once_the_facilitator_confirms(
    memory_registry: Registry,
) -> None:
    gid = zielony_jar(memory_registry)
    memory_registry.add_stakeholder(
        gid,
        name="Bank Spoldzielczy w Zielonym Jarze",
        subtype="finance_banking",
        recorded_by="ala",
        effective_on=ON,
        different_stakeholder=True,
    )
    assert len(memory_registry.catalogue(gid)) == 2


def test_a_citizen_leader_with_a_namesake_needs_the_confirmation_too(
    memory_registry: Registry,
) -> None:
    gid = zielony_jar(memory_registry)
    first = dict(name="Halina Wójcik", subtype="social_leader", kind="person", recorded_by="ala")
    memory_registry.add_stakeholder(gid, **first, effective_on=ON)  # type: ignore[arg-type]
    with pytest.raises(LookalikeNameError):
        memory_registry.add_stakeholder(gid, **first, effective_on=ON)  # type: ignore[arg-type]
    memory_registry.add_stakeholder(
        gid,
        **first,  # type: ignore[arg-type]
        effective_on=ON,
        different_stakeholder=True,
    )


def test_renaming_an_entry_to_a_look_alike_of_another_is_refused(
    memory_registry: Registry,
) -> None:
    gid = zielony_jar(memory_registry)
    gops = memory_registry.add_stakeholder(
        gid, name="GOPS", subtype="local_government_unit", recorded_by="ala", effective_on=ON
    )
    with pytest.raises(LookalikeNameError):
        memory_registry.edit_stakeholder(
            gops, name="bank spółdzielczy w zielonym jarze", recorded_by="ala"
        )
    # Correcting the entry's own name (here: its case) is no duplicate.
    memory_registry.edit_stakeholder(gops, name="Gops", recorded_by="ala")
    assert memory_registry.get_stakeholder(gops).name == "Gops"


def test_names_that_differ_in_letters_are_different_names() -> None:
    assert skeleton("Stowarzyszenie Razem") != skeleton("Stowarzyszenie Razam")
    assert skeleton("Koło Gospodyń Wiejskich") == skeleton("kolo gospodyn wiejskich")


def test_an_entry_renamed_by_another_process_no_longer_blocks_its_old_name(
    tmp_path: Path,
) -> None:
    settings = Settings(store="sqlite", sqlite_path=tmp_path / "mlw.sqlite")
    office, laptop = with_reads(Registry(settings)), with_reads(Registry(settings))
    try:
        gid = zielony_jar(office)
        first = office.add_stakeholder(
            gid, name="Fundacja Jutra", subtype="ngo", recorded_by="ala", effective_on=ON
        )
        laptop.edit_stakeholder(first, name="Fundacja Pojutrze", recorded_by="ola")
        office.add_stakeholder(
            gid, name="Fundacja Jutra", subtype="ngo", recorded_by="ala", effective_on=ON
        )
        with pytest.raises(LookalikeNameError, match="Fundacja Jutra"):
            laptop.add_stakeholder(gid, name="fundacja jutra", subtype="ngo", recorded_by="ola")
    finally:
        office.close()
        laptop.close()
