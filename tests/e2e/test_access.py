"""No route lets a facilitator of one gmina read or change another gmina's data.

Every route of the application is walked: each is called as Ala, the facilitator of
Zielony Jar, with the TERC code and the record ids of Inna Gmina, and must refuse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, time
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.e2e.web import bearer, log_in, open_account

WRITES = {"POST", "PUT", "PATCH", "DELETE"}
OPEN_ROUTES = {"/login", "/logout", "/api/token", "/api/me", "/", "/api/gminas"}
# The administrator's probes: they name no gmina and no person (tests/e2e/test_operations.py).
OPEN_ROUTES |= {"/healthz", "/readyz", "/metrics"}
# Routes about no one gmina: they need a login, and say nothing of a gmina's data.
UNSCOPED = {"/api/documents/{digest}", "/api/documents/verify"}
# Routes about accounts, not gminas: their own rule guards them (tests/e2e/test_lockdown.py).
ACCOUNT_ROUTES = "/api/accounts/"


def routes_of(app: FastAPI) -> Iterator[tuple[str, str]]:
    """(method, path) of every route, routers included at any depth."""

    def walk(routes: Any) -> Iterator[Any]:
        for route in routes:
            if hasattr(route, "effective_route_contexts"):
                yield from walk(route.effective_route_contexts())
            else:
                yield route

    for route in walk(app.routes):
        for method in sorted(getattr(route, "methods", None) or ()):
            if method != "HEAD":
                yield method, route.path


def gmina_with_a_sitting(reg: Registry, terc: str, name: str) -> dict[str, str]:
    on = date(2025, 9, 1)
    gid = reg.register_gmina(terc, name, "p", recorded_by="admin", effective_on=on)
    reg.open_partnership(gid, reason="Prezentacja", recorded_by="admin", effective_on=on)
    sid = reg.add_stakeholder(
        gid,
        name=f"GOPS {name}",
        subtype="local_government_unit",
        recorded_by="admin",
        effective_on=on,
    )
    reg.join_pact(
        gid, sid, representative="Jan Nowak", recorded_by="admin", effective_on=date(2025, 10, 1)
    )
    cid = reg.make_commitment(
        gid,
        sid,
        resource="premises",
        description="Sala",
        recorded_by="admin",
        effective_on=date(2025, 10, 2),
    )
    reg.form_team(gid, decided_by="Forum", recorded_by="admin", effective_on=date(2025, 10, 3))
    reg.appoint_member(gid, sid, recorded_by="admin", effective_on=date(2025, 10, 3))
    mid = reg.schedule_meeting(
        gid,
        kind="team",
        on=date(2025, 11, 5),
        at=time(10),
        place="Urząd",
        agenda=["Start"],
        recorded_by="admin",
    )
    reg.hold_meeting(mid, started_at=time(10), recorded_by="admin")
    reg.record_attendance(mid, sid, recorded_by="admin")
    rid = reg.propose_resolution(
        mid, title="Regulamin", text="§1", proposer_id=sid, recorded_by="admin"
    )
    aid = reg.assign_action(mid, sid, description="Sala na grudzień", recorded_by="admin")
    eid = reg.choose_entity(gid, "kis", decided_by="Zespół", recorded_by="admin")
    (party,) = reg.get_pact(gid).parties
    return {
        "ref": terc,
        "aid": str(aid),
        "eid": str(eid),
        "pid": str(party.representative_person_id),
        "sid": str(sid),
        "cid": str(cid),
        "mid": str(mid),
        "rid": str(rid),
        "item": "1",
        "gid": str(gid),
        "kind": "pact",
    }


@pytest.fixture(scope="module")
def world() -> Iterator[tuple[TestClient, Registry, dict[str, str], dict[str, str]]]:
    reg = with_reads(Registry(Settings(store="memory")))
    mine = gmina_with_a_sitting(reg, "2640013", "Zielony Jar")
    theirs = gmina_with_a_sitting(reg, "2602011", "Inna Gmina")
    open_account(reg, "ala", "facilitator", "2640013")
    with TestClient(create_app(registry=reg), follow_redirects=False) as client:
        yield client, reg, mine, theirs


def call(client: TestClient, method: str, path: str, auth: dict[str, Any]) -> Any:
    if path.startswith("/api/"):
        return client.request(
            method,
            path,
            headers=auth["api"],
            json={},
            params={"earlier": "2025-01-01", "later": "2026-01-01", "at": "10:00"},
        )
    data = {"csrf": auth["csrf"]} if method in WRITES else None
    return client.request(method, path, data=data)


def fill(path: str, ids: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)(:\w+)?\}", lambda m: ids[m.group(1)], path)


def test_every_route_refuses_another_gminas_data_read_and_write(world: Any) -> None:
    client, reg, mine, theirs = world
    auth = {
        "api": bearer(client, "ala", "tajne-haslo-1"),
        "csrf": log_in(client, "ala", "tajne-haslo-1"),
    }
    facts_before = len(reg.history(reg.find_gmina("2602011")))
    walked = []
    for method, path in routes_of(client.app):  # type: ignore[arg-type]
        if path in OPEN_ROUTES or path.startswith(("/static", "/docs", "/redoc", "/openapi")):
            continue
        if path in UNSCOPED or path.startswith(ACCOUNT_ROUTES):
            continue
        assert "{ref}" in path, f"{method} {path} is not scoped to a gmina"
        walked.append((method, path))
        answer = call(client, method, fill(path, theirs), auth)
        assert answer.status_code in (403, 404), (method, path, answer.status_code, answer.text)
        if any(k in path for k in ("{sid}", "{mid}", "{rid}", "{cid}", "{aid}", "{eid}", "{pid}")):
            # Her own gmina's code with the other gmina's record ids is refused too.
            crossed = call(client, method, fill(path, {**theirs, "ref": mine["ref"]}), auth)
            assert crossed.status_code in (403, 404, 409, 422), (method, path, crossed.text)
    assert len(history := reg.history(reg.find_gmina("2602011"))) == facts_before, history
    assert len(walked) > 60
    assert {m for m, _ in walked} >= {"GET", "POST", "PUT", "PATCH", "DELETE"}


def test_the_lists_show_only_the_gminas_an_account_may_read(world: Any) -> None:
    client, _, _, _ = world
    headers = bearer(client, "ala", "tajne-haslo-1")
    assert [g["terc"] for g in client.get("/api/gminas", headers=headers).json()] == ["2640013"]
    log_in(client, "ala", "tajne-haslo-1")
    assert "Inna Gmina" not in client.get("/").text


def test_a_coordinator_reads_the_voivodeship_and_an_observer_writes_nothing(world: Any) -> None:
    client, reg, _, _ = world
    if "rops" not in {a.username for a in reg.list_accounts()}:
        open_account(reg, "rops", "coordinator", voivodeship="świętokrzyskie")
        open_account(reg, "obs", "observer", "2640013")
    rops = bearer(client, "rops", "tajne-haslo-1")
    assert client.get("/api/gminas/2602011/pact", headers=rops).status_code == 200
    new = {"name": "Koło Gospodyń", "subtype": "ngo"}
    refused = client.post("/api/gminas/2602011/stakeholders", headers=rops, json=new)
    assert refused.status_code == 403
    assert refused.headers["content-type"] == "application/problem+json"
    obs = bearer(client, "obs", "tajne-haslo-1")
    assert client.get("/api/gminas/2640013/risks", headers=obs).status_code == 200
    assert client.get("/api/gminas/2602011/risks", headers=obs).status_code == 403
    assert client.post("/api/gminas/2640013/stakeholders", headers=obs, json=new).status_code == 403


def test_without_a_token_the_api_says_401_and_the_pages_send_to_the_login(world: Any) -> None:
    client, _, _, _ = world
    fresh = TestClient(client.app, follow_redirects=False)
    answer = fresh.get("/api/gminas/2640013")
    assert answer.status_code == 401 and answer.headers["www-authenticate"] == "Bearer"
    page = fresh.get("/gminy/2640013")
    assert page.status_code == 303 and page.headers["location"].startswith("/login")
