"""How `mlw` reads what a facilitator types: dates, times, ids, the domain's values, --by."""

from __future__ import annotations

import json
from importlib.metadata import entry_points

import pytest
from typer.testing import CliRunner

from api.cli import app
from tests.e2e.test_cli import mlw as shell  # noqa: F401 (a fixture)

runner = CliRunner()


@pytest.fixture
def mlw(shell):  # type: ignore[no-untyped-def]  # noqa: F811
    """`mlw` on a fresh SQLite file (see test_cli) with Zielony Jar registered."""

    def call(*args: str, code: int = 0):  # type: ignore[no-untyped-def]
        result = shell(*args, ok=code == 0)
        assert result.exit_code == code, result.output
        return result

    call("gmina", "register", "2640013", "Zielony Jar", "--powiat", "z", "--on", "2025-09-01")
    return call


def test_the_console_script_runs_the_command_line_of_the_outer_layer() -> None:
    (script,) = entry_points(group="console_scripts", name="mlw")
    assert script.value == "api.cli:main"


def test_a_date_that_is_not_one_is_refused_in_words_naming_the_option(mlw) -> None:  # type: ignore[no-untyped-def]
    refused = mlw("gmina", "open", "2640013", "--reason", "Sesja", "--on", "2025-13-01", code=1)
    assert "Refused: '2025-13-01' is not a date; write it as YYYY-MM-DD. (field: on)" in (
        refused.output
    )
    refused = mlw("gmina", "show", "2640013", "--as-of", "wczoraj", code=1)
    assert "(field: as_of)" in refused.output
    assert "not opened" in mlw("gmina", "show", "2640013").output


def test_a_refusal_is_json_when_json_is_asked_for_wherever_it_stands(mlw) -> None:  # type: ignore[no-untyped-def]
    for args in (["--json", "--on", "jutro"], ["--on", "jutro", "--json"]):
        refused = mlw("gmina", "open", "2640013", "--reason", "Sesja", *args, code=1)
        assert json.loads(refused.output) == {
            "error": "'jutro' is not a date; write it as YYYY-MM-DD. (field: on)",
            "field": "on",
        }


def test_a_blank_date_is_today_where_it_may_be_left_out_and_refused_where_it_is_needed(mlw) -> None:  # type: ignore[no-untyped-def]
    mlw("gmina", "open", "2640013", "--reason", "Sesja", "--on", "")
    mlw("team", "form", "2640013", "--decided-by", "Zarządzenie", "--on", "")
    refused = mlw(
        "meeting", "schedule", "2640013", "--kind", "team", "--date", " ", "--time", "10:00",
        "--place", "GOPS", code=1,
    )  # fmt: skip
    assert "Refused: Give the date, YYYY-MM-DD. (field: date)" in refused.output
    refused = mlw(
        "meeting", "schedule", "2640013", "--kind", "team", "--date", "2026-02-10", "--time", "",
        "--place", "GOPS", code=1,
    )  # fmt: skip
    assert "Refused: Give the time, HH:MM. (field: time)" in refused.output
    assert "(none)" in mlw("meeting", "list", "2640013").output


def test_an_id_that_is_not_one_is_refused_in_words(mlw) -> None:  # type: ignore[no-untyped-def]
    refused = mlw("person", "erase", "ala", code=1)
    assert "Refused: 'ala' is not a person id. (field: person_id)" in refused.output
    refused = mlw("cooperation", "end", "2640013", "12ab", code=1)
    assert "Refused: '12ab' is not a cooperation id. (field: cooperation)" in refused.output


def test_help_offers_the_domains_values_and_names_mlw_user() -> None:
    shown = runner.invoke(app, ["team", "appoint", "--help"], env={"COLUMNS": "200"}).output
    assert "chair|deputy|secretary|member" in shown
    assert "MLW_USER" in shown
    shown = runner.invoke(app, ["entity", "choose", "--help"], env={"COLUMNS": "200"}).output
    assert "cis|kis|zaz|wtz|social_cooperative" in shown


def test_a_value_the_domain_does_not_know_is_refused_by_the_domain(mlw) -> None:  # type: ignore[no-untyped-def]
    refused = mlw("stakeholder", "add", "2640013", "GOPS", "--subtype", "gops", code=1)
    assert "Refused: Unknown sub-type 'gops'" in refused.output
    added = mlw("stakeholder", "add", "2640013", "GOPS", "--subtype", "NGO", "--json")
    assert json.loads(added.output)["subtype"] == "ngo"


def test_a_prefix_that_names_two_stakeholders_is_refused_as_too_short(mlw) -> None:  # type: ignore[no-untyped-def]
    for name in ("Szkoła", "Świetlica"):
        mlw("stakeholder", "add", "2640013", name, "--subtype", "education")
    listed = json.loads(mlw("catalogue", "2640013", "--json").output)
    refused = mlw("stakeholder", "show", "", code=1)
    assert "names 2 stakeholders; be more exact. (field: stakeholder)" in refused.output
    shown = mlw("stakeholder", "show", listed[0]["id"][:8], "--json").output
    assert json.loads(shown)["name"] == listed[0]["name"]
    refused = mlw("stakeholder", "show", "Przedszkole", code=1)
    assert "No stakeholder with id, id prefix or name 'Przedszkole'." in refused.output


def test_each_kind_of_document_says_which_record_it_needs(mlw) -> None:  # type: ignore[no-untyped-def]
    refused = mlw("doc", "minutes", "--gmina", "2640013", code=2)
    assert "Missing option '--meeting'." in refused.output
    refused = mlw("doc", "resolution", "--gmina", "2640013", code=2)
    assert "Missing option '--resolution'." in refused.output
    refused = mlw("doc", "pact", "--gmina", "2640013", "--meeting", "2026-02-10", code=2)
    assert "No such option: --meeting" in refused.output
    drafted = mlw("doc", "catalogue", "--gmina", "2640013", "--draft", "--lang", "en")
    assert "<html" in drafted.output


@pytest.mark.parametrize("command", [["where"], ["catalogue", "2640013"]])
def test_a_store_setting_that_is_not_one_is_refused_in_one_line_without_a_traceback(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from api.cli import main

    monkeypatch.setenv("MLW_STORE", "sqlite:///mlw.sqlite")
    monkeypatch.setattr("sys.argv", ["mlw", *command])

    with pytest.raises(SystemExit) as ended:
        main()

    assert ended.value.code == 1
    said = capsys.readouterr().err.strip().splitlines()
    assert said == [
        "Refused: MLW_STORE must be one of sqlite, postgres, memory, got 'sqlite:///mlw.sqlite'."
    ]
