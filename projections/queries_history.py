"""A record's history read from the timeline read model: every fact, when, by whom."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from domain.errors import NotFoundError
from projections.store import RowView
from projections.timeline import facts_of_record
from registry.views import FactView


def record_history(timeline_view: RowView, record_id: UUID) -> tuple[str, list[FactView]]:
    """The gmina a record belongs to, and every fact recorded about it in recorded order.

    The timeline files each fact under its gmina; records of no gmina (accounts, the
    directory of gminas) have no history there.
    """
    owner = timeline_view.get("owner", str(record_id))
    gmina_id = owner["gmina_id"] if owner else ""
    facts = [
        FactView(
            version=row["version"],
            fact=row["fact"].rpartition(".")[2],
            effective_on=date.fromisoformat(row["effective_on"]),
            recorded_at=datetime.fromisoformat(row["recorded_at"]),
            recorded_by=row["recorded_by"],
            details=row["details"],
        )
        for row in facts_of_record(timeline_view, record_id)
    ]
    if not facts:
        raise NotFoundError("Nothing is recorded under id {aggregate_id}.", aggregate_id=record_id)
    return gmina_id, facts
