"""Facts whose shape changed still read to a facilitator exactly as they did."""

from __future__ import annotations

from datetime import date

from projections.read_models import ReadModels
from projections.timeline import timeline
from registry.application import Registry
from registry.settings import Settings


def test_an_edit_lists_in_the_history_and_the_timeline_only_what_it_changed() -> None:
    app = Registry(Settings(store="memory"))
    try:
        gmina = app.register_gmina(
            "2640013",
            "Zielony Jar",
            "zielonojarski",
            recorded_by="ala",
            effective_on=date(2025, 9, 1),
        )
        school = app.add_stakeholder(
            gmina,
            name="Szkoła Podstawowa",
            subtype="education",
            recorded_by="ala",
            effective_on=date(2025, 10, 1),
        )
        app.edit_stakeholder(
            school, area="edukacja i sport", recorded_by="ala", effective_on=date(2025, 11, 1)
        )

        edit = app.history(school)[-1]
        assert (edit.fact, edit.details) == ("Edited", {"changes": {"area": "edukacja i sport"}})
        with ReadModels(app) as models:
            models.catch_up()
            facts = timeline(models.timeline_view, gmina, fact="Stakeholder.Edited")
        assert [f.details for f in facts] == [{"changes": {"area": "edukacja i sport"}}]
    finally:
        app.close()
