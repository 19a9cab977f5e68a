"""The OpenAPI description is a product: refusals, the bearer scheme, /docs without internet."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.e2e.office import API, Office, demo_office

REFUSALS = ("401", "403", "404", "409", "422")


@pytest.fixture(scope="module")
def office() -> Iterator[Office]:
    yield from demo_office()


def test_the_docs_page_loads_swagger_ui_from_the_registry_itself(office: Office) -> None:
    page = office.client.get("/docs")
    assert page.status_code == 200
    assert "cdn" not in page.text and "https://" not in page.text
    assets = re.findall(r'(?:src|href)="(/[^"]+)"', page.text)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    for asset in assets:
        assert office.client.get(asset).status_code == 200, asset


def test_the_description_declares_the_bearer_scheme_for_every_operation_but_logging_in(
    office: Office,
) -> None:
    spec = office.client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["bearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "A token from POST /api/token (or `mlw account token`).",
    }
    assert spec["security"] == [{"bearer": []}]
    assert spec["paths"]["/api/token"]["post"]["security"] == []


def test_every_operation_documents_its_refusals_as_problem_documents(office: Office) -> None:
    spec = office.client.get("/openapi.json").json()
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for status in REFUSALS:
                content = operation["responses"][status]["content"]
                assert list(content) == ["application/problem+json"], (method, path, status)
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_times_of_day_are_described_as_local_wall_clock_times(office: Office) -> None:
    text = office.client.get("/openapi.json").text
    assert '"format":"time"' not in text.replace(" ", "")
    schedule = office.client.get("/openapi.json").json()["components"]["schemas"]["Schedule"]
    assert "offset" in schedule["properties"]["at"]["description"]


def test_a_body_that_is_not_json_is_answered_with_a_problem_document(office: Office) -> None:
    answer = office.client.post(
        API + "/stakeholders", content=b"{nie json", headers={"content-type": "application/json"}
    )
    assert 400 <= answer.status_code < 500
    assert answer.headers["content-type"] == "application/problem+json"


def test_an_edit_sending_null_for_a_field_leaves_that_field_as_it_was(office: Office) -> None:
    # Found by schemathesis: "resources_offered": null answered 500.
    sid = office.first("/stakeholders", subtype="ngo")["id"]
    before = office.client.get(API + f"/stakeholders/{sid}").json()
    answer = office.client.patch(
        API + f"/stakeholders/{sid}",
        json={"area": "Pomoc sąsiedzka", "resources_offered": None, "name": None},
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["resources_offered"] == before["resources_offered"]
    assert answer.json()["name"] == before["name"]
