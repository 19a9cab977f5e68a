"""A machine without WeasyPrint (or pango) still runs every command that makes no PDF."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def without_weasyprint(tmp_path: Path, *code: str) -> subprocess.CompletedProcess[str]:
    """Python with `import weasyprint` failing, as on a machine where it is not installed."""
    hide = tmp_path / "hide"
    hide.mkdir(exist_ok=True)
    (hide / "sitecustomize.py").write_text("import sys\nsys.modules['weasyprint'] = None\n")
    env = dict(
        os.environ,
        PYTHONPATH=os.pathsep.join([str(hide), str(ROOT)]),
        MLW_STORE="sqlite",
        MLW_SQLITE_PATH=str(tmp_path / "mlw.sqlite"),
    )
    return subprocess.run(
        [sys.executable, "-c", *code], env=env, cwd=tmp_path, capture_output=True, text=True
    )


MLW = "import sys; from api.cli import main; sys.argv = ['mlw', *sys.argv[1:]]; main()"


def test_weasyprint_is_really_hidden_in_these_tests(tmp_path: Path) -> None:
    result = without_weasyprint(tmp_path, "import weasyprint")
    assert result.returncode != 0
    assert "weasyprint" in result.stderr


@pytest.mark.parametrize("command", [["where"], ["worker", "--once"]])
def test_mlw_runs_without_weasyprint(tmp_path: Path, command: list[str]) -> None:
    result = without_weasyprint(tmp_path, MLW, *command)
    assert result.returncode == 0, result.stderr


def test_the_web_application_starts_without_weasyprint(tmp_path: Path) -> None:
    code = (
        "from fastapi.testclient import TestClient\n"
        "from api.app import create_app\n"
        "with TestClient(create_app()) as c:\n"
        "    assert c.get('/openapi.json').status_code == 200\n"
        "    assert c.get('/login').status_code == 200\n"
    )
    result = without_weasyprint(tmp_path, code)
    assert result.returncode == 0, result.stderr


def test_a_html_document_is_made_without_weasyprint(tmp_path: Path) -> None:
    result = without_weasyprint(tmp_path, MLW, "demo")
    assert result.returncode == 0, result.stderr
    result = without_weasyprint(
        tmp_path, MLW, "doc", "catalogue", "--gmina", "2640013", "--draft", "--format", "html"
    )
    assert result.returncode == 0, result.stderr
    assert "<html" in result.stdout
