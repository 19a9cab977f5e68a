"""The team and its meetings read back from their tables, as plain data."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from typing import Any
from uuid import UUID

from domain.input_rules import wall_clock
from domain.minutes import MeetingKind
from projections.store import Row, RowView
from registry.meetings import parse_kind

PersonName = Callable[[dict[str, str]], str]


def anonymous(person: dict[str, str] | None) -> str:
    return f"osoba {person['person_id'][:8]}" if person else ""


@dataclass(frozen=True)
class SeatRow:
    """One period of a stakeholder's membership of the team, in one role."""

    stakeholder_id: UUID
    role: str
    appointed_on: date
    dismissed_on: date | None
    decided_by: str
    dismiss_reason: str


@dataclass(frozen=True)
class MeetingRow:
    """A meeting in the gmina's calendar and the state of its minutes."""

    id: UUID
    kind: str
    number: str | None
    on: date
    at: time
    place: str
    state: str
    started_at: time | None
    ended_at: time | None
    chair: str
    minute_taker: str
    attendance: int
    resolutions: int
    minutes: str
    approved_on: date | None
    finalised_on: date | None
    errata: int


@dataclass(frozen=True)
class ResolutionRow:
    """A resolution of the team ("Uchwała nr 3/2026 w sprawie …") and its vote."""

    id: UUID
    meeting_id: UUID
    number: str
    label: str
    title: str
    proposer_id: UUID
    state: str
    vote_at: time | None
    votes_for: int
    votes_against: int
    abstentions: int
    members: int
    present: int
    quorum: int


def day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def moment(value: str | None) -> time | None:
    return None if value is None else wall_clock(time.fromisoformat(value))


def team_members(view: RowView, gmina_id: UUID, *, on: date | None = None) -> list[SeatRow]:
    """Every seat in the team in the order of appointment, or only those held on a date."""
    rows = sorted(view.rows("seat", str(gmina_id)), key=lambda r: int(r["index"]))
    seats = [
        SeatRow(
            stakeholder_id=UUID(r["stakeholder_id"]),
            role=r["role"],
            appointed_on=date.fromisoformat(r["appointed_on"]),
            dismissed_on=day(r["dismissed_on"]),
            decided_by=r["decided_by"],
            dismiss_reason=r["dismiss_reason"],
        )
        for r in rows
    ]
    if on is None:
        return seats
    return [
        s for s in seats if s.appointed_on <= on and (s.dismissed_on is None or on < s.dismissed_on)
    ]


def meetings(
    view: RowView,
    gmina_id: UUID,
    kind: MeetingKind | str | None = None,
    *,
    person_name: PersonName = anonymous,
) -> list[MeetingRow]:
    """The gmina's meetings in date order, of one kind or all."""
    wanted = parse_kind(kind).value if kind else None
    found = []
    for r in view.rows("meeting", str(gmina_id)):
        if wanted and r["kind"] != wanted:
            continue
        found.append(
            MeetingRow(
                id=UUID(r["id"]),
                kind=r["kind"],
                number=r["number"],
                on=date.fromisoformat(r["on"]),
                at=wall_clock(time.fromisoformat(r["at"])),
                place=r["place"],
                state=r["state"],
                started_at=moment(r["started_at"]),
                ended_at=moment(r["ended_at"]),
                chair=person_name(r["chair"]) if r["chair"] else "",
                minute_taker=person_name(r["minute_taker"]) if r["minute_taker"] else "",
                attendance=len(r["attendance"]),
                resolutions=r["resolutions"],
                minutes=r["minutes"],
                approved_on=day(r["approved_on"]),
                finalised_on=day(r["finalised_on"]),
                errata=len(r["errata"]),
            )
        )
    return sorted(found, key=lambda m: (m.on, m.at, str(m.id)))


def resolution_basics(r: Row) -> dict[str, Any]:
    """What a resolution's row says of it and its vote, named as the views name it."""
    return {
        "id": UUID(r["id"]),
        "meeting_id": UUID(r["meeting_id"]),
        "number": f"{r['number']}/{r['year']}",
        "label": f"Uchwała nr {r['number']}/{r['year']}",
        "title": r["title"],
        "proposer_id": UUID(r["proposer_id"]),
        "state": r["state"],
        "vote_at": moment(r["vote_at"]),
        **{k: r[k] for k in ("votes_for", "votes_against", "abstentions")},
        **{k: r[k] for k in ("members", "present", "quorum")},
    }


def resolutions(view: RowView, gmina_id: UUID, *, year: int | None = None) -> list[ResolutionRow]:
    """The team's resolutions in number order, optionally of one year."""
    found = [
        ResolutionRow(**resolution_basics(r))
        for r in view.rows("resolution", str(gmina_id))
        if year is None or r["year"] == year
    ]
    return sorted(found, key=lambda r: tuple(int(p) for p in reversed(r.number.split("/"))))
