"""Resolution and minutes numbers run 1-9999 in a year; facts take effect at most a year ahead."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta
from typing import Any
from uuid import UUID

import pytest

from domain.errors import DuplicateNumberError, InvalidInputError
from registry.accounts import DEMO_PASSWORD
from tests.e2e.office import API, Office, demo_office


@pytest.fixture
def office() -> Iterator[Office]:
    yield from demo_office()


def open_sitting(office: Office) -> dict[str, Any]:
    """The demo team's latest sitting, held, its minutes still a draft."""
    return office.first("/meetings", kind="team", state="held", minutes="draft")


def proposer(office: Office) -> str:
    return office.first("/stakeholders", subtype="local_government_unit")["id"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("number", [0, -1, 10_000, 100000000000000000000])
def test_a_resolution_number_outside_1_to_9999_is_refused_not_replaced(
    office: Office, number: int
) -> None:
    before = office.facts()
    answer = office.client.post(
        API + "/resolutions",
        json={
            "meeting_id": open_sitting(office)["id"],
            "title": "w sprawie próby",
            "proposer_id": proposer(office),
            "number": number,
        },
    )
    assert answer.status_code == 422, answer.text
    assert answer.json()["field"] == "number"
    assert office.facts() == before


def test_the_registry_itself_refuses_numbers_outside_the_series(office: Office) -> None:
    reg = office.registry
    sitting = open_sitting(office)["id"]

    def propose_numbered(number: int) -> None:
        reg.propose_resolution(
            sitting,
            title="w sprawie próby",
            text="§1 Próba.",
            proposer_id=proposer(office),
            number=number,
            recorded_by="ala",
        )

    for number in (0, 10_000, 10**20):
        with pytest.raises(InvalidInputError, match="1 do 9999"):
            propose_numbered(number)
    taken = int(office.client.get(API + "/resolutions").json()[0]["number"].split("/")[0])
    with pytest.raises(DuplicateNumberError):
        propose_numbered(taken)


def test_a_minutes_number_outside_the_series_is_refused(office: Office) -> None:
    sitting = office.client.post(
        API + "/meetings",
        json={"kind": "team", "on": "2026-12-03", "at": "10:00", "place": "Sala"},
    ).json()
    before = office.facts()
    for number in (0, 10**20):
        answer = office.client.post(
            API + f"/meetings/{sitting['id']}/hold", json={"started_at": "10:00", "number": number}
        )
        assert answer.status_code == 422
        assert answer.json()["field"] == "number"
    with pytest.raises(InvalidInputError):
        office.registry.hold_meeting(
            UUID(sitting["id"]), started_at=time(10, 0), number=0, recorded_by="ala"
        )
    assert office.facts() == before


def test_a_fact_taking_effect_more_than_a_year_ahead_is_refused(office: Office) -> None:
    before = office.facts()
    far = [date(9999, 12, 31), date.today() + timedelta(days=400)]
    for day in far:
        answer = office.client.post(
            API + "/stakeholders",
            json={
                "name": "Fundacja Jutra",
                "subtype": "ngo",
                "effective_on": day.isoformat(),
            },
        )
        assert answer.status_code == 422, answer.text
        assert answer.json()["field"] == "effective_on"
    assert office.facts() == before
    soon = date.today() + timedelta(days=30)
    answer = office.client.post(
        API + "/stakeholders",
        json={"name": "Fundacja Jutra", "subtype": "ngo", "effective_on": soon.isoformat()},
    )
    assert answer.status_code == 201


@pytest.mark.parametrize(
    "path", ["/dashboard", "/stakeholders", "/network", "/risks", "/documents/catalogue"]
)
def test_an_as_of_that_is_not_a_date_is_refused_naming_the_field(office: Office, path: str) -> None:
    name = "as-of" if path.startswith("/documents") else "as_of"
    answer = office.client.get(API + path, params={name: "wczoraj"})
    assert answer.status_code == 422
    assert answer.json()["field"] == name


def test_risks_as_of_the_first_day_of_the_calendar_answer_in_words(office: Office) -> None:
    for as_of in ("0001-01-01", "9999-12-31"):
        assert office.client.get(API + "/risks", params={"as_of": as_of}).status_code == 200


def test_the_network_drawing_for_a_day_far_past_the_end_shows_the_last_day(
    office: Office,
) -> None:
    from tests.e2e.web import log_in

    log_in(office.client, "moderator", DEMO_PASSWORD)
    for day in ("0", "100000000", "-5"):
        answer = office.client.get("/gminy/2640013/siec.svg", params={"day": day})
        assert answer.status_code == 200, answer.text[:200]
