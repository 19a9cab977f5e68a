"""The registry's queries, answered from the read models: the catalogue's and the meetings'.

Attached to a registry as ``Registry.reads``; every use case declared a query
(``delegate(..., query=True)`` in registry/application.py) is then answered here, whoever
asks: a page, the API, the shell or a document. Commands still load the records they
change.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from domain.errors import NotFoundError
from projections.meeting_rows import MeetingRows
from projections.queries_catalogue import CatalogueQueries
from projections.queries_meetings import MeetingReads
from projections.queries_people import people_of
from projections.read_models import ReadModels
from registry.application import Registry
from registry.people import PersonView
from registry.views import FactView

# The queries the meetings side answers; the catalogue side answers the rest it has.
MEETING_QUERIES = frozenset(
    {
        "list_meetings",
        "find_meeting",
        "get_meeting",
        "get_action",
        "quorum_at",
        "get_team",
        "list_resolutions",
        "find_resolution",
        "get_resolution",
    }
)
CATALOGUE_QUERIES = frozenset(
    {
        "find_gmina",
        "list_gminas",
        "get_gmina",
        "catalogue",
        "get_stakeholder",
        "get_pact",
        "get_entity",
        "list_entities",
        "authorise",
    }
)


class ReadSide:
    """Both halves of the read side over one set of read models."""

    def __init__(self, app: Any, catalogue: CatalogueQueries, meetings: MeetingReads) -> None:
        self.app = app
        # Not named after a query: ``catalogue`` is one.
        self.catalogue_side = catalogue
        self.meeting_side = meetings
        self.models: ReadModels | None = None

    @classmethod
    def open(cls, app: Any) -> ReadSide:
        """A read side with read models of its own, closed with ``close``."""
        models = ReadModels(app)
        side = cls(app, CatalogueQueries(app, models), MeetingReads(MeetingRows(models)))
        side.models = models
        return side

    def __getattr__(self, name: str) -> Any:
        if name in MEETING_QUERIES:
            return getattr(self.meeting_side, name)
        if name in CATALOGUE_QUERIES:
            return getattr(self.catalogue_side, name)
        raise AttributeError(name)

    def history(self, record_id: UUID) -> list[FactView]:
        """Every fact of a record of a gmina from the timeline; of other records (an
        account, the directory) from the store."""
        try:
            return self.meeting_side.history(record_id)
        except NotFoundError:
            return self.app.services["People"].history(record_id)  # type: ignore[no-any-return]

    def people_of(self, gmina_id: UUID) -> list[PersonView]:
        """Every natural person named in the gmina, from the timeline read model."""
        models = self.catalogue_side.fresh()
        return people_of(self.app, models.timeline_view, gmina_id)

    def close(self) -> None:
        if self.models is not None:
            self.models.close()
            self.models = None


def with_reads(app: Registry) -> Registry:
    """The registry with read models of its own, closed with it: its queries read them."""
    app.reads = ReadSide.open(app)
    return app
