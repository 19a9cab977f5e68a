"""The national directory of gminas in the registry, keyed by TERC code."""

from __future__ import annotations

from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5

from eventsourcing.domain import Aggregate, event

from domain.errors import RuleViolationError
from domain.history import Fact


class GminaDirectory(Aggregate):
    """Which TERC code names which gmina; a code is held by one gmina at a time."""

    @staticmethod
    def create_id() -> UUID:
        return uuid5(NAMESPACE_URL, "/mlw/gmina-directory")

    class Started(Aggregate.Created):
        pass

    @event(Started)
    def __init__(self) -> None:
        self.by_terc: dict[str, UUID] = {}

    def check_free(self, terc: str) -> None:
        if terc in self.by_terc:
            raise RuleViolationError(
                "TERC code {terc} is already registered (gmina {gmina}).",
                terc=terc,
                gmina=self.by_terc[terc],
            )

    def enter(self, terc: str, gmina_id: UUID, effective_on: date, recorded_by: str) -> None:
        """Enter a newly registered gmina under its TERC code."""
        self.check_free(terc)
        self._entered(terc, gmina_id, effective_on, recorded_by)

    class Entered(Fact):
        terc: str
        gmina_id: UUID

    @event(Entered)
    def _entered(self, terc: str, gmina_id: UUID, effective_on: date, recorded_by: str) -> None:
        self.by_terc[terc] = gmina_id

    def recode(self, old: str, new: str, effective_on: date, recorded_by: str) -> None:
        """A gmina's TERC code changed (for example when it changed type)."""
        self.check_free(new)
        self._recoded(old, new, effective_on, recorded_by)

    class Recoded(Fact):
        old: str
        new: str

    @event(Recoded)
    def _recoded(self, old: str, new: str, effective_on: date, recorded_by: str) -> None:
        self.by_terc[new] = self.by_terc.pop(old)
