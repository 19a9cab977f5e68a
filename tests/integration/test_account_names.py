"""An account's display name is a person's name: sealed in the record, erasable, and
accounts opened before names were sealed still read as they did."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings

PASSWORD = "tajne-haslo-1"
NAME = "Alicja Kowalczykówna"


def sqlite_registry(tmp_path: Path) -> Registry:
    return with_reads(Registry(Settings(store="sqlite", sqlite_path=tmp_path / "mlw.sqlite")))


def event_states(path: Path) -> list[tuple[str, str, bytes]]:
    """Every stored event of the SQLite file: table, topic and state bytes."""
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        found = []
        for table in tables:
            columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
            if {"topic", "state"} <= set(columns):
                found += [
                    (table, topic, bytes(state))
                    for topic, state in db.execute(f"SELECT topic, state FROM {table}")
                ]
    return found


def open_ala(reg: Registry, name: str = NAME) -> None:
    gid = reg.register_gmina(
        "2640013", "Zielony Jar", "z", recorded_by="admin", effective_on=date(2025, 9, 1)
    )
    reg.open_account(
        "ala",
        password=PASSWORD,
        role="facilitator",
        display_name=name,
        gmina_ids=[gid],
        recorded_by="admin",
    )


def test_a_new_accounts_display_name_is_never_stored_in_plain_text(tmp_path: Path) -> None:
    reg = sqlite_registry(tmp_path)
    try:
        open_ala(reg)
        assert reg.get_account("ala").display_name == NAME
    finally:
        reg.close()
    states = event_states(tmp_path / "mlw.sqlite")
    assert any(topic.endswith("Account.Opened") for _, topic, _ in states)
    for _, topic, state in states:
        assert NAME.encode() not in state, topic
        assert json.dumps(NAME).encode() not in state, topic
        assert b"Kowalczyk" not in state, topic


def test_erasing_the_accounts_person_shows_the_username_and_the_account_still_logs_in(
    registry: Registry,
) -> None:
    open_ala(registry)
    ala = registry.get_account("ala")
    assert ala.display_name == NAME and ala.person_id is not None
    other = registry.register_gmina(
        "2602011", "Inna", "z", recorded_by="ala", effective_on=date(2025, 9, 1)
    )

    registry.erase_person(ala.person_id)

    assert registry.get_account("ala").display_name == "ala"
    assert [a.display_name for a in registry.list_accounts()] == ["ala"]
    assert registry.authenticate("ala", PASSWORD).display_name == "ala"
    opened = registry.history(registry.get_account("ala").id)[0]
    assert opened.recorded_by == "admin"
    assert registry.history(other)[0].recorded_by == "ala"
    assert NAME not in json.dumps(opened.details, default=str)


def test_a_renamed_account_shows_its_new_sealed_name_and_erasure_ends_it(
    registry: Registry,
) -> None:
    open_ala(registry)
    registry.rename_account("ala", "Alicja K.", recorded_by="admin")
    ala = registry.get_account("ala")
    assert ala.display_name == "Alicja K."
    assert ala.person_id is not None
    registry.erase_person(ala.person_id)
    assert registry.get_account("ala").display_name == "ala"
    registry.rename_account("ala", "Alicja N.", recorded_by="admin")
    assert registry.get_account("ala").display_name == "Alicja N."


def test_an_account_opened_before_names_were_sealed_still_reads(tmp_path: Path) -> None:
    """A version-1 Opened fact, as stored before the name was sealed: no sealed_name, no
    class_version, the name in plain text. It replays; a rename seals a new name over it."""
    reg = sqlite_registry(tmp_path)
    try:
        open_ala(reg)
    finally:
        reg.close()
    path = tmp_path / "mlw.sqlite"
    with sqlite3.connect(path) as db:
        for table, topic, state in event_states(path):
            if topic.endswith("Account.Opened"):
                old = json.loads(state)
                old.pop("sealed_name")
                old.pop("class_version")
                old["display_name"] = "Alicja Stara"
                db.execute(
                    f"UPDATE {table} SET state = ? WHERE topic = ?",
                    (json.dumps(old).encode(), topic),
                )
    reg = sqlite_registry(tmp_path)
    try:
        ala = reg.get_account("ala")
        assert (ala.display_name, ala.person_id) == ("Alicja Stara", None)
        assert reg.authenticate("ala", PASSWORD).username == "ala"
        reg.rename_account("ala", "Alicja Nowa", recorded_by="admin")
        assert reg.get_account("ala").display_name == "Alicja Nowa"
        person = reg.get_account("ala").person_id
        assert person is not None
        reg.erase_person(person)
        assert reg.get_account("ala").display_name == "ala"
    finally:
        reg.close()
