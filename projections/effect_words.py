"""What an adopted resolution does, in the words of its §1, kept in the resolution's row.

Two effects name other records whose words may change later (a stakeholder's name, the
number of earlier minutes): their rows keep the record's id, and the words are made when
the resolution is read.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from domain.effects import AdmitSignatory, ApproveMinutes, Effect, words_pl

EffectWords = dict[str, str]


def unnamed(record_id: UUID) -> str:
    raise AssertionError("these effects name no other record")


def effect_words(effect: Effect) -> EffectWords:
    """The effect's words, or the id of the record they depend on (``admit``, ``approve``)."""
    if isinstance(effect, AdmitSignatory):
        return {"admit": str(effect.stakeholder_id)}
    if isinstance(effect, ApproveMinutes):
        return {"approve": str(effect.meeting_id)}
    return {"text": words_pl(effect, unnamed, unnamed)}


def effect_text(
    words: EffectWords, name_of: Callable[[UUID], str], minutes_of: Callable[[UUID], str]
) -> str:
    """The words of an effect kept in a row, with today's names and numbers."""
    if "admit" in words:
        return words_pl(AdmitSignatory(UUID(words["admit"])), name_of, minutes_of)
    if "approve" in words:
        return words_pl(ApproveMinutes(UUID(words["approve"])), name_of, minutes_of)
    return words["text"]
