"""A gmina backed up and restored elsewhere replays identically, and nobody erased comes back.

Zielony Jar is backed up from one store and restored into an empty one of another kind
(memory to SQLite, SQLite to PostgreSQL); then a backup taken before Bożena's erasure is
restored after it, with the erasure ledger, and she stays erased.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from api.cli import app as mlw_app
from domain.errors import InvalidInputError, RuleViolationError
from projections.read_side import with_reads
from registry.application import Registry
from registry.backup import gmina_facts, read_backup, restore_backup, take_backup, write_backup
from registry.personal_data import ERASED
from registry.settings import Settings
from tests.conftest import settings_for
from tests.e2e.test_erasure import NAME, her_gmina, spellings

runner = CliRunner()


def facts(reg: Registry, gmina_id: Any) -> list[tuple[str, int, str, bytes]]:
    return [
        (str(n.originator_id), n.originator_version, n.topic, n.state)
        for n in gmina_facts(reg, gmina_id)
    ]


def reading(reg: Registry, made: dict[str, Any]) -> list[Any]:
    """What a facilitator reads of the gmina (ids, names, versions: everything)."""
    gid = made["gmina"].id
    return [
        reg.get_gmina(gid),
        reg.catalogue(gid, include_archived=True),
        reg.get_pact(gid),
        reg.get_team(gid),
        reg.get_meeting(made["sitting"]),
        reg.list_meetings(gid),
        [(p.person_id, p.name, p.roles) for p in reg.people_of(gid)],
    ]


@pytest.fixture
def source() -> Iterator[tuple[Registry, dict[str, Any]]]:
    reg = with_reads(Registry(Settings(store="memory")))
    yield reg, her_gmina(reg)
    reg.close()


def restored_into(
    settings: Settings, backup: dict[str, Any], ledgers: list[Path] | None = None
) -> Registry:
    target = with_reads(Registry(settings))
    restore_backup(target, backup, ledgers or [], recorded_by="admin")
    return target


def test_a_gmina_backed_up_in_memory_replays_identically_from_sqlite(
    source: Any, tmp_path: Path
) -> None:
    reg, made = source
    (v,) = [f.version for f in reg.history(made["sitting"]) if f.fact == "ItemSummarised"]
    reg.redact_text(
        made["gmina"].id,
        made["sitting"],
        v,
        "summary",
        "Przewodnicząca otworzyła posiedzenie.",
        reason="Poprawka",
        recorded_by="admin",
    )
    summary = write_backup(reg, made["gmina"].id, tmp_path / "zielony-jar.mlw")
    assert summary.facts == len(facts(reg, made["gmina"].id)) > 30
    target = restored_into(
        Settings(store="sqlite", sqlite_path=tmp_path / "copy.sqlite"),
        read_backup(tmp_path / "zielony-jar.mlw"),
    )
    assert facts(target, made["gmina"].id) == facts(reg, made["gmina"].id)
    assert reading(target, made) == reading(reg, made)
    assert target.find_gmina("2640013") == made["gmina"].id
    agenda = target.get_meeting(made["sitting"]).agenda
    assert agenda[0].summary == "Przewodnicząca otworzyła posiedzenie."
    target.close()


def test_a_gmina_backed_up_from_sqlite_replays_identically_on_postgresql(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    reg = with_reads(Registry(Settings(store="sqlite", sqlite_path=tmp_path / "mlw.sqlite")))
    made = her_gmina(reg)
    target = restored_into(
        settings_for("postgres", tmp_path, request), take_backup(reg, made["gmina"].id)
    )
    assert facts(target, made["gmina"].id) == facts(reg, made["gmina"].id)
    assert reading(target, made) == reading(reg, made)
    # The restored gmina takes new facts where the old one stopped.
    target.summarise_item(made["sitting"], 2, "Pakt omówiono.", recorded_by="admin")
    assert target.get_meeting(made["sitting"]).agenda[1].summary == "Pakt omówiono."
    reg.close()
    target.close()


def test_a_backup_taken_before_an_erasure_does_not_bring_the_person_back(
    tmp_path: Path,
) -> None:
    live = with_reads(Registry(Settings(store="sqlite", sqlite_path=tmp_path / "live.sqlite")))
    made = her_gmina(live)
    old_backup = take_backup(live, made["gmina"].id)
    assert NAME in repr(reading(live, made))
    live.erase_person_of(made["gmina"].id, made["person"])
    ledger = tmp_path / "live.sqlite.erasures"
    assert str(made["person"]) in ledger.read_text()
    assert NAME not in ledger.read_text()

    target = restored_into(
        Settings(store="sqlite", sqlite_path=tmp_path / "restored.sqlite"), old_backup, [ledger]
    )
    assert NAME not in repr(reading(target, made))
    assert target.get_meeting(made["sitting"]).chair == ERASED
    target.close()
    for file in tmp_path.glob("restored.sqlite*"):
        raw = file.read_bytes()
        assert not [s for s in spellings(NAME) if s in raw], file.name
    live.close()


def test_a_backup_taken_after_an_erasure_holds_no_key_of_the_person(source: Any) -> None:
    reg, made = source
    key = reg.vault.keys.get(made["person"])
    assert key is not None
    reg.erase_person_of(made["gmina"].id, made["person"])
    backup = json.dumps(take_backup(reg, made["gmina"].id))
    import base64

    assert base64.b64encode(key).decode() not in backup
    assert str(made["person"]) in backup  # as erased, so a restore keeps her erased
    target = restored_into(Settings(store="memory"), json.loads(backup))
    assert NAME not in repr(reading(target, made))


def test_a_changed_backup_file_is_refused_and_nothing_is_restored(
    source: Any, tmp_path: Path
) -> None:
    reg, made = source
    file = tmp_path / "zielony-jar.mlw"
    write_backup(reg, made["gmina"].id, file)
    backup = json.loads(file.read_text())
    backup["body"]["facts"] = backup["body"]["facts"][:-1]
    file.write_text(json.dumps(backup))
    with pytest.raises(InvalidInputError, match="changed after it was taken"):
        read_backup(file)


def test_a_backup_is_not_restored_over_a_store_that_holds_the_gmina(source: Any) -> None:
    reg, made = source
    before = reg.recorder.max_notification_id()
    with pytest.raises(RuleViolationError, match="already holds"):
        restore_backup(reg, take_backup(reg, made["gmina"].id), [], recorded_by="admin")
    assert reg.recorder.max_notification_id() == before


def test_a_facilitator_backs_up_erases_and_restores_from_the_shell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = Settings(store="sqlite", sqlite_path=tmp_path / "live.sqlite")
    reg = with_reads(Registry(live))
    made = her_gmina(reg)
    reg.close()

    def mlw(db: str, *args: str, ok: bool = True) -> str:
        monkeypatch.setenv("MLW_STORE", "sqlite")
        monkeypatch.setenv("MLW_SQLITE_PATH", str(tmp_path / db))
        result = runner.invoke(mlw_app, list(args))
        assert (result.exit_code == 0) is ok, result.output
        return result.output

    listed = mlw("live.sqlite", "person", "list", "2640013")
    assert NAME in listed and "minute-taker" in listed
    mlw("live.sqlite", "backup", "2640013", "-o", str(tmp_path / "zj.mlw"))
    erased = mlw("live.sqlite", "person", "erase", str(made["person"]), "--gmina", "2640013")
    assert "chair" in erased and "erased on" in erased
    refused = mlw("copy.sqlite", "restore", str(tmp_path / "zj.mlw"), ok=False)
    assert "erasure ledger" in refused
    ledger = str(tmp_path / "live.sqlite.erasures")
    mlw("copy.sqlite", "restore", str(tmp_path / "zj.mlw"), "--ledger", ledger)
    assert NAME not in mlw("copy.sqlite", "person", "list", "2640013")
    assert ERASED in mlw("copy.sqlite", "person", "list", "2640013")
    # On PostgreSQL, where no file sits beside the store, the store writes its own ledger.
    exported = tmp_path / "exported.erasures"
    assert "1 erasures added" in mlw("live.sqlite", "person", "erasures", "-o", str(exported))
    assert "0 erasures added" in mlw("live.sqlite", "person", "erasures", "-o", str(exported))
    mlw("third.sqlite", "restore", str(tmp_path / "zj.mlw"), "--ledger", str(exported))
    assert NAME not in mlw("third.sqlite", "person", "list", "2640013")
