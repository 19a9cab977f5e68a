"""A read model hears every fact its default hears, unless it says others change nothing."""

from __future__ import annotations

from typing import Any

from eventsourcing.dispatch import singledispatchmethod
from eventsourcing.persistence import Tracking

from projections.runner import ReadModel, Unit
from projections.store import MemoryRowView


class Joined:
    """A fact the read models below have a method for."""


class Moved:
    """A fact they have none for."""


class FactCounter(ReadModel):
    """Counts every fact in its default, and the joins on their own."""

    name = "counter"

    def __init__(self, view: Any) -> None:
        super().__init__(view)
        self.heard: list[str] = []

    @singledispatchmethod
    def apply(self, event: Any, position: int, unit: Unit) -> None:
        self.heard.append(f"{position}: other")

    @apply.register(Joined)
    def _(self, event: Joined, position: int, unit: Unit) -> None:
        self.heard.append(f"{position}: joined")


class JoinsOnly(FactCounter):
    """The same, but other facts change nothing in it."""

    passes_over_other_facts = True


def test_a_read_model_whose_default_does_something_hears_every_fact() -> None:
    counter = FactCounter(MemoryRowView())
    counter.process_batch([(Joined(), 1), (Moved(), 2), (Joined(), 3)], Tracking("registry", 3))
    assert counter.heard == ["1: joined", "2: other", "3: joined"]


def test_a_read_model_that_passes_over_other_facts_still_tracks_their_positions() -> None:
    joins = JoinsOnly(MemoryRowView())
    joins.process_batch([(Joined(), 1), (Moved(), 2), (Moved(), 3)], Tracking("registry", 3))
    assert joins.heard == ["1: joined"]
    assert joins.view.max_tracking_id("registry") == 3
