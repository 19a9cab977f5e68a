"""A command works on a copy of the cached aggregate: what it changes stays in the copy."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

from domain.gmina import Gmina
from registry.copying import working_copy


def a_gmina_with_a_catalogue() -> Gmina:
    gmina = Gmina("0201011", "Bolesławiec", "bolesławiecki", "dolnośląskie", date(2024, 1, 2), "t")
    for _ in range(3):
        gmina.catalogue(uuid4(), date(2024, 1, 3), "t")
    return gmina


def test_a_change_to_the_copy_leaves_the_cached_gmina_as_it_was() -> None:
    cached = a_gmina_with_a_catalogue()
    copy = working_copy(cached)
    copy.catalogue(uuid4(), date(2024, 1, 4), "t")
    copy.rename("Bolesławiec Nowy", "bolesławiecki", "0201011", date(2024, 1, 4), "t")
    assert len(cached.stakeholder_ids) == 3
    assert cached.name == "Bolesławiec"
    assert cached.version == 4
    assert len(cached.collect_events()) == 4
    assert len(copy.collect_events()) == 6


def test_the_copy_shares_the_ids_instead_of_rebuilding_them() -> None:
    cached = a_gmina_with_a_catalogue()
    copy = working_copy(cached)
    assert copy.stakeholder_ids == cached.stakeholder_ids
    assert copy.stakeholder_ids is not cached.stakeholder_ids
    assert all(a is b for a, b in zip(copy.stakeholder_ids, cached.stakeholder_ids, strict=True))


def test_values_held_twice_stay_one_value_in_the_copy() -> None:
    shared: list[int] = [1]
    holder = {"a": shared, "b": shared}
    copy = working_copy(holder)
    copy["a"].append(2)
    assert copy["b"] == [1, 2]
    assert shared == [1]
