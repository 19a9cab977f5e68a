"""Read models on every store: tables for facilitators that never lose or double a fact."""

from __future__ import annotations

import json
from datetime import date
from uuid import UUID

import pytest

from projections.catalogue import catalogue_table, pact_table
from projections.read_models import ReadModels
from projections.timeline import timeline
from registry.application import Registry
from registry.settings import Settings

BY = "moderatorka.ala"


def zielony_jar(app: Registry) -> tuple[UUID, dict[str, UUID]]:
    """A gmina with a GOPS, a school, a parish and a citizen leader, a pact and commitments."""
    g = app.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by=BY, effective_on=date(2025, 9, 1)
    )
    app.open_partnership(g, reason="Sesja rady", recorded_by=BY, effective_on=date(2025, 9, 15))

    def add(name: str, subtype: str, kind: str = "institution", by: str = BY) -> UUID:
        return app.add_stakeholder(
            g, name=name, subtype=subtype, kind=kind, recorded_by=by, effective_on=date(2025, 10, 1)
        )

    who = {
        "gops": add("GOPS w Zielonym Jarze", "local_government_unit"),
        "school": add("Szkoła Podstawowa w Jarze", "education", by="sekretarz.ola"),
        "parish": add("Parafia św. Jana", "church_organisation"),
        "leader": add("Jan Kowalski", "social_leader", kind="person"),
    }
    for key in ("gops", "school", "leader"):
        app.join_pact(g, who[key], recorded_by=BY, effective_on=date(2026, 1, 20))
    hall = app.make_commitment(
        g,
        who["school"],
        resource="premises",
        description="Sala na zajęcia KIS",
        beneficiary_id=who["gops"],
        recorded_by=BY,
        effective_on=date(2026, 2, 1),
    )
    app.revise_commitment(
        g, hall, description="Sala i boisko", recorded_by=BY, effective_on=date(2026, 3, 1)
    )
    app.declare_cooperation(
        g,
        who["leader"],
        who["parish"],
        subject="Festyn",
        form="ad_hoc",
        recorded_by=BY,
        effective_on=date(2026, 4, 1),
    )
    return g, who


def more_facts(app: Registry, g: UUID, who: dict[str, UUID]) -> None:
    app.join_pact(g, who["parish"], recorded_by=BY, effective_on=date(2026, 5, 1))
    app.edit_stakeholder(
        who["school"], name="Zespół Szkół w Jarze", recorded_by=BY, effective_on=date(2026, 5, 2)
    )
    c = app.make_commitment(
        g,
        who["parish"],
        resource="time",
        description="Wolontariusze",
        joint_with=[who["school"]],
        recorded_by=BY,
        effective_on=date(2026, 5, 3),
    )
    app.fulfil_commitment(g, c, recorded_by=BY, effective_on=date(2026, 6, 30))


def everything(models: ReadModels) -> str:
    kinds = ("stakeholder", "party", "commitment", "owner", "fact")
    return json.dumps(
        {f"{n}/{k}": v.rows(k) for n, v in models.views.items() for k in kinds}, sort_keys=True
    )


def test_the_catalogue_and_the_pact_read_as_tables(registry: Registry) -> None:
    g, _ = zielony_jar(registry)
    with ReadModels(registry) as models:
        models.catch_up()
        view = models.catalogue_view
        names = [r["name"] for r in catalogue_table(view, g, person_name=models.person_name)]
        assert names[:3] == [
            "GOPS w Zielonym Jarze",
            "Parafia św. Jana",
            "Szkoła Podstawowa w Jarze",
        ]
        assert [r["name"] for r in catalogue_table(view, g, text="szkoła")] == [
            "Szkoła Podstawowa w Jarze"
        ]
        assert [r["sector"] for r in catalogue_table(view, g, status="identified")] == ["church"]
        pact = pact_table(view, g, models.person_name)
        assert sorted(p["name"] for p in pact["parties"] if p["is_member"]) == [
            "GOPS w Zielonym Jarze",
            "Jan Kowalski",
            "Szkoła Podstawowa w Jarze",
        ]
        [hall] = pact["commitments"]
        assert (hall["description"], hall["state"], hall["revisions"]) == (
            "Sala i boisko",
            "revised",
            1,
        )


def test_the_timeline_says_who_recorded_each_fact_and_when_it_took_effect(
    registry: Registry,
) -> None:
    g, who = zielony_jar(registry)
    with ReadModels(registry) as models:
        models.catch_up()
        entries = timeline(models.timeline_view, g)
        school = [e for e in entries if e.record_id == str(who["school"])]
        assert (school[0].fact, school[0].recorded_by, school[0].effective_on) == (
            "Stakeholder.Catalogued",
            "sekretarz.ola",
            date(2025, 10, 1),
        )
        assert [e.fact for e in timeline(models.timeline_view, g, fact="cooperation")] == [
            "Cooperation.Declared"
        ]
        assert all(
            e.effective_on <= date(2026, 1, 31)
            for e in timeline(models.timeline_view, g, until=date(2026, 1, 31))
        )


def test_a_read_model_stopped_midway_resumes_to_exactly_the_rebuilt_result(
    registry: Registry, store_settings: Settings
) -> None:
    g, who = zielony_jar(registry)
    first = ReadModels(registry, batch_size=3)
    for runner in first.runners.values():
        runner.run(max_batches=2)
    assert set(first.positions().values()) == {6}
    if store_settings.store == "memory":
        resumed = first  # a memory read model lives only as long as its process
    else:
        first.close()
        resumed = ReadModels(registry, batch_size=3)
        assert set(resumed.positions().values()) == {6}
    more_facts(registry, g, who)
    resumed.catch_up()
    rebuilt = ReadModels(registry, Settings(store="memory"))
    rebuilt.catch_up()
    last = registry.recorder.max_notification_id()
    assert set(resumed.positions().values()) == set(rebuilt.positions().values()) == {last}
    assert everything(resumed) == everything(rebuilt)
    resumed.close()


def test_read_models_that_stopped_at_different_places_catch_up_together_exactly(
    registry: Registry,
) -> None:
    g, who = zielony_jar(registry)
    models = ReadModels(registry, batch_size=4)
    models.runners["catalogue"].run(max_batches=1)
    models.runners["timeline"].run(max_batches=3)
    models.runners["meetings"].run(max_batches=2)
    assert models.positions() == {"catalogue": 4, "timeline": 12, "meetings": 8, "reports": 0}
    more_facts(registry, g, who)
    models.catch_up()
    rebuilt = ReadModels(registry, Settings(store="memory"))
    rebuilt.catch_up()
    last = registry.recorder.max_notification_id()
    assert set(models.positions().values()) == {last}
    assert everything(models) == everything(rebuilt)
    models.close()


def test_a_batch_that_fails_to_be_written_is_applied_again_and_only_once(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    g, who = zielony_jar(registry)
    more_facts(registry, g, who)
    with ReadModels(registry, batch_size=4) as models:
        runner = models.runners["catalogue"]
        runner.run(max_batches=3)
        view = models.catalogue_view
        real_write = view.write
        calls = {"n": 0}

        def failing_write(changes: object, tracking: object, since: object = None) -> None:
            calls["n"] += 1
            raise OSError("disk full")

        monkeypatch.setattr(view, "write", failing_write)
        with pytest.raises(OSError):
            runner.run()
        monkeypatch.setattr(view, "write", real_write)
        runner.run()
        rebuilt = ReadModels(registry, Settings(store="memory"))
        rebuilt.catch_up()
        assert everything(models).count("revisions") and json.dumps(
            view.rows("commitment"), sort_keys=True
        ) == json.dumps(rebuilt.catalogue_view.rows("commitment"), sort_keys=True)


def test_each_gminas_entry_in_the_national_directory_stays_on_its_own_timeline(
    registry: Registry,
) -> None:
    g, _ = zielony_jar(registry)
    other = registry.register_gmina(
        "2640023", "Jarki", "zielonojarski", recorded_by=BY, effective_on=date(2025, 9, 1)
    )
    with ReadModels(registry) as models:
        models.catch_up()
        for gmina in (g, other):
            entered = timeline(models.timeline_view, gmina, fact="GminaDirectory.Entered")
            assert [e.details["gmina_id"] for e in entered] == [str(gmina)]
