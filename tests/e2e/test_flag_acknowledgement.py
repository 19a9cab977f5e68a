"""A facilitator and the team read the risks page, talk a flag over, and mark it as seen."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from httpx import Response

from registry.accounts import DEMO_PASSWORD
from tests.e2e.office import API, Office, demo_office
from tests.e2e.web import csrf_of, log_in

KEY_OF_OPS = "dominance.decision_share"


@pytest.fixture
def office() -> Iterator[Office]:
    yield from demo_office()


def test_a_flag_acknowledged_with_a_note_stays_listed_and_is_marked_as_seen(
    office: Office,
) -> None:
    before = office.facts()
    answer = office.client.post(
        API + "/risks/acknowledgements",
        json={"flag": KEY_OF_OPS, "note": "Omówione 19.11: projekty uchwał będą rotować."},
    )
    assert answer.status_code == 201, answer.text
    seen = answer.json()
    assert seen["seen"] is True
    assert seen["acknowledged"]["note"] == "Omówione 19.11: projekty uchwał będą rotować."
    assert seen["acknowledged"]["by"] == "moderator"
    assert office.facts() == before + 1
    listed = office.client.get(API + "/risks").json()
    assert [f["rule"] for f in listed if f["seen"]] == [KEY_OF_OPS]
    assert len(listed) == 2


def test_acknowledging_without_a_note_is_refused_in_both_languages_and_records_nothing(
    office: Office,
) -> None:
    before = office.facts()
    answer = office.client.post(
        API + "/risks/acknowledgements", json={"flag": KEY_OF_OPS, "note": "  "}
    )
    assert answer.status_code == 422
    problem = answer.json()
    assert "note" in problem["detail_en"] and "notatce" in problem["detail_pl"]
    assert office.facts() == before


def test_a_flag_not_raised_today_cannot_be_acknowledged(office: Office) -> None:
    answer = office.client.post(
        API + "/risks/acknowledgements",
        json={"flag": "exclusion.isolated_signatory", "note": "Sprawdzone."},
    )
    assert answer.status_code == 404
    assert "exclusion.isolated_signatory" in answer.json()["detail_en"]


def test_the_acknowledgement_route_is_described_in_openapi(office: Office) -> None:
    paths = office.client.get("/openapi.json").json()["paths"]
    assert "post" in paths["/api/gminas/{ref}/risks/acknowledgements"]


PAGE = "/gminy/2640013/ryzyka"


def risks_page_as(office: Office, username: str) -> str:
    """The risks page as an account logged in on the page sees it."""
    office.client.headers.pop("Authorization")
    log_in(office.client, username, DEMO_PASSWORD)
    return office.client.get(PAGE).text


def acknowledge_on_the_page(office: Office, page: str, note: str) -> Response:
    return office.client.post(
        PAGE + "/potwierdzenia",
        data={"csrf": csrf_of(page), "flag": "1", "note": note},
        follow_redirects=False,
    )


def test_the_risks_page_offers_the_form_to_the_facilitator_and_shows_the_note(
    office: Office,
) -> None:
    page = risks_page_as(office, "moderator")
    assert page.count('class="stack ack-form"') == 2
    answer = acknowledge_on_the_page(office, page, "Rozmawialiśmy o tym na Forum.")
    assert answer.status_code == 303
    page = office.client.get(PAGE).text
    assert "Rozmawialiśmy o tym na Forum." in page and "przyjęte do wiadomości" in page
    assert page.count('class="stack ack-form"') == 1


def test_the_risks_page_refuses_an_empty_note_in_polish_and_keeps_the_flag_open(
    office: Office,
) -> None:
    answer = acknowledge_on_the_page(office, risks_page_as(office, "moderator"), "")
    assert answer.status_code == 422
    assert "Napisz w notatce" in answer.text
    assert answer.text.count('class="stack ack-form"') == 2


def test_an_observer_reads_the_flags_without_the_form_and_cannot_acknowledge(
    office: Office,
) -> None:
    page = risks_page_as(office, "obserwator")
    assert "Kto zgłasza uchwały" in page and "ack-form" not in page
    assert acknowledge_on_the_page(office, page, "Widziałem.").status_code == 403
