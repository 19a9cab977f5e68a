"""What facilitators read of meetings, minutes, actions and quorum, served from read models.

Every answer is built from the meetings rows (``projections/meetings.py``) with no record
of the registry loaded; ``projections/meeting_rows.py`` says how rows are kept current
and how reads as of a date are answered. The team and its resolutions are read in
``projections/queries_team.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, time
from typing import Any, TypeVar
from uuid import UUID

from domain.errors import InvalidInputError, NotFoundError
from domain.input_rules import check_wall_clock, wall_clock
from domain.minutes import MINUTES_TITLES_PL, MeetingKind
from domain.voting import QuorumRule, is_present, quorum_needed
from projections.meeting_rows import MeetingRows, Rows
from projections.meeting_tables import day, moment
from projections.queries_history import record_history
from projections.queries_team import TeamReads, rules_on, seats_held_on
from projections.store import Row
from registry import meeting_views as shown
from registry.meetings import parse_kind
from registry.views import FactView

T = TypeVar("T")
MEETING_REF = re.compile(
    r"^(team|zsl|pact|pakt)[\s:/-]*([0-9]+)/([0-9]{4})$", re.IGNORECASE | re.ASCII
)


def the_one_meeting(ref: str, matches: Sequence[T]) -> T:
    """The one meeting a reference names; refused in words when it names none or several."""
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFoundError("No meeting {ref!r} in this gmina's calendar.", ref=ref)
    raise InvalidInputError(
        "meeting",
        "{ref!r} names {matches} meetings; be more exact.",
        ref=ref,
        matches=len(matches),
    )


def clock(value: str) -> time:
    """A time of day as the gmina's wall clock shows it."""
    return wall_clock(time.fromisoformat(value))


def meeting_basics(m: Row) -> dict[str, Any]:
    """What the calendar says of a meeting: when, where, its state and its minutes'."""
    basics = {k: m[k] for k in ("kind", "number", "place", "state", "minutes")}
    return basics | {"id": UUID(m["id"]), "on": date.fromisoformat(m["on"]), "at": clock(m["at"])}


def optional_id(value: str | None) -> UUID | None:
    return None if value is None else UUID(value)


class MeetingReads(TeamReads):
    """Meetings and their minutes, action items, quorum; the team and its resolutions."""

    def __init__(self, rows: MeetingRows) -> None:
        super().__init__(rows)

    def action_view(self, r: Row) -> shown.ActionItemView:
        return shown.ActionItemView(
            id=UUID(r["id"]),
            meeting_id=UUID(r["meeting_id"]),
            description=r["description"],
            owner_id=UUID(r["owner_id"]),
            owner_name=self.rows.stakeholder_name(r["owner_id"]),
            due_on=day(r["due_on"]),
            agenda_item=r["agenda_item"],
            state=r["state"],
            accepted_on=day(r["accepted_on"]),
            commitment_id=optional_id(r["commitment_id"]),
            version=r["version"],
        )

    def get_action(
        self, action_id: UUID, gmina_id: UUID | None = None, *, as_of: date | None = None
    ) -> shown.ActionItemView:
        row, _ = self.rows.record("action", action_id, gmina_id, as_of=as_of)
        return self.action_view(row)

    def attendance(self, m: Row) -> list[shown.AttendanceView]:
        lines = []
        entries = sorted(m["attendance"].items(), key=lambda e: (e[1]["arrived_at"], e[1]["order"]))
        for sid, a in entries:
            representative, function = self.rows.person(a["representative"])
            lines.append(
                shown.AttendanceView(
                    UUID(sid),
                    self.rows.stakeholder_name(sid),
                    representative,
                    function,
                    a["role"],
                    clock(a["arrived_at"]),
                    moment(a["departed_at"]),
                )
            )
        return lines

    def meeting_view(self, m: Row, view: Rows) -> shown.MeetingView:
        kind = MeetingKind(m["kind"])
        title = (
            f"Protokół nr {m['number']} {MINUTES_TITLES_PL[kind]}" if m["number"] else kind.polish
        )
        actions = [view.get("action", a) for a in m["action_ids"]]
        resolutions = [view.get("resolution", r) for r in m["resolution_ids"]]
        return shown.MeetingView(
            **meeting_basics(m),
            gmina_id=UUID(m["gmina_id"]),
            title=title,
            started_at=moment(m["started_at"]),
            ended_at=moment(m["ended_at"]),
            chair=self.rows.person(m["chair"])[0],
            minute_taker=self.rows.person(m["minute_taker"])[0],
            agenda=[
                shown.AgendaItemView(i["number"], i["title"], i["summary"]) for i in m["agenda"]
            ],
            attendance=self.attendance(m),
            actions=[self.action_view(a) for a in actions if a is not None],
            resolutions=[self.resolution_view(r) for r in resolutions if r is not None],
            approved_on=day(m["approved_on"]),
            approved_at=optional_id(m["approved_at"]),
            approval=m["approval"],
            finalised_on=day(m["finalised_on"]),
            errata=[
                shown.ErratumView(
                    UUID(e["id"]),
                    e["corrects"],
                    e["correction"],
                    date.fromisoformat(e["recorded_on"]),
                )
                for e in m["errata"]
            ],
            cancel_reason=m["cancel_reason"],
            version=m["version"],
            invited=[
                shown.InvitedView(
                    UUID(sid), self.rows.stakeholder_name(sid), sid in m["attendance"]
                )
                for sid in m.get("invited", [])
            ],
        )

    def get_meeting(
        self, meeting_id: UUID, gmina_id: UUID | None = None, *, as_of: date | None = None
    ) -> shown.MeetingView:
        """A meeting and its minutes now, or as they stood on a past date (corrected)."""
        return self.shown("meeting", meeting_id, gmina_id, as_of, self.meeting_view)

    def list_meetings(
        self, gmina_id: UUID, *, kind: MeetingKind | str | None = None
    ) -> list[shown.MeetingSummaryView]:
        """The gmina's meetings in date order, of one kind or all."""
        wanted = parse_kind(kind).value if kind else None
        views = [
            shown.MeetingSummaryView(**meeting_basics(m))
            for m in self.rows.current().rows("meeting", str(gmina_id))
            if not wanted or m["kind"] == wanted
        ]
        return sorted(views, key=lambda v: (v.on, v.at))

    def find_meeting(self, gmina_id: UUID, ref: str) -> UUID:
        """A meeting from its id (or its first characters), its date, or "zsl 2/2026"."""
        ref = ref.strip()
        found = self.rows.current().rows("meeting", str(gmina_id))
        numbered = MEETING_REF.match(ref)
        if numbered:
            word, number, year = numbered.groups()
            kind = "team" if word.lower() in ("team", "zsl") else "pact"
            key = f"{int(number)}/{int(year)}"
            matches = [m["id"] for m in found if m["kind"] == kind and m["number"] == key]
        elif re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", ref):
            matches = [m["id"] for m in found if m["on"] == ref]
        else:
            matches = [m["id"] for m in found if m["id"].startswith(ref.lower())]
        return UUID(the_one_meeting(ref, matches))

    def quorum_at(
        self, meeting_id: UUID, at: time, gmina_id: UUID | None = None
    ) -> shown.QuorumView:
        """Whether the team could decide at a moment of a sitting: members present, needed."""
        check_wall_clock("at", at)
        m, view = self.rows.record("meeting", meeting_id, gmina_id)
        on = date.fromisoformat(m["on"])
        if m["state"] != "held":
            raise InvalidInputError("meeting", "The meeting of {on} was not held.", on=on)
        if m["kind"] != MeetingKind.TEAM.value:
            raise InvalidInputError("meeting", "Only the team's sittings vote; quorum is theirs.")
        team = self.team_row(UUID(m["gmina_id"]), view)
        members = {s["stakeholder_id"] for s in seats_held_on(view, team, on)}
        rule = QuorumRule(rules_on(team, on)["quorum"])
        present = [
            sid
            for sid, a in m["attendance"].items()
            if sid in members and is_present(clock(a["arrived_at"]), moment(a["departed_at"]), at)
        ]
        needed = quorum_needed(rule, len(members))
        return shown.QuorumView(
            at=at,
            members=len(members),
            present_members=sorted(self.rows.stakeholder_name(sid) for sid in present),
            needed=needed,
            has_quorum=bool(members) and len(present) >= needed,
            rule=rule.polish,
        )

    def counts(self, gmina_id: UUID, as_of: date | None = None) -> tuple[int, int]:
        """How many meetings and resolutions the gmina has (as of a date), for the dashboard.

        A meeting counts from its day; a resolution from the day of its sitting, when the
        team numbered it.
        """
        view, on = self.rows.current(), (as_of or date.max).isoformat()
        meetings = [m for m in view.rows("meeting", str(gmina_id)) if m["on"] <= on]
        resolutions = [r for r in view.rows("resolution", str(gmina_id)) if r["proposed_on"] <= on]
        return len(meetings), len(resolutions)

    def history(self, record_id: UUID) -> list[FactView]:
        """Every fact recorded about one record of a gmina, with the gmina's corrections."""
        self.rows.current()
        gmina_id, facts = record_history(self.rows.models.timeline_view, record_id)
        return self.rows.corrected(gmina_id, facts)
