"""What the regional administrator watches while Zielony Jar's facilitator works: the
process alive, the registry ready, its metrics, one log line per request, and pages that
say how far behind the log the read models are."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from api.app import create_app
from api.deps import WebSettings
from api.ops import PROCESS
from domain.gmina import Gmina
from projections.read_side import with_reads
from registry.accounts import DEMO_PASSWORD, Accounts, open_demo_accounts
from registry.application import Registry
from registry.demo import DEMO_TERC, load_demo
from registry.settings import Settings
from tests.e2e.web import bearer, log_in

DASHBOARD = f"/api/gminas/{DEMO_TERC}/dashboard"


@pytest.fixture
def office() -> Iterator[tuple[TestClient, Registry]]:
    """The demo gmina whose read models have applied nothing yet: hundreds of facts behind."""
    registry = with_reads(Registry(Settings(store="memory", read_lag_notice=10, read_lag_ready=50)))
    gmina_id = load_demo(registry)
    open_demo_accounts(registry, gmina_id, registry.get_gmina(gmina_id).voivodeship)
    with TestClient(create_app(registry=registry), follow_redirects=False) as client:
        client.app.state.read_positions.every = 0  # type: ignore[attr-defined]
        yield client, registry
    registry.close()


def catch_up(client: TestClient) -> None:
    client.app.state.views.models.catch_up()  # type: ignore[attr-defined]


def test_the_health_check_answers_without_a_login_even_when_the_store_does_not(
    office: tuple[TestClient, Registry], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, registry = office

    def lost(*args: Any, **kwargs: Any) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(registry.recorder, "max_notification_id", lost)
    assert client.get("/healthz").json() == {"status": "ok"}
    answer = client.get("/readyz")
    assert answer.status_code == 503
    assert answer.json()["reasons"] == ["The store does not answer: OperationalError."]


def test_the_registry_is_ready_once_its_read_models_have_caught_up(
    office: tuple[TestClient, Registry],
) -> None:
    client, registry = office
    behind = client.get("/readyz")
    assert behind.status_code == 503
    reasons = behind.json()["reasons"]
    assert any("The read model catalogue is" in r and "(at most 50)" in r for r in reasons)
    catch_up(client)
    ready = client.get("/readyz")
    assert ready.status_code == 200
    body = ready.json()
    assert body["status"] == "ok" and body["reasons"] == []
    assert body["log_position"] == registry.recorder.max_notification_id()
    assert set(body["lag"]) == {"catalogue", "timeline", "meetings", "reports"}
    assert set(body["lag"].values()) == {0}


@pytest.fixture
def worker_behind() -> Iterator[tuple[TestClient, Registry]]:
    """Zielony Jar served where reads never apply facts themselves (MLW_READ_CATCH_UP=0):
    the read models have applied the demo, and a stakeholder added since is not in them.
    The demo is loaded first, through reads that catch up as usual."""
    registry = with_reads(Registry(Settings(store="memory", read_lag_notice=0)))
    gmina_id = load_demo(registry)
    registry.settings = replace(registry.settings, read_catch_up=0)
    open_demo_accounts(registry, gmina_id, registry.load(Gmina, gmina_id).voivodeship)
    with TestClient(create_app(registry=registry), follow_redirects=False) as client:
        client.app.state.read_positions.every = 0  # type: ignore[attr-defined]
        catch_up(client)
        registry.add_stakeholder(
            gmina_id,
            kind="institution",
            name="Klub Seniora „Jesień”",
            subtype="ngo",
            recorded_by="moderator",
        )
        yield client, registry
    registry.close()


@pytest.mark.parametrize(
    ("lang", "words"),
    [("pl", "Dane według stanu na pozycję {} dziennika zdarzeń"), ("en", "as of position {}")],
)
def test_pages_say_as_of_which_position_they_read_while_the_read_models_lag(
    worker_behind: tuple[TestClient, Registry], lang: str, words: str
) -> None:
    client, registry = worker_behind
    applied = min(client.app.state.views.models.positions().values())  # type: ignore[attr-defined]
    assert applied < (registry.recorder.max_notification_id() or 0)
    log_in(client, "moderator", DEMO_PASSWORD)
    page = client.get(f"/gminy/{DEMO_TERC}", params={"lang": lang}).text
    assert words.format(applied) in page
    assert "Klub Seniora" not in client.get(f"/gminy/{DEMO_TERC}/katalog").text
    catch_up(client)
    assert "Dane według" not in client.get(f"/gminy/{DEMO_TERC}", params={"lang": lang}).text
    assert "Klub Seniora" in client.get(f"/gminy/{DEMO_TERC}/katalog").text


def test_a_read_applies_the_facts_recorded_before_it_so_a_person_sees_their_change(
    office: tuple[TestClient, Registry],
) -> None:
    client, registry = office
    log_in(client, "moderator", DEMO_PASSWORD)
    client.get(f"/gminy/{DEMO_TERC}/katalog")
    registry.add_stakeholder(
        registry.find_gmina(DEMO_TERC),
        kind="institution",
        name="Klub Seniora „Jesień”",
        subtype="ngo",
        recorded_by="moderator",
    )
    assert "Klub Seniora" in client.get(f"/gminy/{DEMO_TERC}/katalog").text


def test_json_reads_carry_the_read_position_while_the_read_models_lag(
    office: tuple[TestClient, Registry],
) -> None:
    client, registry = office
    token = bearer(client, "moderator", DEMO_PASSWORD)
    lagging = client.get(DASHBOARD, headers=token)
    assert lagging.headers["X-MLW-Read-Position"] == "0"
    assert lagging.headers["X-MLW-Log-Position"] == str(registry.recorder.max_notification_id())
    catch_up(client)
    assert "X-MLW-Read-Position" not in client.get(DASHBOARD, headers=token).headers


def samples(text: str) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            found.setdefault(sample.name, []).append(sample)
    return found


def test_metrics_count_latency_by_route_refusals_and_read_model_lag_without_naming_anyone(
    office: tuple[TestClient, Registry],
) -> None:
    client, registry = office
    token = bearer(client, "moderator", DEMO_PASSWORD)
    client.get(DASHBOARD, headers=token)
    client.get(DASHBOARD)  # no token: refused
    answer = client.get("/metrics")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain")
    found = samples(answer.text)
    counted = {
        (s.labels["route"], s.labels["status"], s.value)
        for s in found["mlw_http_request_duration_seconds_count"]
    }
    assert ("/api/gminas/{ref}/dashboard", "200", 1.0) in counted
    refusals = {(s.labels["kind"], s.value) for s in found["mlw_http_refusals_total"]}
    assert ("not_authenticated", 1.0) in refusals
    log = registry.recorder.max_notification_id()
    assert found["mlw_log_position"][0].value == log
    at = {s.labels["read_model"]: s.value for s in found["mlw_read_model_position"]}
    lag = {s.labels["read_model"]: s.value for s in found["mlw_read_model_lag"]}
    assert set(lag) == {"catalogue", "timeline", "meetings", "reports"}
    assert lag == {name: log - position for name, position in at.items()}
    assert "moderator" not in answer.text and DEMO_TERC not in answer.text


def test_metrics_ask_for_their_own_token_when_one_is_set(
    office: tuple[TestClient, Registry], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, _ = office
    monkeypatch.setenv("MLW_METRICS_TOKEN", "prometheus-w-urzedzie")
    assert client.get("/metrics").status_code == 401
    scraped = client.get("/metrics", headers={"Authorization": "Bearer prometheus-w-urzedzie"})
    assert scraped.status_code == 200


def test_each_request_writes_one_line_naming_gmina_account_route_status_and_duration(
    office: tuple[TestClient, Registry], caplog: pytest.LogCaptureFixture
) -> None:
    client, _ = office
    token = bearer(client, "moderator", DEMO_PASSWORD)
    with caplog.at_level(logging.INFO, logger="mlw.requests"):
        caplog.clear()
        client.get(DASHBOARD, headers=token)
    lines = [r.getMessage() for r in caplog.records if r.name == "mlw.requests"]
    assert len(lines) == 1
    assert lines[0].startswith(
        f"request gmina={DEMO_TERC} account=moderator method=GET "
        "route=/api/gminas/{ref}/dashboard status=200 duration_ms="
    )


def test_a_catch_up_by_the_worker_is_counted(tmp_path: Any) -> None:
    from api.cli.workers import Worker

    registry = with_reads(Registry(Settings(store="sqlite", sqlite_path=tmp_path / "mlw.sqlite")))
    load_demo(registry)
    before = PROCESS.get_sample_value("mlw_read_model_batches_total") or 0
    try:
        applied = Worker(registry).run(once=True)
    finally:
        registry.close()
    assert applied > 0
    assert PROCESS.get_sample_value("mlw_read_model_batches_total") == before + 1
    assert (PROCESS.get_sample_value("mlw_read_model_batch_facts_total") or 0) >= applied


def calls_of(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> list[Any]:
    """The last argument of every call to ``owner.name`` from now on."""
    calls: list[Any] = []
    original = getattr(owner, name)

    def counted(*args: Any) -> Any:
        calls.append(args[-1])
        return original(*args)

    monkeypatch.setattr(owner, name, counted)
    return calls


def test_the_account_behind_a_token_is_loaded_once_and_seen_anew_when_it_changes(
    office: tuple[TestClient, Registry], monkeypatch: pytest.MonkeyPatch
) -> None:
    client, registry = office
    token = bearer(client, "moderator", DEMO_PASSWORD)
    loads = calls_of(monkeypatch, Accounts, "account")
    for _ in range(3):
        assert client.get("/api/me", headers=token).status_code == 200
    assert loads == ["moderator"]
    other = registry.register_gmina("2602011", "Bodzentyn", "kielecki", recorded_by="rops")
    registry.grant_account("moderator", gmina_ids=[other], recorded_by="rops")
    loads.clear()
    assert str(other) in client.get("/api/me", headers=token).json()["gmina_ids"]
    assert loads == ["moderator"]


def test_the_gmina_of_a_request_is_looked_up_once(office: Any, monkeypatch: Any) -> None:
    client, registry = office
    asked = calls_of(monkeypatch, registry, "find_gmina")
    client.headers.update(bearer(client, "moderator", DEMO_PASSWORD))
    assert client.get(f"/api/gminas/{DEMO_TERC}/stakeholders").status_code == 200
    assert asked == [DEMO_TERC]


def test_a_language_chosen_in_the_address_is_remembered(
    office: tuple[TestClient, Registry],
) -> None:
    client, _ = office
    answer = client.get("/login", params={"lang": "en"})
    assert "lang=en" in answer.headers["set-cookie"]
    assert "Max-Age=31536000" in answer.headers["set-cookie"]
    assert "set-cookie" not in client.get("/healthz").headers


def test_an_office_that_wants_quiet_logs_sets_the_level_to_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    registry = with_reads(Registry(Settings(store="memory")))
    quiet = WebSettings(secret_key="klucz-sesji", log_level="WARNING")
    with TestClient(create_app(registry=registry, web=quiet)) as client:
        caplog.clear()
        assert client.get("/healthz").status_code == 200
    assert not [r for r in caplog.records if r.name == "mlw.requests"]
    with pytest.raises(ValueError, match="MLW_LOG_LEVEL must be one of"):
        create_app(registry=registry, web=WebSettings(secret_key="k", log_level="GADATLIWY"))
    registry.close()
