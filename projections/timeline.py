"""The gmina's timeline: every recorded fact, when it took effect, who recorded it and when.

The timeline is also what the collaboration network is folded from, as of any date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from domain.gmina import Gmina
from domain.history import effective_on, payload_of
from projections.runner import ReadModel, Unit
from projections.store import RowView

META = frozenset(
    {
        "originator_id",
        "originator_version",
        "timestamp",
        "originator_topic",
        "effective_on",
        "recorded_by",
    }
)


@dataclass(frozen=True)
class TimelineEntry:
    """One fact of a gmina's history, in the order it was recorded."""

    position: int
    fact: str
    record_id: str
    version: int
    effective_on: date
    recorded_at: datetime
    recorded_by: str
    details: dict[str, Any]


class TimelineProjection(ReadModel):
    """Files every fact under its gmina (facts that concern no single gmina are skipped)."""

    name = "timeline"

    def __init__(self, view: Any) -> None:
        super().__init__(view)
        self.owners: dict[str, str] = {}

    def gmina_of(self, event: Any, unit: Unit) -> str | None:
        """The gmina a record belongs to, as its first fact said (the directory has none)."""
        originator = str(event.originator_id)
        if len(self.owners) > 100_000:
            self.owners.clear()
        # A record's first fact is new: nothing to look up for it.
        if originator not in self.owners and event.originator_version > 1:
            row = unit.get("owner", originator)
            if row is not None:
                self.owners[originator] = row["gmina_id"]
        if originator in self.owners:
            return self.owners[originator]
        gmina_id = getattr(event, "gmina_id", None)
        if isinstance(event, Gmina.Registered):
            gmina_id = event.originator_id
        if gmina_id is not None and event.originator_version == 1:
            unit.put("owner", originator, "", 0, {"gmina_id": str(gmina_id)})
            self.owners[originator] = str(gmina_id)
        return None if gmina_id is None else str(gmina_id)

    def apply(self, event: Any, position: int, unit: Unit) -> None:
        gmina_id = self.gmina_of(event, unit)
        if gmina_id is None:
            return
        body = {
            "position": position,
            "fact": type(event).__qualname__,
            "record_id": str(event.originator_id),
            "version": event.originator_version,
            "effective_on": effective_on(event).isoformat(),
            "recorded_at": event.timestamp.isoformat(),
            "recorded_by": getattr(event, "recorded_by", ""),
            # Shaped for JSON as the row is written (as `registry.views.plain` would).
            "details": {k: v for k, v in payload_of(event).items() if k not in META},
        }
        # Keys in the order of the history, so each batch adds at the end of the index.
        unit.put("fact", f"{position:012d}", gmina_id, position, body)


def facts_of(view: RowView, gmina_id: UUID) -> list[dict[str, Any]]:
    """The raw facts of one gmina, in the order they were recorded."""
    return view.rows("fact", str(gmina_id))


def timeline(
    view: RowView, gmina_id: UUID, *, until: date | None = None, fact: str | None = None
) -> list[TimelineEntry]:
    """The gmina's timeline, optionally up to a date and for one kind of fact."""
    entries = []
    for row in facts_of(view, gmina_id):
        took_effect = date.fromisoformat(row["effective_on"])
        if until is not None and took_effect > until:
            continue
        if fact is not None and fact.lower() not in row["fact"].lower():
            continue
        entries.append(
            TimelineEntry(
                position=row["position"],
                fact=row["fact"],
                record_id=row["record_id"],
                version=row["version"],
                effective_on=took_effect,
                recorded_at=datetime.fromisoformat(row["recorded_at"]),
                recorded_by=row["recorded_by"],
                details=row["details"],
            )
        )
    return entries
