"""The gmina's MLW partnership process, moving through the six stages in order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from domain.errors import EffectiveDateError, InvalidInputError, RuleViolationError, StageOrderError
from domain.history import Fact, FirstFact, OnePerGmina
from domain.input_rules import required
from domain.stage_products import (
    Products,
    StageProductMissingError,
    StageRules,
    check_products,
)
from domain.terms import EntityType, Stage
from domain.values import Immutable


@dataclass(frozen=True)
class StageReached(Immutable):
    """One step of the process: which stage, from when, why, and on whose decision.

    A stage reached without the product of the one before carries the regional
    coordinator's reason (``override_reason``) and what was missing (``missing``: the
    product, the refusal's template and its values); its ``recorded_by`` is the coordinator.
    """

    stage: Stage
    effective_on: date
    reason: str
    decided_by: str | None
    recorded_by: str
    override_reason: str | None = None
    missing: dict[str, Any] | None = None


@dataclass(frozen=True)
class Analysis(Immutable):
    """The team's analysis (stage 5): what it found, the entity it chose, and why."""

    findings: str
    entity_type: EntityType
    rationale: str
    decided_by: str
    effective_on: date
    recorded_by: str


class Partnership(OnePerGmina):
    """One gmina's partnership process (there is at most one per gmina)."""

    PART = "partnership"

    @classmethod
    def open(cls, gmina_id: UUID, effective_on: date, reason: str, recorded_by: str) -> Partnership:
        """Open the process: the MLW idea is presented to the gmina (stage 1)."""
        reason = required(
            reason, InvalidInputError("reason", "Say why the partnership is opened (the reason).")
        )
        return cls.start(cls.Opened, effective_on, recorded_by, gmina_id=gmina_id, reason=reason)

    class Opened(FirstFact):
        gmina_id: UUID
        reason: str

        def apply(self, partnership: Partnership) -> None:
            partnership.gmina_id = self.gmina_id
            first = StageReached(
                Stage.PRESENTATION, self.effective_on, self.reason, None, self.recorded_by
            )
            partnership.history = [first]
            partnership.analyses = []

    def __init__(self) -> None:
        self.gmina_id: UUID
        self.history: list[StageReached]
        self.analyses: list[Analysis]

    @property
    def stage(self) -> Stage:
        return self.history[-1].stage

    def advance(
        self,
        to: Stage,
        effective_on: date,
        reason: str,
        recorded_by: str,
        decided_by: str | None = None,
        *,
        products: Products | None = None,
        rules: StageRules | None = None,
    ) -> None:
        """Move to the next stage; skipping a stage or going back is refused, and so is a
        stage whose previous stage left no product (when ``products`` are given)."""
        reason = self.check_advance(to, effective_on, reason)
        if products is not None:
            check_products(to, products, rules or StageRules())
        self.record(
            self.StageAdvanced,
            effective_on,
            recorded_by,
            stage=to,
            reason=reason,
            decided_by=decided_by,
        )

    def advance_by_override(
        self,
        to: Stage,
        effective_on: date,
        reason: str,
        override_reason: str,
        recorded_by: str,
        decided_by: str | None,
        products: Products,
        rules: StageRules,
    ) -> None:
        """Move to the next stage although the stage before left no product: the regional
        coordinator's decision, recorded with its reason and what was missing."""
        reason = self.check_advance(to, effective_on, reason)
        override_reason = required(
            override_reason,
            InvalidInputError(
                "override_reason",
                "Say why the stage is reached without the previous stage's product.",
            ),
        )
        try:
            check_products(to, products, rules)
        except StageProductMissingError as missing:
            said = missing.said()
        else:
            raise RuleViolationError(
                "Nothing to override: the product stage {to} needs is recorded; advance the "
                "partnership as usual.",
                to=to.value,
            )
        self.record(
            self.StageAdvancedByOverride,
            effective_on,
            recorded_by,
            stage=to,
            reason=reason,
            decided_by=decided_by,
            override_reason=override_reason,
            missing=said,
        )

    def check_advance(self, to: Stage, effective_on: date, reason: str) -> str:
        """The stage comes next and not before the last one; the reason, as given."""
        self.check_next_stage(to)
        if effective_on < self.history[-1].effective_on:
            raise EffectiveDateError(
                "Stage {to} cannot take effect on {effective_on}, before stage {stage} took "
                "effect on {since}.",
                to=to.value,
                effective_on=effective_on,
                stage=self.stage.value,
                since=self.history[-1].effective_on,
            )
        return required(
            reason, InvalidInputError("reason", "Say why the stage is reached (the reason).")
        )

    def check_next_stage(self, to: Stage) -> None:
        if to == self.stage:
            raise StageOrderError(
                "The partnership is already at stage {to} ({label_pl}).",
                to=to.value,
                label_pl=to.polish,
            )
        if to.number < self.stage.number:
            raise StageOrderError(
                "The partnership cannot go back from stage {stage} ({label_pl}) to stage {to} "
                "({label_pl2}).",
                stage=self.stage.value,
                label_pl=self.stage.polish,
                to=to.value,
                label_pl2=to.polish,
            )
        if to.number != self.stage.number + 1:
            nxt = Stage(self.stage.number + 1)
            raise StageOrderError(
                "The partnership cannot skip to stage {to} ({label_pl}): stage {nxt} "
                "({label_pl2}) comes first.",
                to=to.value,
                label_pl=to.polish,
                nxt=nxt.value,
                label_pl2=nxt.polish,
            )

    class StageAdvanced(Fact):
        stage: Stage
        reason: str
        decided_by: str | None

        def apply(self, partnership: Partnership) -> None:
            partnership.history.append(
                StageReached(
                    self.stage, self.effective_on, self.reason, self.decided_by, self.recorded_by
                )
            )

    class StageAdvancedByOverride(Fact):
        stage: Stage
        reason: str
        decided_by: str | None
        override_reason: str
        missing: dict[str, Any]

        def apply(self, partnership: Partnership) -> None:
            partnership.history.append(
                StageReached(
                    self.stage,
                    self.effective_on,
                    self.reason,
                    self.decided_by,
                    self.recorded_by,
                    self.override_reason,
                    self.missing,
                )
            )

    # --- the team's analysis (stage 5) -----------------------------------------------------

    @property
    def analysis(self) -> Analysis | None:
        """The team's latest analysis: a later one replaces an earlier one."""
        return self.analyses[-1] if self.analyses else None

    def record_analysis(
        self,
        findings: str,
        entity_type: EntityType,
        rationale: str,
        decided_by: str,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """The team's analysis: its findings, the entity it chose, and why."""
        if effective_on < self.history[0].effective_on:
            raise EffectiveDateError(
                "The analysis cannot take effect on {effective_on}, before the partnership "
                "opened on {since}.",
                effective_on=effective_on,
                since=self.history[0].effective_on,
            )
        self.record(
            self.AnalysisRecorded,
            effective_on,
            recorded_by,
            findings=required(
                findings, InvalidInputError("findings", "Say what the team's analysis found.")
            ),
            entity_type=entity_type,
            rationale=required(
                rationale, InvalidInputError("rationale", "Say why the team chose this entity.")
            ),
            decided_by=decided_by.strip(),
        )

    class AnalysisRecorded(Fact):
        findings: str
        entity_type: EntityType
        rationale: str
        decided_by: str

        def apply(self, partnership: Partnership) -> None:
            partnership.analyses.append(
                Analysis(
                    self.findings,
                    self.entity_type,
                    self.rationale,
                    self.decided_by,
                    self.effective_on,
                    self.recorded_by,
                )
            )
