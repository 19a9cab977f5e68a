"""`mlw account` from the shell: passwords refused in words, tokens revoked, accounts
disabled, and facts that say which operating-system user typed a name after --by."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

import api.cli.support as cli_support
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.e2e.office import shell_on_sqlite

PASSWORD = "tajne-haslo-1"


@pytest.fixture
def mlw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    return shell_on_sqlite(tmp_path, monkeypatch, login="jkowalski")


def registry_of(tmp_path: Path) -> Registry:
    return with_reads(Registry(Settings(store="sqlite", sqlite_path=tmp_path / "gmina.sqlite")))


def test_a_name_typed_after_by_is_recorded_with_the_os_login(mlw, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mlw("gmina", "register", "2640013", "Zielony Jar", "--powiat", "z", "--by", "wojt.nowak")
    mlw("gmina", "register", "2602011", "Inna", "--powiat", "z", "--by", "jkowalski")
    mlw("gmina", "register", "2602021", "Trzecia", "--powiat", "z")
    reg = registry_of(tmp_path)
    try:
        by = [
            reg.history(reg.find_gmina(t))[0].recorded_by for t in ("2640013", "2602011", "2602021")
        ]
    finally:
        reg.close()
    assert by == ["wojt.nowak (os: jkowalski)", "jkowalski", "jkowalski"]


def test_mlw_user_is_a_claim_too(mlw, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MLW_USER", "moderatorka.ala")
    assert cli_support.recorder(None) == "moderatorka.ala (os: jkowalski)"
    assert cli_support.recorder("  ") == "moderatorka.ala (os: jkowalski)"


def test_a_short_password_is_refused_in_polish_and_no_account_opens(mlw) -> None:  # type: ignore[no-untyped-def]
    refused = mlw(
        "account", "add", "ala", "--role", "coordinator", "--voivodeship", "x",
        "--password", "demo", ok=False,
    )  # fmt: skip
    assert "Hasło musi mieć co najmniej 12 znaków" in refused.output
    assert "(none)" in mlw("account", "list").output


def test_the_shell_revokes_tokens_disables_and_enables_an_account(mlw, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mlw(
        "account", "add", "rops", "--role", "coordinator", "--voivodeship", "świętokrzyskie",
        "--password", PASSWORD,
    )  # fmt: skip
    token = mlw("account", "token", "rops").output.strip()
    assert "Revoked 1 API token(s)" in mlw("account", "revoke", "rops").output
    mlw("account", "disable", "rops", "--reason", "Odejście z pracy")
    assert "disabled" in mlw("account", "list").output
    mlw("account", "enable", "rops", "--reason", "Powrót")
    audit = mlw("account", "audit", "rops").output
    assert "tokens revoked" in audit and "jkowalski" in audit
    reg = registry_of(tmp_path)
    try:
        with pytest.raises(Exception, match="not valid"):
            reg.account_for_token(token)
        assert [f.fact for f in reg.history(reg.get_account("rops").id)] == [
            "Opened",
            "Disabled",
            "Enabled",
        ]
    finally:
        reg.close()
