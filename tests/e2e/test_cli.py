"""The `mlw` command line, as a facilitator types it, on an SQLite file."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.e2e.office import shell_on_sqlite


@pytest.fixture
def mlw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    return shell_on_sqlite(tmp_path, monkeypatch, user="moderatorka.ala")


def test_a_facilitator_records_a_gmina_its_catalogue_and_pact_from_the_shell(mlw) -> None:  # type: ignore[no-untyped-def]
    mlw(
        "gmina",
        "register",
        "2640013",
        "Zielony Jar",
        "--powiat",
        "zielonojarski",
        "--on",
        "2025-09-01",
    )
    mlw("gmina", "open", "2640013", "--reason", "Prezentacja na sesji", "--on", "2025-09-15")
    mlw(
        "stakeholder",
        "add",
        "2640013",
        "GOPS Zielony Jar",
        "--subtype",
        "local_government_unit",
        "--regon",
        "123456785",
        "--resource",
        "sala",
        "--on",
        "2025-10-01",
    )
    mlw(
        "stakeholder",
        "add",
        "2640013",
        "Halina W.",
        "--person",
        "--subtype",
        "social_leader",
        "--on",
        "2025-10-01",
    )
    mlw(
        "stakeholder",
        "add",
        "2640013",
        "Parafia",
        "--subtype",
        "church_organisation",
        "--on",
        "2025-10-02",
    )
    mlw("gmina", "advance", "2640013", "2", "--reason", "Katalog gotowy", "--on", "2025-11-01")
    mlw(
        "pact",
        "join",
        "2640013",
        "GOPS Zielony Jar",
        "--representative",
        "Anna Nowak",
        "--on",
        "2026-01-20",
    )
    made = mlw(
        "commitment",
        "make",
        "2640013",
        "GOPS Zielony Jar",
        "--resource",
        "premises",
        "--description",
        "Sala na spotkania",
        "--quantity",
        "20",
        "--unit",
        "h/mies.",
        "--on",
        "2026-01-21",
        "--json",
    )
    commitment = json.loads(made.output)
    assert commitment["state"] == "made"
    mlw("commitment", "fulfil", "2640013", commitment["id"][:8], "--on", "2026-06-30")

    pact = json.loads(mlw("pact", "show", "2640013", "--json").output)
    assert [p["name"] for p in pact["parties"]] == ["GOPS Zielony Jar"]
    assert pact["commitments"][0]["state"] == "fulfilled"
    shown = mlw("gmina", "show", "2640013").output
    assert "MLW stage 2/6" in shown and "Katalog gotowy" in shown
    catalogue = mlw("catalogue", "2640013", "--sector", "citizen").output
    assert "Halina W." in catalogue and "GOPS" not in catalogue
    earlier = json.loads(mlw("pact", "show", "2640013", "--as-of", "2026-01-01", "--json").output)
    assert earlier["parties"] == []
    history = mlw("history", "GOPS Zielony Jar").output
    assert "moderatorka.ala" in history and "2026-01-20" in history


def test_a_refused_command_says_why_and_exits_with_an_error(mlw) -> None:  # type: ignore[no-untyped-def]
    result = mlw("gmina", "register", "2640014", "Zielony Jar", "--powiat", "z", ok=False)
    assert "town or rural part" in result.output
    result = mlw("gmina", "show", "2640013", ok=False)
    assert "No gmina with TERC code, id or name '2640013'" in result.output
    result = mlw("stakeholder", "show", "x", "--as-of", "yesterday", ok=False)
    assert "Refused" in result.output
