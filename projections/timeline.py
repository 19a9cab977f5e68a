"""The gmina's timeline: every recorded fact, when it took effect, who recorded it and when.

The timeline is also what the collaboration network is folded from, as of any date.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from domain.gmina import Gmina
from domain.history import effective_on, payload_of
from projections.runner import ReadModel, Unit
from projections.store import RowView

# Versions of one record listed in one row of the index of records' facts.
PAGE = 100

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

    def gmina_of(self, event: Any, record_id: str, unit: Unit) -> str | None:
        """The gmina a record belongs to, as its first fact said (the directory has none)."""
        if event.originator_version == 1:
            # A record's first fact says it (nothing to look up), and its row is written
            # even if this process saw the fact before in a batch another process got first.
            gmina_id = getattr(event, "gmina_id", None)
            if isinstance(event, Gmina.Registered):
                gmina_id = event.originator_id
            if gmina_id is None:
                return None
            unit.put("owner", record_id, "", 0, {"gmina_id": str(gmina_id)})
            return self.remember(record_id, str(gmina_id))
        owner: str | None = self.owners.get(record_id)
        if owner is None:
            row = unit.get("owner", record_id)
            if row is not None:
                owner = self.remember(record_id, row["gmina_id"])
            else:
                gmina_id = getattr(event, "gmina_id", None)
                owner = None if gmina_id is None else str(gmina_id)
        return owner

    def remember(self, record_id: str, gmina_id: str) -> str:
        if len(self.owners) > 100_000:
            self.owners.clear()
        self.owners[record_id] = gmina_id
        return gmina_id

    def apply(self, event: Any, position: int, unit: Unit) -> None:
        record_id = str(event.originator_id)
        gmina_id = self.gmina_of(event, record_id, unit)
        if gmina_id is None:
            return
        version = event.originator_version
        body = {
            "position": position,
            "fact": type(event).__qualname__,
            "record_id": record_id,
            "version": version,
            "effective_on": effective_on(event).isoformat(),
            "recorded_at": event.timestamp.isoformat(),
            "recorded_by": getattr(event, "recorded_by", ""),
            # Shaped for JSON as the row is written (as `registry.views.plain` would).
            "details": {k: v for k, v in payload_of(event).items() if k not in META},
        }
        # Keys in the order of the history, so each batch adds at the end of the index.
        unit.put("fact", fact_key(position), gmina_id, position, body)
        # One row per gmina says where its history ends (stored reports are checked by it).
        unit.put(
            "latest", gmina_id, gmina_id, position, {"gmina_id": gmina_id, "position": position}
        )
        # Where the record's fact stands, a row per hundred versions of the record; a
        # record's first fact, and every hundredth, opens a page: nothing to read back.
        key = record_page(record_id, version)
        row = None if version == 1 or version % PAGE == 0 else unit.get("record", key)
        row = row or {"positions": []}
        row["positions"].append(position)
        unit.put("record", key, gmina_id, position, row)


def fact_key(position: int) -> str:
    """A fact's key: its position, zero-padded so keys sort as the history does."""
    return f"{position:012d}"


def record_page(record_id: str, version: int) -> str:
    return f"{record_id}/{version // PAGE:08d}"


def facts_of_record(view: RowView, record_id: UUID) -> list[dict[str, Any]]:
    """The facts of one record of a gmina, in the order they were recorded."""
    facts = []
    for page in itertools.count():
        found = view.get("record", record_page(str(record_id), page * PAGE))
        if found is None:
            break
        # (Rows written before keys were zero-padded are found under the bare position.)
        facts += [
            view.get("fact", fact_key(p)) or view.get("fact", str(p)) for p in found["positions"]
        ]
    return [f for f in facts if f is not None]


def facts_of(view: RowView, gmina_id: UUID) -> list[dict[str, Any]]:
    """The raw facts of one gmina, in the order they were recorded."""
    return view.rows("fact", str(gmina_id))


def latest_position(view: RowView, gmina_id: UUID) -> int:
    """The position of the gmina's latest fact (0 before its first)."""
    row = view.get("latest", str(gmina_id))
    return 0 if row is None else int(row["position"])


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
