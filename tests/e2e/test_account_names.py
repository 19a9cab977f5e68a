"""An account's display name from the shell and over HTTP: listed with the person it is,
erased with `mlw person erase`, and the username shown from then on."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.e2e.office import shell_on_sqlite
from tests.e2e.web import bearer

PASSWORD = "tajne-haslo-1"


@pytest.fixture
def mlw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., str]:
    shell = shell_on_sqlite(tmp_path, monkeypatch, login="jkowalski")
    return lambda *args: shell(*args).output


def test_erasing_an_accounts_person_leaves_only_its_username(mlw, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    mlw("gmina", "register", "2640013", "Zielony Jar", "--powiat", "z")
    mlw(
        "account", "add", "ala", "--role", "facilitator", "--password", PASSWORD,
        "--name", "Alicja K.", "--gmina", "2640013",
    )  # fmt: skip
    listed = json.loads(mlw("account", "list", "--json"))
    assert [(a["username"], a["display_name"]) for a in listed] == [("ala", "Alicja K.")]
    person = listed[0]["person_id"]
    assert person and "Alicja K." in mlw("account", "list")

    mlw("person", "erase", person)

    assert "Alicja K." not in mlw("account", "list")
    assert json.loads(mlw("account", "list", "--json"))[0]["display_name"] == "ala"
    reg = with_reads(Registry(Settings(store="sqlite", sqlite_path=tmp_path / "gmina.sqlite")))
    try:
        with TestClient(create_app(registry=reg), follow_redirects=False) as client:
            me = client.get("/api/me", headers=bearer(client, "ala", PASSWORD)).json()
    finally:
        reg.close()
    assert (me["username"], me["display_name"]) == ("ala", "ala")


def test_a_rename_from_the_shell_shows_the_new_name(mlw) -> None:  # type: ignore[no-untyped-def]
    mlw(
        "account", "add", "rops", "--role", "coordinator", "--password", PASSWORD,
        "--name", "Stare Imię", "--voivodeship", "świętokrzyskie",
    )  # fmt: skip
    out = mlw("account", "rename", "rops", "--name", "Nowe Imię")
    assert "Nowe Imię" in out and "Stare Imię" not in mlw("account", "list")


def test_a_facilitator_erases_the_name_of_an_account_of_the_gmina_over_http() -> None:
    reg = with_reads(Registry(Settings(store="memory")))
    on = date(2025, 9, 1)
    zielony = reg.register_gmina(
        "2640013", "Zielony Jar", "z", recorded_by="admin", effective_on=on
    )
    inna = reg.register_gmina("2602011", "Inna", "z", recorded_by="admin", effective_on=on)
    for username, name, gmina in (("ala", "Alicja K.", zielony), ("ola", "Ola N.", zielony),
                                  ("ewa", "Ewa Z.", inna)):  # fmt: skip
        reg.open_account(
            username,
            password=PASSWORD,
            role="facilitator",
            display_name=name,
            gmina_ids=[gmina],
            recorded_by="admin",
        )
    ala, ewa = reg.get_account("ala"), reg.get_account("ewa")
    with TestClient(create_app(registry=reg), follow_redirects=False) as client:
        ola = bearer(client, "ola", PASSWORD)
        elsewhere = client.delete(f"/api/gminas/2640013/persons/{ewa.person_id}", headers=ola)
        erased = client.delete(f"/api/gminas/2640013/persons/{ala.person_id}", headers=ola)
        me = client.get("/api/me", headers=bearer(client, "ala", PASSWORD)).json()
    assert elsewhere.status_code == 404
    assert reg.get_account("ewa").display_name == "Ewa Z."
    assert erased.status_code == 200, erased.text
    assert me["display_name"] == "ala"
    reg.close()
