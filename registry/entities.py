"""Use cases: the social employment entity chosen by the team, created, registered, or lost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Unpack
from uuid import UUID

from domain.entity import EntityType, SocialEmploymentEntity
from domain.errors import WrongGminaError
from domain.team import SynergyTeam
from registry.base import Recording, RegistryBase, Stamp
from registry.team import Teams, parse_option


def parse_entity_type(value: EntityType | str) -> EntityType:
    if isinstance(value, str):
        value = value.strip().lower().replace("-", "_").replace(" ", "_")
    return parse_option(EntityType, "entity_type", value)


@dataclass(eq=False)
class Entities:
    """The MLW's last stage: entity type chosen → created → status granted → possibly lost."""

    app: RegistryBase
    teams: Teams

    def entity_of(self, gmina_id: UUID, entity_id: UUID) -> SocialEmploymentEntity:
        entity = self.app.load(SocialEmploymentEntity, entity_id)
        if entity.gmina_id != gmina_id:
            raise WrongGminaError(
                "{name} belongs to another gmina's partnership.", name=entity.name
            )
        return entity

    def new_entity(
        self,
        team: SynergyTeam,
        entity_type: EntityType | str,
        name: str,
        decided_by: str,
        resolution_id: UUID | None,
        on: date,
        recorded_by: str,
    ) -> SocialEmploymentEntity:
        """The entity chosen, and noted by the team that chose it (both still unsaved)."""
        entity = SocialEmploymentEntity.choose(
            team.gmina_id,
            parse_entity_type(entity_type),
            name,
            decided_by,
            resolution_id,
            on,
            recorded_by,
        )
        team.note_entity(entity.id, on, recorded_by)
        return entity

    def choose_entity(
        self,
        gmina_id: UUID,
        entity_type: EntityType | str,
        *,
        name: str = "",
        decided_by: str,
        **stamp: Unpack[Stamp],
    ) -> UUID:
        """Record the team's choice of the entity to create (CIS, KIS, ZAZ, WTZ, cooperative)."""
        rec = Recording.of(**stamp)
        team = self.teams.team_of(gmina_id)
        entity = self.new_entity(team, entity_type, name, decided_by, None, rec.on, rec.by)
        self.app.commit(entity, team)
        return entity.id

    def record_entity_created(
        self,
        gmina_id: UUID,
        entity_id: UUID,
        *,
        recreated: bool = False,
        decided_by: str,
        **stamp: Unpack[Stamp],
    ) -> None:
        rec = Recording.of(**stamp)
        entity = self.entity_of(gmina_id, entity_id)
        entity.record_created(recreated, decided_by, None, rec.on, rec.by)
        self.app.commit(entity)

    def record_entity_registered(
        self,
        gmina_id: UUID,
        entity_id: UUID,
        *,
        authority: str,
        decision_number: str,
        decided_by: str = "",
        **stamp: Unpack[Stamp],
    ) -> None:
        """The status was granted or the entity registered: by whom, decision number, date."""
        rec = Recording.of(**stamp)
        entity = self.entity_of(gmina_id, entity_id)
        entity.record_registered(
            authority, decision_number, decided_by or authority, None, rec.on, rec.by
        )
        self.app.commit(entity)

    def record_entity_status_lost(
        self,
        gmina_id: UUID,
        entity_id: UUID,
        *,
        reason: str,
        decided_by: str = "",
        **stamp: Unpack[Stamp],
    ) -> None:
        rec = Recording.of(**stamp)
        entity = self.entity_of(gmina_id, entity_id)
        entity.record_status_lost(reason, decided_by, None, rec.on, rec.by)
        self.app.commit(entity)
