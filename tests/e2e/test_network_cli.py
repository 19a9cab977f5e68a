"""`mlw network`, `mlw risks`, `mlw export` as a facilitator types them, on an SQLite file."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import Result

from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.e2e.office import shell_on_sqlite
from tests.integration.test_network_story import gmina_around_its_gops


@pytest.fixture
def mlw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    call = shell_on_sqlite(tmp_path, monkeypatch)
    reg = with_reads(Registry(Settings.from_env()))
    gmina_around_its_gops(reg)
    reg.close()
    return call


def test_the_network_command_lists_the_gops_first_as_of_a_date(mlw) -> None:  # type: ignore[no-untyped-def]
    out = mlw("network", "2640013", "--as-of", "2026-06-01").output
    assert "12 stakeholders, 11 ties" in out
    lines = out.splitlines()
    first = lines[lines.index(next(x for x in lines if x.startswith("---"))) + 1]
    assert "GOPS w Zielonym Jarze" in first


def test_the_risks_command_reads_the_domination_flag_aloud_in_polish_and_english(mlw) -> None:  # type: ignore[no-untyped-def]
    pl = mlw("risks", "2640013", "--as-of", "2026-06-01").output
    assert "Sieć skupiona wokół jednego podmiotu · sygnał ostrzegawczy" in pl
    assert "GOPS w Zielonym Jarze ma powiązania z 11 z 11" in pl and "„Próba dominacji”" in pl
    assert "dominance.centralisation" not in pl and "[flag]" not in pl and "(a)" not in pl
    en = mlw("risks", "2640013", "--as-of", "2026-06-01", "--lang", "en").output
    assert "has ties with 11 of the 11 other stakeholders" in en and "· warning" in en
    details = mlw("risks", "2640013", "--as-of", "2026-06-01", "--details").output
    assert "dominance.centralisation v1" in details and "SHA-256" in details
    before = json.loads(mlw("risks", "2640013", "--as-of", "2025-12-01", "--json").output)
    assert "dominance.centralisation" not in {f["rule"] for f in before}


def test_a_facilitator_acknowledges_a_flag_from_the_shell_only_with_a_note(mlw) -> None:  # type: ignore[no-untyped-def]
    refused = mlw("risks", "acknowledge", "2640013", "1", ok=False)
    assert "Say in a note what the team made of this flag." in refused.output
    mlw("risks", "acknowledge", "2640013", "1", "--note", "Omówione na posiedzeniu ZSL.")
    shown = mlw("risks", "2640013").output
    assert "Przyjęte do wiadomości" in shown and "„Omówione na posiedzeniu ZSL.”" in shown


def test_the_export_command_writes_a_gexf_file(mlw, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "jar.gexf"
    mlw(
        "export", "2640013", "--format", "gexf", "-o", str(target), "--as-of", str(date(2026, 6, 1))
    )
    assert 'mode="dynamic"' in target.read_text(encoding="utf-8")
    mlw("export", "2640013", "--format", "pdf", ok=False)


def test_the_timeline_command_shows_who_recorded_each_fact(mlw) -> None:  # type: ignore[no-untyped-def]
    out = mlw("timeline", "2640013", "--fact", "Cooperation").output
    assert out.count("Cooperation.Declared") == 11
    assert "moderatorka.ala" in out


def test_a_facilitator_declares_and_ends_a_cooperation_from_the_shell(mlw) -> None:  # type: ignore[no-untyped-def]
    out = mlw(
        "cooperation",
        "declare",
        "2640013",
        "Szkoła Podstawowa w Jarze",
        "Bank Spółdzielczy",
        "--subject",
        "Konto dla KIS",
        "--form",
        "ad_hoc",
        "--on",
        "2026-07-01",
        "--json",
    ).output
    cid = json.loads(out)["id"]
    mlw("cooperation", "end", "2640013", cid, "--on", "2026-09-01")
    mlw("cooperation", "end", "2640013", cid, "--on", "2026-09-02", ok=False)
    csv_text = mlw("export", "2640013", "--format", "csv", "--as-of", "2026-08-01").output
    assert "Bank Spółdzielczy" in csv_text and "ad_hoc: Konto dla KIS" in csv_text
