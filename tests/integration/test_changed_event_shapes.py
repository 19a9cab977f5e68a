"""Facts whose shape changed still read to a facilitator exactly as they did."""

from __future__ import annotations

from datetime import date

from projections.read_models import ReadModels
from projections.timeline import timeline
from registry.application import Registry
from tests.integration.test_facilitator_story import BY, gmina_with_catalogue


def test_an_edit_lists_in_the_history_and_the_timeline_only_what_it_changed(
    memory_registry: Registry,
) -> None:
    app = memory_registry
    gmina, _, school = gmina_with_catalogue(app)
    app.edit_stakeholder(
        school, area="edukacja i sport", recorded_by=BY, effective_on=date(2025, 11, 1)
    )

    edit = app.history(school)[-1]
    assert (edit.fact, edit.details) == ("Edited", {"changes": {"area": "edukacja i sport"}})
    with ReadModels(app) as models:
        models.catch_up()
        facts = timeline(models.timeline_view, gmina, fact="Stakeholder.Edited")
    assert [f.details for f in facts] == [{"changes": {"area": "edukacja i sport"}}]
