"""A gmina is renamed or recoded within its voivodeship, and only when something changes."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import InvalidInputError
from domain.gmina import Gmina

ON = date(2025, 3, 1)


def bolesławiec() -> Gmina:
    return Gmina("0201011", "Bolesławiec", "bolesławiecki", "dolnośląskie", date(2025, 1, 2), "t")


def test_a_gmina_renamed_keeps_its_id_and_takes_the_new_name() -> None:
    gmina = bolesławiec()
    gmina.rename("Bolesławiec Zdrój", "bolesławiecki", "0201011", ON, "t")
    assert gmina.name == "Bolesławiec Zdrój"
    assert type(gmina.collect_events()[-1]).__qualname__ == "Gmina.Renamed"


def test_a_gmina_cannot_move_to_another_voivodeship() -> None:
    gmina = bolesławiec()
    with pytest.raises(InvalidInputError, match="cannot move to another voivodeship") as refused:
        gmina.rename("Bolesławiec", "bolesławiecki", "1201011", ON, "t")
    assert refused.value.field == "terc"
    assert gmina.terc == "0201011"


def test_a_rename_that_changes_nothing_is_refused() -> None:
    gmina = bolesławiec()
    with pytest.raises(InvalidInputError, match="Nothing to change") as refused:
        gmina.rename("Bolesławiec", "bolesławiecki", "0201011", ON, "t")
    assert refused.value.field == "name"
    assert gmina.version == 1
