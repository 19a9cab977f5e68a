"""Rules read from commitments, meetings and decisions, and the model's openness."""

from __future__ import annotations

from collections import Counter

from domain.values import Sector
from projections.risk_model import (
    FLAG,
    WATCH,
    Context,
    Evidence,
    Flag,
    Rule,
    coordinator_note,
    days_before,
)
from projections.risk_rules_structure import flag
from projections.risk_sentences import joined, said


def appropriation(ctx: Context) -> list[Flag]:
    """Zawłaszczenie: the partnership's committed resources sit in one hand."""
    s = ctx.settings
    live = {a.id for a in ctx.active}
    held = Counter(
        c.stakeholder
        for c in ctx.snapshot.commitments.values()
        if c.state != "withdrawn" and c.stakeholder in live
    )
    total, value = sum(held.values()), ctx.network.commitment_hhi
    if total < s.min_commitments_for_hhi or value is None or value <= s.commitment_hhi:
        return []
    top, count = max(held.items(), key=lambda kv: (kv[1], kv[0]))
    who = ctx.who(top)
    pl, en = coordinator_note(who)
    return [
        flag(
            ctx,
            "appropriation.commitments",
            "appropriation",
            severity=FLAG,
            stakeholders=who,
            metric="HHI of commitments by stakeholder",
            value=round(value, 3),
            threshold=s.commitment_hhi,
            counts={"commitments": total, "of_top": count, "holders": len(held)},
            evidence=[
                Evidence("commitment", c.id, c.made_on)
                for c in ctx.snapshot.commitments.values()
                if c.stakeholder == top and c.state != "withdrawn"
            ],
            **joined(
                said(
                    "{count} z {total} zobowiązań w pakcie pochodzi od jednego sygnatariusza: "
                    "{name}.",
                    count=count,
                    total=total,
                    name=who[0].name,
                ),
                pl,
                en,
            ),
        )
    ]


def one_way(ctx: Context) -> list[Flag]:
    """Oddanie zasobu: most of a stakeholder's commitments go to one other, nothing back."""
    s, found = ctx.settings, []
    given: dict[str, Counter[str]] = {}
    for c in ctx.snapshot.commitments.values():
        if c.state != "withdrawn" and c.beneficiary and c.beneficiary != c.stakeholder:
            given.setdefault(c.stakeholder, Counter())[c.beneficiary] += 1
    for giver, to in sorted(given.items()):
        total = sum(to.values())
        holder, count = max(to.items(), key=lambda kv: (kv[1], kv[0]))
        back = given.get(holder, Counter())[giver]
        if total < s.one_way_min_commitments or count / total <= s.one_way_share or back:
            continue
        who = ctx.who(giver, holder)
        if len(who) < 2:
            continue
        pl, en = coordinator_note(who[1:])
        found.append(
            flag(
                ctx,
                "handing_over.one_way",
                "handing_over",
                severity=FLAG,
                stakeholders=who,
                metric="share of commitments to one holder",
                value=round(count / total, 3),
                threshold=s.one_way_share,
                counts={"commitments": total, "to_holder": count, "back": back},
                evidence=[
                    Evidence("commitment", c.id, c.made_on)
                    for c in ctx.snapshot.commitments.values()
                    if c.stakeholder == giver and c.beneficiary == holder and c.state != "withdrawn"
                ],
                **joined(
                    said(
                        "{name} – {count} z {total} zobowiązań trafia do jednego odbiorcy, "
                        "{other}, a w drugą stronę nie trafia nic.",
                        count=count,
                        total=total,
                        name=who[0].name,
                        other=who[1].name,
                    ),
                    pl.replace("Ten podmiot", "Odbiorca jako depozytariusz"),
                    en.replace("This party", "The recipient"),
                ),
            )
        )
    return found


def self_benefit(ctx: Context) -> list[Flag]:
    """Najważniejszy jest nasz interes: commitments whose only beneficiary is the giver."""
    s, found = ctx.settings, []
    made: Counter[str] = Counter()
    mine: Counter[str] = Counter()
    for c in ctx.snapshot.commitments.values():
        if c.state != "withdrawn":
            made[c.stakeholder] += 1
            mine[c.stakeholder] += c.beneficiary == c.stakeholder
    for sid, total in sorted(made.items()):
        if total < s.one_way_min_commitments or mine[sid] / total < s.self_benefit_share:
            continue
        who = ctx.who(sid)
        if not who:
            continue
        found.append(
            flag(
                ctx,
                "own_interest.self_benefit",
                "own_interest",
                severity=FLAG,
                stakeholders=who,
                metric="share of commitments benefiting the giver",
                value=round(mine[sid] / total, 3),
                threshold=s.self_benefit_share,
                counts={"commitments": total, "for_itself": mine[sid]},
                evidence=[
                    Evidence("commitment", c.id, c.made_on)
                    for c in ctx.snapshot.commitments.values()
                    if c.stakeholder == sid and c.beneficiary == sid and c.state != "withdrawn"
                ],
                **said(
                    "{name} – {mine} z {total} zobowiązań ma za beneficjenta tylko ten sam "
                    "podmiot.",
                    mine=mine[sid],
                    total=total,
                    name=who[0].name,
                ),
            )
        )
    return found


def closed_sectors(ctx: Context) -> list[Flag]:
    """Otwartość: sectors keep to themselves (E-I index beside its value by chance)."""
    s, net = ctx.settings, ctx.network
    if net.ei_index is None or net.ties < 3:
        return []
    r = net.sector_assortativity
    if net.ei_index >= s.ei_index and (r is None or r <= s.sector_assortativity):
        return []
    return [
        flag(
            ctx,
            "openness.closed_sectors",
            "openness",
            severity=FLAG,
            stakeholders=[],
            metric="E-I index of ties between sectors",
            value=round(net.ei_index, 3),
            threshold=s.ei_index,
            counts={
                "ties": net.ties,
                "ei_by_chance": round(net.ei_expected or 0.0, 3),
                "sector_assortativity": round(r or 0.0, 3),
            },
            **said(
                "Większość z {ties} powiązań łączy podmioty tego samego sektora (indeks E-I "
                "{ei:.2f}, przy losowym doborze {expected:.2f}).",
                ties=net.ties,
                ei=net.ei_index,
                expected=net.ei_expected,
            ),
        )
    ]


def sector_missing(ctx: Context) -> list[Flag]:
    """Otwartość: an MLW sector nobody has catalogued (maybe there is none in the gmina)."""
    there = {a.sector for a in ctx.active}
    if not there:
        return []
    missing = [sector for sector in Sector if sector.value not in there]
    return [
        flag(
            ctx,
            "openness.sector_missing",
            "openness",
            severity=WATCH,
            stakeholders=[],
            metric="catalogued stakeholders of the sector",
            value=0,
            threshold=1,
            counts={"catalogued": len(ctx.active)},
            **said(
                "W katalogu nie ma nikogo z sektora „{label}”: czy w gminie nie ma takiego "
                "podmiotu, czy go pominięto?",
                label=sector.polish,
                sector=sector.value,
            ),
        )
        for sector in missing
    ]


def inactive_signatories(ctx: Context) -> list[Flag]:
    """Partycypacja: most signatories did nothing in the last half-year."""
    s, signatories = ctx.settings, ctx.signatories()
    if not signatories:
        return []
    since = days_before(ctx.snapshot.as_of, s.activity_days)
    active = {x for t in ctx.live_ties if t.since >= since for x in (t.source, t.target)}
    active |= {c.stakeholder for c in ctx.snapshot.commitments.values() if c.made_on >= since}
    for m in ctx.snapshot.meetings:
        if m.held_on >= since:
            active |= set(m.attendees)
    for d in ctx.snapshot.decisions:
        if d.decided_on >= since:
            active |= set(d.proposers) | set(d.votes)
    quiet = [a.id for a in signatories if a.id not in active]
    share = 1 - len(quiet) / len(signatories)
    if share >= s.active_signatories_share:
        return []
    return [
        flag(
            ctx,
            "participation.inactive_signatories",
            "participation",
            severity=FLAG,
            stakeholders=ctx.who(*quiet),
            metric="share of signatories active in the period",
            value=round(share, 3),
            threshold=s.active_signatories_share,
            counts={
                "signatories": len(signatories),
                "inactive": len(quiet),
                "days": s.activity_days,
            },
            evidence=[Evidence("signatory", sid, ctx.snapshot.actors[sid].since) for sid in quiet],
            **said(
                "{quiet} z {signatories} sygnatariuszy nie uczestniczyło w niczym przez "
                "ostatnie {days} dni (spotkania, decyzje, zobowiązania, współpraca).",
                quiet=len(quiet),
                signatories=len(signatories),
                days=s.activity_days,
            ),
        )
    ]


RULES: tuple[Rule, ...] = (
    appropriation,
    one_way,
    self_benefit,
    closed_sectors,
    sector_missing,
    inactive_signatories,
)
