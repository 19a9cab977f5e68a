"""Reading the meetings rows: up to date for the reader, or as they stood on a past date.

Read your own writes: before a read, the read models are caught up to the registry's last
recorded fact if they are behind it (one cheap query when nothing is new; one caller at
a time catches up, the others wait for it), so a page shown after a change shows it.

As of a date: the facts of the records asked about (a meeting, its actions and
resolutions; the team) are read from the store and applied, those that had taken effect
by that date and in the order they were recorded, by the read model's own ``apply`` into
rows kept in memory: the same rule as ``domain.history.replay_as_of``, with no aggregate
built. Names of stakeholders and persons are read as they are now.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Protocol, TypeVar, cast
from uuid import UUID

from eventsourcing.persistence import Tracking

from domain.errors import NotFoundError
from domain.history import effective_on
from domain.redaction import Redactions
from domain.values import Sealed
from projections.meetings import MeetingsProjection
from projections.read_models import ReadModels
from projections.runner import Unit
from projections.store import MemoryRowView, Row, RowView
from registry.personal_data import ERASED, correct_texts

T = TypeVar("T")
NOUNS = {"meeting": "meeting", "action": "action item", "resolution": "resolution"}


class Rows(Protocol):
    """What queries read of a read model's rows."""

    def get(self, kind: str, key: str) -> Row | None: ...

    def rows(self, kind: str, gmina_id: str | None = None) -> list[Row]: ...


class Remembered:
    """Rows read since the registry's last new fact, kept until the next one (rows change
    only by facts; readers do not change what they are given)."""

    def __init__(self, view: RowView) -> None:
        self.view = view
        self.found: dict[tuple[str, str, str], Any] = {}

    def remember(self, key: tuple[str, str, str], read: Any) -> Any:
        if key not in self.found:
            if len(self.found) > 50_000:
                self.found = {}
            self.found[key] = read()
        return self.found[key]

    def get(self, kind: str, key: str) -> Row | None:
        return self.remember(("get", kind, key), lambda: self.view.get(kind, key))  # type: ignore[no-any-return]

    def rows(self, kind: str, gmina_id: str | None = None) -> list[Row]:
        found = self.remember(
            ("rows", kind, gmina_id or ""), lambda: self.view.rows(kind, gmina_id)
        )
        return found  # type: ignore[no-any-return]


class MeetingRows:
    """The meetings read model of this process, kept current for each reader."""

    def __init__(self, models: ReadModels) -> None:
        self.models = models
        self.app: Any = models.app
        self.reflects = -1  # the position the remembered rows were read at
        self.view = Remembered(models.meetings_view)
        self.catalogue = Remembered(models.catalogue_view)

    def current(self) -> Remembered:
        """The rows, after catching up with every fact recorded before this call."""
        reflected = self.models.for_a_read()
        if reflected != self.reflects:
            self.view = Remembered(self.models.meetings_view)
            self.catalogue = Remembered(self.models.catalogue_view)
            self.reflects = reflected
        return self.view

    def record(
        self, kind: str, record_id: UUID, gmina_id: UUID | None = None, *, as_of: date | None = None
    ) -> tuple[Row, Rows]:
        """One record's row (as of a date), and the rows it was read among."""
        view = self.current()
        row = view.get(kind, str(record_id))
        if row is None:
            raise NotFoundError(
                "No {noun} with id {aggregate_id}.", noun=NOUNS[kind], aggregate_id=record_id
            )
        if gmina_id is not None and row["gmina_id"] != str(gmina_id):
            raise NotFoundError("No such record in this gmina.")
        if as_of is None:
            return row, view
        past = self.as_of(as_of, [record_id], *self.parts(row))
        found = past.get(kind, str(record_id))
        if found is None:
            raise NotFoundError(
                "The {noun} {aggregate_id} did not exist yet on {as_of}.",
                noun=NOUNS[kind],
                aggregate_id=record_id,
                as_of=as_of,
            )
        return found, past

    @staticmethod
    def parts(row: Row) -> list[list[UUID]]:
        """The records a meeting's minutes show with it: its actions and resolutions."""
        return [
            [UUID(i) for i in row.get("action_ids", [])],
            [UUID(i) for i in row.get("resolution_ids", [])],
        ]

    def as_of(self, on: date, *groups: Iterable[UUID]) -> Rows:
        """Rows of these records made from the facts that had taken effect by ``on``."""
        rows = MemoryRowView()
        projection = MeetingsProjection(rows)
        unit = Unit(rows)
        for group in groups:
            for record_id in group:
                facts = [
                    self.app.mapper.to_domain_event(stored)
                    for stored in self.app.recorder.select_events(record_id)
                ]
                if not facts or effective_on(facts[0]) > on:
                    continue
                for fact in facts:
                    if effective_on(fact) <= on:
                        projection.apply(fact, 0, unit)
        rows.write(unit.changes, Tracking(self.app.name, 1))
        return rows

    # --- names and corrections, as they are now ---------------------------------------

    def stakeholder_name(self, stakeholder_id: UUID | str) -> str:
        row = self.catalogue.get("stakeholder", str(stakeholder_id))
        if row is None:
            return str(stakeholder_id)
        if row.get("kind") == "person" and row.get("person"):
            return self.models.person_name(row["person"])
        return str(row["name"])

    def person(self, sealed: dict[str, str] | None) -> tuple[str, str]:
        """A sealed person's name and function, or the mark of erased data."""
        if not sealed:
            return "", ""
        data = self.app.vault.unseal(Sealed(UUID(sealed["person_id"]), sealed["token"]))
        return (data.name, data.function) if data else (ERASED, "")

    def corrected(self, gmina_id: UUID | str, value: T) -> T:
        """A view with the gmina's recorded corrections of free text."""
        row = self.view.get("redactions", str(Redactions.create_id(UUID(str(gmina_id)))))
        texts = row["texts"] if row else {}
        return cast(T, correct_texts(value, texts)) if texts else value
