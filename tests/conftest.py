"""Fixtures: the registry on every store it runs on, and a facilitator's calendar."""

from __future__ import annotations

import dataclasses
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from projections.read_models import ReadModels
from projections.read_side import ReadSide
from registry.application import Registry
from registry.settings import Settings

POSTGRES = {
    "host": os.environ.get("MLW_TEST_POSTGRES_HOST", "127.0.0.1"),
    "port": int(os.environ.get("MLW_TEST_POSTGRES_PORT", "5432")),
    "dbname": os.environ.get("MLW_TEST_POSTGRES_DBNAME", "test"),
    "user": os.environ.get("MLW_TEST_POSTGRES_USER", "postgres"),
}


def postgres_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(connect_timeout=2, **POSTGRES):  # type: ignore[arg-type]
            return True
    except Exception:
        return False


POSTGRES_UP = postgres_available()
REQUIRE_POSTGRES = os.environ.get("MLW_TEST_REQUIRE_POSTGRES", "") == "1"
# MLW_TEST_STORE=postgres runs every store-backed fixture on PostgreSQL only.
TEST_STORE = os.environ.get("MLW_TEST_STORE", "")
STORES = [TEST_STORE] if TEST_STORE else ["memory", "sqlite", "postgres"]
STORE_FIXTURES = {"registry", "memory_registry", "store_settings", "pg_schema"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that touch a store, so `-m store` runs just them on another one."""
    for item in items:
        if STORE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.store)


@pytest.fixture
def pg_schema() -> Iterator[str]:
    """A fresh PostgreSQL schema for one test, dropped afterwards."""
    if not POSTGRES_UP:
        if REQUIRE_POSTGRES:
            pytest.fail("PostgreSQL is required (MLW_TEST_REQUIRE_POSTGRES=1) but not reachable")
        pytest.skip("no PostgreSQL server reachable")
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(autocommit=True, **POSTGRES) as conn:  # type: ignore[arg-type]
        conn.execute(f"CREATE SCHEMA {schema}")
    yield schema
    with psycopg.connect(autocommit=True, **POSTGRES) as conn:  # type: ignore[arg-type]
        # Connections a test left open (pools of registries and read models it did not
        # close) would pile up over the suite until the server refuses more clients.
        conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = %s",
            (f"mlw {schema}",),
        )
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


def settings_for(store: str, tmp_path: Path, request: pytest.FixtureRequest) -> Settings:
    if store == "memory":
        return Settings(store="memory")
    if store == "sqlite":
        return Settings(store="sqlite", sqlite_path=tmp_path / "mlw.sqlite")
    schema = request.getfixturevalue("pg_schema")
    return Settings(
        store="postgres",
        postgres_host=POSTGRES["host"],  # type: ignore[arg-type]
        postgres_port=POSTGRES["port"],  # type: ignore[arg-type]
        postgres_dbname=POSTGRES["dbname"],  # type: ignore[arg-type]
        postgres_user=POSTGRES["user"],  # type: ignore[arg-type]
        postgres_schema=schema,
    )


@pytest.fixture(params=STORES)
def store_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for each store the registry runs on."""
    return settings_for(request.param, tmp_path, request)


@pytest.fixture
def registry(store_settings: Settings) -> Iterator[Registry]:
    """The registry on each store: in memory, an SQLite file, PostgreSQL."""
    app = Registry(store_settings)
    app.reads = reads = ReadSide.open(app)
    yield app
    reads.close()
    app.close()


@pytest.fixture
def memory_registry(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Registry]:
    """The registry in memory (or on MLW_TEST_STORE), for quick stories."""
    app = Registry(settings_for(TEST_STORE or "memory", tmp_path, request))
    app.reads = reads = ReadSide.open(app)
    yield app
    reads.close()
    app.close()


@pytest.fixture(params=["sqlite", "postgres"])
def shared_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """A store on disk that several processes open at once; the first one creates its tables."""
    return dataclasses.replace(settings_for(request.param, tmp_path, request), create_tables=False)


def rows_of(models: ReadModels, kinds: tuple[str, ...]) -> dict[str, list[str]]:
    """Every row of these kinds in every read model (rows of one position in any order)."""
    return {
        f"{n}/{k}": sorted(json.dumps(r, sort_keys=True) for r in v.rows(k))
        for n, v in models.views.items()
        for k in kinds
    }
