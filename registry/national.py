"""A synthetic national dataset: every voivodeship, about 2,500 invented gminas, seeded.

Each gmina gets a plausible year of MLW work: a catalogue of 20–150 institutions, a pact
with its signatories and commitments, declared cooperation, a Local Synergy Team, its
sittings and pact meetings with attendance, and resolutions voted member by member.
Names say "syntetyczna" and TERC codes are well formed but invented. The same seed gives
the same facts. Aggregates are built in memory and each gmina is saved in one transaction.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.calendar import MeetingCalendar
from domain.cooperation import Cooperation
from domain.directory import GminaDirectory
from domain.gmina import VOIVODESHIPS, Gmina
from domain.meeting import Meeting
from domain.minutes import AttendanceRole, MeetingKind
from domain.pact import Pact
from domain.partnership import Partnership
from domain.resolution import Resolution
from domain.stakeholder import Stakeholder
from domain.team import SynergyTeam, TeamRole
from domain.values import (
    CooperationForm,
    Identifiers,
    ParticipantRole,
    ResourceKind,
    StakeholderKind,
    StakeholderStatus,
    SubType,
)
from domain.voting import TeamRules, VoteChoice, quorum_needed
from registry.application import Registry
from registry.invented import terc_code

BY = "generator.krajowy"
START = date(2024, 1, 8)
INSTITUTIONS = [s for s in SubType if s is not SubType.SOCIAL_LEADER]
# Gminas per voivodeship in Poland (2,477 in all): the dataset keeps these proportions.
GMINAS = dict(
    zip(
        sorted(VOIVODESHIPS),
        (169, 144, 213, 82, 177, 182, 314, 71, 160, 118, 123, 167, 102, 116, 226, 113),
        strict=True,
    )
)


@dataclass(frozen=True)
class GminaPlan:
    """Where an invented gmina lies: TERC code, name, powiat, its number in the dataset."""

    index: int
    terc: str
    name: str
    powiat: str


def plan(gminas: int = 2477) -> list[GminaPlan]:
    """Invented gminas in every voivodeship, in proportion to the real counts."""
    plans: list[GminaPlan] = []
    for woj, count in shares(gminas).items():
        for k in range(count):
            powiat, number = divmod(k, 12)
            kind = "123"[k % 3]
            terc = terc_code(woj, powiat + 1, number + 1, kind)
            name = f"Gmina syntetyczna {woj}-{k + 1:03d}"
            plans.append(
                GminaPlan(len(plans), terc, name, f"powiat syntetyczny {woj}-{powiat + 1}")
            )
    return plans


def shares(gminas: int) -> dict[str, int]:
    """Gminas per voivodeship adding up to ``gminas`` (at least one each)."""
    total = sum(GMINAS.values())
    exact = {woj: max(1.0, real * gminas / total) for woj, real in GMINAS.items()}
    counts = {woj: int(x) for woj, x in exact.items()}
    by_remainder = sorted(exact, key=lambda w: exact[w] - counts[w], reverse=True)
    for woj in by_remainder[: max(0, gminas - sum(counts.values()))]:
        counts[woj] += 1
    return counts


def one_gmina(p: GminaPlan, rng: random.Random, directory: GminaDirectory) -> list[Aggregate]:
    """A year of one gmina's partnership, as unsaved aggregates."""
    day = START + timedelta(days=rng.randrange(120))
    gmina = Gmina(p.terc, p.name, p.powiat, VOIVODESHIPS[p.terc[:2]], day, BY)
    directory.enter(p.terc, gmina.id, day, BY)
    partnership = Partnership.open(gmina.id, day, "prezentacja idei MLW", BY)
    pact = Pact.draft(gmina.id, gmina.name, day, BY)
    catalogue: list[Stakeholder] = []
    for k in range(int(20 + 130 * rng.random() ** 1.5)):
        s = Stakeholder.catalogue(
            gmina_id=gmina.id, kind=StakeholderKind.INSTITUTION, name=f"Podmiot {p.index}-{k}",
            subtype=rng.choice(INSTITUTIONS), legal_form="", identifiers=Identifiers(),
            seat="", area="", resources_offered=[], contact="", person=None,
            effective_on=day, recorded_by=BY,
        )  # fmt: skip
        gmina.catalogue(s.id, day, BY)
        catalogue.append(s)
    signed_on = day + timedelta(days=30)
    signatories = rng.sample(catalogue, max(6, int(len(catalogue) * rng.uniform(0.4, 0.7))))
    for s in signatories:
        pact.join(s.id, s.name, None, CooperationForm.LASTING,
                  ParticipantRole.ASSOCIATED_INSTITUTION, signed_on, BY)  # fmt: skip
        s.set_status(StakeholderStatus.SIGNATORY, signed_on, BY)
    for _ in range(int(len(signatories) * 1.5)):
        giver, taker = rng.sample(signatories, 2)
        kind = rng.choice(list(ResourceKind))
        pact.make_commitment(rng_uuid(rng), giver.id, giver.name, kind, "wsparcie",
                             None, "", "", taker.id, [], None, signed_on, BY)  # fmt: skip
    ties = [
        Cooperation.declare(
            gmina_id=gmina.id,
            stakeholder_id=a.id,
            partner_id=b.id,
            form=rng.choice(list(CooperationForm)),
            subject="wspólne działanie",
            effective_on=signed_on + timedelta(days=rng.randrange(300)),
            recorded_by=BY,
        )
        for a, b in (rng.sample(catalogue, 2) for _ in range(2 * len(catalogue)))
    ]
    sittings = list(meetings(gmina, signatories, signed_on, rng))
    return [directory, gmina, partnership, pact, *catalogue, *ties, *sittings]


def meetings(
    gmina: Gmina, signatories: list[Stakeholder], formed_on: date, rng: random.Random
) -> Iterator[Aggregate]:
    """The team, its calendar, sittings and pact meetings, resolutions and their votes."""
    team = SynergyTeam.form(gmina.id, "zarządzenie wójta", TeamRules(), formed_on, BY)
    members = rng.sample(signatories, min(len(signatories), rng.randint(5, 12)))
    roles = [TeamRole.CHAIR, TeamRole.DEPUTY, TeamRole.SECRETARY]
    for i, s in enumerate(members):
        role = roles[i] if i < len(roles) else TeamRole.MEMBER
        team.appoint(s.id, s.name, role, "zarządzenie wójta", formed_on, BY)
    calendar = MeetingCalendar(gmina.id, gmina.registered_on, BY)
    yield team
    yield calendar
    on = formed_on
    for number in range(1, rng.randint(6, 12) + 1):
        on += timedelta(days=rng.randint(14, 35))
        kind = MeetingKind.TEAM if rng.random() < 0.8 else MeetingKind.PACT
        room = members if kind is MeetingKind.TEAM else signatories
        m = Meeting.schedule(
            gmina.id, kind, on, time(17), "sala urzędu", ["sprawy bieżące"], on, BY
        )
        calendar.enter(m.id, kind, on, on, BY)
        m.hold(number, time(17), time(19), None, None, on, BY)
        present = [s for s in room if rng.random() < 0.8] or room[:1]
        as_ = AttendanceRole.MEMBER if kind is MeetingKind.TEAM else AttendanceRole.GUEST
        for s in present:
            m.record_attendance(s.id, s.name, None, as_, time(17), None, on, BY)
        if kind is MeetingKind.TEAM:
            yield from resolutions(team, m, members, present, rng)
        yield m


def resolutions(
    team: SynergyTeam,
    m: Meeting,
    members: list[Stakeholder],
    present: list[Stakeholder],
    rng: random.Random,
) -> Iterator[Aggregate]:
    """Up to three resolutions of one sitting, each voted by the members present."""
    member_ids = set(team.members_on(m.on))
    at = time(18)
    in_room = m.present_at(at)
    rules = team.rules_on(m.on)
    if len(in_room & member_ids) < quorum_needed(rules.quorum, len(member_ids)):
        return  # no quorum, no decisions: the sitting only talks
    for _ in range(rng.randint(0, 3)):
        proposer = rng.choice(members)
        number = team.next_number(m.on.year)
        r = Resolution.propose(m.gmina_id, m.id, number, m.on.year, "w sprawie działań",
                               proposer.id, "§1 Postanawia się działać.", [], m.on, BY)  # fmt: skip
        team.number_resolution(r.id, number, m.on.year, m.on, BY)
        m.table_resolution(r.id, m.on, BY)
        r.open_vote(at, m.on, BY)
        for s in present:
            choice = rng.choices(list(VoteChoice), weights=(8, 1, 1))[0]
            r.cast_ballot(s.id, s.name, choice, member_ids, in_room, m.on, BY)
        r.close_vote(rules, member_ids, in_room, m.on, BY)
        yield r


def rng_uuid(rng: random.Random) -> UUID:
    return UUID(int=rng.getrandbits(128), version=4)


def generate(app: Registry, gminas: int = 2477, seed: int = 1) -> Iterator[tuple[GminaPlan, int]]:
    """Write the dataset gmina by gmina; yields each gmina and the facts it added."""
    rng = random.Random(seed)
    directory = app.directory()
    for p in plan(gminas):
        aggregates = one_gmina(p, rng, directory)
        facts = sum(len(a.pending_events) for a in aggregates)
        app.save(*aggregates)
        yield p, facts
