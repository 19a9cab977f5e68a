"""Who is named where in a gmina, read from the timeline read model instead of the log."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from projections.store import RowView
from registry.base import RegistryBase
from registry.people import NAMING_RECORDS, PersonView, people_named


def people_of(app: RegistryBase, timeline: RowView, gmina_id: UUID) -> list[PersonView]:
    """Every natural person named in the gmina's catalogue, pact and meetings, with the
    roles they are named in (the records in the order the log reads them)."""
    rows = [r for r in timeline.rows("fact", str(gmina_id)) if r["fact"].startswith(NAMING_RECORDS)]
    first: dict[str, int] = {}
    for r in sorted(rows, key=lambda r: r["position"]):
        first.setdefault(r["record_id"], r["position"])

    def order(r: dict[str, Any]) -> tuple[int, int, int]:
        kind = next(i for i, k in enumerate(NAMING_RECORDS) if r["fact"].startswith(k))
        return kind, first[r["record_id"]], r["version"]

    named = ((r["fact"], UUID(r["record_id"]), r["details"]) for r in sorted(rows, key=order))
    return people_named(app, gmina_id, named)
