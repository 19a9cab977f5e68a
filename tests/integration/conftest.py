"""The demo gmina with its year of meetings, loaded once per test module that prints it."""

from __future__ import annotations

from collections.abc import Iterator
from uuid import UUID

import pytest

from projections.read_side import with_reads
from registry.application import Registry
from registry.demo import load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings


@pytest.fixture(scope="module")
def demo() -> Iterator[tuple[Registry, UUID]]:
    app = with_reads(Registry(Settings(store="memory")))
    gmina = load_demo(app)
    load_demo_meetings(app, gmina)
    yield app, gmina
    app.close()
