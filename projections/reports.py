"""Today's network and risk reports of every gmina, computed by the worker and stored.

A request for today reads the stored report while it is current: made today, after the
gmina's latest fact, with the same erasures and thresholds (`CollaborationView.stored`);
otherwise the report is folded from the timeline as for any other date. The worker calls
`refresh` after each catch-up; it redoes only the gminas whose history, day, erasures
or thresholds moved on.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError, Tracking

from projections.collaboration import CollaborationView, collection_paused, network_report
from projections.network import Snapshot
from projections.read_models import ReadModels
from projections.report_rows import Person, as_row
from projections.store import Change, Key, RowView

GMINAS_PER_WRITE = 20
GMINAS_PER_REFRESH = 100


class StoredReports:
    """Writes today's reports of the gminas whose stored ones are out of date."""

    def __init__(self, models: ReadModels, view: CollaborationView | None = None) -> None:
        self.models = models
        self.view = view or CollaborationView(models)
        self.seen: tuple[Any, ...] | None = None

    @property
    def store(self) -> RowView:
        return self.models.views["reports"]  # type: ignore[no-any-return]

    @property
    def tracking_name(self) -> str:
        return f"{self.models.app.name}.reports"

    def refresh(self, today: date | None = None, most: int = GMINAS_PER_REFRESH) -> int:
        """Compute and store the reports that are stale; returns how many gminas were redone.

        At most ``most`` gminas at a time, so the worker goes back to new facts between
        them; the rest are done on the next calls.
        """
        today = today or date.today()
        position, erasures = self.view.state()
        seen = (position, today, erasures, self.view.risk_settings_key())
        if seen == self.seen:
            return 0
        latest = {
            r["gmina_id"]: int(r["position"]) for r in self.models.timeline_view.rows("latest")
        }
        stamps = {r["gmina_id"]: r["stamp"] for r in self.store.rows("stamp")}
        stale = [
            (gmina_id, [last, today.isoformat(), erasures, seen[3]])
            for gmina_id, last in sorted(latest.items())
            if stamps.get(gmina_id) != [last, today.isoformat(), erasures, seen[3]]
        ]
        changes: dict[Key, Change] = {}
        stored = True
        for done, (gmina_id, stamp) in enumerate(stale[:most], 1):
            changes.update(self.rows(gmina_id, today, stamp))
            if done % GMINAS_PER_WRITE == 0:
                stored = self.write(changes) and stored
        stored = self.write(changes) and stored
        self.seen = seen if stored and len(stale) <= most else None
        return min(len(stale), most)

    def write(self, changes: dict[Key, Change]) -> bool:
        """Store the reports made so far (a few gminas at a time: a region's are many).

        False if another process stored reports at the same moment: these are dropped
        and made again on the next call, if still stale.
        """
        if not changes:
            return True
        written = (self.store.max_tracking_id(self.tracking_name) or 0) + 1
        try:
            self.store.write(changes, Tracking(self.tracking_name, written))
        except IntegrityError:
            return False
        finally:
            changes.clear()
        return True

    def rows(self, gmina_id: str, today: date, stamp: list[Any]) -> dict[Key, Change]:
        """The stored network and risk reports of one gmina, and the stamp they were made at."""
        with collection_paused():
            s = self.view.snapshot(UUID(gmina_id), today)
            flags, report = self.view.assess(s), network_report(s)
        persons = persons_of(s)
        network = {**as_row(report, persons), "stamp": stamp}
        risks = {**as_row(flags, persons), "stamp": stamp}
        return {
            ("network", gmina_id): (gmina_id, stamp[0], network),
            ("risks", gmina_id): (gmina_id, stamp[0], risks),
            ("stamp", gmina_id): (gmina_id, stamp[0], {"gmina_id": gmina_id, "stamp": stamp}),
        }


def persons_of(s: Snapshot) -> dict[str, tuple[str, Person]]:
    """The snapshot's citizen leaders: person id -> (name as shown, sealed reference)."""
    return {a.person["person_id"]: (a.name, a.person) for a in s.actors.values() if a.person}
