"""A facilitator's year through the JSON API: the gmina, the minutes' tasks and life, the
entity the team chose, a person's data erased; and the refusals, in the domain's words."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from uuid import UUID

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.e2e.web import bearer, log_in, open_account

GMINA = "/api/gminas/2640013"


@pytest.fixture(scope="module")
def world() -> Iterator[tuple[TestClient, Registry]]:
    registry = with_reads(Registry(Settings(store="memory")))
    open_account(registry, "rops", "coordinator", voivodeship="świętokrzyskie")
    with TestClient(create_app(registry=registry)) as client:
        yield client, registry
    registry.close()


def refused(answer: Any, status: int, words: str) -> None:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert words in answer.json()["detail"], answer.json()


@pytest.fixture(scope="module")
def ala(world: tuple[TestClient, Registry]) -> dict[str, str]:
    client, registry = world
    rops = bearer(client, "rops", "tajne-haslo-1")
    new = {
        "terc": "2640013",
        "name": "Zielony Jar",
        "powiat": "zielonojarski",
        "effective_on": "2025-09-01",
    }
    answer = client.post("/api/gminas", json=new, headers=rops)
    assert answer.status_code == 201, answer.text
    assert answer.json()["voivodeship"] == "świętokrzyskie"
    open_account(registry, "ala", "facilitator", "2640013")
    return bearer(client, "ala", "tajne-haslo-1")


def post(client: TestClient, path: str, auth: dict[str, str], body: dict[str, Any]) -> Any:
    answer = client.post(f"{GMINA}{path}", json=body, headers=auth)
    assert answer.status_code in (200, 201), (path, answer.text)
    return answer.json()


def test_only_the_voivodeships_coordinator_registers_a_gmina(world: Any, ala: Any) -> None:
    client, registry = world
    other = {"terc": "0201011", "name": "Bolesławiec", "powiat": "bolesławiecki"}
    refused(client.post("/api/gminas", json=other, headers=ala), 403, "may not register")
    rops = bearer(client, "rops", "tajne-haslo-1")
    refused(client.post("/api/gminas", json=other, headers=rops), 403, "dolnośląskie")
    taken = {"terc": "2640013", "name": "Zielony Jar", "powiat": "zielonojarski"}
    answer = client.post("/api/gminas", json=taken, headers=rops)
    assert answer.status_code == 409, answer.text
    assert registry.history(registry.find_gmina("2640013"))[0].recorded_by == "rops"


def test_a_facilitator_renames_her_gmina_and_a_coordinator_may_not(world: Any, ala: Any) -> None:
    client, registry = world
    answer = client.patch(GMINA, json={"name": "Zielony Jar Górny"}, headers=ala)
    assert answer.status_code == 200, answer.text
    assert answer.json()["name"] == "Zielony Jar Górny"
    refused(client.patch(GMINA, json={"name": "Zielony Jar Górny"}, headers=ala), 422, "Nothing")
    rops = bearer(client, "rops", "tajne-haslo-1")
    refused(client.patch(GMINA, json={"name": "Inny"}, headers=rops), 403, "may not change")
    assert registry.history(registry.find_gmina("2640013"))[-1].recorded_by == "ala"


def test_a_facilitators_year_of_minutes_tasks_and_the_entity(world: Any, ala: Any) -> None:
    client, registry = world
    post(client, "/partnership", ala, {"reason": "Prezentacja", "effective_on": "2026-01-05"})
    gops = post(
        client,
        "/stakeholders",
        ala,
        {"name": "GOPS", "subtype": "local_government_unit", "effective_on": "2026-01-06"},
    )
    ngo = post(
        client,
        "/stakeholders",
        ala,
        {"name": "Koło Gospodyń", "subtype": "ngo", "effective_on": "2026-01-06"},
    )
    for s in (gops, ngo):
        join = {
            "stakeholder_id": s["id"],
            "representative": "Jan Nowak",
            "effective_on": "2026-01-10",
        }
        post(client, "/pact/signatories", ala, join)
    post(client, "/team", ala, {"decided_by": "Zarządzenie 1/2026", "effective_on": "2026-01-12"})
    for s in (gops, ngo):
        post(
            client, "/team/members", ala, {"stakeholder_id": s["id"], "effective_on": "2026-01-12"}
        )
    sitting = {"kind": "team", "at": "10:00", "place": "Urząd", "agenda": ["Sala"]}
    first = post(client, "/meetings", ala, {**sitting, "on": "2026-02-05"})
    second = post(client, "/meetings", ala, {**sitting, "on": "2026-03-01"})
    second = post(client, f"/meetings/{second['id']}/reschedule", ala, {"on": "2026-03-05"})
    assert second["on"] == "2026-03-05"
    m1, m2 = first["id"], second["id"]
    post(client, f"/meetings/{m1}/hold", ala, {"started_at": "10:00"})
    for s in (gops, ngo):
        post(client, f"/meetings/{m1}/attendance", ala, {"stakeholder_id": s["id"]})

    # A task given at the sitting, accepted, and taken up as a commitment in the pact.
    task = post(
        client,
        f"/meetings/{m1}/actions",
        ala,
        {"owner_id": ngo["id"], "description": "Sala na warsztaty", "agenda_item": 1},
    )
    assert (task["owner_name"], task["state"]) == ("Koło Gospodyń", "assigned")
    early = client.post(
        f"{GMINA}/meetings/{m1}/actions/{task['id']}/commitment",
        json={"resource": "premises"},
        headers=ala,
    )
    refused(early, 409, "only an accepted task becomes a commitment")
    post(client, f"/meetings/{m1}/actions/{task['id']}/accept", ala, {})
    taken = post(
        client, f"/meetings/{m1}/actions/{task['id']}/commitment", ala, {"resource": "premises"}
    )
    pact = client.get(f"{GMINA}/pact", headers=ala).json()
    assert taken["commitment_id"] in {c["id"] for c in pact["commitments"]}
    listed = client.get(f"{GMINA}/meetings/{m1}/actions", headers=ala).json()
    assert [a["id"] for a in listed] == [task["id"]]
    refused(
        client.get(f"{GMINA}/meetings/{m2}/actions/{task['id']}", headers=ala), 404, "No such task"
    )

    # The minutes: no erratum before approval; approved at the next sitting, final, corrected.
    post(client, f"/meetings/{m1}/end", ala, {"ended_at": "12:00"})
    early_erratum = client.post(
        f"{GMINA}/meetings/{m1}/minutes/errata",
        json={"corrects": "header", "correction": "Początek o 10:15"},
        headers=ala,
    )
    refused(early_erratum, 409, "errata are for approved minutes")
    post(client, f"/meetings/{m2}/hold", ala, {"started_at": "10:00"})
    approved = post(
        client,
        f"/meetings/{m1}/minutes/approval",
        ala,
        {"at_meeting_id": m2, "decided_by": "jednogłośnie"},
    )
    assert approved["approved_on"] == "2026-03-05"
    final = post(client, f"/meetings/{m1}/minutes/final", ala, {"effective_on": "2026-03-06"})
    assert final["finalised_on"] == "2026-03-06"
    erratum = post(
        client,
        f"/meetings/{m1}/minutes/errata",
        ala,
        {"corrects": "header", "correction": "Początek o 10:15", "effective_on": "2026-03-10"},
    )
    assert erratum["correction"] == "Początek o 10:15"
    before = client.get(f"{GMINA}/meetings/{m1}", params={"as_of": "2026-03-01"}, headers=ala)
    assert before.json()["approved_on"] is None and before.json()["errata"] == []

    # The entity the team chose, from choice to status lost.
    entity = post(
        client,
        "/entities",
        ala,
        {"entity_type": "kis", "name": "KIS Zielony Jar", "decided_by": "ZSL"},
    )
    eid = entity["id"]
    refused(
        client.post(
            f"{GMINA}/entities", json={"entity_type": "fundacja", "decided_by": "ZSL"}, headers=ala
        ),
        422,
        "fundacja",
    )
    post(client, f"/entities/{eid}/created", ala, {"decided_by": "Uchwała Rady 1/2026"})
    post(
        client,
        f"/entities/{eid}/registered",
        ala,
        {"authority": "Wojewoda", "decision_number": "7/2026"},
    )
    lost = post(client, f"/entities/{eid}/lost", ala, {"reason": "Brak uczestników"})
    assert [f["state"] for f in lost["facts"]][-1] == lost["state"]
    assert client.get(f"{GMINA}/entities", headers=ala).json()[0]["id"] == eid
    assert {f.recorded_by for f in registry.history(UUID(eid))} == {"ala"}
    assert {f.recorded_by for f in registry.history(UUID(task["id"]))} == {"ala"}


def test_a_representatives_data_is_erased_within_her_gmina_only(world: Any, ala: Any) -> None:
    client, _ = world
    party = client.get(f"{GMINA}/pact", headers=ala).json()["parties"][0]
    pid = party["representative_person_id"]
    refused(
        client.delete(f"{GMINA}/persons/00000000-0000-0000-0000-000000000000", headers=ala),
        404,
        "No such person",
    )
    rops = bearer(client, "rops", "tajne-haslo-1")
    refused(client.delete(f"{GMINA}/persons/{pid}", headers=rops), 403, "may not change")
    answer = client.delete(f"{GMINA}/persons/{pid}", headers=ala)
    assert answer.status_code == 200, answer.text
    assert answer.json()["person_id"] == pid
    after = client.get(f"{GMINA}/pact", headers=ala).json()["parties"][0]
    assert after["representative"] != "Jan Nowak"


def test_the_pages_link_the_documents_and_a_copy_names_who_issued_it(world: Any, ala: Any) -> None:
    client, _ = world
    csrf = log_in(client, "ala", "tajne-haslo-1")
    pact_page = client.get("/gminy/2640013/pakt").text
    assert "/gminy/2640013/dokumenty/pact?format=pdf" in pact_page
    assert "public=true" in pact_page
    meeting = client.get(f"{GMINA}/meetings", headers=ala).json()[0]
    meeting_page = client.get(f"/gminy/2640013/spotkania/{meeting['id']}").text
    assert f"/gminy/2640013/dokumenty/minutes?subject={meeting['id']}" in meeting_page
    assert f"/gminy/2640013/dokumenty/attendance?subject={meeting['id']}" in meeting_page
    assert "/gminy/2640013/dokumenty/catalogue" in client.get("/gminy/2640013/katalog").text
    pdf = client.get("/gminy/2640013/dokumenty/pact", params={"format": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    issued = client.post(
        "/gminy/2640013/dokumenty/catalogue/wydanie", params={"format": "docx"}, data={"csrf": csrf}
    )
    assert issued.status_code == 200, issued.text
    copy = client.get(f"/api/documents/{issued.headers['x-mlw-digest']}", headers=ala).json()
    assert copy["copies"][-1]["issued_by"] == "ala"


def test_a_resolution_is_voted_ballot_by_ballot(world: Any, ala: Any) -> None:
    client, _ = world
    sitting = [
        m for m in client.get(f"{GMINA}/meetings", headers=ala).json() if m["state"] == "held"
    ]
    mid = sitting[-1]["id"]
    members = [s["id"] for s in client.get(f"{GMINA}/stakeholders", headers=ala).json()]
    for sid in members:
        post(client, f"/meetings/{mid}/attendance", ala, {"stakeholder_id": sid})
    draft = {"meeting_id": mid, "title": "Regulamin", "text": "§1", "proposer_id": members[0]}
    rid = post(client, "/resolutions", ala, draft)["id"]
    post(client, f"/resolutions/{rid}/open", ala, {"at": "10:30"})
    post(
        client, f"/resolutions/{rid}/ballots", ala, {"stakeholder_id": members[0], "choice": "for"}
    )
    twice = client.post(
        f"{GMINA}/resolutions/{rid}/ballots",
        json={"stakeholder_id": members[0], "choice": "against"},
        headers=ala,
    )
    refused(twice, 409, "already voted")
    post(
        client, f"/resolutions/{rid}/ballots", ala, {"stakeholder_id": members[1], "choice": "for"}
    )
    closed = post(client, f"/resolutions/{rid}/close", ala, {})
    assert (closed["state"], closed["votes_for"]) == ("adopted", 2)
