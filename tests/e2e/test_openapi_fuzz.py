"""Schemathesis over every operation of /openapi.json, as the demo gmina's facilitator.

Seeded and bounded (at most EXAMPLES cases an operation, derandomised), so every run
tries the same requests: no answer may be a server error, and every answer must be one
the OpenAPI description promises (status, content type, body schema). Run by `.ci/run`
with `./dev test -m fuzz` (left out of the everyday `./dev test`: it takes a minute or
two). `MLW_FUZZ_EXAMPLES` widens or narrows the budget.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, settings

from api.app import create_app
from projections.read_side import with_reads
from registry.accounts import DEMO_PASSWORD, open_demo_accounts
from registry.application import Registry
from registry.demo import DEMO_TERC, load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings
from tests.e2e.web import bearer

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("MLW_FUZZ_EXAMPLES", "25"))
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]


# Built when the module is collected (cheap: an empty store); the demo is loaded only
# when the test runs, so the everyday `./dev test`, which leaves this test out, pays little.
registry = with_reads(Registry(Settings(store="memory")))
app = create_app(registry=registry)
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@dataclass
class DemoOffice:
    token: dict[str, str]
    real: dict[str, str]
    counts: dict[str, int] = field(default_factory=lambda: {"cases": 0, "server_errors": 0})


@pytest.fixture(scope="module")
def office() -> Iterator[DemoOffice]:
    """The demo gmina, its facilitator logged in, a few of its real ids."""
    gmina_id = load_demo(registry)
    load_demo_meetings(registry, gmina_id)
    open_demo_accounts(registry, gmina_id, registry.get_gmina(gmina_id).voivodeship)
    with TestClient(app) as client:
        token = bearer(client, "moderator", DEMO_PASSWORD)

        def first(path: str) -> str:
            return str(client.get(f"/api/gminas/{DEMO_TERC}{path}", headers=token).json()[0]["id"])

        real = {
            "mid": first("/meetings"),
            "sid": first("/stakeholders"),
            "rid": first("/resolutions"),
        }
    office = DemoOffice(token, real)
    yield office
    print(
        f"\nschemathesis: {office.counts['cases']} cases ({EXAMPLES} an operation at most), "
        f"{office.counts['server_errors']} server errors"
    )


def aim_at_the_demo_gmina(case: Any, real: dict[str, str]) -> None:
    """Generated ids name nothing: the gmina is always the demo's, and half the ids real."""
    params = case.path_parameters or {}
    if "ref" in params:
        params["ref"] = DEMO_TERC
    for name, value in real.items():
        if name in params and str(params[name])[:1] in "02468ace":
            params[name] = value


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_no_operation_answers_a_server_error_or_breaks_its_description(
    case: Any, office: DemoOffice
) -> None:
    aim_at_the_demo_gmina(case, office.real)
    response = case.call(headers=office.token)
    office.counts["cases"] += 1
    office.counts["server_errors"] += response.status_code >= 500
    case.validate_response(response, checks=CHECKS)
