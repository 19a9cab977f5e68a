"""A facilitator reads Zielony Jar's meetings, minutes, team, resolutions and histories
(API, pages, `mlw`) and not one of those records is loaded to answer: the read models do.

Every load of a record (``RegistryBase.load``, the repository, the event store) made while
a read is answered is counted and named by the record's kind. The gmina, its directory,
the account, the catalogue and the pact are read by the scope check and the other pages'
parts (served by their own read models); they are listed apart, so this proof stays
about meetings, minutes, the team and resolutions.
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from eventsourcing.application import Repository
from eventsourcing.persistence import EventStore
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as mlw_app
from projections.read_side import with_reads
from registry.application import Registry
from registry.base import RegistryBase
from registry.demo import load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings
from tests.e2e.web import bearer, log_in

TERC = "2640013"
MINE = {"Meeting", "Resolution", "ActionItem", "SynergyTeam", "MeetingCalendar", "Redactions"}
SERVED_ELSEWHERE = {"Account", "AccountRoll"}  # signing in, not reading
# The catalogue and pact reads (their corrections included) that pages show beside minutes.
CATALOGUE_READS = {("people.py", "catalogue"), ("people.py", "get_pact")}


class Loads:
    """The kinds of record loaded while ``watching`` is on."""

    def __init__(self) -> None:
        self.watching = False
        self.kinds: Counter[str] = Counter()
        self.apps: list[Any] = []

    def kind_of(self, record_id: UUID) -> str:
        for app in self.apps:
            for stored in app.recorder.select_events(record_id, limit=1):
                return str(stored.topic.rpartition(":")[2].rpartition(".")[0])
        return "?"

    def note(self, record_id: UUID) -> None:
        if self.watching:
            called_from = {(Path(f.filename).name, f.name) for f in traceback.extract_stack()}
            elsewhere = called_from & CATALOGUE_READS
            self.kinds["catalogue read" if elsewhere else self.kind_of(record_id)] += 1

    def mine(self) -> Counter[str]:
        return Counter({k: n for k, n in self.kinds.items() if k not in SERVED_ELSEWHERE})


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> Loads:
    counted = Loads()
    load, get, events = RegistryBase.load, Repository.get, EventStore.get

    def counted_load(app: RegistryBase, cls: Any, aggregate_id: UUID, **kw: Any) -> Any:
        counted.note(aggregate_id)
        return load(app, cls, aggregate_id, **kw)

    def counted_get(repository: Repository, aggregate_id: UUID, **kw: Any) -> Any:
        counted.note(aggregate_id)
        return get(repository, aggregate_id, **kw)

    def counted_events(store: EventStore, originator_id: UUID, **kw: Any) -> Any:
        counted.note(originator_id)
        return events(store, originator_id, **kw)

    monkeypatch.setattr(RegistryBase, "load", counted_load)
    monkeypatch.setattr(Repository, "get", counted_get)
    monkeypatch.setattr(EventStore, "get", counted_events)
    return counted


@pytest.fixture
def zielony_jar() -> Iterator[tuple[Registry, UUID]]:
    registry = with_reads(Registry(Settings(store="memory")))
    gmina = load_demo(registry)
    load_demo_meetings(registry, gmina)
    registry.open_account(
        "ala", password="tajne-haslo-1", role="facilitator", gmina_ids=[gmina], recorded_by="admin"
    )
    yield registry, gmina
    registry.close()


def read_routes(registry: Registry, gmina: UUID) -> list[str]:
    """Every read of meetings, minutes, the team and resolutions, in the API and pages."""
    api = f"/api/gminas/{TERC}"
    meetings = registry.list_meetings(gmina)
    held = next(m for m in meetings if m.state == "held" and m.kind == "team")
    minutes = registry.get_meeting(held.id)
    resolution = registry.list_resolutions(gmina)[0]
    stakeholder = minutes.attendance[0].stakeholder_id
    routes = [
        f"{api}/meetings",
        f"{api}/meetings?kind=pact",
        f"{api}/team",
        f"{api}/team?as_of={held.on}",
        f"{api}/resolutions",
        f"{api}/resolutions?as_of={held.on}",
        f"{api}/resolutions/{resolution.id}",
        f"{api}/resolutions/{resolution.id}?as_of={held.on}",
        f"{api}/timeline",
        f"{api}/stakeholders/{stakeholder}/history",
        f"/gminy/{TERC}/spotkania",
        f"/gminy/{TERC}/zespol",
        f"/gminy/{TERC}/os-czasu",
    ]
    for m in meetings:
        routes += [f"{api}/meetings/{m.id}", f"{api}/meetings/{m.id}?as_of={m.on}"]
        routes += [f"{api}/meetings/{m.id}/actions", f"/gminy/{TERC}/spotkania/{m.id}"]
    routes.append(f"{api}/meetings/{held.id}/quorum?at={minutes.started_at:%H:%M}")
    routes += [f"{api}/meetings/{held.id}/actions/{a.id}" for a in minutes.actions]
    return routes


def test_every_read_of_meetings_team_and_resolutions_loads_no_record(
    zielony_jar: tuple[Registry, UUID], loads: Loads
) -> None:
    registry, gmina = zielony_jar
    loads.apps.append(registry)
    routes = read_routes(registry, gmina)
    with TestClient(create_app(registry=registry)) as client:
        log_in(client, "ala", "tajne-haslo-1")
        client.headers.update(bearer(client, "ala", "tajne-haslo-1"))
        client.get(f"/api/gminas/{TERC}/meetings")  # the read models catch up once
        for route in routes:
            loads.watching = True
            answer = client.get(route)
            loads.watching = False
            assert answer.status_code == 200, (route, answer.text)
            assert loads.mine() == Counter(), route
            loads.kinds.clear()


def test_mlw_reads_minutes_team_and_resolutions_without_loading_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loads: Loads
) -> None:
    monkeypatch.setenv("MLW_STORE", "sqlite")
    monkeypatch.setenv("MLW_SQLITE_PATH", str(tmp_path / "gmina.sqlite"))
    runner = CliRunner()
    assert runner.invoke(mlw_app, ["demo"]).exit_code == 0
    store = with_reads(Registry(Settings.from_env()))
    loads.apps.append(store)
    gmina = store.find_gmina(TERC)
    held = next(m for m in store.list_meetings(gmina) if m.state == "held" and m.kind == "team")
    sitting = f"zsl {held.number}"
    started = store.get_meeting(held.id).started_at
    reads = [
        ["meeting", "list", TERC],
        ["minutes", "show", TERC, sitting],
        ["minutes", "show", TERC, sitting, "--as-of", str(held.on)],
        ["attendance", "list", TERC, sitting],
        ["attendance", "quorum", TERC, sitting, "--at", f"{started:%H:%M}"],
        ["team", "show", TERC],
        ["resolution", "list", TERC],
        ["resolution", "list", TERC, "--as-of", str(held.on)],
        ["resolution", "show", TERC, store.list_resolutions(gmina)[0].number],
        ["history", str(held.id)],
    ]
    for args in reads:
        loads.watching = True
        result = runner.invoke(mlw_app, args)
        loads.watching = False
        assert result.exit_code == 0, (args, result.output)
        assert loads.mine() == Counter(), args
        loads.kinds.clear()
    store.close()
