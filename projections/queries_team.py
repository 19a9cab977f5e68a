"""What facilitators read of the Local Synergy Team and its resolutions, from read models."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from domain.errors import NotFoundError
from domain.gmina import Gmina
from domain.team import SynergyTeam, TeamRole
from domain.voting import MajorityRule, QuorumRule, TeamRules
from projections.effect_words import effect_text
from projections.meeting_rows import MeetingRows, Rows
from projections.meeting_tables import day, resolution_basics
from projections.store import Row
from registry.meeting_views import BallotView, ResolutionView, RulesView, SeatView, TeamView

T = TypeVar("T")
ROLE_ORDER = [role.value for role in TeamRole]


def seats_of(view: Rows, team: Row) -> list[Row]:
    """Every seat of the team, in the order of appointment."""
    return sorted(view.rows("seat", team["gmina_id"]), key=lambda s: int(s["index"]))


def holds_on(seat: Row, on: date) -> bool:
    """A member from the day of appointment up to the day before dismissal."""
    dismissed = day(seat["dismissed_on"])
    return date.fromisoformat(seat["appointed_on"]) <= on and (dismissed is None or on < dismissed)


def seats_held_on(view: Rows, team: Row, on: date) -> list[Row]:
    return [s for s in seats_of(view, team) if holds_on(s, on)]


def rules_on(team: Row, on: date) -> dict[str, str]:
    """The rules in force on a date (the first rules before the team's first day)."""
    periods: list[dict[str, str]] = team["rules"]
    in_force = [p for p in periods if date.fromisoformat(p["since"]) <= on]
    return in_force[-1] if in_force else periods[0]


def rules_view(period: dict[str, str]) -> RulesView:
    rules = TeamRules(QuorumRule(period["quorum"]), MajorityRule(period["majority"]))
    return RulesView(
        quorum=period["quorum"],
        majority=period["majority"],
        description=rules.describe_pl(),
        since=date.fromisoformat(period["since"]),
        decided_by=period["decided_by"],
    )


class TeamReads:
    """The team, its members over time, its resolutions and their votes."""

    def __init__(self, rows: MeetingRows) -> None:
        self.rows = rows

    def team_row(self, gmina_id: UUID, view: Rows, as_of: date | None = None) -> Row:
        team = view.get("team", str(SynergyTeam.create_id(gmina_id)))
        if team is None:
            # Only the refusal names the gmina, as the registry words it.
            name = self.rows.app.load(Gmina, gmina_id).name
            when = f" on {as_of}" if as_of else ""
            raise NotFoundError(
                "{name} has no {missing}{when}: {first}.",
                name=name,
                missing="Local Synergy Team",
                when=when,
                first="form it first",
            )
        return team

    def team_at(self, gmina_id: UUID, as_of: date | None) -> tuple[Row, Rows]:
        view: Rows = self.rows.current()
        if as_of is not None:
            view = self.rows.as_of(as_of, [SynergyTeam.create_id(gmina_id)])
        return self.team_row(gmina_id, view, as_of), view

    def seat_view(self, seat: Row) -> SeatView:
        return SeatView(
            stakeholder_id=UUID(seat["stakeholder_id"]),
            name=self.rows.stakeholder_name(seat["stakeholder_id"]),
            role=seat["role"],
            role_label=TeamRole(seat["role"]).polish,
            appointed_on=date.fromisoformat(seat["appointed_on"]),
            dismissed_on=day(seat["dismissed_on"]),
            decided_by=seat["decided_by"],
            dismiss_reason=seat["dismiss_reason"],
        )

    def get_team(self, gmina_id: UUID, *, as_of: date | None = None) -> TeamView:
        """The team with its members as of a date (today by default) and its whole history."""
        team, view = self.team_at(gmina_id, as_of)
        on = as_of or date.today()
        seats = [(s, self.seat_view(s)) for s in seats_of(view, team)]
        members = sorted(
            (v for s, v in seats if holds_on(s, on)),
            key=lambda v: (ROLE_ORDER.index(v.role), v.name.lower()),
        )
        return TeamView(
            id=UUID(team["id"]),
            gmina_id=gmina_id,
            formed_on=date.fromisoformat(team["formed_on"]),
            decided_by=team["decided_by"],
            on=on,
            members=members,
            seats=[v for _, v in seats],
            rules=rules_view(rules_on(team, on)),
            rules_history=[rules_view(p) for p in team["rules"]],
            resolution_numbers=[key for key, _ in team["numbers"]],
            entity_ids=[UUID(e) for e in team["entity_ids"]],
            version=team["version"],
        )

    # --- resolutions -------------------------------------------------------------------

    def minutes_of(self, meeting_id: UUID) -> str:
        earlier = self.rows.current().get("meeting", str(meeting_id)) or {}
        return f"nr {earlier.get('number')} z dnia {earlier.get('on')}"

    def resolution_view(self, r: Row) -> ResolutionView:
        name_of = self.rows.stakeholder_name
        return ResolutionView(
            **resolution_basics(r),
            gmina_id=UUID(r["gmina_id"]),
            proposer_name=name_of(r["proposer_id"]),
            text=r["text"],
            effects=[effect_text(e, name_of, self.minutes_of) for e in r["effects"]],
            proposed_on=date.fromisoformat(r["proposed_on"]),
            ballots=[BallotView(UUID(sid), name_of(sid), choice) for sid, choice in r["ballots"]],
            withdraw_reason=r["withdraw_reason"],
            version=r["version"],
        )

    def shown(
        self,
        kind: str,
        record_id: UUID,
        gmina_id: UUID | None,
        as_of: date | None,
        shape: Callable[[Row, Rows], T],
    ) -> T:
        """One record of the gmina as a view, now or as of a date, with its corrections."""
        row, view = self.rows.record(kind, record_id, gmina_id, as_of=as_of)
        return self.rows.corrected(row["gmina_id"], shape(row, view))

    def get_resolution(
        self, resolution_id: UUID, gmina_id: UUID | None = None, *, as_of: date | None = None
    ) -> ResolutionView:
        return self.shown(
            "resolution", resolution_id, gmina_id, as_of, lambda r, _: self.resolution_view(r)
        )

    def list_resolutions(
        self, gmina_id: UUID, *, year: int | None = None, as_of: date | None = None
    ) -> list[ResolutionView]:
        """The team's resolutions in number order, as they stood on a date (corrected)."""
        view: Rows = self.rows.current()
        team_id = SynergyTeam.create_id(gmina_id)
        if as_of is not None:
            then = self.rows.as_of(as_of, [team_id]).get("team", str(team_id))
            numbered = [UUID(rid) for _, rid in then["numbers"]] if then else []
            view = self.rows.as_of(as_of, [team_id], numbered)
        team = view.get("team", str(team_id))
        if team is None:
            return []
        found = [view.get("resolution", rid) for key, rid in team["numbers"]]
        rows: list[Any] = [r for r in found if r is not None and (not year or r["year"] == year)]
        rows.sort(key=lambda r: (r["year"], r["number"]))
        return self.rows.corrected(gmina_id, [self.resolution_view(r) for r in rows])

    def find_resolution(self, gmina_id: UUID, number: str) -> UUID:
        """A resolution of the gmina's team from its number, "3/2026"."""
        key = number.strip().removeprefix("nr").strip()
        team, _ = self.team_at(gmina_id, None)
        for numbered, rid in team["numbers"]:
            if numbered == key:
                return UUID(rid)
        raise NotFoundError("The team has no Uchwała nr {key}.", key=key)
