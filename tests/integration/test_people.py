"""The gmina's people on every store: one person per human, chosen by name or by id."""

from __future__ import annotations

from datetime import date, time
from uuid import UUID

import pytest

from domain.errors import InvalidInputError, PersonErasedError
from registry.application import Registry
from registry.base import ConcurrentWriteError
from registry.personal_data import PersonData
from tests.integration.zielony_jar import BY, zielony_jar

ON = date(2026, 2, 10)


def sitting(reg: Registry, gid: object) -> object:
    mid = reg.schedule_meeting(
        gid,  # type: ignore[arg-type]
        kind="team",
        on=ON,
        at=time(17),
        place="GOPS",
        recorded_by=BY,
        effective_on=date(2026, 1, 20),
    )
    return mid


def test_a_name_typed_again_in_the_gmina_is_the_same_person(registry: Registry) -> None:
    g = zielony_jar(registry)
    registry.join_pact(
        g.id, g.parish, representative="Anna Nowak", recorded_by=BY, effective_on=date(2026, 1, 6)
    )
    mid = sitting(registry, g.id)
    registry.hold_meeting(
        mid,  # type: ignore[arg-type]
        started_at=time(17),
        chair=" anna   NOWAK ",
        minute_taker="Jan Kowal",
        recorded_by=BY,
    )
    people = {p.name: p for p in registry.people_of(g.id)}
    assert set(people) >= {"Anna Nowak", "Jan Kowal", "Halina Wiśniewska"}
    assert {r.role for r in people["Anna Nowak"].roles} == {"pact representative", "chair"}
    assert registry.get_meeting(mid).chair == " anna   NOWAK ".strip()  # type: ignore[arg-type]


def test_a_person_is_chosen_by_id_and_an_unknown_id_is_refused(registry: Registry) -> None:
    g = zielony_jar(registry)
    (halina,) = [p for p in registry.people_of(g.id) if p.name == "Halina Wiśniewska"]
    registry.join_pact(
        g.id,
        g.parish,
        representative=str(halina.person_id),
        representative_function="sołtyska",
        recorded_by=BY,
        effective_on=date(2026, 1, 6),
    )
    (party,) = [p for p in registry.get_pact(g.id).parties if p.stakeholder_id == g.parish]
    assert party.representative == "Halina Wiśniewska"
    assert party.representative_person_id == halina.person_id

    before = registry.recorder.max_notification_id()
    with pytest.raises(InvalidInputError, match="not a person of this gmina"):
        registry.change_representative(
            g.id,
            g.parish,
            representative="00000000-0000-4000-8000-000000000000",
            recorded_by=BY,
        )
    assert registry.recorder.max_notification_id() == before


def test_the_same_name_in_another_gmina_is_another_person(registry: Registry) -> None:
    g = zielony_jar(registry)
    other = registry.register_gmina(
        "2602011", "Inna Gmina", "p", recorded_by=BY, effective_on=date(2025, 9, 1)
    )
    registry.add_stakeholder(
        other,
        name="Halina Wiśniewska",
        subtype="social_leader",
        kind="person",
        recorded_by=BY,
        effective_on=date(2025, 10, 1),
    )
    here = {p.person_id for p in registry.people_of(g.id)}
    there = {p.person_id for p in registry.people_of(other)}
    assert len(there) == 1 and not here & there


def test_a_person_named_before_the_people_index_becomes_choosable(registry: Registry) -> None:
    g = zielony_jar(registry)
    # As older versions recorded a representative: a new person id for every name typed.
    old = registry.vault.seal(PersonData("Ewa Stara", "", ""))
    pact = registry.pact_of(g.id)
    stakeholder = registry.stakeholder_of(g.id, g.parish)
    registry.sign_pact(
        pact,
        stakeholder,
        representative=old,
        form=pact.parties[str(g.gops)][-1].form,
        role=pact.parties[str(g.gops)][-1].role,
        on=date(2026, 1, 6),
        recorded_by=BY,
    )
    registry.commit(pact, stakeholder)
    assert old.person_id not in registry.vault.people(g.id)
    (ewa,) = [p for p in registry.people_of(g.id) if p.name == "Ewa Stara"]
    assert ewa.person_id == old.person_id
    mid = sitting(registry, g.id)
    registry.hold_meeting(mid, started_at=time(17), chair="Ewa Stara", recorded_by=BY)  # type: ignore[arg-type]
    (ewa,) = [p for p in registry.people_of(g.id) if p.name == "Ewa Stara"]
    assert {r.role for r in ewa.roles} == {"pact representative", "chair"}


def test_an_erased_person_cannot_be_named_again_by_id(registry: Registry) -> None:
    g = zielony_jar(registry)
    (halina,) = [p for p in registry.people_of(g.id) if p.name == "Halina Wiśniewska"]
    registry.erase_person_of(g.id, halina.person_id)
    mid = sitting(registry, g.id)
    before = registry.recorder.max_notification_id()
    with pytest.raises(PersonErasedError, match="was erased"):
        registry.hold_meeting(
            mid,  # type: ignore[arg-type]
            started_at=time(17),
            chair=str(halina.person_id),
            recorded_by=BY,
        )
    assert registry.recorder.max_notification_id() == before
    # Her name typed again is a new person: nothing links it to the erased one.
    registry.hold_meeting(mid, started_at=time(17), chair="Halina Wiśniewska", recorded_by=BY)  # type: ignore[arg-type]
    (again,) = [p for p in registry.people_of(g.id) if p.name == "Halina Wiśniewska"]
    assert again.person_id != halina.person_id and {r.role for r in again.roles} == {"chair"}


def test_a_refused_signing_leaves_no_new_person_behind(registry: Registry) -> None:
    g = zielony_jar(registry)
    keys = set(registry.vault.keys.persons())
    before = registry.recorder.max_notification_id()
    # The bank entered the catalogue on 1 October: it cannot have signed in September.
    with pytest.raises(InvalidInputError, match="entered the catalogue"):
        registry.join_pact(
            g.id, g.bank, representative="Jan Kowal", recorded_by=BY, effective_on=date(2025, 9, 20)
        )
    assert registry.recorder.max_notification_id() == before
    assert set(registry.vault.keys.persons()) == keys
    assert "Jan Kowal" not in {p.name for p in registry.people_of(g.id)}


def test_a_person_named_by_a_write_that_lost_a_race_is_not_kept(registry: Registry) -> None:
    """A new person's key and index row are recorded in the transaction of the facts that
    name them: a write that loses a race to another facilitator takes them with it."""
    g = zielony_jar(registry)
    named: list[UUID] = []

    def note_a_contact_on_an_old_copy() -> None:
        named.append(registry.vault.person_named(g.id, "Jan Kowal"))
        # The GOPS as first catalogued: it has signed the pact since.
        old = registry.repository.get(g.gops, version=1)
        old.edit({"contact": "Jan Kowal, tel. 41 000 00 00"}, date(2026, 2, 1), BY)
        registry.commit(old)

    with pytest.raises(ConcurrentWriteError):
        registry.use_case(note_a_contact_on_an_old_copy)
    assert registry.vault.keys.get(named[0]) is None
    assert named[0] not in registry.vault.people(g.id)
    assert "Jan Kowal" not in {p.name for p in registry.people_of(g.id)}
