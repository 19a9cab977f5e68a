"""Rules read from the team's meetings and resolutions: who decides, who is kept out.

They say "insufficient data" when too few decisions carry their votes or too few
meetings their attendance, instead of guessing.
"""

from __future__ import annotations

from collections import Counter

from domain.values import SECTOR_LABELS_PL, Sector
from projections.network import Decision
from projections.risk_model import FLAG, INSUFFICIENT, Context, Flag, Rule, coordinator_note
from projections.risk_rules_structure import flag
from projections.risk_sentences import joined, said


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
        **said(
            "Tylko {done} z {total} ({what}) ma pełny zapis: za mało danych, by ocenić.",
            done=done,
            total=total,
            what=what,
        ),
    )


def adopted(ctx: Context) -> list[Decision]:
    return [d for d in ctx.snapshot.decisions if d.adopted]


def decision_share(ctx: Context) -> list[Flag]:
    """Próba dominacji / zawłaszczenie: one member proposes far more than its fair share."""
    s, done = ctx.settings, adopted(ctx)
    if len(done) < s.min_decisions_for_share:
        return []
    members = ctx.members()
    fair = 1 / len(members) if members else 1.0
    proposed = Counter(p for d in done for p in set(d.proposers))
    found = []
    for sid, count in sorted(proposed.items()):
        share = count / len(done)
        if share <= s.decision_fair_share_multiple * fair:
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
                threshold=round(s.decision_fair_share_multiple * fair, 3),
                counts={"proposed": count, "adopted": len(done), "members": len(members)},
                **joined(
                    said(
                        "{name} zgłosił(a) {count} z {adopted} przyjętych uchwał, choć jest "
                        "jednym z {members} członków.",
                        name=who[0].name,
                        count=count,
                        adopted=len(done),
                        members=len(members),
                    ),
                    pl,
                    en,
                ),
            )
        )
    return found


def representation(ctx: Context) -> list[Flag]:
    """Otwartość: a sector's share of decisions against its share of members."""
    s, done = ctx.settings, adopted(ctx)
    if len(done) < s.min_decisions_for_representation:
        return []
    members = ctx.members()
    sector_of = {a.id: a.sector for a in ctx.snapshot.actors.values()}
    member_share = Counter(a.sector for a in members)
    decided = Counter(sector_of.get(p, "") for d in done for p in set(d.proposers))
    total = sum(decided.values()) or 1
    found = []
    for sector, m in sorted(member_share.items()):
        ratio = (decided.get(sector, 0) / total) / (m / len(members))
        if s.representation_low <= ratio <= s.representation_high:
            continue
        more = ratio > s.representation_high
        found.append(
            flag(
                ctx,
                "openness.representation",
                "dominance" if more else "exclusion",
                severity=FLAG,
                stakeholders=ctx.who(*[a.id for a in members if a.sector == sector]),
                metric="share of decisions / share of members",
                value=round(ratio, 3),
                threshold=s.representation_high if more else s.representation_low,
                counts={"decisions": decided.get(sector, 0), "members": m},
                **representation_said(
                    sector, m, len(members), decided.get(sector, 0), total, ratio
                ),
            )
        )
    return found


def low_attendance(ctx: Context) -> list[Flag]:
    """Gra na wykluczenie: members absent from most of the last meetings."""
    s = ctx.settings
    last = sorted(ctx.snapshot.meetings, key=lambda m: m.held_on)[-s.attendance_meetings :]
    if not last:
        return []
    recorded = sum(m.attendance_recorded for m in last)
    if share_done(recorded, len(last)) < s.min_completeness:
        return [
            insufficient(
                ctx, "exclusion.low_attendance", "exclusion", "meetings", recorded, len(last)
            )
        ]
    invited: Counter[str] = Counter(x for m in last for x in m.members)
    came: Counter[str] = Counter(x for m in last for x in m.attendees if x in m.members)
    found = []
    for sid, n in sorted(invited.items()):
        rate = came[sid] / n
        who = ctx.who(sid)
        if rate >= s.attendance_rate or not who:
            continue
        found.append(
            flag(
                ctx,
                "exclusion.low_attendance",
                "exclusion",
                severity=FLAG,
                stakeholders=who,
                metric="attendance over the last meetings",
                value=round(rate, 3),
                threshold=s.attendance_rate,
                counts={"attended": came[sid], "meetings": n},
                **said(
                    "{name} był(a) na {came} z {n} ostatnich spotkań.",
                    name=who[0].name,
                    came=came[sid],
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
                **said(
                    "{name} głosował(a) przeciw {against} z {n} cudzych wniosków (może to być "
                    "też cenna krytyka).",
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
        "label": SECTOR_LABELS_PL[Sector(sector)],
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
