"""What an adopted resolution drives: the stage, the pact, the entity, earlier minutes.

The facts are prepared on aggregates loaded once into a batch and saved together with
the vote, so an adopted resolution is never recorded without what it decided.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.effects import (
    AdmitSignatory,
    AdoptPact,
    AdvanceStage,
    AmendPact,
    ApproveMinutes,
    ChangeRules,
    ChooseEntity,
    Effect,
    RecordEntityCreated,
    RecordEntityRegistered,
    RecordEntityStatusLost,
)
from domain.entity import SocialEmploymentEntity
from domain.meeting import Meeting
from domain.pact import Pact
from domain.partnership import Partnership
from domain.resolution import Resolution
from domain.stakeholder import Stakeholder
from domain.team import SynergyTeam
from domain.values import CooperationForm, ParticipantRole, Stage
from registry.base import RegistryBase
from registry.catalogue import Stakeholders
from registry.entities import Entities
from registry.meetings import Meetings
from registry.minutes import Minutes
from registry.pacts import Pacts
from registry.products import ProductReader

TEAM_SUFFIX = "ZSL"


A = TypeVar("A", bound=Aggregate)


class Batch:
    """Aggregates loaded for one decision, each loaded once, saved together or not at all."""

    def __init__(self, app: RegistryBase, *aggregates: Aggregate) -> None:
        self.app = app
        self.items: dict[UUID, Aggregate] = {a.id: a for a in aggregates}

    def get(self, cls: type[A], aggregate_id: UUID) -> A:
        if aggregate_id not in self.items:
            self.items[aggregate_id] = self.app.load(cls, aggregate_id)
        aggregate = self.items[aggregate_id]
        assert isinstance(aggregate, cls)
        return aggregate

    def add(self, aggregate: Aggregate) -> None:
        self.items[aggregate.id] = aggregate


@dataclass(eq=False)
class Effects:
    """The facts an adopted resolution records, checked when it is proposed."""

    app: RegistryBase
    stakeholders: Stakeholders
    pacts: Pacts
    entities: Entities
    meetings: Meetings
    minutes: Minutes
    products: ProductReader

    def check_effects(self, gmina_id: UUID, effects: Sequence[Effect]) -> None:
        """Every stakeholder, entity and meeting an effect names belongs to this gmina."""
        for effect in effects:
            if isinstance(effect, AdmitSignatory):
                self.stakeholders.stakeholder_of(gmina_id, effect.stakeholder_id)
            elif isinstance(
                effect, RecordEntityCreated | RecordEntityRegistered | RecordEntityStatusLost
            ):
                self.entities.entity_of(gmina_id, effect.entity_id)
            elif isinstance(effect, ApproveMinutes):
                self.meetings.meeting(effect.meeting_id, gmina_id)

    def apply(
        self,
        effect: Effect,
        resolution: Resolution,
        meeting: Meeting,
        team: SynergyTeam,
        batch: Batch,
        recorded_by: str,
    ) -> None:
        on, gmina_id = meeting.on, meeting.gmina_id
        decided_by = f"{resolution.label} {TEAM_SUFFIX}"
        reason = f"{resolution.label} Zespołu Synergii Lokalnej {resolution.title}"
        if isinstance(effect, AdvanceStage | AdoptPact):
            stage = effect.stage if isinstance(effect, AdvanceStage) else Stage.PACT
            partnership = batch.get(Partnership, Partnership.create_id(gmina_id))
            partnership.check_advance(stage, on, reason)
            partnership.advance(
                stage,
                on,
                reason,
                recorded_by,
                decided_by,
                products=self.products.products(partnership, stage, on, batch.get),
                rules=self.app.settings.stage_rules(),
            )
        elif isinstance(effect, AdmitSignatory):
            pact = batch.get(Pact, Pact.create_id(gmina_id))
            stakeholder = batch.get(Stakeholder, effect.stakeholder_id)
            self.admit(pact, stakeholder, on, recorded_by)
        elif isinstance(effect, AmendPact):
            pact = batch.get(Pact, Pact.create_id(gmina_id))
            pact.set_theses(effect.theses, on, recorded_by)
        elif isinstance(effect, ChangeRules):
            team.change_rules(effect.rules, decided_by, on, recorded_by)
        elif isinstance(effect, ChooseEntity):
            batch.add(
                self.entities.new_entity(
                    team,
                    effect.entity_type,
                    effect.name,
                    decided_by,
                    resolution.id,
                    on,
                    recorded_by,
                )
            )
        elif isinstance(effect, ApproveMinutes):
            earlier = batch.get(Meeting, effect.meeting_id)
            self.minutes.prepare_approval(earlier, meeting, decided_by, recorded_by)
        else:
            entity = batch.get(SocialEmploymentEntity, effect.entity_id)
            if isinstance(effect, RecordEntityCreated):
                entity.record_created(effect.recreated, decided_by, resolution.id, on, recorded_by)
            elif isinstance(effect, RecordEntityRegistered):
                entity.record_registered(
                    effect.authority,
                    effect.decision_number,
                    decided_by,
                    resolution.id,
                    effect.decided_on,
                    recorded_by,
                )
            else:
                entity.record_status_lost(effect.reason, decided_by, resolution.id, on, recorded_by)

    def admit(self, pact: Pact, stakeholder: Stakeholder, on: date, recorded_by: str) -> None:
        """The team admits a stakeholder to the pact, saved with the resolution."""
        self.pacts.sign_pact(
            pact,
            stakeholder,
            representative=None,
            form=CooperationForm.LASTING,
            role=ParticipantRole.ASSOCIATED_INSTITUTION,
            on=on,
            recorded_by=recorded_by,
        )
