"""`mlw doc verify` on a file: a genuine copy, and one changed after it was issued."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from api.cli.documents import doc_app

runner = CliRunner()


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MLW_STORE", "sqlite")
    monkeypatch.setenv("MLW_SQLITE_PATH", str(tmp_path / "gmina.sqlite"))
    monkeypatch.setenv("MLW_USER", "sekretariat")
    assert runner.invoke(app, ["demo"]).exit_code == 0
    out = tmp_path / "katalog.html"
    made = runner.invoke(
        doc_app, ["catalogue", "--gmina", "2640013", "--as-of", "2026-03-01", "--out", str(out)]
    )
    assert made.exit_code == 0, made.output
    return out


def test_an_unchanged_copy_is_said_to_be_genuine(copy: Path) -> None:
    result = runner.invoke(doc_app, ["verify", str(copy)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Genuine: the html copy issued")


def test_a_copy_changed_after_issue_is_said_not_to_be_genuine_and_what_differs(
    copy: Path,
) -> None:
    text = copy.read_text()
    copy.write_text(text.replace("Zielony Jar", "Czerwony Jar", 1))

    result = runner.invoke(doc_app, ["verify", str(copy)])

    assert result.exit_code == 1
    assert result.output.startswith("NOT GENUINE: this html file is not a copy issued")
    assert "issued digest: " in result.output and "file's SHA-256: " in result.output
    assert "Czerwony Jar" in result.output
