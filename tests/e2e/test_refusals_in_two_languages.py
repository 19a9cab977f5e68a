"""A refusal is said in the reader's language: on pages and in problem documents."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.e2e import test_pages
from tests.e2e.web import csrf_of

client = test_pages.client  # the same gmina, its facilitator logged in

SKIP = "Partnerstwo nie może przeskoczyć do etapu 4 (Utworzenie Paktu na rzecz MLW)"
SKIP_EN = "The partnership cannot skip to stage 4 (Utworzenie Paktu na rzecz MLW)"


def skip_to_the_pact(client: TestClient, lang: str) -> str:
    token = csrf_of(client.get("/gminy/2640013", params={"lang": lang}).text)
    form = {"stage": "4", "reason": "Od razu pakt", "csrf": token}
    page = client.post("/gminy/2640013/etapy", data=form, params={"lang": lang})
    assert page.status_code == 409
    return page.text


def test_a_polish_page_refuses_a_skipped_stage_in_polish(client: TestClient) -> None:
    said = skip_to_the_pact(client, "pl")
    assert SKIP in said
    assert "cannot skip" not in said


def test_an_english_page_refuses_it_in_english(client: TestClient) -> None:
    said = skip_to_the_pact(client, "en")
    assert SKIP_EN in said
    assert "przeskoczyć" not in said


def test_a_problem_document_answers_in_english_unless_asked_and_carries_both(
    client: TestClient,
) -> None:
    body = {"stage": 4, "reason": "Od razu pakt"}
    answer = client.post("/api/gminas/2640013/stages", json=body).json()
    assert answer["detail"].startswith(SKIP_EN)
    assert answer["detail_en"] == answer["detail"]
    assert answer["detail_pl"].startswith(SKIP)
    assert answer["title"] == "Refused by a rule of the registry"


def test_a_problem_document_speaks_the_language_the_request_accepts(client: TestClient) -> None:
    body = {"stage": 4, "reason": "Od razu pakt"}
    polish = client.post(
        "/api/gminas/2640013/stages", json=body, headers={"Accept-Language": "pl-PL,pl;q=0.9"}
    ).json()
    assert polish["detail"].startswith(SKIP)
    assert polish["title"] == "Odmowa zgodnie z zasadami rejestru"
    asked = client.post("/api/gminas/2640013/stages", json=body, params={"lang": "pl"}).json()
    assert asked["detail"] == polish["detail"]


def test_a_state_given_to_a_refusal_is_named_in_polish_too(client: TestClient) -> None:
    api = "/api/gminas/2640013/meetings"
    meeting = client.post(
        api, json={"kind": "pact", "on": "2026-03-02", "at": "10:00", "place": "Sala"}
    ).json()
    client.post(f"{api}/{meeting['id']}/cancel", json={"reason": "Brak sali"})
    again = client.post(
        f"{api}/{meeting['id']}/cancel", json={"reason": "Brak sali"}, params={"lang": "pl"}
    ).json()
    assert again["detail"] == "Spotkanie z 2026-03-02 ma już stan „odwołane”."
    assert again["detail_en"] == "The meeting of 2026-03-02 was already cancelled."
