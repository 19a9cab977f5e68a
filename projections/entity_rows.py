"""The social employment entities a gmina's team chose, as rows: one per entity, with the
steps of its life, and per gmina the entities in the order the team chose them."""

from __future__ import annotations

from typing import Any

from eventsourcing.dispatch import singledispatchmethod

from domain.entity import EntityState
from domain.entity import SocialEmploymentEntity as Entity
from domain.team import SynergyTeam
from projections.runner import Unit
from projections.store import Row


def step(e: Any, state: str, detail: str) -> Row:
    return {
        "state": state,
        "effective_on": e.effective_on.isoformat(),
        "decided_by": e.decided_by,
        "resolution_id": str(e.resolution_id) if e.resolution_id else None,
        "detail": detail,
    }


class EntityRows:
    """Part of the catalogue read model (``projections/catalogue.py``)."""

    @singledispatchmethod
    def apply(self, event: Any, position: int, unit: Unit) -> None:
        """Other facts do not change these tables."""

    @apply.register(Entity.Chosen)
    def _(self, e: Entity.Chosen, position: int, unit: Unit) -> None:
        gid = str(e.gmina_id)
        row: Row = {
            "id": str(e.originator_id),
            "gmina_id": gid,
            "entity_type": e.entity_type.value,
            "name": e.name,
            "state": EntityState.CHOSEN.value,
            "recreated": False,
            "authority": "",
            "decision_number": "",
            "facts": [step(e, EntityState.CHOSEN.value, e.name)],
            "version": e.originator_version,
        }
        unit.put("entity", row["id"], gid, position, row)

    @staticmethod
    def stepped(
        e: Any, position: int, unit: Unit, state: EntityState, detail: str, **changes: Any
    ) -> None:
        """The entity's row after one more step of its life."""
        row = unit.get("entity", str(e.originator_id))
        assert row is not None, "an entity's facts follow its choice"
        row.update(changes, state=state.value, version=e.originator_version)
        row["facts"].append(step(e, state.value, detail))
        unit.put("entity", row["id"], row["gmina_id"], position, row)

    @apply.register(Entity.Created)
    def _(self, e: Entity.Created, position: int, unit: Unit) -> None:
        detail = "odtworzenie" if e.recreated else "utworzenie"
        self.stepped(e, position, unit, EntityState.CREATED, detail, recreated=e.recreated)

    @apply.register(Entity.Registered)
    def _(self, e: Entity.Registered, position: int, unit: Unit) -> None:
        detail = f"{e.authority}, {e.decision_number}"
        changes = {"authority": e.authority, "decision_number": e.decision_number}
        self.stepped(e, position, unit, EntityState.REGISTERED, detail, **changes)

    @apply.register(Entity.StatusLost)
    def _(self, e: Entity.StatusLost, position: int, unit: Unit) -> None:
        self.stepped(e, position, unit, EntityState.STATUS_LOST, e.reason)

    @apply.register(SynergyTeam.Formed)
    def _(self, e: SynergyTeam.Formed, position: int, unit: Unit) -> None:
        gid = str(e.gmina_id)
        unit.put("team", str(e.originator_id), gid, position, {"gmina_id": gid, "entity_ids": []})

    @apply.register(SynergyTeam.EntityChosen)
    def _(self, e: SynergyTeam.EntityChosen, position: int, unit: Unit) -> None:
        team = unit.get("team", str(e.originator_id))
        assert team is not None, "a team's facts follow its forming"
        team["entity_ids"].append(str(e.entity_id))
        unit.put("team", str(e.originator_id), team["gmina_id"], position, team)
