"""Rows of a few records as they stood on a date or at a version, replayed in memory.

The stored facts of each record are applied through the catalogue read model's own rules,
with the semantics of ``domain.history.replay_as_of``: a record counts from the day its
first fact took effect, each later fact from the day it took effect, in recorded order.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.persistence import Tracking

from domain.errors import NotFoundError
from domain.history import effective_on
from projections.catalogue import CatalogueProjection
from projections.runner import Unit
from projections.store import MemoryRowView, Row
from registry.base import RegistryBase


class Replay:
    """Rows of a few records as they stood on a date or at a version, built in memory."""

    def __init__(self, app: RegistryBase) -> None:
        self.app = app
        self.view = MemoryRowView()
        self.model = CatalogueProjection(self.view)

    def facts(self, record_id: UUID) -> list[Any]:
        """The record's stored facts in the order they were recorded (upcast, decoded)."""
        stored = self.app.recorder.select_events(record_id)
        return [self.app.mapper.to_domain_event(s) for s in stored]

    def run(
        self, record_ids: Iterable[UUID], *, as_of: date | None = None, version: int | None = None
    ) -> Replay:
        unit = Unit(self.view)
        for record_id in record_ids:
            facts = self.facts(record_id)
            if as_of is not None:
                if not facts or effective_on(facts[0]) > as_of:
                    continue
                facts = [e for e in facts if effective_on(e) <= as_of]
            if version is not None:
                facts = [e for e in facts if e.originator_version <= version]
            for e in facts:
                self.model.apply(e, 0, unit)
        self.view.write(unit.changes, Tracking("replay", 1))
        return self

    def get(self, kind: str, key: object) -> Row | None:
        return self.view.get(kind, str(key))


def past_row(
    replay: Replay,
    kind: str,
    record_id: UUID,
    noun: str,
    as_of: date | None,
    version: int | None,
    key: UUID | None = None,
) -> Row:
    """A record's row as it stood then, or the refusal ``RegistryBase.load`` gives."""
    row = replay.get(kind, key or record_id)
    if row is None and as_of is not None:
        raise NotFoundError(
            "The {noun} {aggregate_id} did not exist yet on {as_of}.",
            noun=noun,
            aggregate_id=record_id,
            as_of=as_of,
        )
    if row is None or (version is not None and row["version"] != version):
        raise NotFoundError(
            "The {noun} {aggregate_id} has no version {version}.",
            noun=noun,
            aggregate_id=record_id,
            version=version,
        )
    return row
