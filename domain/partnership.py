"""The gmina's MLW partnership process, moving through the six stages in order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.errors import EffectiveDateError, InvalidInputError, StageOrderError
from domain.history import Fact, FirstFact, OnePerGmina
from domain.input_rules import required
from domain.values import Immutable, Stage


@dataclass(frozen=True)
class StageReached(Immutable):
    """One step of the process: which stage, from when, why, and on whose decision."""

    stage: Stage
    effective_on: date
    reason: str
    decided_by: str | None
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

    def __init__(self) -> None:
        self.gmina_id: UUID
        self.history: list[StageReached]

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
    ) -> None:
        """Move to the next stage; skipping a stage or going back is refused."""
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
        reason = required(
            reason, InvalidInputError("reason", "Say why the stage is reached (the reason).")
        )
        self.record(
            self.StageAdvanced,
            effective_on,
            recorded_by,
            stage=to,
            reason=reason,
            decided_by=decided_by,
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
