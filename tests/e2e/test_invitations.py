"""Invitations through the API and the meeting page: a guest asked in, a second time refused."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.e2e.web import PASSWORD, bearer, log_in, open_account
from tests.integration.zielony_jar import on, zielony_jar

GMINA = "/api/gminas/2640013"


@pytest.fixture
def world() -> Iterator[tuple[TestClient, Registry, Any, Any]]:
    registry = with_reads(Registry(Settings(store="memory")))
    g = zielony_jar(registry)
    forum = registry.schedule_meeting(
        g.id, kind="pact", on=date(2026, 3, 20), at=time(17), place="GOPS", **on(date(2026, 3, 1))
    )
    open_account(registry, "ala", "facilitator", "2640013")
    with TestClient(create_app(registry=registry)) as client:
        yield client, registry, g, forum
    registry.close()


def test_the_api_records_an_invitation_and_refuses_it_twice(world: Any) -> None:
    client, _, g, forum = world
    ala = bearer(client, "ala", PASSWORD)
    path = f"{GMINA}/meetings/{forum}/invitations"
    body = {"stakeholder_ids": [str(g.bank), str(g.parish)], "effective_on": "2026-03-02"}
    answer = client.post(path, json=body, headers=ala)
    assert answer.status_code == 201, answer.text
    assert [i["name"] for i in answer.json()["invited"]] == [
        "Bank Spółdzielczy",
        "Parafia św. Anny",
    ]
    again = client.post(path, json={"stakeholder_ids": [str(g.bank)]}, headers=ala)
    assert again.status_code == 409, again.text
    assert "Bank Spółdzielczy is already invited" in again.json()["detail_en"]
    assert "Bank Spółdzielczy ma już zaproszenie na spotkanie" in again.json()["detail_pl"]
    assert "/invitations" in str(client.get("/openapi.json").json()["paths"])


def test_the_meeting_page_invites_the_stakeholders_ticked(world: Any) -> None:
    client, registry, g, forum = world
    csrf = log_in(client, "ala", PASSWORD)
    page = client.get(f"/gminy/2640013/spotkania/{forum}").text
    assert f'name="invite-{g.leader}"' in page
    answer = client.post(
        f"/gminy/2640013/spotkania/{forum}/zaproszenia",
        data={"csrf": csrf, f"invite-{g.leader}": str(g.leader)},
        follow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    assert registry.meeting(forum).invited == [g.leader]
    page = client.get(f"/gminy/2640013/spotkania/{forum}").text
    assert "Zaproszeni (1)</h2>" in page
    assert f'name="invite-{g.leader}"' not in page
