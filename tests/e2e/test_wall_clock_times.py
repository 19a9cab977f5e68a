"""Times of day are the gmina's wall-clock times: an offset is refused, and never breaks a page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, time
from pathlib import Path

import pytest

from domain.errors import InvalidInputError
from domain.input_rules import check_wall_clock
from domain.meeting import Meeting
from domain.minutes import MeetingKind
from tests.e2e.office import API, Office, Shell, demo_office


@pytest.fixture
def office() -> Iterator[Office]:
    yield from demo_office()


def test_a_meeting_time_with_an_offset_is_refused(office: Office) -> None:
    before = office.facts()
    answer = office.client.post(
        API + "/meetings",
        json={"kind": "team", "on": "2026-02-05", "at": "10:00Z", "place": "Sala"},
    )
    assert answer.status_code == 422
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["field"] == "at"
    assert office.facts() == before
    assert office.client.get(API + "/meetings").status_code == 200
    assert office.client.get(API + "/dashboard").status_code == 200


def test_every_time_of_a_meeting_refuses_an_offset(office: Office) -> None:
    meeting = office.first("/meetings", state="held")
    scheduled = office.client.post(
        API + "/meetings",
        json={"kind": "team", "on": "2026-12-03", "at": "10:00", "place": "Sala"},
    ).json()
    before = office.facts()
    tries = [
        (f"/meetings/{scheduled['id']}/hold", {"started_at": "10:00+01:00"}, "started_at"),
        (f"/meetings/{scheduled['id']}/reschedule", {"at": "09:00-02:00"}, "at"),
        (f"/meetings/{meeting['id']}/end", {"ended_at": "12:00Z"}, "ended_at"),
    ]
    for path, body, field in tries:
        answer = office.client.post(API + path, json=body)
        assert answer.status_code == 422, (path, answer.text)
        assert answer.json()["field"] == field
    assert office.facts() == before


def test_the_quorum_at_a_time_with_an_offset_is_refused_in_words(office: Office) -> None:
    meeting = office.first("/meetings", kind="team", state="held")
    answer = office.client.get(API + f"/meetings/{meeting['id']}/quorum", params={"at": "10:00Z"})
    assert answer.status_code == 422
    assert answer.json()["field"] == "at"
    assert "czas lokalny" in answer.json()["detail"]


def test_a_time_recorded_with_an_offset_before_the_rule_is_read_on_the_wall_clock(
    office: Office,
) -> None:
    # A meeting recorded by an earlier version, which accepted "10:00Z", on the same day
    # as a meeting without an offset: both are listed, sorted by the time the clock shows.
    reg = office.registry
    day = date(2026, 2, 5)
    old = Meeting.schedule(
        office.gmina_id, MeetingKind.TEAM, day, time(10, 0, tzinfo=UTC), "Sala", [], day, "x"
    )
    calendar = reg.calendar_of(office.gmina_id)
    calendar.enter(old.id, MeetingKind.TEAM, day, day, "x")
    reg.save(old, calendar)  # past the registry's checks, as the old version wrote it
    listed = office.client.get(API + "/meetings")
    assert listed.status_code == 200
    assert str(old.id) in {m["id"] for m in listed.json()}
    assert office.client.get(API + f"/meetings/{old.id}").json()["at"] == "10:00:00"
    for page in ("/", "/gminy/2640013", "/gminy/2640013/spotkania"):
        assert office.client.get(page, headers={"accept": "text/html"}).status_code != 500


def test_the_shell_refuses_a_time_with_an_offset_in_one_line(tmp_path: Path) -> None:
    mlw = Shell(tmp_path)
    assert mlw("demo").exit_code == 0
    before = mlw.facts()
    result = mlw(
        "meeting", "schedule", "2640013", "--kind", "team", "--date", "2026-12-03",
        "--time", "10:00Z", "--place", "Sala",
    )  # fmt: skip
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert "czas lokalny" in result.output
    assert mlw.facts() == before
    assert mlw("meeting", "list", "2640013").exit_code == 0


def test_the_shell_refuses_an_offset_in_the_registrys_own_words(tmp_path: Path) -> None:
    mlw = Shell(tmp_path)
    assert mlw("demo").exit_code == 0
    result = mlw("attendance", "quorum", "2640013", "zsl 1/2026", "--at", "17:30Z", "--json")
    assert result.exit_code == 1
    with pytest.raises(InvalidInputError) as refused:
        check_wall_clock("at", time(17, 30, tzinfo=UTC))
    assert json.loads(result.output) == {
        "error": f"{refused.value} (field: at)",
        "field": "at",
    }
