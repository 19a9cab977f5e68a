"""Use case: the team has seen a risk flag, and a facilitator records its note."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from domain.flag_acknowledgement import FlagAcknowledgement
from domain.gmina import Gmina
from registry.base import Recording, RegistryBase


@dataclass(eq=False)
class Acknowledgements:
    """Flags acknowledged with a note: they stay shown, marked as seen."""

    app: RegistryBase

    def acknowledge_flag(
        self,
        gmina_id: UUID,
        *,
        flag_key: str,
        rule: str,
        value: float,
        note: str,
        recorded_by: str,
    ) -> UUID:
        """Record that the flag ``flag_key`` (raised today with ``value``) was seen."""
        rec = Recording.of(recorded_by)
        self.app.load(Gmina, gmina_id)
        seen = FlagAcknowledgement.acknowledge(
            gmina_id=gmina_id,
            flag_key=flag_key,
            rule=rule,
            value=value,
            note=note,
            effective_on=rec.on,
            recorded_by=rec.by,
        )
        self.app.commit(seen)
        return seen.id
