"""A store that cannot record (read-only, full disk) answers in words: 503, never a bare 500.

The faults are made on the SQLite connections themselves: `PRAGMA query_only` is what a
read-only file gives (SQLITE_READONLY), `PRAGMA max_page_count` at the file's size is what
a full disk gives (SQLITE_FULL).
"""

from __future__ import annotations

import contextlib
import dataclasses
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import eventsourcing.sqlite
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as mlw
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.e2e.web import bearer, log_in

PASSWORD = "tajne-haslo-ali"
LONG = "Sala na spotkania, kuchnia i ogród. " * 200  # more than a page of the file


class StoreFaults:
    """Every SQLite connection the registry opens, and a fault to put on all of them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.connections: list[sqlite3.Connection] = []
        self.fault: str | None = None
        real = sqlite3.connect

        def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
            connection = real(*args, **kwargs)
            self.connections.append(connection)
            self.put(connection)
            return connection

        monkeypatch.setattr(eventsourcing.sqlite.sqlite3, "connect", connect)

    def put(self, connection: sqlite3.Connection) -> None:
        if self.fault == "read-only":
            connection.execute("PRAGMA query_only = 1")
        elif self.fault == "full":
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            connection.execute(f"PRAGMA max_page_count = {pages}")
        else:
            connection.execute("PRAGMA query_only = 0")
            connection.execute("PRAGMA max_page_count = 1073741823")

    def make(self, fault: str | None) -> None:
        self.fault = fault
        for connection in self.connections:
            with contextlib.suppress(sqlite3.ProgrammingError):  # closed meanwhile
                self.put(connection)


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch) -> StoreFaults:
    return StoreFaults(monkeypatch)


@pytest.fixture
def registry(tmp_path: Path, faults: StoreFaults) -> Iterator[Registry]:
    app = with_reads(Registry(Settings(store="sqlite", sqlite_path=tmp_path / "mlw.sqlite")))
    gmina = app.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=date(2025, 9, 1)
    )
    app.open_account(
        "ala", password=PASSWORD, role="facilitator", gmina_ids=[gmina], recorded_by="admin"
    )
    yield app
    app.close()


@pytest.fixture
def client(registry: Registry) -> Iterator[TestClient]:
    with TestClient(create_app(registry=registry)) as c:
        yield c


def stakeholder(name: str) -> dict[str, Any]:
    return {"name": name, "subtype": "ngo", "area": LONG}


@pytest.mark.parametrize(
    ("fault", "reason"),
    [("read-only", "its store is read-only"), ("full", "the disk holding its store is full")],
)
def test_a_store_that_cannot_record_answers_503_in_words_and_records_nothing(
    client: TestClient, registry: Registry, faults: StoreFaults, fault: str, reason: str
) -> None:
    client.headers.update(bearer(client, "ala", PASSWORD))
    gmina = registry.find_gmina("2640013")
    faults.make(fault)

    answer = client.post("/api/gminas/2640013/stakeholders", json=stakeholder("Koło Gospodyń"))

    assert answer.status_code == 503, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    assert int(answer.headers["Retry-After"]) > 0
    problem = answer.json()
    assert problem["status"] == 503
    assert problem["detail"].startswith(f"The registry cannot record right now: {reason}")
    assert problem["detail_pl"].startswith("Rejestr nie może teraz zapisywać:")
    faults.make(None)
    assert registry.catalogue(gmina) == []
    again = client.post("/api/gminas/2640013/stakeholders", json=stakeholder("Koło Gospodyń"))
    assert again.status_code == 201, again.text


def test_a_page_whose_form_cannot_be_recorded_says_so_in_polish(
    client: TestClient, faults: StoreFaults
) -> None:
    csrf = log_in(client, "ala", PASSWORD)
    faults.make("read-only")

    answer = client.post(
        "/gminy/2640013/katalog",
        data={"csrf": csrf, "name": "Koło Gospodyń", "subtype": "ngo", "area": LONG},
        follow_redirects=False,
    )

    assert answer.status_code == 503
    assert answer.headers["content-type"].startswith("text/html")
    assert "Retry-After" in answer.headers
    assert "Rejestr nie może teraz zapisywać: magazyn danych jest tylko do odczytu" in answer.text


def test_the_command_line_says_in_one_line_that_the_disk_is_full(
    registry: Registry, faults: StoreFaults, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("MLW_STORE", "sqlite")
    monkeypatch.setenv("MLW_SQLITE_PATH", str(tmp_path / "mlw.sqlite"))
    faults.make("full")

    result = CliRunner().invoke(
        mlw,
        ["stakeholder", "add", "2640013", "Koło Gospodyń", "--subtype", "ngo", "--area", LONG],
    )

    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert lines == [
        "The registry cannot record right now: the disk holding its store is full. Try again later."
    ]


@pytest.fixture
def pg_client(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[TestClient]:
    from tests.conftest import settings_for

    settings = dataclasses.replace(
        settings_for("postgres", tmp_path, request), postgres_statement_timeout=0.2
    )
    app = with_reads(Registry(settings))
    gmina = app.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=date(2025, 9, 1)
    )
    app.open_account(
        "ala", password=PASSWORD, role="facilitator", gmina_ids=[gmina], recorded_by="admin"
    )
    with TestClient(create_app(registry=app)) as c:
        c.headers.update(bearer(c, "ala", PASSWORD))
        c.get("/api/gminas/2640013/timeline")  # the read models' connections are open now
        yield c
    app.close()


def postgres(sql: str, *params: str) -> list[tuple[Any, ...]]:
    import psycopg

    from tests.conftest import POSTGRES

    with psycopg.connect(autocommit=True, **POSTGRES) as c:  # type: ignore[arg-type]
        return c.execute(sql, params).fetchall()


def assert_answered_in_words(answer: Any, success: int) -> None:
    """Either the registry recovered (a new connection) or it says it cannot, in words."""
    assert answer.status_code in (success, 503), answer.text
    if answer.status_code == 503:
        assert answer.headers["content-type"] == "application/problem+json"
        assert "Retry-After" in answer.headers
        assert answer.json()["detail"].startswith("The registry cannot")


def test_connections_killed_under_the_registry_are_survived_or_answered_in_words(
    pg_client: TestClient,
) -> None:
    schema = pg_client.app.state.registry.settings.postgres_schema  # type: ignore[attr-defined]
    killed = postgres(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
        f"mlw {schema}",
    )
    assert killed and all(ok for (ok,) in killed)

    assert_answered_in_words(pg_client.get("/api/gminas/2640013/timeline"), 200)
    answer = pg_client.post("/api/gminas/2640013/stakeholders", json=stakeholder("Koło"))
    assert_answered_in_words(answer, 201)
    assert_answered_in_words(pg_client.get("/api/gminas/2640013/stakeholders"), 200)


def test_a_database_that_does_not_answer_times_out_into_a_503(pg_client: TestClient) -> None:
    import psycopg

    from tests.conftest import POSTGRES

    schema = pg_client.app.state.registry.settings.postgres_schema  # type: ignore[attr-defined]
    with psycopg.connect(**POSTGRES) as blocker:  # type: ignore[arg-type]
        # Another session holds every table of the registry: statements wait, then time out.
        tables = blocker.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = %s", (schema,)
        ).fetchall()
        for (table,) in tables:
            blocker.execute(f'LOCK TABLE "{schema}"."{table}" IN ACCESS EXCLUSIVE MODE')

        answer = pg_client.post("/api/gminas/2640013/stakeholders", json=stakeholder("Koło"))
        blocker.rollback()

    assert answer.status_code == 503, answer.text
    assert answer.json()["detail"].startswith(
        "The registry cannot record right now: the connection to its database was lost or timed out"
    )
    assert answer.headers["Retry-After"] == "10"


def test_postgresql_connections_carry_the_timeouts_of_the_settings(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    from tests.conftest import settings_for

    base = settings_for("postgres", tmp_path, request)
    environ = {
        "MLW_STORE": "postgres",
        "MLW_POSTGRES_HOST": base.postgres_host,
        "MLW_POSTGRES_PORT": str(base.postgres_port),
        "MLW_POSTGRES_DBNAME": base.postgres_dbname,
        "MLW_POSTGRES_USER": base.postgres_user,
        "MLW_POSTGRES_SCHEMA": base.postgres_schema,
        "MLW_POSTGRES_STATEMENT_TIMEOUT": "7.5",
        "MLW_POSTGRES_CONNECT_TIMEOUT": "3",
    }
    app = with_reads(Registry(Settings.from_env(environ)))
    try:
        with app.recorder.datastore.transaction(commit=False) as c:  # type: ignore[attr-defined]
            c.execute("SHOW statement_timeout")
            statement = c.fetchone()["statement_timeout"]
            c.execute("SELECT current_setting('application_name') AS name")
            name = c.fetchone()["name"]
        assert statement == "7500ms"
        assert name == f"mlw {base.postgres_schema}"
        assert app.recorder.datastore.pool.kwargs["connect_timeout"] == 3  # type: ignore[attr-defined]
    finally:
        app.close()


def test_without_settings_statements_may_take_30_seconds_and_connecting_5() -> None:
    settings = Settings.from_env({"MLW_STORE": "postgres"})
    assert (settings.postgres_statement_timeout, settings.postgres_connect_timeout) == (30, 5)


@pytest.mark.parametrize("fault", ["read-only", "full"])
def test_a_post_the_store_could_not_record_is_run_anew_when_retried_with_its_key(
    client: TestClient, registry: Registry, faults: StoreFaults, fault: str
) -> None:
    client.headers.update(bearer(client, "ala", PASSWORD))
    key = {"Idempotency-Key": f"after-{fault}"}
    faults.make(fault)
    failed = client.post("/api/gminas/2640013/stakeholders", json=stakeholder("Koło"), headers=key)
    faults.make(None)

    retried = client.post("/api/gminas/2640013/stakeholders", json=stakeholder("Koło"), headers=key)

    assert failed.status_code == 503, failed.text
    assert failed.headers["content-type"] == "application/problem+json"
    assert retried.status_code == 201, retried.text
    assert "Idempotent-Replayed" not in retried.headers
    assert [s.name for s in registry.catalogue(registry.find_gmina("2640013"))] == ["Koło"]
