"""The collaboration network of one gmina as of a date, folded from its recorded facts.

Nodes are the catalogued stakeholders; ties come from declared cooperation, commitments
made for another stakeholder or jointly, and (with the team's meetings) co-attendance
and co-proposed resolutions. Facts count from the day they took effect, in the order they
were recorded, exactly as the registry reads its records as of a date.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Any

from domain.values import SubType

TIE_WEIGHTS = {"lasting": 2.0, "ad_hoc": 1.0}
COORDINATOR = re.compile(r"\b[GM]?OPS\b|O[śs]rod\w* Pomocy Spo[łl]ecznej", re.IGNORECASE)


@dataclass
class Actor:
    """A stakeholder as a node: sector, sub-type, institution or person, pact status."""

    id: str
    name: str
    kind: str
    subtype: str
    sector: str
    since: date
    until: date | None = None
    status: str = "identified"
    signatory: bool = False
    person: dict[str, str] | None = None
    coordinator: bool = False

    def active_on(self, on: date) -> bool:
        return self.since <= on and (self.until is None or self.until > on)


@dataclass
class Tie:
    """One fact that links two stakeholders; ``source`` is the side that reached out."""

    ref: str
    kind: str  # declared | commitment | joint_commitment | co_attendance | co_proposal
    source: str
    target: str
    since: date
    until: date | None = None
    weight: float = 1.0
    detail: str = ""

    def active_on(self, on: date) -> bool:
        return self.since <= on and (self.until is None or self.until > on)


@dataclass
class CommitmentFact:
    """A commitment as the network sees it: who gives what to whom, and with whom."""

    id: str
    stakeholder: str
    resource: str
    quantity: float | None
    unit: str
    beneficiary: str | None
    joint_with: list[str]
    made_on: date
    state: str = "made"


@dataclass
class Period:
    """A stretch of membership (of the pact or the team): from a day, until a day or still."""

    since: date
    until: date | None = None

    def holds_on(self, on: date) -> bool:
        return self.since <= on and (self.until is None or on < self.until)


@dataclass
class Meeting:
    """A meeting of the partnership: who was expected (members) and who attended.

    Expected at a team sitting are the team's members on its day; at a pact forum, the
    pact's signatories on its day (worked out once the fold is done).
    """

    id: str
    held_on: date
    members: list[str]
    attendees: list[str]
    attendance_recorded: bool = True
    kind: str = "pact"
    # Invited on purpose (guests, or members asked in person); expected with the members.
    invited: list[str] = field(default_factory=list)


@dataclass
class Decision:
    """A resolution: who proposed it, whether adopted, and the recorded votes."""

    id: str
    decided_on: date
    proposers: list[str]
    adopted: bool
    votes: dict[str, str] = field(default_factory=dict)  # stakeholder -> for/against/abstain
    votes_recorded: bool = True
    closed: bool = True
    # The members of the body that decided, on the day (the team's, for a team resolution).
    body: list[str] = field(default_factory=list)


@dataclass
class Snapshot:
    """Everything the network and its risk flags are computed from, as of one date."""

    gmina_id: str
    as_of: date
    actors: dict[str, Actor] = field(default_factory=dict)
    ties: list[Tie] = field(default_factory=list)
    commitments: dict[str, CommitmentFact] = field(default_factory=dict)
    meetings: list[Meeting] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    positions: int = 0
    # Who was in the pact and in the team, when: stakeholder -> periods of membership.
    pact: dict[str, list[Period]] = field(default_factory=dict)
    team: dict[str, list[Period]] = field(default_factory=dict)
    meeting_kinds: dict[str, str] = field(default_factory=dict)
    # Who each meeting invited (meetings enter the network only once held).
    invitations: dict[str, list[str]] = field(default_factory=dict)
    # SHA-256 of "<record id>/<version>\n" of every fact folded, in recorded order.
    digest: str = ""
    # Flags the facilitators acknowledged: flag key -> the latest acknowledgement's fields.
    acknowledged: dict[str, dict[str, Any]] = field(default_factory=dict)

    def members_on(self, body: dict[str, list[Period]], on: date) -> list[str]:
        """Who belonged to the pact or the team on a day (and was still catalogued)."""
        return [
            sid
            for sid, periods in body.items()
            if any(p.holds_on(on) for p in periods)
            and sid in self.actors
            and self.actors[sid].active_on(on)
        ]

    def active(self) -> list[Actor]:
        return sorted(
            (a for a in self.actors.values() if a.active_on(self.as_of)),
            key=lambda a: (a.sector, a.name, a.id),
        )

    def active_ties(self) -> list[Tie]:
        return active_ties(self, self.active())


def active_ties(s: Snapshot, active: list[Actor]) -> list[Tie]:
    """The snapshot's ties holding on its date between the given active stakeholders."""
    live = {a.id for a in active}
    return [t for t in s.ties if t.active_on(s.as_of) and t.source in live and t.target in live]


Handler = Callable[[Snapshot, dict[str, Any], date], None]
HANDLERS: dict[str, Handler] = {}
# Steps run once every fact is folded (who was expected where needs the whole history).
FINISHERS: list[Callable[[Snapshot], None]] = []


def handles(*facts: str) -> Callable[[Handler], Handler]:
    """Register how a kind of fact changes the network (issue-3 facts plug in here)."""

    def register(fn: Handler) -> Handler:
        for name in facts:
            HANDLERS[name] = fn
        return fn

    return register


# A fact ready to fold: the day it took effect, its handler (None: it changes no tie), the row.
Fact = tuple[date, Handler | None, dict[str, Any]]


def prepared(rows: Iterable[dict[str, Any]]) -> list[Fact]:
    """Timeline rows with their day parsed and their handler found, once for many folds."""
    return [
        (date.fromisoformat(row["effective_on"]), HANDLERS.get(row["fact"]), row) for row in rows
    ]


def fold(gmina_id: str, facts: Iterable[dict[str, Any]], as_of: date) -> Snapshot:
    """The network as of a date: facts that took effect by then, in recorded order."""
    return fold_prepared(gmina_id, prepared(facts), as_of)


def fold_prepared(gmina_id: str, facts: Iterable[Fact], as_of: date) -> Snapshot:
    """`fold` over facts already prepared (read and parsed once, folded on many dates)."""
    snapshot = Snapshot(gmina_id, as_of)
    digest = hashlib.sha256()
    for took_effect, handler, row in facts:
        if took_effect > as_of:
            continue
        snapshot.positions += 1
        digest.update(f"{row['record_id']}/{row.get('version', 0)}\n".encode())
        if handler is not None:
            handler(snapshot, row, took_effect)
    snapshot.digest = digest.hexdigest()
    for finish in FINISHERS:
        finish(snapshot)
    return snapshot


@handles("Stakeholder.Catalogued")
def catalogued(s: Snapshot, row: dict[str, Any], on: date) -> None:
    d = row["details"]
    subtype = SubType(d["subtype"])
    person = d.get("person") or {}
    s.actors[row["record_id"]] = Actor(
        id=row["record_id"],
        name=d["name"] or f"osoba {row['record_id'][:8]}",
        kind=d["kind"],
        subtype=subtype.value,
        sector=subtype.sector.value,
        since=on,
        person=person or None,
        coordinator=subtype is SubType.LOCAL_GOVERNMENT_UNIT
        and bool(COORDINATOR.search(d["name"])),
    )


@handles("Stakeholder.Edited", "Stakeholder.Recategorised", "Stakeholder.StatusChanged")
def stakeholder_changed(s: Snapshot, row: dict[str, Any], on: date) -> None:
    actor = s.actors.get(row["record_id"])
    if actor is None:
        return
    d = row["details"]
    changes = d.get("changes", {})
    if "name" in changes:
        actor.name = changes["name"]
    if changes.get("person"):
        actor.person = changes["person"]
    if "subtype" in d:
        actor.subtype = d["subtype"]
        actor.sector = SubType(d["subtype"]).sector.value
    if "status" in d:
        actor.status = d["status"]


@handles("Stakeholder.Archived")
def archived(s: Snapshot, row: dict[str, Any], on: date) -> None:
    if row["record_id"] in s.actors:
        s.actors[row["record_id"]].until = on


@handles("Pact.Joined", "Pact.Left")
def pact_membership(s: Snapshot, row: dict[str, Any], on: date) -> None:
    sid = row["details"]["stakeholder_id"]
    actor = s.actors.get(sid)
    if actor is not None:
        actor.signatory = row["fact"] == "Pact.Joined"
    join_or_leave(s.pact, sid, on, row["fact"] == "Pact.Joined")


def join_or_leave(body: dict[str, list[Period]], sid: str, on: date, joins: bool) -> None:
    """A stakeholder's membership of the pact or the team begins, or its open one ends."""
    periods = body.setdefault(sid, [])
    if joins:
        periods.append(Period(on))
    elif periods and periods[-1].until is None:
        periods[-1].until = on


@handles("Pact.CommitmentMade")
def commitment_made(s: Snapshot, row: dict[str, Any], on: date) -> None:
    d = row["details"]
    quantity = d.get("quantity")
    c = CommitmentFact(
        id=d["commitment_id"],
        stakeholder=d["stakeholder_id"],
        resource=d["resource"],
        quantity=float(quantity) if quantity is not None else None,
        unit=d.get("unit", ""),
        beneficiary=d.get("beneficiary_id"),
        joint_with=list(d.get("joint_with") or []),
        made_on=on,
    )
    s.commitments[c.id] = c
    add_commitment_ties(s, c)


def add_commitment_ties(s: Snapshot, c: CommitmentFact) -> None:
    if c.beneficiary and c.beneficiary != c.stakeholder:
        s.ties.append(
            Tie(c.id, "commitment", c.stakeholder, c.beneficiary, c.made_on, None, 1.0, c.resource)
        )
    for a, b in combinations([c.stakeholder, *c.joint_with], 2):
        s.ties.append(Tie(c.id, "joint_commitment", a, b, c.made_on, None, 1.0, c.resource))


@handles("Pact.CommitmentRevised")
def commitment_revised(s: Snapshot, row: dict[str, Any], on: date) -> None:
    d = row["details"]
    c = s.commitments.get(d["commitment_id"])
    if c is None:
        return
    changes = d["changes"]
    c.resource = changes.get("resource", c.resource)
    if "quantity" in changes:
        c.quantity = float(changes["quantity"]) if changes["quantity"] is not None else None
    c.unit = changes.get("unit", c.unit)
    c.state = "revised"
    if "beneficiary_id" in changes:
        c.beneficiary = changes["beneficiary_id"]
        s.ties = [t for t in s.ties if not (t.ref == c.id and t.kind == "commitment")]
        if c.beneficiary and c.beneficiary != c.stakeholder:
            s.ties.append(
                Tie(c.id, "commitment", c.stakeholder, c.beneficiary, on, None, 1.0, c.resource)
            )


@handles("Pact.CommitmentClosed")
def commitment_closed(s: Snapshot, row: dict[str, Any], on: date) -> None:
    d = row["details"]
    c = s.commitments.get(d["commitment_id"])
    if c is None:
        return
    c.state = d["state"]
    if c.state == "withdrawn":
        for t in s.ties:
            if t.ref == c.id and t.until is None:
                t.until = on


@handles("Cooperation.Declared")
def cooperation_declared(s: Snapshot, row: dict[str, Any], on: date) -> None:
    d = row["details"]
    s.ties.append(
        Tie(
            row["record_id"],
            "declared",
            d["stakeholder_id"],
            d["partner_id"],
            on,
            None,
            TIE_WEIGHTS.get(d["form"], 1.0),
            f"{d['form']}: {d['subject']}",
        )
    )


@handles("Cooperation.Ended")
def cooperation_ended(s: Snapshot, row: dict[str, Any], on: date) -> None:
    for t in s.ties:
        if t.ref == row["record_id"] and t.until is None:
            t.until = on
