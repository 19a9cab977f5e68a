"""The gmina's pages and JSON API over HTTP."""

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.e2e.web import bearer, log_in


@pytest.fixture
def client() -> Iterator[TestClient]:
    registry = with_reads(Registry(Settings(store="memory")))
    gmina = registry.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=date(2025, 9, 1)
    )
    registry.open_partnership(
        gmina, reason="Prezentacja", recorded_by="ala", effective_on=date(2025, 9, 15)
    )
    gops = registry.add_stakeholder(
        gmina,
        name="GOPS w Zielonym Jarze",
        subtype="local_government_unit",
        recorded_by="ala",
        effective_on=date(2025, 10, 1),
    )
    registry.join_pact(gmina, gops, recorded_by="ala", effective_on=date(2026, 2, 1))
    registry.open_account(
        "ala", password="tajne-haslo-1", role="facilitator", gmina_ids=[gmina], recorded_by="admin"
    )
    with TestClient(create_app(registry=registry)) as c:
        log_in(c, "ala", "tajne-haslo-1")
        c.headers.update(bearer(c, "ala", "tajne-haslo-1"))
        yield c


def test_the_dashboard_shows_the_stage_the_pact_and_the_catalogue(client: TestClient) -> None:
    page = client.get("/gminy/2640013")
    assert page.status_code == 200
    assert "Prezentacja idei Modelu MLW" in page.text
    assert "GOPS w Zielonym Jarze" in page.text
    assert "Sygnatariusze: <strong>1</strong>" in page.text
    before = client.get("/gminy/2640013", params={"as_of": "2026-01-01"})
    assert "Sygnatariusze: <strong>0</strong>" in before.text


def test_the_api_answers_with_json_and_problem_documents(client: TestClient) -> None:
    assert client.get("/api/gminas").json()[0]["terc"] == "2640013"
    pact = client.get("/api/gminas/2640013/pact").json()
    assert pact["parties"][0]["name"] == "GOPS w Zielonym Jarze"
    missing = client.get("/api/gminas/9999999")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert "No gmina" in missing.json()["detail"]
    bad_date = client.get("/api/gminas/2640013/pact", params={"as_of": "wczoraj"})
    assert bad_date.status_code == 422


def test_an_unknown_gmina_page_says_so_in_words(client: TestClient) -> None:
    page = client.get("/gminy/0000000")
    assert page.status_code == 404
    assert "Nie ma gminy o kodzie TERC, identyfikatorze lub nazwie" in page.text
    english = client.get("/gminy/0000000?lang=en")
    assert "No gmina with TERC code, id or name" in english.text


def test_the_network_legend_names_each_kind_of_tie_in_the_facilitators_words(
    client: TestClient,
) -> None:
    page = client.get("/gminy/2640013/siec")
    assert page.status_code == 200
    assert "wspólna obecność na spotkaniach" in page.text
    assert "co_attendance</li>" not in page.text
    english = client.get("/gminy/2640013/siec", params={"lang": "en"})
    assert "sitting at the same meetings" in english.text
