"""What the facilitator reads comes from the read models, and is current at once."""

from __future__ import annotations

from datetime import date

import pytest

from domain.errors import NotFoundError
from registry.application import Registry

BY = "moderatorka.ala"


def test_a_corrected_terc_code_finds_the_gmina_and_the_old_one_no_longer_does(
    registry: Registry,
) -> None:
    g = registry.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by=BY, effective_on=date(2025, 9, 1)
    )
    assert registry.find_gmina("2640013") == g
    registry.change_gmina(g, terc="2640023", recorded_by=BY)
    assert registry.find_gmina("2640023") == g
    assert registry.get_gmina(g).terc == "2640023"
    with pytest.raises(NotFoundError, match="No gmina with TERC code, id or name"):
        registry.find_gmina("2640013")


def test_a_stakeholder_just_added_is_in_the_catalogue_the_facilitator_opens_next(
    registry: Registry,
) -> None:
    g = registry.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by=BY, effective_on=date(2025, 9, 1)
    )
    assert registry.catalogue(g) == []
    gops = registry.add_stakeholder(g, name="GOPS w Zielonym Jarze", subtype="ngo", recorded_by=BY)
    assert [s.id for s in registry.catalogue(g)] == [gops]
    assert registry.get_gmina(g).stakeholder_count == 1
    registry.edit_stakeholder(gops, area="cała gmina", recorded_by=BY)
    shown = registry.get_stakeholder(gops)
    assert (shown.area, shown.version) == ("cała gmina", 2)


def test_the_demo_catalogue_and_pact_name_their_people_without_a_key_looked_up_per_row(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    from registry.demo import load_demo
    from registry.personal_data import ERASED

    g = load_demo(registry)
    keys = registry.vault.keys
    one_by_one: list[object] = []
    get = keys.get
    monkeypatch.setattr(keys, "get", lambda p: one_by_one.append(p) or get(p))
    leaders = [s for s in registry.catalogue(g) if s.person_id]
    pact = registry.get_pact(g)
    assert leaders and any(p.representative for p in pact.parties)
    assert one_by_one == []
    # Still read as of now: an erased leader reads as erased at once.
    registry.erase_person(leaders[0].person_id)
    erased = {s.id: s for s in registry.catalogue(g)}[leaders[0].id]
    assert (erased.name, erased.personal_data_erased) == (ERASED, True)
