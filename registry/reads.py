"""The queries the registry leaves to its read side (``Registry.reads``), as they are asked.

The read models answer them (``projections/read_side.py``); the registry itself keeps no
second way of answering them from its records.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any, Concatenate, Generic, ParamSpec, Protocol, TypeVar, overload
from uuid import UUID

from domain.minutes import MeetingKind
from domain.values import Sector, StakeholderStatus
from registry.access import AccountView
from registry.meeting_views import (
    ActionItemView,
    EntityView,
    MeetingSummaryView,
    MeetingView,
    QuorumView,
    ResolutionView,
    TeamView,
)
from registry.views import GminaView, PactView, StakeholderView

P = ParamSpec("P")
R = TypeVar("R")


class CatalogueReads(Protocol):
    """Gminas, their catalogues and pacts, the team and the entities it chose; each now, or
    as it stood on a date (or at a version), shown with the gmina's corrections."""

    def authorise(self, account: AccountView, gmina_id: UUID, *, write: bool) -> None: ...

    def find_gmina(self, ref: str) -> UUID: ...

    def list_gminas(self) -> list[GminaView]: ...

    def get_gmina(
        self, gmina_id: UUID, *, as_of: date | None = None, version: int | None = None
    ) -> GminaView: ...

    def get_stakeholder(
        self, stakeholder_id: UUID, *, as_of: date | None = None, version: int | None = None
    ) -> StakeholderView: ...

    def catalogue(
        self,
        gmina_id: UUID,
        *,
        as_of: date | None = None,
        sector: Sector | str | None = None,
        status: StakeholderStatus | str | None = None,
        text: str | None = None,
        include_archived: bool = False,
    ) -> list[StakeholderView]: ...

    def get_pact(
        self, gmina_id: UUID, *, as_of: date | None = None, version: int | None = None
    ) -> PactView: ...

    def get_team(self, gmina_id: UUID, *, as_of: date | None = None) -> TeamView: ...

    def get_entity(self, entity_id: UUID, *, as_of: date | None = None) -> EntityView: ...

    def list_entities(self, gmina_id: UUID, *, as_of: date | None = None) -> list[EntityView]: ...


class MeetingReads(Protocol):
    """Meetings, their minutes and tasks, and the team's resolutions."""

    def get_meeting(
        self, meeting_id: UUID, gmina_id: UUID | None = None, *, as_of: date | None = None
    ) -> MeetingView: ...

    def list_meetings(
        self, gmina_id: UUID, *, kind: MeetingKind | str | None = None
    ) -> list[MeetingSummaryView]: ...

    def find_meeting(self, gmina_id: UUID, ref: str) -> UUID: ...

    def quorum_at(self, meeting_id: UUID, at: time, gmina_id: UUID | None = None) -> QuorumView: ...

    def get_action(
        self, action_id: UUID, gmina_id: UUID | None = None, *, as_of: date | None = None
    ) -> ActionItemView: ...

    def find_resolution(self, gmina_id: UUID, number: str) -> UUID: ...

    def get_resolution(
        self, resolution_id: UUID, gmina_id: UUID | None = None, *, as_of: date | None = None
    ) -> ResolutionView: ...

    def list_resolutions(
        self, gmina_id: UUID, *, year: int | None = None, as_of: date | None = None
    ) -> list[ResolutionView]: ...


class NoReadSideError(RuntimeError):
    """Raised when a registry without a read side is asked a query only read models answer."""


class read(Generic[P, R]):
    """A query of the registry answered by its read side: ``get_meeting =
    read(MeetingReads.get_meeting)`` asks ``Registry.reads.get_meeting``."""

    def __init__(self, method: Callable[Concatenate[Any, P], R]) -> None:
        self.name = method.__name__

    @overload
    def __get__(self, registry: None, owner: type) -> read[P, R]: ...
    @overload
    def __get__(self, registry: object, owner: type) -> Callable[P, R]: ...
    def __get__(self, registry: object | None, owner: type) -> Any:
        if registry is None:
            return self
        answer = getattr(getattr(registry, "reads", None), self.name, None)
        if answer is None:
            raise NoReadSideError(
                f"{self.name} is answered by the read models: attach a read side "
                "(projections.read_side.with_reads) to this registry first."
            )
        return answer
