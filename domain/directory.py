"""The national directory of gminas in the registry, keyed by TERC code."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.errors import RuleViolationError
from domain.history import Fact, OneInRegistry


class GminaDirectory(OneInRegistry):
    """Which TERC code names which gmina; a code is held by one gmina at a time."""

    NAME = "/mlw/gmina-directory"

    def open_empty(self) -> None:
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
        self.record(self.Entered, effective_on, recorded_by, terc=terc, gmina_id=gmina_id)

    class Entered(Fact):
        terc: str
        gmina_id: UUID

        def apply(self, directory: GminaDirectory) -> None:
            directory.by_terc[self.terc] = self.gmina_id

    def recode(self, old: str, new: str, effective_on: date, recorded_by: str) -> None:
        """A gmina's TERC code changed (for example when it changed type)."""
        self.check_free(new)
        self.record(self.Recoded, effective_on, recorded_by, old=old, new=new)

    class Recoded(Fact):
        old: str
        new: str

        def apply(self, directory: GminaDirectory) -> None:
            directory.by_terc[self.new] = directory.by_terc.pop(self.old)
