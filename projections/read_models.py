"""The registry's read models, each in its own store, brought up to date on demand."""

from __future__ import annotations

import threading
from typing import Any
from uuid import UUID

from domain.values import Sealed
from projections.catalogue import CatalogueProjection
from projections.meetings import MeetingsProjection
from projections.report_rows import ReportsProjection
from projections.runner import CatchUp, OnBatch, ReadModel, catch_up_together, close_view
from projections.store import RowView, open_view
from projections.timeline import TimelineProjection
from registry.personal_data import ERASED
from registry.settings import Settings

# Further read models are added here by name.
PROJECTIONS: dict[str, type[ReadModel]] = {
    "catalogue": CatalogueProjection,
    "timeline": TimelineProjection,
    "meetings": MeetingsProjection,
    "reports": ReportsProjection,
}


class ReadModels:
    """Tables for facilitators, kept beside the registry and resumed where they stopped."""

    def __init__(
        self,
        app: Any,
        settings: Settings | None = None,
        batch_size: int = 2000,
        on_batch: OnBatch | None = None,
    ):
        self.app = app
        self.batch_size = batch_size
        self.on_batch = on_batch
        # What readers last saw the rows reflect (for_a_read), and one catching up at a time.
        self.reflected = -1
        self.read_lock = threading.Lock()
        settings = settings or app.settings
        self.views: dict[str, Any] = {}
        self.runners: dict[str, CatchUp] = {}
        for name, cls in PROJECTIONS.items():
            view = open_view(name, settings)
            self.views[name] = view
            self.runners[name] = CatchUp(app, cls(view), batch_size)

    @property
    def timeline_view(self) -> RowView:
        return self.views["timeline"]  # type: ignore[no-any-return]

    @property
    def catalogue_view(self) -> RowView:
        return self.views["catalogue"]  # type: ignore[no-any-return]

    @property
    def meetings_view(self) -> RowView:
        return self.views["meetings"]  # type: ignore[no-any-return]

    def person_name(self, sealed: dict[str, str]) -> str:
        """A citizen leader's name, unsealed with the person's key (erased stays erased)."""
        data = self.app.vault.unseal(Sealed(UUID(sealed["person_id"]), sealed["token"]))
        return data.name if data else ERASED

    def catch_up(self, on_batch: OnBatch | None = None) -> dict[str, int]:
        """Apply every fact recorded since each read model last stopped (each read once)."""
        names = list(self.runners)
        runners = [self.runners[n] for n in names]
        heard = on_batch or self.on_batch
        done = catch_up_together(self.app, runners, self.batch_size, heard)
        return {name: done[i] for i, name in enumerate(names)}

    def for_a_read(self) -> int:
        """Before a read: catch up with what was recorded before it, within MLW_READ_CATCH_UP
        (one caller at a time; one indexed query when nothing is new). Returns the position
        the rows now reflect, so a reader keeping rows knows when to read them again."""
        latest = self.app.recorder.max_notification_id() or 0
        if latest > self.reflected:
            with self.read_lock:
                if latest > self.reflected:
                    self.catch_up_for_a_read(latest)
                    self.reflected = min(self.positions().values(), default=0)
        return self.reflected

    def catch_up_for_a_read(self, latest: int) -> bool:
        """Before a read: apply what was recorded up to ``latest``, at most as many facts as
        MLW_READ_CATCH_UP allows; True when the read models then reflect ``latest``."""
        limit = self.app.settings.read_catch_up
        if limit > 0:
            names = list(self.runners)
            catch_up_together(
                self.app, [self.runners[n] for n in names], self.batch_size, self.on_batch, limit
            )
        return min(self.positions().values(), default=0) >= latest

    def positions(self) -> dict[str, int]:
        return {name: runner.position for name, runner in self.runners.items()}

    def close(self) -> None:
        for view in self.views.values():
            close_view(view)

    def __enter__(self) -> ReadModels:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
