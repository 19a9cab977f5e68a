"""The team's sittings typed at the shell: `mlw team`, `meeting`, `attendance`, `resolution`."""

import json
import shlex
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import Result

from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.e2e.office import shell_on_sqlite

BY = "moderatorka.ala"


def typed(line: str) -> list[str]:
    """The words of a command line as a shell splits them."""
    return shlex.split(line)


@pytest.fixture
def mlw(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    call = shell_on_sqlite(tmp_path, monkeypatch, user=BY)
    app = with_reads(Registry(Settings.from_env()))
    gid = app.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by=BY, effective_on=date(2025, 9, 1)
    )
    app.open_partnership(gid, reason="Sesja", recorded_by=BY, effective_on=date(2025, 9, 2))
    for name, subtype in (
        ("GOPS", "local_government_unit"),
        ("Szkoła", "education"),
        ("NGO", "ngo"),
    ):
        app.add_stakeholder(
            gid, name=name, subtype=subtype, recorded_by=BY, effective_on=date(2025, 10, 1)
        )
    app.advance_stage(gid, 2, reason="Katalog", recorded_by=BY, effective_on=date(2025, 11, 1))
    app.close()
    return call


def test_a_facilitator_records_a_sitting_and_its_resolution_from_the_shell(mlw) -> None:  # type: ignore[no-untyped-def]
    mlw("team", "form", "2640013", "--decided-by", "Zarządzenie nr 5/2026", "--on", "2026-01-10")
    for who, role in (("GOPS", "chair"), ("Szkoła", "member"), ("NGO", "secretary")):
        mlw("team", "appoint", "2640013", who, "--role", role, "--on", "2026-01-10")
    mlw(
        *typed("meeting schedule 2640013 --kind team --date 2026-02-10 --time 17:00 --place GOPS"),
        *typed("--agenda Otwarcie --agenda Regulamin --on 2026-01-20"),
    )
    mlw("meeting", "hold", "2640013", "2026-02-10", "--start", "17:05", "--chair", "Anna Nowak")
    mlw("attendance", "add", "2640013", "zsl 1/2026", "GOPS", "Szkoła")
    mlw("attendance", "add", "2640013", "zsl 1/2026", "NGO", "--arrived", "17:50")
    quorum = json.loads(
        mlw("attendance", "quorum", "2640013", "zsl 1/2026", "--at", "17:30", "--json").output
    )
    assert (quorum["members"], quorum["needed"], quorum["has_quorum"]) == (3, 2, True)

    mlw(
        "resolution",
        "propose",
        "2640013",
        "zsl 1/2026",
        "--title",
        "ukonstytuowania się",
        "--text",
        "§1. Zespół się ukonstytuował.",
        "--proposer",
        "GOPS",
        "--advance-stage",
        "3",
    )
    adopted = mlw(
        "resolution",
        "vote",
        "2640013",
        "1/2026",
        "--at",
        "17:30",
        "--for",
        "GOPS",
        "--for",
        "Szkoła",
        "--json",
    )
    assert json.loads(adopted.output)["state"] == "adopted"

    mlw(
        *typed("resolution propose 2640013 'zsl 1/2026' --title harmonogramu --text '§1. …'"),
        *typed("--proposer NGO"),
    )
    refused = mlw(
        "resolution", "vote", "2640013", "2/2026", "--at", "17:30", "--for", "NGO", ok=False
    )
    assert "was not present at 17:30" in refused.output

    minutes = json.loads(mlw("minutes", "show", "2640013", "2026-02-10", "--json").output)
    assert minutes["title"] == "Protokół nr 1/2026 z posiedzenia Zespołu Synergii Lokalnej"
    assert [a["role"] for a in minutes["attendance"]] == ["member", "member", "member"]
    assert minutes["resolutions"][1]["state"] == "proposed"
    shown = mlw("meeting", "show", "2640013", "2026-02-10").output
    assert "Uchwała nr 1/2026 w sprawie ukonstytuowania się – adopted" in shown
    assert "Anna Nowak" in shown


def test_refusals_at_the_shell_name_what_was_wrong(mlw) -> None:  # type: ignore[no-untyped-def]
    mlw("team", "form", "2640013", "--decided-by", "Zarządzenie", "--on", "2026-01-10")
    refused = mlw("team", "appoint", "2640013", "GOPS", "--role", "boss", ok=False)
    assert "Unknown role 'boss'" in refused.output
    refused = mlw(
        *typed("meeting schedule 2640013 --kind team --date 2026-02-10 --time 5pm --place GOPS"),
        ok=False,
    )
    assert "is not a time" in refused.output
    assert "(none)" in mlw("entity", "list", "2640013").output


def test_how_a_sitting_went_reaches_its_minutes_as_typed(mlw) -> None:  # type: ignore[no-untyped-def]
    mlw("team", "form", "2640013", "--decided-by", "Zarządzenie", "--on", "2026-01-10")
    mlw(*typed("meeting schedule 2640013 --kind team --date 2026-02-10 --time 17:00 --place GOPS"))
    refused = mlw(*typed("meeting hold 2640013 2026-02-10 --start 5pm --json"), ok=False)
    assert json.loads(refused.stderr)["field"] == "start"
    mlw(
        *typed("meeting hold 2640013 2026-02-10 --start 17:05 --end 18:40 --chair 'Anna Nowak'"),
        *typed("--chair-function przewodnicząca --minute-taker 'Jan Kos' --number 3"),
    )
    held = json.loads(mlw("minutes", "show", "2640013", "2026-02-10", "--json").output)
    went = [held[k] for k in ("started_at", "ended_at", "chair", "minute_taker", "number")]
    assert went == ["17:05:00", "18:40:00", "Anna Nowak", "Jan Kos", "3/2026"]


def test_a_pact_forum_invites_a_guest_from_the_shell_and_refuses_it_twice(mlw) -> None:  # type: ignore[no-untyped-def]
    mlw("pact", "join", "2640013", "GOPS", "--on", "2026-01-05")
    mlw(
        *typed("meeting schedule 2640013 --kind pact --date 2026-03-20 --time 17:00 --place GOPS"),
        *typed("--on 2026-03-01"),
    )
    invited = mlw(*typed("meeting invite 2640013 2026-03-20 Szkoła NGO --on 2026-03-02"), "--json")
    assert [i["name"] for i in json.loads(invited.output)["invited"]] == ["Szkoła", "NGO"]
    refused = mlw(*typed("meeting invite 2640013 2026-03-20 NGO --on 2026-03-03"), ok=False)
    assert "NGO is already invited to the meeting of 2026-03-20" in refused.output
    assert "Invited: Szkoła, NGO" in mlw("meeting", "show", "2640013", "2026-03-20").output
