"""Stages over HTTP: a refused stage says what is missing, the regional coordinator's
override shows on the gmina's page and in its stages, the team's analysis is posted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.e2e.web import PASSWORD, bearer, csrf_of, log_in, open_account

WHY = "Gmina w pilotażu ROPS; katalog uzupełniany do marca"


@pytest.fixture
def office() -> Iterator[tuple[TestClient, dict[str, str], dict[str, str]]]:
    """Zielony Jar with GOPS alone in its catalogue; its facilitator ala and the
    świętokrzyskie coordinator rops, each with a token; rops logged in on the pages."""
    registry = with_reads(Registry(Settings(store="memory")))
    gmina = registry.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=date(2025, 9, 1)
    )
    registry.open_partnership(
        gmina, reason="Prezentacja", recorded_by="ala", effective_on=date(2025, 9, 15)
    )
    registry.add_stakeholder(
        gmina,
        name="GOPS w Zielonym Jarze",
        subtype="local_government_unit",
        recorded_by="ala",
        effective_on=date(2025, 10, 1),
    )
    open_account(registry, "ala", "facilitator", "2640013")
    open_account(registry, "rops", "coordinator", voivodeship="świętokrzyskie")
    with TestClient(create_app(registry=registry)) as c:
        facilitator, coordinator = bearer(c, "ala", PASSWORD), bearer(c, "rops", PASSWORD)
        yield c, facilitator, coordinator


def test_a_stage_without_its_product_is_refused_saying_what_is_missing_in_both_languages(
    office: tuple[TestClient, dict[str, str], dict[str, str]],
) -> None:
    client, facilitator, _ = office
    body = {"stage": 2, "reason": "Katalog gotowy", "effective_on": "2025-11-01"}
    answer = client.post("/api/gminas/2640013/stages", json=body, headers=facilitator)
    assert answer.status_code == 409
    problem = answer.json()
    assert problem["detail_pl"] == (
        "Do etapu 2 potrzebny jest katalog z interesariuszami z co najmniej 3 sektorów; "
        "sektorów w katalogu: 1."
    )
    assert problem["detail_en"].endswith("sectors in the catalogue: 1.")
    assert client.get("/api/gminas/2640013", headers=facilitator).json()["stage"] == 1


def test_the_coordinator_overrides_with_a_reason_and_the_facilitator_cannot(
    office: tuple[TestClient, dict[str, str], dict[str, str]],
) -> None:
    client, facilitator, coordinator = office
    body = {"stage": 2, "reason": "Katalog w przygotowaniu", "override_reason": WHY}
    refused = client.post("/api/gminas/2640013/stages/override", json=body, headers=facilitator)
    assert refused.status_code == 403
    answer = client.post("/api/gminas/2640013/stages/override", json=body, headers=coordinator)
    assert answer.status_code == 200, answer.text
    reached = answer.json()["stages"][-1]
    assert (reached["stage"], reached["recorded_by"], reached["override_reason"]) == (
        2,
        "rops",
        WHY,
    )
    assert reached["missing_product"] == "catalogue"
    assert reached["missing_pl"].endswith("sektorów w katalogu: 1.")
    assert client.get("/api/gminas/2640013", headers=facilitator).json()["stages"][-1] == reached


def test_the_stage_strip_shows_the_override_and_its_reason(
    office: tuple[TestClient, dict[str, str], dict[str, str]],
) -> None:
    client, _, _ = office
    log_in(client, "rops", PASSWORD)
    token = csrf_of(client.get("/gminy/2640013").text)
    form = {"stage": "2", "reason": "Katalog", "override_reason": WHY, "csrf": token}
    done = client.post("/gminy/2640013/etapy/bez-produktu", data=form, follow_redirects=False)
    assert done.status_code == 303, done.text
    page = client.get("/gminy/2640013").text
    assert "bez produktu poprzedniego etapu" in page
    assert WHY in page
    assert "sektorów w katalogu: 1." in page
    english = client.get("/gminy/2640013", params={"lang": "en"}).text
    assert "without the previous stage&#39;s product" in english
    assert "sectors in the catalogue: 1." in english


def test_the_teams_analysis_is_posted_and_described_in_openapi(
    office: tuple[TestClient, dict[str, str], dict[str, str]],
) -> None:
    client, facilitator, _ = office
    client.post(
        "/api/gminas/2640013/team",
        json={"decided_by": "Zarządzenie Wójta nr 5/2026", "effective_on": "2026-01-10"},
        headers=facilitator,
    )
    body = {
        "findings": "38 osób długotrwale bezrobotnych; brak podmiotu reintegracji",
        "entity_type": "kis",
        "rationale": "KIS przy GOPS powstanie w pół roku",
        "decided_by": "Posiedzenie ZSL nr 3/2026",
        "effective_on": "2026-05-07",
    }
    answer = client.post("/api/gminas/2640013/analysis", json=body, headers=facilitator)
    assert answer.status_code == 201, answer.text
    assert answer.json()["analysis"]["entity_type"] == "kis"
    paths = client.get("/openapi.json").json()["paths"]
    assert "post" in paths["/api/gminas/{ref}/analysis"]
    assert "post" in paths["/api/gminas/{ref}/stages/override"]
    log_in(client, "ala", PASSWORD)
    page = client.get("/gminy/2640013").text
    assert "Analiza Zespołu Synergii Lokalnej" in page
    assert "KIS przy GOPS powstanie w pół roku" in page
    assert "Klub Integracji Społecznej" in page
