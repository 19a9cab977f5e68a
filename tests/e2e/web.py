"""Logging in from tests: a page session with its form token, or an API bearer token."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from registry.application import Registry

PASSWORD = "tajne-haslo-1"


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has no form token"
    return found.group(1)


def log_in(client: TestClient, username: str, password: str) -> str:
    """Log the client's session in; returns the form token for later POSTs."""
    token = csrf_of(client.get("/login").text)
    form = {"username": username, "password": password, "csrf": token}
    answer = client.post("/login", data=form, follow_redirects=False)
    assert answer.status_code == 303, answer.text
    return csrf_of(client.get("/", follow_redirects=True).text)


def bearer(client: TestClient, username: str, password: str) -> dict[str, str]:
    answer = client.post("/api/token", json={"username": username, "password": password})
    assert answer.status_code == 200, answer.text
    return {"Authorization": f"Bearer {answer.json()['access_token']}"}


def open_account(
    registry: Registry, username: str, role: str, *gminas: str, voivodeship: str = ""
) -> None:
    """An account the administrator opens with the tests' password, for gminas named by TERC."""
    registry.open_account(
        username,
        password=PASSWORD,
        role=role,
        gmina_ids=[registry.find_gmina(terc) for terc in gminas],
        voivodeship=voivodeship,
        recorded_by="admin",
    )
