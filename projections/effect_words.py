"""What an adopted resolution does, in the words of its §1, kept in the resolution's row.

Two effects name other records whose words may change later (a stakeholder's name, the
number of earlier minutes): their rows keep the record's id, and the words are made when
the resolution is read.
"""

from __future__ import annotations

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
)
from domain.entity import ENTITY_TYPE_LABELS_PL

EffectWords = dict[str, str]


def effect_words(effect: Effect) -> EffectWords:
    """The effect's words, or the id of the record they depend on (``admit``, ``approve``)."""
    if isinstance(effect, AdmitSignatory):
        return {"admit": str(effect.stakeholder_id)}
    if isinstance(effect, ApproveMinutes):
        return {"approve": str(effect.meeting_id)}
    if isinstance(effect, AdvanceStage):
        text = f"etap MLW {effect.stage.number}: {effect.stage.label_pl}"
    elif isinstance(effect, AdoptPact):
        text = "przyjęcie Paktu na rzecz MLW (etap 4)"
    elif isinstance(effect, AmendPact):
        text = f"zmiana Paktu: {len(effect.theses)} tez"
    elif isinstance(effect, ChangeRules):
        text = f"zmiana regulaminu: {effect.rules.describe_pl()}"
    elif isinstance(effect, ChooseEntity):
        label = ENTITY_TYPE_LABELS_PL[effect.entity_type]
        text = f"wybór podmiotu: {label}" + (f" – {effect.name}" if effect.name else "")
    elif isinstance(effect, RecordEntityCreated):
        text = "odtworzenie podmiotu" if effect.recreated else "utworzenie podmiotu"
    elif isinstance(effect, RecordEntityRegistered):
        text = (
            f"nadanie statusu / wpis: {effect.authority}, {effect.decision_number} "
            f"z dnia {effect.decided_on}"
        )
    else:
        text = f"utrata statusu podmiotu: {effect.reason}"
    return {"text": text}
