"""Reading the gminas, the catalogue and the pact loads no aggregate: the read models answer.

A facilitator of Zielony Jar (the demo gmina) opens the directory, the gmina's page, the
catalogue, a stakeholder's card and the pact, in the API, on the pages and at the shell,
now and as of a past date. Meanwhile every aggregate the registry loads is counted; the
only one allowed is the account the request signs in with (authentication, not the read).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from eventsourcing.application import Repository
from eventsourcing.persistence import EventStore
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as mlw
from projections.read_side import with_reads
from registry.application import Registry
from registry.base import RegistryBase
from registry.demo import load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings
from tests.e2e.web import bearer, log_in

SIGNING_IN = {"Account"}


class Loads:
    """Aggregates loaded (by type) and histories read outside of loading one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.seen: Counter[str] = Counter()
        self.inside = 0
        get, load, facts = Repository.get, RegistryBase.load, EventStore.get

        def repository_get(repo: Repository, *args: Any, **kwargs: Any) -> Any:
            self.inside += 1
            try:
                aggregate = get(repo, *args, **kwargs)
            finally:
                self.inside -= 1
            self.seen[type(aggregate).__name__] += 1
            return aggregate

        def registry_load(app: RegistryBase, cls: type, *args: Any, **kwargs: Any) -> Any:
            if kwargs.get("as_of") is not None:
                self.seen[f"{cls.__name__} as of a date"] += 1
            return load(app, cls, *args, **kwargs)

        def events_get(store: EventStore, *args: Any, **kwargs: Any) -> Any:
            if not self.inside:
                self.seen["facts of a record"] += 1
            return facts(store, *args, **kwargs)

        monkeypatch.setattr(Repository, "get", repository_get)
        monkeypatch.setattr(RegistryBase, "load", registry_load)
        monkeypatch.setattr(EventStore, "get", events_get)

    def beyond_signing_in(self) -> dict[str, int]:
        return {k: n for k, n in self.seen.items() if k not in SIGNING_IN}


@pytest.fixture
def demo() -> Iterator[tuple[TestClient, Registry, dict[str, str]]]:
    registry = with_reads(Registry(Settings(store="memory")))
    gid = load_demo(registry)
    load_demo_meetings(registry, gid)  # the team's year: its sittings, the entity it chose
    registry.open_account(
        "ala", password="tajne-haslo-1", role="facilitator", gmina_ids=[gid], recorded_by="admin"
    )
    with TestClient(create_app(registry=registry)) as client:
        log_in(client, "ala", "tajne-haslo-1")
        client.headers.update(bearer(client, "ala", "tajne-haslo-1"))
        ids = {
            "sid": str(registry.catalogue(gid)[0].id),
            "eid": str(registry.list_entities(gid)[0].id),
        }
        yield client, registry, ids


READS = [
    "/",
    "/api/gminas",
    "/api/gminas/{terc}",
    "/api/gminas/{terc}?as_of=2025-12-01",
    "/api/gminas/{terc}/stakeholders",
    "/api/gminas/{terc}/stakeholders?as_of=2025-12-01&sector=ngo",
    "/api/gminas/{terc}/stakeholders/{sid}",
    "/api/gminas/{terc}/stakeholders/{sid}?as_of=2026-03-01",
    "/gminy/{terc}/katalog",
    "/gminy/{terc}/katalog?q=gops",
    "/api/gminas/{terc}/pact",
    "/api/gminas/{terc}/pact?as_of=2026-03-01",
    "/gminy/{terc}/pakt",
    "/api/gminas/{terc}/entities",
    "/api/gminas/{terc}/entities?as_of=2026-07-01",
    "/api/gminas/{terc}/entities/{eid}",
]


@pytest.mark.parametrize("route", READS)
def test_reading_the_catalogue_side_of_the_demo_gmina_loads_no_aggregate(
    demo: tuple[TestClient, Registry, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    route: str,
) -> None:
    client, _, ids = demo
    url = route.format(terc="2640013", **ids)
    client.get(url)  # the read models catch up with the demo's year first
    loads = Loads(monkeypatch)
    answer = client.get(url)
    assert answer.status_code == 200, answer.text
    assert loads.beyond_signing_in() == {}


def test_the_dashboard_counts_without_loading_a_record(
    demo: tuple[TestClient, Registry, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Meetings and resolutions are counted from the meetings read model, the rest from
    # the catalogue's.
    client, _, _ = demo
    client.get("/gminy/2640013")
    loads = Loads(monkeypatch)
    for url in ("/gminy/2640013", "/api/gminas/2640013/dashboard?as_of=2026-03-01"):
        assert client.get(url).status_code == 200
    assert loads.beyond_signing_in() == {}


def test_looking_up_names_and_id_prefixes_at_the_shell_loads_no_aggregate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLW_STORE", "sqlite")
    monkeypatch.setenv("MLW_SQLITE_PATH", str(tmp_path / "gmina.sqlite"))
    monkeypatch.setenv("MLW_USER", "moderatorka.ala")
    runner = CliRunner()
    assert runner.invoke(mlw, ["demo"]).exit_code == 0
    listed = runner.invoke(mlw, ["catalogue", "2640013", "--json"])
    some = next(s for s in json.loads(listed.output) if s["kind"] == "institution")
    loads = Loads(monkeypatch)
    for args in (
        ["catalogue", "2640013", "--sector", "ngo"],
        ["stakeholder", "show", some["id"][:8]],
        ["stakeholder", "show", some["name"], "--as-of", "2026-01-01"],
        ["pact", "show", "Zielony Jar (gmina demonstracyjna)"],
        ["gmina", "list"],
    ):
        shown = runner.invoke(mlw, args)
        assert shown.exit_code == 0, shown.output
    assert loads.beyond_signing_in() == {}
