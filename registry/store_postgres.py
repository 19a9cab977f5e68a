"""PostgreSQL connections that fail fast: connect and statement timeouts, a name to find them.

The event store library opens its pool with a wait for a free connection but no libpq
connect timeout and no statement timeout, so a request to an unreachable or stuck
server hangs. This factory gives every connection the registry's timeouts
(MLW_POSTGRES_CONNECT_TIMEOUT, MLW_POSTGRES_STATEMENT_TIMEOUT) and an application name
(``mlw`` and the schema) that `pg_stat_activity` shows.

The module's name ends in "postgres": `person_keys.key_store_for` tells the stores
apart by their factory's module, and keeps person keys in PostgreSQL for this one.
"""

from __future__ import annotations

from typing import Any

from eventsourcing.postgres import PostgresFactory
from eventsourcing.utils import Environment

STATEMENT_TIMEOUT = "MLW_STATEMENT_TIMEOUT_MS"
CONNECT_TIMEOUT = "MLW_CONNECT_TIMEOUT_S"
TOPIC = "registry.store_postgres:TimedPostgresFactory"


class TimedPostgresFactory(PostgresFactory):
    """The library's PostgreSQL factory, its connections given timeouts and a name."""

    def __init__(self, env: Environment) -> None:
        super().__init__(env)
        kwargs: dict[str, Any] = self.datastore.pool.kwargs  # type: ignore[assignment]
        connect = env.get(CONNECT_TIMEOUT)
        if connect:
            kwargs["connect_timeout"] = max(1, int(float(connect)))
        statement = env.get(STATEMENT_TIMEOUT)
        if statement and int(statement) > 0:
            kwargs["options"] = f"-c statement_timeout={int(statement)}"
        kwargs["application_name"] = f"mlw {self.datastore.schema}"[:63]
