"""A synthetic partnership recorded through the registry's use cases, as a facilitator would.

A year of 2026 in one gmina: stakeholders catalogued, the pact signed, the team formed,
monthly sittings with their attendance and resolutions, forums of the signatories.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from uuid import UUID

from domain.values import SubType
from registry.application import Registry

BY = "moderatorka.ala"
CATALOGUED = date(2025, 10, 1)
SIGNED = date(2026, 1, 15)
FORMED = date(2026, 1, 20)
# Two stakeholders of every sector, each name saying its sector.
KINDS: dict[str, SubType] = {
    "GOPS": SubType.LOCAL_GOVERNMENT_UNIT,
    "Stowarzyszenie": SubType.NGO,
    "Parafia": SubType.CHURCH_ORGANISATION,
    "Szkoła": SubType.EDUCATION,
    "Bank": SubType.FINANCE_BANKING,
    "Lider": SubType.SOCIAL_LEADER,
}


class Partnership:
    """One gmina's partnership, recorded fact by fact in a registry of its own."""

    def __init__(self, app: Registry) -> None:
        self.app = app
        self.gmina = app.register_gmina(
            "2640013", "Zielony Jar", "zielonojarski", recorded_by=BY, effective_on=date(2025, 9, 1)
        )
        app.open_partnership(
            self.gmina, reason="Sesja rady", recorded_by=BY, effective_on=date(2025, 9, 15)
        )
        self.ids: dict[str, UUID] = {}
        self.team_formed = False
        self.sittings = 0

    def add(self, name: str, subtype: SubType, on: date = CATALOGUED) -> str:
        person = subtype is SubType.SOCIAL_LEADER
        self.ids[name] = self.app.add_stakeholder(
            self.gmina,
            name=name,
            subtype=subtype,
            kind="person" if person else "institution",
            recorded_by=BY,
            effective_on=on,
        )
        return name

    def add_sectors(self, rounds: int = 2) -> list[str]:
        """Stakeholders of every sector, ``rounds`` of each, interleaved by sector."""
        return [
            self.add(f"{label} {r + 1}", subtype)
            for r in range(rounds)
            for label, subtype in KINDS.items()
        ]

    def add_all(self, kinds: dict[str, SubType], on: date = CATALOGUED) -> list[str]:
        return [self.add(name, subtype, on) for name, subtype in kinds.items()]

    def cooperating(
        self, rounds: int = 2, step: int = 3, signs: Callable[[str], bool] = lambda _: True
    ) -> list[str]:
        """Stakeholders of every sector who sign (those ``signs`` picks) and cooperate,
        each with its two neighbours on a ring and the ones ``step`` places away."""
        everyone = self.add_sectors(rounds)
        self.sign([n for n in everyone if signs(n)])
        self.ring(everyone)
        self.ring(everyone, step)
        return everyone

    def sign(self, names: list[str], on: date = SIGNED) -> None:
        for n in names:
            self.app.join_pact(self.gmina, self.ids[n], recorded_by=BY, effective_on=on)

    def leave(self, name: str, on: date) -> None:
        self.app.leave_pact(
            self.gmina, self.ids[name], reason="Rezygnacja", recorded_by=BY, effective_on=on
        )

    def appoint(self, names: list[str], on: date = FORMED) -> None:
        if not self.team_formed:
            self.app.form_team(
                self.gmina, decided_by="Zarządzenie Wójta", recorded_by=BY, effective_on=on
            )
            self.team_formed = True
        for n in names:
            self.app.appoint_member(self.gmina, self.ids[n], recorded_by=BY, effective_on=on)

    def dismiss(self, name: str, on: date) -> None:
        self.app.dismiss_member(
            self.gmina, self.ids[name], reason="Rezygnacja", recorded_by=BY, effective_on=on
        )

    def tie(self, a: str, b: str, on: date = SIGNED) -> None:
        self.app.declare_cooperation(
            self.gmina,
            self.ids[a],
            self.ids[b],
            subject="Wspólne działania",
            recorded_by=BY,
            effective_on=on,
        )

    def ring(self, names: list[str], step: int = 1) -> None:
        for i, n in enumerate(names):
            self.tie(n, names[(i + step) % len(names)])

    def commit(self, giver: str, to: str, on: date = SIGNED) -> None:
        self.app.make_commitment(
            self.gmina,
            self.ids[giver],
            resource="staff",
            description="Godziny pracy specjalisty",
            beneficiary_id=self.ids[to],
            recorded_by=BY,
            effective_on=on,
        )

    def meeting(
        self, kind: str, on: date, present: list[str], invited: tuple[str, ...] = ()
    ) -> UUID:
        app = self.app
        mid = app.schedule_meeting(
            self.gmina, kind=kind, on=on, at=time(17), place="GOPS", recorded_by=BY, effective_on=on
        )
        if invited:
            self.invite(mid, list(invited), on)
        app.hold_meeting(
            mid,
            started_at=time(17),
            ended_at=time(19),
            chair="Przewodnicząca",
            minute_taker="Sekretarz",
            recorded_by=BY,
        )
        for n in present:
            app.record_attendance(mid, self.ids[n], recorded_by=BY)
        return mid

    def sitting(
        self,
        on: date,
        present: list[str],
        proposers: tuple[str, ...] = (),
        against: tuple[str, ...] = (),
        named: bool = True,
        invited: tuple[str, ...] = (),
    ) -> UUID:
        """A team sitting; each proposer's resolution adopted by all who came but those
        ``against`` (another's motion only); with ``named`` False only the totals are noted."""
        mid = self.meeting("team", on, present, invited)
        for i, proposer in enumerate(proposers):
            rid = self.app.propose_resolution(
                mid,
                title=f"w sprawie działania {i + 1}",
                text="§1. Zespół postanawia.",
                proposer_id=self.ids[proposer],
                recorded_by=BY,
            )
            no = [n for n in present if n in against and n != proposer]
            yes = [n for n in present if n not in no]
            at = time(17, 30 + i)
            if named:
                self.app.vote(
                    rid,
                    at=at,
                    votes_for=[self.ids[n] for n in yes],
                    votes_against=[self.ids[n] for n in no],
                    recorded_by=BY,
                )
            else:
                self.app.vote(rid, at=at, totals=(len(yes), len(no), 0), recorded_by=BY)
        return mid

    def invite(self, meeting: UUID, names: list[str], on: date) -> None:
        self.app.invite_to_meeting(
            meeting, [self.ids[n] for n in names], recorded_by=BY, effective_on=on
        )

    def forum(self, on: date, present: list[str], invited: tuple[str, ...] = ()) -> UUID:
        """A forum of the pact's signatories (and of those invited)."""
        return self.meeting("pact", on, present, invited)


def monthly(first: int = 2, last: int = 11) -> list[date]:
    """The team's sittings: the tenth of every month from February to November."""
    return [date(2026, month, 10) for month in range(first, last + 1)]
