"""Stages at the shell: refused without their product, moved on by the regional coordinator
with a reason, and the team's analysis recorded; `gmina show` says all of it."""

import shlex
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.e2e.office import shell_on_sqlite
from tests.e2e.web import PASSWORD


@pytest.fixture
def mlw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    call = shell_on_sqlite(tmp_path, monkeypatch, user="moderatorka.ala")
    call(
        *shlex.split('gmina register 2640013 "Zielony Jar" --powiat zielonojarski --on 2025-09-01')
    )
    call(*shlex.split('gmina open 2640013 --reason "Prezentacja na sesji" --on 2025-09-15'))
    call(
        *shlex.split("stakeholder add 2640013 GOPS --subtype local_government_unit --on 2025-10-01")
    )
    app = with_reads(Registry(Settings.from_env()))
    app.open_account(
        "rops",
        password=PASSWORD,
        role="coordinator",
        voivodeship="świętokrzyskie",
        recorded_by="admin",
    )
    app.close()
    return call


def test_a_stage_without_its_product_is_refused_and_the_coordinator_moves_it_on(mlw) -> None:  # type: ignore[no-untyped-def]
    refused = mlw(
        *shlex.split('gmina advance 2640013 2 --reason "Katalog" --on 2025-11-01'), ok=False
    )
    assert "at least 3 sectors; sectors in the catalogue: 1." in refused.output
    not_a_coordinator = mlw(
        *shlex.split(
            'gmina override 2640013 2 --reason Katalog --why "Pilotaż" '
            "--coordinator moderatorka.ala --on 2025-11-01"
        ),
        ok=False,
    )
    assert "No account" in not_a_coordinator.output or "may not" in not_a_coordinator.output
    shown = mlw(
        *shlex.split(
            'gmina override 2640013 2 --reason Katalog --why "Gmina w pilotażu ROPS" '
            "--coordinator rops --by rops --on 2025-11-01"
        )
    ).output
    assert "MLW stage 2/6" in shown
    assert "on the regional coordinator's decision (rops" in shown
    assert "Gmina w pilotażu ROPS" in shown
    assert "missing: Stage 2 needs a catalogue" in shown


def test_the_teams_analysis_is_recorded_from_the_shell(mlw) -> None:  # type: ignore[no-untyped-def]
    mlw(*shlex.split('team form 2640013 --decided-by "Zarządzenie nr 5/2026" --on 2026-01-10'))
    shown = mlw(
        *shlex.split(
            'gmina analysis 2640013 --findings "38 osób bez pracy" --entity-type kis '
            '--why "KIS przy GOPS w pół roku" --decided-by "ZSL 3/2026" --on 2026-05-07'
        )
    ).output
    assert "the team's analysis (2026-05-07, ZSL 3/2026)" in shown
    assert "entity chosen: kis, because KIS przy GOPS w pół roku" in shown
