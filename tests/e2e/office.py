"""The demo gmina's office in memory, over HTTP as its facilitator and from the shell."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest.mock import patch
from uuid import UUID

import pytest
import typer.testing
from fastapi.testclient import TestClient
from typer.testing import CliRunner, Result

from api.app import create_app
from projections.read_side import with_reads
from registry.accounts import DEMO_PASSWORD, open_demo_accounts
from registry.application import Registry
from registry.demo import DEMO_TERC, load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings
from tests.e2e.web import bearer

API = f"/api/gminas/{DEMO_TERC}"


@dataclass
class Office:
    registry: Registry
    client: TestClient
    gmina_id: UUID
    ids: dict[str, str] = field(default_factory=dict)

    def facts(self) -> int:
        """How many facts the registry holds (the notification log's last id)."""
        return self.registry.recorder.max_notification_id() or 0

    def first(self, path: str, **where: Any) -> dict[str, Any]:
        rows = self.client.get(API + path).json()
        found = [r for r in rows if all(r.get(k) == v for k, v in where.items())]
        assert found, f"nothing at {path} with {where}"
        return found[0]  # type: ignore[no-any-return]


def demo_office() -> Iterator[Office]:
    registry = with_reads(Registry(Settings(store="memory")))
    gmina_id = load_demo(registry)
    load_demo_meetings(registry, gmina_id)
    open_demo_accounts(registry, gmina_id, registry.get_gmina(gmina_id).voivodeship)
    with TestClient(create_app(registry=registry), raise_server_exceptions=False) as client:
        client.headers.update(bearer(client, "moderator", DEMO_PASSWORD))
        yield Office(registry, client, gmina_id)
    registry.close()


class Shell:
    """`mlw` typed in a shell, on an SQLite file holding the demo gmina."""

    def __init__(self, tmp_path: Path) -> None:
        from api.cli import app

        # Built once: typer makes the click command anew on every invoke otherwise.
        self.app = app
        self.command = typer.main.get_command(app)
        self.runner = CliRunner()
        self.path = tmp_path / "gmina.sqlite"
        self.env = {
            "MLW_STORE": "sqlite",
            "MLW_SQLITE_PATH": str(self.path),
            "MLW_USER": "moderatorka.ala",
        }

    def __call__(self, *args: str) -> Result:
        with patch.object(typer.testing, "_get_command", lambda _: self.command):
            return self.runner.invoke(self.app, list(args), env=self.env)

    def facts(self) -> int:
        registry = with_reads(Registry(Settings(store="sqlite", sqlite_path=self.path)))
        try:
            return registry.recorder.max_notification_id() or 0
        finally:
            registry.close()


def shell_on_sqlite(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    user: str | None = None,
    login: str | None = None,
) -> Callable[..., Result]:
    """`mlw` typed at a shell on the test's own SQLite file; each call checks its exit code.

    ``user`` is $MLW_USER (unset without it), ``login`` the operating-system login the
    command line sees. ``ok=False`` expects a refusal.
    """
    from api.cli import app

    monkeypatch.setenv("MLW_STORE", "sqlite")
    monkeypatch.setenv("MLW_SQLITE_PATH", str(tmp_path / "gmina.sqlite"))
    if user:
        monkeypatch.setenv("MLW_USER", user)
    else:
        monkeypatch.delenv("MLW_USER", raising=False)
    if login:
        monkeypatch.setattr("getpass.getuser", lambda: login)
    runner = CliRunner()

    def call(*args: str, ok: bool = True) -> Result:
        result = runner.invoke(app, list(args))
        assert (result.exit_code == 0) is ok, result.output
        return result

    return call
