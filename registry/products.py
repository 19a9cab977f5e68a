"""What a gmina's partnership had produced on a day: read for the stage it would reach.

Only the product the stage needs is read: the catalogue's sectors, the team, the pact,
the analysis or the entities. The records come from the working set (kept in memory
between commands, registry/working_set.py), not from the read models: a command never
waits for a read model to catch up, and sees what the commands before it recorded.
``load`` is how the command loads a record: the resolution's batch when a resolution
advances the stage, so what the same resolution decided counts too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.entity import EntityState, SocialEmploymentEntity
from domain.errors import NotFoundError
from domain.pact import Pact
from domain.partnership import Partnership
from domain.stage_products import NEEDED_BY, Product, Products
from domain.team import SynergyTeam
from domain.values import Stage

A = TypeVar("A", bound=Aggregate)
Load = Callable[[type[Any], UUID], Any]
CREATED_STATES = (EntityState.CREATED, EntityState.REGISTERED)


def load_or_none(load: Load, cls: type[A], aggregate_id: UUID) -> A | None:
    try:
        aggregate = load(cls, aggregate_id)
    except NotFoundError:
        return None
    assert isinstance(aggregate, cls)
    return aggregate


@dataclass(eq=False)
class ProductReader:
    """Reads the product a stage needs, as it stood on the day the stage takes effect."""

    sectors_on: Callable[[UUID, date], int]

    def products(self, partnership: Partnership, to: Stage, on: date, load: Load) -> Products:
        gmina_id = partnership.gmina_id
        needed = NEEDED_BY.get(to)
        if needed is Product.CATALOGUE:
            return Products(sectors=self.sectors_on(gmina_id, on))
        if needed is Product.PACT:
            pact = load_or_none(load, Pact, Pact.create_id(gmina_id))
            return Products(signatories=signatories_on(pact, on) if pact else 0)
        team = load_or_none(load, SynergyTeam, SynergyTeam.create_id(gmina_id))
        if team is None:
            return Products()
        if needed is Product.TEAM:
            return Products(team_formed=team.formed_on <= on, team_members=len(team.members_on(on)))
        entities = [
            e
            for eid in team.entity_ids
            if (e := load_or_none(load, SocialEmploymentEntity, eid)) is not None
        ]
        analysis = partnership.analysis
        return Products(
            team_formed=True,
            analysis=analysis is not None and analysis.effective_on <= on,
            entity_chosen=any(e.facts[0].effective_on <= on for e in entities),
            entity_created=any(
                f.state in CREATED_STATES and f.effective_on <= on
                for e in entities
                for f in e.facts
            ),
        )


def signatories_on(pact: Pact, on: date) -> int:
    """How many parties had signed the pact and not left it on a day."""
    return sum(
        any(m.joined_on <= on and (m.left_on is None or on < m.left_on) for m in periods)
        for periods in pact.parties.values()
    )
