"""Rules read from the team's meetings and resolutions: who decides, who is kept out.

They say "insufficient data" when too few decisions carry their votes or too few
meetings their attendance, instead of guessing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from math import comb

from domain.values import Sector
from projections.i18n import N_
from projections.network import Decision, Meeting
from projections.risk_model import (
    FLAG,
    INSUFFICIENT,
    Context,
    Evidence,
    Flag,
    Rule,
    coordinator_note,
)
from projections.risk_rules_structure import flag
from projections.risk_sentences import joined, said

CHANCE = 0.05
INCOMPLETE = {
    "meetings": N_(
        "Obecność zapisano tylko dla {done} z {total} ostatnich spotkań: to za mało, by "
        "ocenić udział."
    ),
    "resolutions": N_(
        "Głosy zapisano tylko przy {done} z {total} uchwał: to za mało, by ocenić głosowania."
    ),
}


def share_done(done: int, total: int) -> float:
    return 1.0 if total == 0 else done / total


def insufficient(ctx: Context, rule_id: str, risk: str, what: str, done: int, total: int) -> Flag:
    share = share_done(done, total)
    return flag(
        ctx,
        rule_id,
        risk,
        severity=INSUFFICIENT,
        stakeholders=[],
        metric=f"share of {what} recorded",
        value=round(share, 3),
        threshold=ctx.settings.min_completeness,
        counts={"recorded": done, "all": total},
        **said(INCOMPLETE[what], done=done, total=total),
    )


def adopted(ctx: Context) -> list[Decision]:
    return [d for d in ctx.snapshot.decisions if d.adopted]


def body_of(ctx: Context, d: Decision) -> list[str]:
    """Who made up the deciding body: the team's members on the day, else the signatories."""
    return d.body or [a.id for a in ctx.members()]


def fair_shares(ctx: Context, done: list[Decision]) -> tuple[Counter[str], dict[str, float]]:
    """Each member's proposals, and how many it would make with an equal share of each body.

    A decision of a body of n members gives each of them a fair share of 1/n proposals
    (of its proposers' count): nobody is expected to propose before joining the body.
    """
    proposed: Counter[str] = Counter()
    fair: defaultdict[str, float] = defaultdict(float)
    for d in done:
        body = body_of(ctx, d)
        proposers = set(d.proposers)
        proposed.update(proposers)
        for sid in set(body) | proposers:
            fair[sid] += len(proposers) / len(body) if body else 1.0
    return proposed, fair


def decision_share(ctx: Context) -> list[Flag]:
    """Próba dominacji / zawłaszczenie: one member proposes far more than its fair share."""
    s, done = ctx.settings, adopted(ctx)
    if len(done) < s.min_decisions_for_share:
        return []
    proposed, fair = fair_shares(ctx, done)
    members = len(body_of(ctx, max(done, key=lambda d: d.decided_on)))
    found = []
    for sid, count in sorted(proposed.items()):
        share = count / len(done)
        limit = s.decision_fair_share_multiple * fair[sid] / len(done)
        if share <= limit:
            continue
        who = ctx.who(sid)
        if not who:
            continue
        pl, en = coordinator_note(who)
        found.append(
            flag(
                ctx,
                "dominance.decision_share",
                "dominance",
                severity=FLAG,
                stakeholders=who,
                metric="share of adopted resolutions proposed",
                value=round(share, 3),
                threshold=round(limit, 3),
                counts={"proposed": count, "adopted": len(done), "members": members},
                evidence=[
                    Evidence("resolution", d.id, d.decided_on) for d in done if sid in d.proposers
                ],
                **joined(
                    said(
                        "{count} z {adopted} przyjętych uchwał zgłosił jeden członek "
                        "spośród {members}: {name}.",
                        name=who[0].name,
                        count=count,
                        adopted=len(done),
                        members=members,
                    ),
                    pl,
                    en,
                ),
            )
        )
    return found


def representation(ctx: Context) -> list[Flag]:
    """Otwartość: a sector's share of decisions against its share of the deciding body."""
    s, done = ctx.settings, adopted(ctx)
    if len(done) < s.min_decisions_for_representation:
        return []
    sector_of = {a.id: a.sector for a in ctx.snapshot.actors.values()}
    decided: Counter[str] = Counter()
    expected: defaultdict[str, float] = defaultdict(float)
    for d in done:
        body, proposers = body_of(ctx, d), set(d.proposers)
        decided.update(sector_of.get(p, "") for p in proposers)
        for sid in body:
            expected[sector_of.get(sid, "")] += len(proposers) / len(body)
    total = sum(decided.values()) or 1
    members = body_of(ctx, max(done, key=lambda d: d.decided_on))
    member_share = Counter(sector_of.get(sid, "") for sid in members)
    found = []
    for sector, fair in sorted(expected.items()):
        ratio = decided.get(sector, 0) / fair
        if s.representation_low <= ratio <= s.representation_high:
            continue
        more = ratio > s.representation_high
        if not unlikely_by_chance(decided.get(sector, 0), total, fair / total, more):
            continue
        m = member_share.get(sector, 0)
        found.append(
            flag(
                ctx,
                "openness.representation",
                "dominance" if more else "exclusion",
                severity=FLAG,
                stakeholders=ctx.who(*[sid for sid in members if sector_of.get(sid) == sector]),
                metric="share of decisions / share of members",
                value=round(ratio, 3),
                threshold=s.representation_high if more else s.representation_low,
                counts={"decisions": decided.get(sector, 0), "members": m},
                evidence=[
                    Evidence("resolution", d.id, d.decided_on)
                    for d in done
                    if any(sector_of.get(p) == sector for p in d.proposers)
                ],
                **representation_said(
                    sector, m, len(members), decided.get(sector, 0), total, ratio
                ),
            )
        )
    return found


def unlikely_by_chance(observed: int, trials: int, p: float, more: bool) -> bool:
    """Whether so many (or so few) proposals of ``trials`` are unlikely (< 5 %) at a fair
    share ``p`` each: a sector of one member of nine proposing none of eleven resolutions
    happens one time in four by chance alone, and is no sign of anyone being kept out."""
    p = min(max(p, 0.0), 1.0)
    outcomes = range(observed, trials + 1) if more else range(0, observed + 1)
    tail = sum(comb(trials, k) * p**k * (1 - p) ** (trials - k) for k in outcomes)
    return tail < CHANCE


def low_attendance(ctx: Context) -> list[Flag]:
    """Gra na wykluczenie: members absent from most of the last meetings they were expected at.

    Expected at a meeting are the members of the body that met, on its day: the team's
    at a sitting, the pact's at a forum; each stakeholder is read over its own last
    meetings, and only once it was expected at enough of them.
    """
    s = ctx.settings
    meetings = sorted(ctx.snapshot.meetings, key=lambda m: m.held_on)
    last = meetings[-s.attendance_meetings :]
    if not last:
        return []
    recorded = sum(m.attendance_recorded for m in last)
    if share_done(recorded, len(last)) < s.min_completeness:
        return [
            insufficient(
                ctx, "exclusion.low_attendance", "exclusion", "meetings", recorded, len(last)
            )
        ]
    expected_at: dict[str, list[Meeting]] = {}
    for m in meetings:
        for sid in m.members:
            expected_at.setdefault(sid, []).append(m)
    found = []
    for sid, theirs in sorted(expected_at.items()):
        mine = theirs[-s.attendance_meetings :]
        n = len(mine)
        came = sum(sid in m.attendees for m in mine)
        who = ctx.who(sid)
        if n < s.attendance_min_meetings or came / n >= s.attendance_rate or not who:
            continue
        found.append(
            flag(
                ctx,
                "exclusion.low_attendance",
                "exclusion",
                severity=FLAG,
                stakeholders=who,
                metric="attendance over the last meetings",
                value=round(came / n, 3),
                threshold=s.attendance_rate,
                # Of those meetings, how many invited it by name (a guest is expected only there).
                counts={
                    "attended": came,
                    "meetings": n,
                    "invited": sum(sid in m.invited for m in mine),
                },
                evidence=[
                    Evidence("meeting", m.id, m.held_on) for m in mine if sid not in m.attendees
                ],
                **said(
                    "{name} – obecność na {came} z {n} ostatnich spotkań, na których "
                    "oczekiwano udziału.",
                    name=who[0].name,
                    came=came,
                    n=n,
                ),
            )
        )
    return found


def voting(ctx: Context) -> list[Flag]:
    """Wykluczenie and "our interest first", read from the recorded votes."""
    s, done = ctx.settings, [d for d in ctx.snapshot.decisions if d.closed]
    if not done:
        return []
    with_votes = [d for d in done if d.votes_recorded]
    if share_done(len(with_votes), len(done)) < s.min_completeness:
        return [
            insufficient(
                ctx, "own_interest.votes", "own_interest", "resolutions", len(with_votes), len(done)
            )
        ]
    found = []
    against: Counter[str] = Counter()
    cast: Counter[str] = Counter()
    for d in with_votes:
        for sid, vote in d.votes.items():
            if sid in d.proposers:
                continue
            cast[sid] += 1
            against[sid] += vote == "against"
    for sid, n in sorted(cast.items()):
        who = ctx.who(sid)
        if n < s.min_votes or against[sid] / n < s.against_others_share or not who:
            continue
        found.append(
            flag(
                ctx,
                "own_interest.against_others",
                "own_interest",
                severity=FLAG,
                stakeholders=who,
                metric="share of votes against others' motions",
                value=round(against[sid] / n, 3),
                threshold=s.against_others_share,
                counts={"against": against[sid], "votes": n},
                evidence=[
                    Evidence("resolution", d.id, d.decided_on)
                    for d in with_votes
                    if d.votes.get(sid) == "against" and sid not in d.proposers
                ],
                **said(
                    "{name} – {against} z {n} głosów nad wnioskami innych to głosy przeciw "
                    "(może to być też cenna krytyka).",
                    name=who[0].name,
                    against=against[sid],
                    n=n,
                ),
            )
        )
    return found


def representation_said(
    sector: str, m: int, members: int, decided: int, total: int, ratio: float
) -> dict[str, str]:
    """The representation flag read aloud (in Polish a decimal comma, no '0,0 raza')."""
    values = {
        "label": Sector(sector).polish,
        "sector": sector.replace("_", " "),
        "m": m,
        "members": members,
        "decided": decided,
        "total": total,
        "ratio": f"{ratio:.1f}",
        "times": f"{ratio:.1f}".replace(".", ","),
    }
    if not decided:
        return said(
            "Sektor „{label}” ma {m} z {members} członków i nie zgłosił żadnego z {total} "
            "przyjętych wniosków.",
            **values,
        )
    return said(
        "Sektor „{label}” ma {m} z {members} członków i zgłosił {decided} z {total} "
        "przyjętych wniosków ({times} raza tyle, ile wynika z jego liczebności).",
        **values,
    )


RULES: tuple[Rule, ...] = (
    decision_share,
    representation,
    low_attendance,
    voting,
)
