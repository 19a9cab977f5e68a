"""Today's network and risks as the worker stored them: read, not computed, in a request.

The facilitator of Zielony Jar asks for the network and the risk flags of today; the
worker has already worked them out after the last fact, so the answer is read from the
reports read model, exactly as it would have been computed. A new fact, another day or
an erasure makes the stored report stale: until the worker catches up, the report is
folded from the timeline instead, never from the registry's records.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from api.cli.workers import Worker
from projections.collaboration import CollaborationView
from projections.read_models import ReadModels
from projections.read_side import with_reads
from projections.reports import StoredReports
from registry.application import Registry
from registry.settings import Settings
from tests.integration.test_network_story import BY, gmina_around_its_gops

Story = tuple[Registry, UUID, list[UUID]]


@pytest.fixture
def story(memory_registry: Registry) -> Story:
    """Zielony Jar a year after its GOPS gathered the partners around itself."""
    g, _, partners = gmina_around_its_gops(memory_registry)
    return memory_registry, g, partners


def no_computing(view: CollaborationView, monkeypatch: pytest.MonkeyPatch) -> None:
    """Computing a report inside the request is now a failure of the test."""

    def refuse(*args: Any) -> Any:
        raise AssertionError("a report was computed inside the request")

    monkeypatch.setattr(view, "compute_network", refuse)
    monkeypatch.setattr(view, "compute_risks", refuse)


def test_after_the_worker_today_reports_are_read_as_stored_and_equal_the_computed_ones(
    story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry, g, _ = story
    with ReadModels(registry) as models:
        computed = CollaborationView(models)
        network, flags = computed.compute_network(g, None), computed.compute_risks(g, None)
        assert "dominance.centralisation" in {f.rule for f in flags}

        assert StoredReports(models).refresh() == 1
        view = CollaborationView(models)
        no_computing(view, monkeypatch)
        assert view.network(g) == network
        assert view.risks(g) == flags
        assert view.risks(g, date.today()) == flags
        assert "Anna Lider" in {n.name for n in view.network(g).nodes}


def test_a_new_fact_is_seen_at_once_and_the_worker_stores_it_next(story: Story) -> None:
    registry, g, partners = story
    with ReadModels(registry) as models:
        reports = StoredReports(models)
        reports.refresh()
        ties = CollaborationView(models).network(g).network.ties
        registry.declare_cooperation(
            g, partners[0], partners[1], subject="Wspólny festyn", form="ad_hoc",
            recorded_by=BY, effective_on=date(2026, 3, 1),
        )  # fmt: skip
        view = CollaborationView(models)
        assert view.stored("network", g, None) is None  # stale: the fact came after it
        assert view.network(g).network.ties == ties + 1
        assert reports.refresh() == 1
        assert reports.refresh() == 0  # nothing new: nothing redone
        assert CollaborationView(models).stored("network", g, None).network.ties == ties + 1


def test_stored_reports_keep_no_name_of_a_person_and_an_erasure_is_never_read_from_them(
    tmp_path: Path,
) -> None:
    app = with_reads(Registry(Settings(store="sqlite", sqlite_path=tmp_path / "mlw.sqlite")))
    try:
        g, _, _ = gmina_around_its_gops(app)
        with ReadModels(app) as models:
            StoredReports(models).refresh()
            view = CollaborationView(models)
            leader = next(
                n for n in view.stored("network", g, None).nodes if n.name == "Anna Lider"
            )
            raw = b"".join(f.read_bytes() for f in tmp_path.glob("mlw.sqlite.reports.sqlite*"))
            assert b"GOPS w Zielonym Jarze" in raw and b"Anna Lider" not in raw

            app.erase_person(app.get_stakeholder(UUID(leader.id)).person_id)  # type: ignore[arg-type]
            assert view.stored("network", g, None) is None  # made before the erasure
            names = {n.name for n in CollaborationView(models).network(g).nodes}
            assert "Anna Lider" not in names and "[dane usunięte]" in names
    finally:
        app.close()


def test_the_worker_stores_today_reports_after_catching_up(tmp_path: Path) -> None:
    app = with_reads(Registry(Settings(store="sqlite", sqlite_path=tmp_path / "mlw.sqlite")))
    try:
        g, _, _ = gmina_around_its_gops(app)
        assert Worker(app).run(once=True) > 0
        with ReadModels(app) as models:
            row = models.views["reports"].get("risks", str(g))
            assert row is not None and row["stamp"][1] == date.today().isoformat()
            view = CollaborationView(models)
            assert view.stored("risks", g, None) == view.compute_risks(g, None)
    finally:
        app.close()


def test_today_drawing_is_made_from_the_stored_report_with_the_same_stakeholders_and_ties(
    story: Story, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry, g, _ = story
    with ReadModels(registry) as models:
        folded = CollaborationView(models).graph(g)
        StoredReports(models).refresh()
        view = CollaborationView(models)
        monkeypatch.setattr(view, "snapshot", lambda *args: pytest.fail("folded in a request"))
        drawn = view.graph(g)
        assert list(drawn.nodes) == list(folded.nodes)
        assert {n: (d["name"], d["sector"], d["kind"]) for n, d in drawn.nodes(data=True)} == {
            n: (d["name"], d["sector"], d["kind"]) for n, d in folded.nodes(data=True)
        }
        assert {frozenset((a, b)): d for a, b, d in drawn.edges(data=True)} == {
            frozenset((a, b)): d for a, b, d in folded.edges(data=True)
        }


def test_a_region_of_many_gminas_is_stored_a_few_gminas_at_a_time(
    memory_registry: Registry,
) -> None:
    terc = ["2640013", "2640023", "2640033"]
    gminas = [
        memory_registry.register_gmina(
            code, f"Gmina {code}", "zielonojarski", recorded_by=BY, effective_on=date(2025, 9, 1)
        )
        for code in terc
    ]
    with ReadModels(memory_registry) as models:
        reports = StoredReports(models)
        done = [reports.refresh(most=2) for _ in range(3)]
        assert done == [2, 1, 0]
        view = CollaborationView(models)
        assert all(view.stored("network", g, None) is not None for g in gminas)
