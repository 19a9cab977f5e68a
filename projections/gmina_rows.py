"""The gminas as rows: their directory entry, their partnership's stages, their corrections.

One ``gmina`` row per gmina carries what the gmina's page and the directory show (TERC
code, name, the ids of its catalogue, the stages reached, the gmina's version); a
``terc`` row per TERC code names the gmina that has it now; one ``corrections`` row per
gmina holds its recorded corrections of free text, by digest.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from eventsourcing.dispatch import singledispatchmethod

from domain.gmina import Gmina
from domain.partnership import Partnership
from domain.redaction import Redactions
from projections.runner import Unit
from projections.store import Row


def stage_row(e: Any, stage: int, decided_by: str | None) -> dict[str, Any]:
    """A stage reached; one reached by the regional coordinator's override also says why
    and what was missing."""
    row = {
        "stage": stage,
        "effective_on": e.effective_on.isoformat(),
        "reason": e.reason,
        "decided_by": decided_by,
        "recorded_by": e.recorded_by,
    }
    if isinstance(e, Partnership.StageAdvancedByOverride):
        row |= {"override_reason": e.override_reason, "missing": e.missing}
    return row


class GminaRows:
    """One row per gmina (with its stages) and one of its corrections of free text; part of
    the catalogue read model (``projections/catalogue.py``)."""

    @singledispatchmethod
    def apply(self, event: Any, position: int, unit: Unit) -> None:
        """Other facts do not change these tables."""

    @apply.register(Gmina.Registered)
    def _(self, e: Gmina.Registered, position: int, unit: Unit) -> None:
        gid = str(e.originator_id)
        row = {
            "id": gid,
            "terc": e.terc,
            "name": e.name,
            "powiat": e.powiat,
            "voivodeship": e.voivodeship,
            "registered_on": e.effective_on.isoformat(),
            "stakeholder_ids": [],
            "stages": [],
            "version": e.originator_version,
        }
        unit.put("gmina", gid, gid, position, row)
        unit.put("terc", e.terc, gid, position, {"gmina_id": gid})

    @staticmethod
    def changed(e: Any, position: int, unit: Unit, change: Callable[[Row], object]) -> None:
        """The gmina's row at the version this fact gives it."""
        gid = str(e.originator_id)
        row = unit.get("gmina", gid)
        assert row is not None, "a gmina's facts follow its registration"
        change(row)
        unit.put("gmina", gid, gid, position, row | {"version": e.originator_version})

    @apply.register(Gmina.Renamed)
    def _(self, e: Gmina.Renamed, position: int, unit: Unit) -> None:
        before = unit.get("gmina", str(e.originator_id))
        if before is not None and before["terc"] != e.terc:
            unit.delete("terc", before["terc"])
            unit.put("terc", e.terc, before["id"], position, {"gmina_id": before["id"]})
        self.changed(
            e, position, unit, lambda r: r.update(name=e.name, powiat=e.powiat, terc=e.terc)
        )

    @apply.register(Gmina.StakeholderCatalogued)
    def _(self, e: Gmina.StakeholderCatalogued, position: int, unit: Unit) -> None:
        self.changed(
            e, position, unit, lambda r: r["stakeholder_ids"].append(str(e.stakeholder_id))
        )

    @apply.register(Partnership.Opened)
    @apply.register(Redactions.Started)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        gid = str(e.gmina_id)
        unit.put("owner", str(e.originator_id), gid, position, {"gmina_id": gid})
        if isinstance(e, Partnership.Opened):
            self.add_stage(gid, stage_row(e, 1, None), position, unit)

    def add_stage(self, gid: str, stage: dict[str, Any], position: int, unit: Unit) -> None:
        row = unit.get("gmina", gid)
        assert row is not None, "a partnership opens in a registered gmina"
        row["stages"].append(stage)
        unit.put("gmina", gid, gid, position, row)

    def owner(self, record_id: Any, unit: Unit) -> str:
        row = unit.get("owner", str(record_id))
        assert row is not None, "a record's facts follow its first"
        return str(row["gmina_id"])

    @apply.register(Partnership.StageAdvanced)
    @apply.register(Partnership.StageAdvancedByOverride)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        gid = self.owner(e.originator_id, unit)
        self.add_stage(gid, stage_row(e, e.stage.value, e.decided_by), position, unit)

    @apply.register(Partnership.AnalysisRecorded)
    def _(self, e: Partnership.AnalysisRecorded, position: int, unit: Unit) -> None:
        gid = self.owner(e.originator_id, unit)
        row = unit.get("gmina", gid)
        assert row is not None, "an analysis is recorded in a registered gmina"
        row["analysis"] = {
            "findings": e.findings,
            "entity_type": e.entity_type.value,
            "rationale": e.rationale,
            "decided_by": e.decided_by,
            "effective_on": e.effective_on.isoformat(),
            "recorded_by": e.recorded_by,
        }
        unit.put("gmina", gid, gid, position, row)

    @apply.register(Redactions.TextRedacted)
    def _(self, e: Redactions.TextRedacted, position: int, unit: Unit) -> None:
        gid = self.owner(e.originator_id, unit)
        row = unit.get("corrections", gid) or {"texts": {}}
        row["texts"][e.digest] = e.replacement
        unit.put("corrections", gid, gid, position, row)
