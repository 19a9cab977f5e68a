"""Every read route of the API, taken from its own description, loads no record.

A facilitator of Zielony Jar (the demo gmina, with its team's year) asks the registry for
everything it can answer with a GET: the gmina, its catalogue, a stakeholder and their
history, the pact, the team, the meetings with their quorum and tasks, the resolutions,
the entities, the persons, the network and its comparison, the risks, the timeline, the
documents. Meanwhile every record the registry loads is counted; the only one allowed is
the account the request signs in with. A route added later is asked too, so a new read
that loads records fails here until it reads the read models.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from projections.read_side import with_reads
from registry.application import Registry
from registry.demo import DEMO_TERC, load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings
from tests.e2e.test_reads_load_no_aggregate_a import Loads
from tests.e2e.web import bearer

# Routes that are not reads of a gmina's records: the process's own health and metrics,
# and the account's own data (signing in is allowed to load the account).
NOT_GMINA_READS = {"/healthz", "/readyz", "/metrics", "/api/me", "/api/accounts/{username}/audit"}
# Query strings that make a route answer something worth reading.
ASKED_WITH = {
    "/api/gminas/{ref}/network/compare": "?earlier=2026-03-01&later=2026-09-01",
    "/api/gminas/{ref}/meetings/{mid}/quorum": "?at=11:00",
    "/api/gminas/{ref}/documents/{kind}": "?format=html",
}


@pytest.fixture(scope="module")
def office() -> Iterator[tuple[TestClient, Registry, dict[str, str]]]:
    registry = with_reads(Registry(Settings(store="memory")))
    gid = load_demo(registry)
    load_demo_meetings(registry, gid)
    registry.open_account(
        "ala", password="tajne-haslo-1", role="facilitator", gmina_ids=[gid], recorded_by="admin"
    )
    with TestClient(create_app(registry=registry)) as client:
        client.headers.update(bearer(client, "ala", "tajne-haslo-1"))
        meetings = [registry.get_meeting(m.id) for m in registry.list_meetings(gid)]
        meeting = next(m for m in meetings if m.actions)
        ids = {
            "ref": DEMO_TERC,
            "sid": str(registry.catalogue(gid)[0].id),
            "mid": str(meeting.id),
            "aid": str(meeting.actions[0].id),
            "rid": str(registry.list_resolutions(gid)[0].id),
            "eid": str(registry.list_entities(gid)[0].id),
            "kind": "pact",
        }
        yield client, registry, ids
    registry.close()


def read_routes() -> list[str]:
    spec = create_app(registry=with_reads(Registry(Settings(store="memory")))).openapi()
    return sorted(
        path
        for path, operations in spec["paths"].items()
        if "get" in operations and path not in NOT_GMINA_READS and "{digest}" not in path
    )


@pytest.mark.parametrize("route", read_routes())
def test_a_read_route_loads_no_record(
    office: tuple[TestClient, Registry, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    route: str,
) -> None:
    client, _, ids = office
    url = route.format(**ids) + ASKED_WITH.get(route, "")
    first = client.get(url)  # the read models catch up with the demo's year first
    assert first.status_code == 200, first.text
    loads = Loads(monkeypatch)
    answer: Any = client.get(url)
    assert answer.status_code == 200, answer.text
    assert loads.beyond_signing_in() == {}
