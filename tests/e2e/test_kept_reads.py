"""A facilitator reads her gmina again and again: the answer is sent from memory while
nothing it reads has moved, and never once something has (a fact, an erasure, a revoked
token, read models catching up)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from projections.read_side import with_reads
from registry.application import Registry
from registry.personal_data import ERASED
from registry.settings import Settings
from tests.e2e.web import PASSWORD, bearer

CATALOGUE = "/api/gminas/2640013/stakeholders"
ON = date(2025, 10, 1)


def zielony_jar(settings: Settings) -> tuple[Registry, TestClient]:
    """Zielony Jar with its GOPS catalogued and Ala, its facilitator."""
    reg = with_reads(Registry(settings))
    gid = reg.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="admin", effective_on=ON
    )
    reg.add_stakeholder(
        gid, name="GOPS w Zielonym Jarze", subtype="local_government_unit", recorded_by="ala",
        effective_on=ON,
    )  # fmt: skip
    reg.open_account(
        "ala", password=PASSWORD, role="facilitator", gmina_ids=[gid], recorded_by="admin"
    )
    client = TestClient(create_app(registry=reg), follow_redirects=False)
    return reg, client


@pytest.fixture
def world() -> Iterator[tuple[Registry, TestClient, dict[str, str]]]:
    reg, client = zielony_jar(Settings(store="memory"))
    with client:
        yield reg, client, bearer(client, "ala", PASSWORD)


def names(answer: object) -> list[str]:
    return sorted(s["name"] for s in answer.json())  # type: ignore[attr-defined]


def test_she_sees_the_stakeholder_she_has_just_added(world) -> None:  # type: ignore[no-untyped-def]
    _, client, ala = world
    first = client.get(CATALOGUE, headers=ala)
    again = client.get(CATALOGUE, headers=ala)
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    added = client.post(
        CATALOGUE,
        headers=ala,
        json={"name": "Koło Gospodyń Wiejskich", "subtype": "ngo", "effective_on": "2025-10-02"},
    )
    assert added.status_code == 201, added.text
    after = client.get(CATALOGUE, headers=ala)
    assert names(after) == ["GOPS w Zielonym Jarze", "Koło Gospodyń Wiejskich"]
    assert after.headers["etag"] != first.headers["etag"]


def test_a_client_holding_the_answer_is_told_nothing_changed(world) -> None:  # type: ignore[no-untyped-def]
    reg, client, ala = world
    etag = client.get(CATALOGUE, headers=ala).headers["etag"]
    unchanged = client.get(CATALOGUE, headers={**ala, "If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    gid = reg.find_gmina("2640013")
    reg.add_stakeholder(gid, name="Szkoła Podstawowa", subtype="education", recorded_by="ala")
    changed = client.get(CATALOGUE, headers={**ala, "If-None-Match": etag})
    assert changed.status_code == 200 and "Szkoła Podstawowa" in names(changed)


def test_a_revoked_token_is_refused_though_the_answer_is_kept(world) -> None:  # type: ignore[no-untyped-def]
    reg, client, ala = world
    assert client.get(CATALOGUE, headers=ala).status_code == 200
    assert client.get(CATALOGUE, headers=ala).status_code == 200
    reg.revoke_tokens("ala", recorded_by="ala")
    refused = client.get(CATALOGUE, headers=ala)
    assert refused.status_code == 401 and refused.json()["status"] == 401


def test_an_erased_leader_reads_as_erased_at_once(world) -> None:  # type: ignore[no-untyped-def]
    reg, client, ala = world
    gid = reg.find_gmina("2640013")
    reg.add_stakeholder(
        gid, name="Halina Wójcik", subtype="social_leader", kind="person", recorded_by="ala"
    )
    assert "Halina Wójcik" in names(client.get(CATALOGUE, headers=ala))
    assert "Halina Wójcik" in names(client.get(CATALOGUE, headers=ala))
    (halina,) = [p for p in reg.people_of(gid) if p.name == "Halina Wójcik"]
    reg.erase_person(halina.person_id)  # records no fact: the log stays where it was
    assert names(client.get(CATALOGUE, headers=ala)) == ["GOPS w Zielonym Jarze", ERASED]


def test_an_answer_read_while_the_read_models_lagged_is_not_sent_again() -> None:
    reg, client = zielony_jar(Settings(store="memory", read_catch_up=0))
    with client:
        ala = bearer(client, "ala", PASSWORD)
        client.app.state.views.models.catch_up()  # type: ignore[attr-defined]
        gid = reg.find_gmina("2640013")
        reg.add_stakeholder(gid, name="Szkoła Podstawowa", subtype="education", recorded_by="ala")
        # Only the worker applies facts here: the read models do not have the school yet.
        assert names(client.get(CATALOGUE, headers=ala)) == ["GOPS w Zielonym Jarze"]
        client.app.state.views.models.catch_up()  # type: ignore[attr-defined]
        assert "Szkoła Podstawowa" in names(client.get(CATALOGUE, headers=ala))
