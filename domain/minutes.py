"""The parts of a meeting's minutes: kinds and states, agenda items, attendance, errata."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from uuid import UUID

from domain.errors import InvalidInputError
from domain.terms import AttendanceRole, MeetingKind, MeetingState, MinutesState
from domain.values import Immutable, Sealed

# Kinds of words once defined here (domain.terms); older imports from here still work.
__all__ = ["AttendanceRole", "MeetingKind", "MeetingState", "MinutesState"]


@dataclass(frozen=True)
class AgendaItem(Immutable):
    number: int
    title: str
    summary: str = ""


@dataclass(frozen=True)
class Attendance(Immutable):
    """A stakeholder present, the person representing it, and when it came and went."""

    stakeholder_id: UUID
    representative: Sealed | None
    role: AttendanceRole
    arrived_at: time
    departed_at: time | None = None


@dataclass(frozen=True)
class Erratum(Immutable):
    """A correction to approved minutes, pointing at what it corrects ("agenda:2", …)."""

    id: UUID
    corrects: str
    correction: str
    recorded_on: date


def hhmm(at: time | None) -> str:
    """A time of day as the minutes write it; nothing when there is none."""
    return at.strftime("%H:%M") if at else ""


MINUTES_TITLES_PL = {
    MeetingKind.PACT: "ze spotkania sygnatariuszy Paktu na rzecz MLW",
    MeetingKind.TEAM: "z posiedzenia Zespołu Synergii Lokalnej",
}

POINTER_KINDS = ("header", "agenda", "attendance", "action", "resolution")


def parse_pointer(corrects: str) -> tuple[str, str]:
    """What an erratum corrects: "header", "agenda:2", "attendance:<id>", "action:<id>", …"""
    kind, _, key = corrects.strip().partition(":")
    kind = kind.strip().lower()
    if kind not in POINTER_KINDS or (kind == "header") != (not key.strip()):
        raise InvalidInputError(
            "corrects",
            "Say what the erratum corrects: header, agenda:<number>, attendance:<stakeholder id>, "
            "action:<id> or resolution:<id>; got {corrects!r}.",
            corrects=corrects,
        )
    return kind, key.strip()
