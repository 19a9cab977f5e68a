"""A client retrying a POST after a timeout, with the same Idempotency-Key, records once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.e2e.web import bearer

PASSWORD = "tajne-haslo-ali"
URL = "/api/gminas/2640013/stakeholders"
KOLO = {"name": "Koło Gospodyń Wiejskich", "subtype": "ngo"}


def zielony_jar(app: Registry) -> None:
    gmina = app.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=date(2025, 9, 1)
    )
    for name in ("ala", "ola"):
        app.open_account(
            name, password=PASSWORD, role="facilitator", gmina_ids=[gmina], recorded_by="admin"
        )


@pytest.fixture
def registry() -> Iterator[Registry]:
    app = with_reads(Registry(Settings(store="memory")))
    zielony_jar(app)
    yield app
    app.close()


@pytest.fixture
def client(registry: Registry) -> Iterator[TestClient]:
    with TestClient(create_app(registry=registry)) as c:
        c.headers.update(bearer(c, "ala", PASSWORD))
        yield c


def names(registry: Registry) -> list[str]:
    return [s.name for s in registry.catalogue(registry.find_gmina("2640013"))]


def test_a_post_retried_with_its_key_is_answered_again_and_recorded_once(
    client: TestClient, registry: Registry
) -> None:
    first = client.post(URL, json=KOLO, headers={"Idempotency-Key": "a1b2c3"})
    retry = client.post(URL, json=KOLO, headers={"Idempotency-Key": "a1b2c3"})

    assert first.status_code == 201, first.text
    assert (retry.status_code, retry.json()) == (201, first.json())
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert names(registry) == ["Koło Gospodyń Wiejskich"]


def test_without_a_key_a_repeated_post_is_a_new_request(
    client: TestClient, registry: Registry
) -> None:
    assert client.post(URL, json=KOLO).status_code == 201
    second = client.post(URL, json=KOLO)
    assert "Idempotent-Replayed" not in second.headers


def test_the_same_key_with_another_request_is_refused_and_records_nothing(
    client: TestClient, registry: Registry
) -> None:
    assert client.post(URL, json=KOLO, headers={"Idempotency-Key": "k-1"}).status_code == 201
    other = {"name": "Stowarzyszenie Razem", "subtype": "ngo"}

    refused = client.post(URL, json=other, headers={"Idempotency-Key": "k-1"})

    assert refused.status_code == 422
    assert refused.headers["content-type"] == "application/problem+json"
    assert refused.json()["field"] == "Idempotency-Key"
    assert names(registry) == ["Koło Gospodyń Wiejskich"]


def test_a_key_belongs_to_the_account_that_sent_it(client: TestClient, registry: Registry) -> None:
    assert client.post(URL, json=KOLO, headers={"Idempotency-Key": "k-1"}).status_code == 201
    ola = bearer(client, "ola", PASSWORD)
    other = {"name": "Stowarzyszenie Razem", "subtype": "ngo"}

    answer = client.post(URL, json=other, headers={**ola, "Idempotency-Key": "k-1"})

    assert answer.status_code == 201, answer.text
    assert "Idempotent-Replayed" not in answer.headers
    assert sorted(names(registry)) == ["Koło Gospodyń Wiejskich", "Stowarzyszenie Razem"]


def test_a_key_that_is_not_printable_ascii_is_refused(client: TestClient) -> None:
    answer = client.post(URL, json=KOLO, headers={"Idempotency-Key": "two words"})
    assert answer.status_code == 422
    assert answer.json()["field"] == "Idempotency-Key"


@pytest.fixture(params=["sqlite", "postgres"])
def shared_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    from tests.conftest import settings_for

    return settings_for(request.param, tmp_path, request)


def test_a_retry_reaching_another_server_process_is_answered_from_the_stored_key(
    shared_settings: Settings,
) -> None:
    first_server, second_server = Registry(shared_settings), Registry(shared_settings)
    zielony_jar(first_server)
    try:
        with (
            TestClient(create_app(registry=first_server)) as one,
            TestClient(create_app(registry=second_server)) as two,
        ):
            auth = {**bearer(one, "ala", PASSWORD), "Idempotency-Key": "retry-after-timeout"}
            first = one.post(URL, json=KOLO, headers=auth)
            retry = two.post(URL, json=KOLO, headers=auth)
            assert first.status_code == 201, first.text
            assert retry.json() == first.json()
            assert retry.headers["Idempotent-Replayed"] == "true"
            # Read through the second server's read side.
            assert names(second_server) == ["Koło Gospodyń Wiejskich"]
    finally:
        first_server.close()
        second_server.close()
