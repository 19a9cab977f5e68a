"""Sessions, API tokens and the login audit: kept beside the events, never in an account's stream.

An account's facts (opened, granted, password changed, disabled) are few and stay in its
event stream. What happens at every login does not belong there: tokens (stored as SHA-256
digests, each with an expiry), the account's session epoch (raised to end every session and
token at once), and one audit row per login attempt, refusal or revocation.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any, Protocol

# What an audit row says happened.
LOGIN_OK, LOGIN_FAILED = "login", "login failed"
TOKEN_ISSUED, TOKENS_REVOKED, SESSIONS_ENDED = "token issued", "tokens revoked", "sessions ended"


@dataclass(frozen=True)
class StoredToken:
    """One API token as kept: whose, the digest of its secret, its epoch and expiry."""

    token_id: str
    username: str
    digest: str
    epoch: int
    issued_at: float
    expires_at: float
    revoked_at: float | None


@dataclass(frozen=True)
class AuditEntry:
    """One line of the login audit: when (seconds since the epoch), who, from where, what."""

    at: float
    username: str
    client: str
    what: str
    by: str


class AccessLedger(Protocol):
    """Where sessions' epochs, tokens and the login audit live, apart from the event log."""

    def epoch(self, username: str) -> int: ...
    def raise_epoch(self, username: str) -> int: ...
    def add_token(self, token: StoredToken) -> None: ...
    def token(self, token_id: str) -> StoredToken | None: ...
    def revoke_tokens(self, username: str, at: float) -> int: ...
    def record(self, entry: AuditEntry) -> None: ...
    def audit(self, username: str, limit: int = 50) -> list[AuditEntry]: ...
    def failures_of_account(self, username: str, since: float) -> list[float]: ...
    def failures_from_client(self, client: str, since: float) -> list[float]: ...


class MemoryAccessLedger:
    """The ledger kept in the process (the in-memory store's companion)."""

    def __init__(self) -> None:
        self._epochs: dict[str, int] = {}
        self._tokens: dict[str, StoredToken] = {}
        self._audit: list[AuditEntry] = []
        self._lock = threading.Lock()

    def epoch(self, username: str) -> int:
        return self._epochs.get(username, 0)

    def raise_epoch(self, username: str) -> int:
        with self._lock:
            self._epochs[username] = self._epochs.get(username, 0) + 1
            return self._epochs[username]

    def add_token(self, token: StoredToken) -> None:
        with self._lock:
            self._tokens[token.token_id] = token

    def token(self, token_id: str) -> StoredToken | None:
        return self._tokens.get(token_id)

    def revoke_tokens(self, username: str, at: float) -> int:
        with self._lock:
            live = [t for t in self._tokens.values() if t.username == username and not t.revoked_at]
            for t in live:
                self._tokens[t.token_id] = StoredToken(**{**vars(t), "revoked_at": at})
            return len(live)

    def record(self, entry: AuditEntry) -> None:
        with self._lock:
            self._audit.append(entry)

    def audit(self, username: str, limit: int = 50) -> list[AuditEntry]:
        return [e for e in reversed(self._audit) if e.username == username][:limit]

    def failures_of_account(self, username: str, since: float) -> list[float]:
        entries = [e for e in self._audit if e.username == username and e.at >= since]
        last_ok = max((e.at for e in entries if e.what == LOGIN_OK), default=since)
        return [e.at for e in entries if e.what == LOGIN_FAILED and e.at >= last_ok]

    def failures_from_client(self, client: str, since: float) -> list[float]:
        return [
            e.at
            for e in self._audit
            if e.client == client and e.what == LOGIN_FAILED and e.at >= since
        ]


class SQLAccessLedger:
    """The ledger in three tables beside the events (SQLite or PostgreSQL)."""

    def __init__(
        self, datastore: Any, prefix: str, placeholder: str, autoincrement: str, create: bool
    ) -> None:
        self.datastore = datastore
        self.epochs, self.tokens, self.log = (
            f"{prefix}account_epochs",
            f"{prefix}account_tokens",
            f"{prefix}login_audit",
        )
        self.p = placeholder
        if create:
            self.create_tables(autoincrement, prefix.rsplit(".", 1)[-1])

    def create_tables(self, autoincrement: str, index: str) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                f"CREATE TABLE IF NOT EXISTS {self.epochs} "
                "(username TEXT PRIMARY KEY, epoch INTEGER NOT NULL)"
            )
            curs.execute(
                f"CREATE TABLE IF NOT EXISTS {self.tokens} (token_id TEXT PRIMARY KEY, "
                "username TEXT NOT NULL, digest TEXT NOT NULL, epoch INTEGER NOT NULL, "
                "issued_at DOUBLE PRECISION NOT NULL, expires_at DOUBLE PRECISION NOT NULL, "
                "revoked_at DOUBLE PRECISION)"
            )
            curs.execute(
                f"CREATE TABLE IF NOT EXISTS {self.log} (id {autoincrement}, "
                "at DOUBLE PRECISION NOT NULL, username TEXT NOT NULL, client TEXT NOT NULL, "
                "what TEXT NOT NULL, by_whom TEXT NOT NULL)"
            )
            curs.execute(
                f"CREATE INDEX IF NOT EXISTS {index}login_audit_user ON {self.log} (username, at)"
            )
            curs.execute(
                f"CREATE INDEX IF NOT EXISTS {index}login_audit_client ON {self.log} (client, at)"
            )

    def _rows(self, sql: str, args: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        with self.datastore.transaction(commit=False) as curs:
            curs.execute(sql, args)
            rows = curs.fetchall()
        return [tuple(r.values()) if isinstance(r, dict) else tuple(r) for r in rows]

    def epoch(self, username: str) -> int:
        rows = self._rows(f"SELECT epoch FROM {self.epochs} WHERE username = {self.p}", (username,))
        return int(rows[0][0]) if rows else 0

    def raise_epoch(self, username: str) -> int:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                f"INSERT INTO {self.epochs} AS e (username, epoch) VALUES ({self.p}, 1) "
                "ON CONFLICT (username) DO UPDATE SET epoch = e.epoch + 1",
                (username,),
            )
        return self.epoch(username)

    def add_token(self, token: StoredToken) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                f"INSERT INTO {self.tokens} (token_id, username, digest, epoch, issued_at, "
                f"expires_at, revoked_at) VALUES ({', '.join([self.p] * 7)})",
                tuple(vars(token).values()),
            )

    def token(self, token_id: str) -> StoredToken | None:
        rows = self._rows(
            "SELECT token_id, username, digest, epoch, issued_at, expires_at, revoked_at "
            f"FROM {self.tokens} WHERE token_id = {self.p}",
            (token_id,),
        )
        return StoredToken(*rows[0]) if rows else None

    def revoke_tokens(self, username: str, at: float) -> int:
        with self.datastore.transaction(commit=True) as curs:
            live = f"FROM {self.tokens} WHERE username = {self.p} AND revoked_at IS NULL"
            curs.execute(f"SELECT COUNT(*) AS n {live}", (username,))
            row = curs.fetchone()
            curs.execute(
                f"UPDATE {self.tokens} SET revoked_at = {self.p} "
                f"WHERE username = {self.p} AND revoked_at IS NULL",
                (at, username),
            )
        return int(row["n"] if isinstance(row, dict) else row[0])

    def record(self, entry: AuditEntry) -> None:
        with self.datastore.transaction(commit=True) as curs:
            curs.execute(
                f"INSERT INTO {self.log} (at, username, client, what, by_whom) "
                f"VALUES ({', '.join([self.p] * 5)})",
                tuple(vars(entry).values()),
            )

    def audit(self, username: str, limit: int = 50) -> list[AuditEntry]:
        rows = self._rows(
            f"SELECT at, username, client, what, by_whom FROM {self.log} "
            f"WHERE username = {self.p} ORDER BY at DESC, id DESC LIMIT {int(limit)}",
            (username,),
        )
        return [AuditEntry(*r) for r in rows]

    def failures_of_account(self, username: str, since: float) -> list[float]:
        rows = self._rows(
            f"SELECT at FROM {self.log} WHERE username = {self.p} AND what = {self.p} "
            f"AND at >= {self.p} AND at >= COALESCE((SELECT MAX(at) FROM {self.log} "
            f"WHERE username = {self.p} AND what = {self.p}), 0)",
            (username, LOGIN_FAILED, since, username, LOGIN_OK),
        )
        return [float(r[0]) for r in rows]

    def failures_from_client(self, client: str, since: float) -> list[float]:
        rows = self._rows(
            f"SELECT at FROM {self.log} WHERE client = {self.p} AND what = {self.p} "
            f"AND at >= {self.p}",
            (client, LOGIN_FAILED, since),
        )
        return [float(r[0]) for r in rows]


def access_ledger_for(factory: Any, create: bool = True) -> AccessLedger:
    """The ledger that lives beside the application's events (its tables made if ``create``:
    `mlw init-db` makes them once when many processes start with MLW_CREATE_TABLES=no)."""
    datastore: Any = getattr(factory, "datastore", None)
    module = type(factory).__module__
    if module.endswith("sqlite"):
        return SQLAccessLedger(datastore, "", "?", "INTEGER PRIMARY KEY AUTOINCREMENT", create)
    if module.endswith("postgres"):
        prefix = f"{datastore.schema}.mlw_"
        return SQLAccessLedger(datastore, prefix, "%s", "BIGSERIAL PRIMARY KEY", create)
    return MemoryAccessLedger()
