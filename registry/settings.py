"""Where the registry keeps its events: settings read from the environment.

``MLW_STORE`` chooses the store: ``sqlite`` (default, one embedded file), ``postgres``
(a PostgreSQL server, for a regional centre or more), or ``memory`` (nothing kept; tests).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from domain.stage_products import StageRules
from domain.values import Sector
from registry.recorders import POSTGRES_RECORDER, SQLITE_RECORDER
from registry.store_postgres import CONNECT_TIMEOUT, STATEMENT_TIMEOUT, TOPIC

STORES = ("sqlite", "postgres", "memory")
MAX_TOKEN_HOURS = 720.0


class SettingsError(ValueError):
    """Raised when a setting has a value the registry cannot use."""


@dataclass(frozen=True)
class Settings:
    """The registry's settings (environment variables named in brackets)."""

    store: str = "sqlite"  # MLW_STORE
    sqlite_path: Path = Path("mlw.sqlite")  # MLW_SQLITE_PATH
    postgres_host: str = "127.0.0.1"  # MLW_POSTGRES_HOST
    postgres_port: int = 5432  # MLW_POSTGRES_PORT
    postgres_dbname: str = "mlw"  # MLW_POSTGRES_DBNAME
    postgres_user: str = "postgres"  # MLW_POSTGRES_USER
    postgres_password: str = ""  # MLW_POSTGRES_PASSWORD
    postgres_schema: str = ""  # MLW_POSTGRES_SCHEMA
    postgres_connect_timeout: float = 5.0  # MLW_POSTGRES_CONNECT_TIMEOUT (seconds)
    postgres_statement_timeout: float = 30.0  # MLW_POSTGRES_STATEMENT_TIMEOUT (s; 0 = none)
    create_tables: bool = True  # MLW_CREATE_TABLES
    snapshot_interval: int = 100  # MLW_SNAPSHOT_INTERVAL
    aggregate_cache: int = 1000  # MLW_AGGREGATE_CACHE (aggregates kept in memory; 0 = none)
    token_hours: float = 8.0  # MLW_TOKEN_HOURS (how long an API token opens its account)
    erasure_ledger: Path | None = None  # MLW_ERASURE_LEDGER (default: beside the SQLite file)
    write_retry_seconds: float = 30.0  # MLW_WRITE_RETRY_SECONDS (appends retried so long)
    # How many facts the read models may lag behind the log: past ``read_lag_notice`` the
    # pages say as of which position they read; past ``read_lag_ready`` /readyz answers 503.
    read_lag_notice: int = 100  # MLW_READ_LAG_NOTICE
    read_lag_ready: int = 1000  # MLW_READ_LAG_READY
    # How many facts a read may apply itself before answering, so a person sees their own
    # change; past it the read answers from the rows as they are (and the page says so).
    read_catch_up: int = 20_000  # MLW_READ_CATCH_UP (0: only the worker applies facts)
    # What an MLW stage asks of the one before it: a catalogue of stakeholders from so many
    # sectors (stage 2), a pact signed by so many parties (stage 4).
    stage_min_sectors: int = 3  # MLW_STAGE_MIN_SECTORS (2–6)
    stage_min_signatories: int = 3  # MLW_STAGE_MIN_SIGNATORIES (at least 2)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        store = env.get("MLW_STORE", "sqlite").strip().lower()
        if store not in STORES:
            raise SettingsError(f"MLW_STORE must be one of {', '.join(STORES)}, got {store!r}.")
        try:
            port = int(env.get("MLW_POSTGRES_PORT", "5432"))
            interval = int(env.get("MLW_SNAPSHOT_INTERVAL", "100"))
            cache = int(env.get("MLW_AGGREGATE_CACHE", "1000"))
            token_hours = float(env.get("MLW_TOKEN_HOURS", "8"))
            retry = float(env.get("MLW_WRITE_RETRY_SECONDS", "30"))
            connect = float(env.get("MLW_POSTGRES_CONNECT_TIMEOUT", "5"))
            statement = float(env.get("MLW_POSTGRES_STATEMENT_TIMEOUT", "30"))
            lag_notice = int(env.get("MLW_READ_LAG_NOTICE", "100"))
            lag_ready = int(env.get("MLW_READ_LAG_READY", "1000"))
            read_catch_up = int(env.get("MLW_READ_CATCH_UP", "20000"))
            min_sectors = int(env.get("MLW_STAGE_MIN_SECTORS", "3"))
            min_signatories = int(env.get("MLW_STAGE_MIN_SIGNATORIES", "3"))
        except ValueError as exc:
            raise SettingsError(f"A numeric setting is not a number: {exc}") from None
        if not 0 < token_hours <= MAX_TOKEN_HOURS:
            raise SettingsError(
                f"MLW_TOKEN_HOURS must be more than 0 and at most {MAX_TOKEN_HOURS} "
                f"(tokens never open an account for ever), got {token_hours:g}."
            )
        if not 2 <= min_sectors <= len(Sector):
            raise SettingsError(
                f"MLW_STAGE_MIN_SECTORS must be 2–{len(Sector)} (the catalogue has "
                f"{len(Sector)} sectors), got {min_sectors}."
            )
        if min_signatories < 2:
            raise SettingsError(
                f"MLW_STAGE_MIN_SIGNATORIES must be at least 2 (a pact has parties), "
                f"got {min_signatories}."
            )
        return cls(
            store=store,
            sqlite_path=Path(env.get("MLW_SQLITE_PATH", "mlw.sqlite")),
            postgres_host=env.get("MLW_POSTGRES_HOST", "127.0.0.1"),
            postgres_port=port,
            postgres_dbname=env.get("MLW_POSTGRES_DBNAME", "mlw"),
            postgres_user=env.get("MLW_POSTGRES_USER", "postgres"),
            postgres_password=env.get("MLW_POSTGRES_PASSWORD", ""),
            postgres_schema=env.get("MLW_POSTGRES_SCHEMA", ""),
            postgres_connect_timeout=connect,
            postgres_statement_timeout=statement,
            create_tables=env.get("MLW_CREATE_TABLES", "yes").lower() in ("1", "yes", "true"),
            snapshot_interval=interval,
            aggregate_cache=cache,
            token_hours=token_hours,
            erasure_ledger=Path(env["MLW_ERASURE_LEDGER"])
            if env.get("MLW_ERASURE_LEDGER")
            else None,
            write_retry_seconds=retry,
            read_lag_notice=lag_notice,
            read_lag_ready=lag_ready,
            read_catch_up=read_catch_up,
            stage_min_sectors=min_sectors,
            stage_min_signatories=min_signatories,
        )

    def stage_rules(self) -> StageRules:
        """What each MLW stage asks of the product of the one before it."""
        return StageRules(self.stage_min_sectors, self.stage_min_signatories)

    def ledger_path(self) -> Path | None:
        """Where erasures are written down for restores to consult (ids and times only)."""
        if self.erasure_ledger is not None:
            return self.erasure_ledger
        if self.store == "sqlite" and ":memory:" not in str(self.sqlite_path):
            return Path(f"{self.sqlite_path}.erasures")
        return None

    def eventsourcing_env(self) -> dict[str, str]:
        """The settings in the event store library's own words."""
        env: dict[str, str] = {"CREATE_TABLE": "y" if self.create_tables else "n"}
        if self.aggregate_cache > 0:
            # No fast-forward query per load: the registry drops from memory what other
            # processes changed, once per use case (registry/working_set.py).
            env["AGGREGATE_CACHE_MAXSIZE"] = str(self.aggregate_cache)
            env["AGGREGATE_CACHE_FASTFORWARD"] = "n"
            env["DEEPCOPY_FROM_CACHE"] = "n"
        if self.store == "memory":
            env["PERSISTENCE_MODULE"] = "eventsourcing.popo"
        elif self.store == "sqlite":
            env["PERSISTENCE_MODULE"] = "eventsourcing.sqlite"
            env["SQLITE_DBNAME"] = str(self.sqlite_path)
            env["SQLITE_LOCK_TIMEOUT"] = "10"
            # A command's keys and snapshots commit with its facts (registry/recorders.py).
            env["APPLICATION_RECORDER_TOPIC"] = SQLITE_RECORDER
        else:
            # The library's factory with the registry's timeouts (registry/store_postgres.py).
            env["PERSISTENCE_MODULE"] = TOPIC
            env["APPLICATION_RECORDER_TOPIC"] = POSTGRES_RECORDER
            env["POSTGRES_CONNECT_TIMEOUT"] = str(max(1, round(self.postgres_connect_timeout)))
            env[CONNECT_TIMEOUT] = str(self.postgres_connect_timeout)
            env[STATEMENT_TIMEOUT] = str(round(self.postgres_statement_timeout * 1000))
            env["POSTGRES_HOST"] = self.postgres_host
            env["POSTGRES_PORT"] = str(self.postgres_port)
            env["POSTGRES_DBNAME"] = self.postgres_dbname
            env["POSTGRES_USER"] = self.postgres_user
            env["POSTGRES_PASSWORD"] = self.postgres_password
            env["POSTGRES_LOCK_TIMEOUT"] = "5"
            if self.postgres_schema:
                env["POSTGRES_SCHEMA"] = self.postgres_schema
        return env

    def describe(self) -> str:
        """Where the events are, in one line for people."""
        if self.store == "memory":
            return "in memory (nothing is kept after the process ends)"
        if self.store == "sqlite":
            return f"SQLite file {self.sqlite_path.resolve()}"
        schema = f", schema {self.postgres_schema}" if self.postgres_schema else ""
        return (
            f"PostgreSQL {self.postgres_user}@{self.postgres_host}:{self.postgres_port}"
            f"/{self.postgres_dbname}{schema}"
        )
