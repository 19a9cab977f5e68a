"""Accounts an administrator can lock down, over HTTP: sessions that end, throttled logins,
tokens a coordinator revokes, and the headers every answer carries."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.deps import WebSettings
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.e2e.web import bearer, log_in
from tests.integration.test_accounts import Clock

PASSWORD = "tajne-haslo-1"


@pytest.fixture
def world() -> Iterator[tuple[TestClient, Registry, Clock]]:
    reg = with_reads(Registry(Settings(store="memory")))
    reg.clock = clock = Clock()
    on = date(2025, 9, 1)
    zielony = reg.register_gmina(
        "2640013", "Zielony Jar", "z", recorded_by="admin", effective_on=on
    )
    reg.register_gmina("1465011", "Warszawa", "w", recorded_by="admin", effective_on=on)
    for name, role, gminas, voivodeship in (
        ("ala", "facilitator", [zielony], ""),
        ("rops", "coordinator", [], "świętokrzyskie"),
        ("mazowsze", "coordinator", [], "mazowieckie"),
    ):
        reg.open_account(
            name,
            password=PASSWORD,
            role=role,
            gmina_ids=gminas,
            voivodeship=voivodeship,
            recorded_by="admin",
        )
    with TestClient(create_app(registry=reg), follow_redirects=False) as client:
        yield client, reg, clock


def facts_of(reg: Registry) -> int:
    return len(reg.history(reg.find_gmina("2640013")))


def test_a_session_cookie_copied_before_logout_no_longer_reads_or_writes(world) -> None:  # type: ignore[no-untyped-def]
    client, reg, _ = world
    csrf = log_in(client, "ala", PASSWORD)
    thief = TestClient(client.app, follow_redirects=False)
    thief.cookies.update(client.cookies)
    assert thief.get("/gminy/2640013").status_code == 200
    assert client.post("/logout", data={"csrf": csrf}).status_code == 303
    assert thief.get("/gminy/2640013").headers["location"].startswith("/login")
    before = facts_of(reg)
    form = {"csrf": csrf, "name": "Koło Gospodyń", "subtype": "ngo"}
    written = thief.post("/gminy/2640013/katalog", data=form)
    assert written.status_code == 303 and written.headers["location"].startswith("/login")
    assert facts_of(reg) == before


def test_logging_out_of_the_pages_ends_the_accounts_api_tokens_too(world) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = world
    token = bearer(client, "ala", PASSWORD)
    assert client.get("/api/me", headers=token).status_code == 200
    csrf = log_in(client, "ala", PASSWORD)
    client.post("/logout", data={"csrf": csrf})
    assert client.get("/api/me", headers=token).status_code == 401


def test_a_token_says_when_it_expires_and_then_opens_nothing(world) -> None:  # type: ignore[no-untyped-def]
    client, _, clock = world
    answer = client.post("/api/token", json={"username": "ala", "password": PASSWORD})
    assert answer.json()["expires_in"] == 8 * 3600
    token = {"Authorization": f"Bearer {answer.json()['access_token']}"}
    clock.advance(8 * 3600)
    refused = client.get("/api/gminas/2640013/dashboard", headers=token)
    assert refused.status_code == 401 and "expired" in refused.json()["detail"]


def test_after_five_wrong_passwords_the_api_answers_429_with_retry_after(world) -> None:  # type: ignore[no-untyped-def]
    client, _, clock = world
    wrong = {"username": "ala", "password": "zgadywane haslo"}
    assert [client.post("/api/token", json=wrong).status_code for _ in range(5)] == [401] * 5
    throttled = client.post("/api/token", json={"username": "ala", "password": PASSWORD})
    assert throttled.status_code == 429
    assert throttled.headers["retry-after"] == "1"
    assert throttled.headers["content-type"] == "application/problem+json"
    clock.advance(1)
    assert client.post("/api/token", json={"username": "ala", "password": PASSWORD}).is_success


def test_the_login_page_says_in_polish_when_to_try_again(world) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = world
    for _ in range(5):
        csrf = log_in_form(client)
        form = {"username": "nikt", "password": "zgadywane haslo", "csrf": csrf}
        assert client.post("/login", data=form).status_code == 401
    form = {"username": "nikt", "password": "zgadywane haslo", "csrf": log_in_form(client)}
    page = client.post("/login", data=form)
    assert page.status_code == 429 and page.headers["retry-after"] == "1"
    assert "Zbyt wiele nieudanych prób logowania" in page.text


def log_in_form(client: TestClient) -> str:
    from tests.e2e.web import csrf_of

    return csrf_of(client.get("/login").text)


def test_a_regional_coordinator_revokes_and_disables_an_account_of_her_voivodeship(world) -> None:  # type: ignore[no-untyped-def]
    client, reg, _ = world
    ala = bearer(client, "ala", PASSWORD)
    rops = bearer(client, "rops", PASSWORD)
    revoked = client.post("/api/accounts/ala/revoke", headers=rops)
    assert revoked.status_code == 200 and revoked.json()["tokens_revoked"] == 1
    assert client.get("/api/me", headers=ala).status_code == 401
    ala = bearer(client, "ala", PASSWORD)
    reason = {"reason": "Laptop skradziony"}
    assert client.post("/api/accounts/ala/disable", headers=rops, json=reason).json()["disabled"]
    assert client.get("/api/me", headers=ala).status_code == 401
    refused = client.post("/api/token", json={"username": "ala", "password": PASSWORD})
    assert refused.status_code == 401
    history = reg.history(reg.get_account("ala").id)
    assert (history[-1].fact, history[-1].recorded_by) == ("Disabled", "rops")
    enabled = client.post("/api/accounts/ala/enable", headers=rops, json={"reason": "Nowy laptop"})
    assert enabled.status_code == 200 and not enabled.json()["disabled"]
    assert bearer(client, "ala", PASSWORD)
    lines = client.get("/api/accounts/ala/audit", headers=rops).json()
    assert {"tokens revoked", "sessions ended", "login failed", "login"} <= {
        x["what"] for x in lines
    }


def test_nobody_else_manages_an_account(world) -> None:  # type: ignore[no-untyped-def]
    client, reg, _ = world
    ala = bearer(client, "ala", PASSWORD)
    mazowsze = bearer(client, "mazowsze", PASSWORD)
    rops = bearer(client, "rops", PASSWORD)
    reason = {"reason": "x"}
    for who, path in (
        (mazowsze, "/api/accounts/ala/disable"),  # another voivodeship's coordinator
        (ala, "/api/accounts/rops/disable"),  # a facilitator
        (ala, "/api/accounts/nobody/disable"),  # who cannot tell which usernames exist
        (ala, "/api/accounts/ala/disable"),  # nor disable herself
        (rops, "/api/accounts/mazowsze/disable"),  # a coordinator, over another coordinator
    ):
        answer = client.post(path, headers=who, json=reason)
        assert answer.status_code == 403, (path, answer.text)
        assert answer.headers["content-type"] == "application/problem+json"
    assert client.post("/api/accounts/ala/revoke").status_code == 401
    assert not any(a.disabled for a in reg.list_accounts())
    assert client.post("/api/accounts/ala/revoke", headers=ala).status_code == 200  # her own


def test_every_answer_carries_the_security_headers(world) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = world
    token = bearer(client, "ala", PASSWORD)
    for answer in (
        client.get("/login"),
        client.get("/api/gminas/2640013/dashboard", headers=token),
        client.get("/api/gminas/2640013/documents/catalogue?format=html", headers=token),
    ):
        assert answer.status_code == 200, answer.text
        headers = answer.headers
        assert "script-src 'self';" in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-frame-options"] == "DENY"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["cache-control"] == "no-store"
    assert "no-store" not in client.get("/static/mlw.js").headers.get("cache-control", "")
    assert "'unsafe-inline'" in client.get("/docs").headers["content-security-policy"]


def test_with_secure_cookies_every_cookie_is_marked_secure() -> None:
    reg = with_reads(Registry(Settings(store="memory")))
    web = WebSettings(secret_key="k" * 32, secure_cookies=True)
    with TestClient(create_app(registry=reg, web=web), base_url="https://testserver") as client:
        answer = client.get("/login?lang=en")
    cookies = answer.headers.get_list("set-cookie")
    assert {c.split("=")[0] for c in cookies} == {"mlw_session", "lang"}
    assert all("; secure" in c.lower() for c in cookies)
    assert answer.headers["strict-transport-security"].startswith("max-age=")


def test_secure_cookies_are_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLW_SECURE_COOKIES", "1")
    assert WebSettings.from_env().secure_cookies
    monkeypatch.setenv("MLW_SECURE_COOKIES", "")
    assert not WebSettings.from_env().secure_cookies


def test_the_login_page_names_the_demo_accounts_with_a_password_that_opens_them() -> None:
    from registry.accounts import DEMO_PASSWORD, open_demo_accounts

    reg = with_reads(Registry(Settings(store="memory")))
    gid = reg.register_gmina(
        "2640013", "Zielony Jar", "z", recorded_by="demo", effective_on=date(2025, 9, 1)
    )
    open_demo_accounts(reg, gid, "świętokrzyskie")
    web = WebSettings(secret_key="k" * 32, demo=True)
    with TestClient(create_app(registry=reg, web=web)) as client:
        page = client.get("/login").text
        assert "moderator" in page and DEMO_PASSWORD in page
        assert bearer(client, "moderator", DEMO_PASSWORD)
