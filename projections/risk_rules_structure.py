"""Rules read from the shape of the network: domination, absorption, dissolving, exclusion."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from itertools import chain
from typing import Any

from domain.values import ResourceKind, Sector
from projections.documents.polish import count_pl
from projections.i18n import LANGS, N_, label, translator
from projections.risk_model import (
    FLAG,
    WATCH,
    Context,
    Evidence,
    Flag,
    Rule,
    coordinator_note,
    days_before,
    names,
)
from projections.risk_sentences import joined, said

WORKING_TIES = frozenset({"declared", "commitment", "joint_commitment"})
INSTITUTIONS = ("institution", "institution")


def flag(ctx: Context, rule_id: str, risk: str, **kw: Any) -> Flag:
    """A flag of the rule (version 1 unless ``version`` says otherwise) on the snapshot's date."""
    kw.setdefault("version", 1)
    return Flag(rule=rule_id, risk=risk, as_of=ctx.snapshot.as_of, **kw)


def dominance_centralisation(ctx: Context) -> list[Flag]:
    """Próba dominacji: the network is gathered around one stakeholder."""
    c, limit = ctx.network.degree_centralisation, ctx.settings.centralisation
    if c <= limit or not ctx.nodes:
        return []
    names = ctx.graph.nodes
    top = ctx.nodes[max(ctx.nodes, key=lambda i: (ctx.graph.degree(i), names[i]["name"]))]
    others = ctx.network.stakeholders - 1
    who = ctx.who(top.id)
    pl, en = coordinator_note(who)
    return [
        flag(
            ctx,
            "dominance.centralisation",
            "dominance",
            severity=FLAG,
            stakeholders=who,
            metric="degree centralisation",
            value=round(c, 3),
            threshold=limit,
            counts={"ties_of_top": top.degree, "other_stakeholders": others},
            **joined(
                said(
                    "Sieć skupia się wokół jednego podmiotu: {name} ma powiązania z {degree} "
                    "z {others} pozostałych interesariuszy.",
                    name=top.name,
                    degree=top.degree,
                    others=others,
                ),
                pl,
                en,
            ),
        )
    ]


def working_weights(ctx: Context, institutions_only: bool) -> dict[str, Counter[str]]:
    kinds = {a.id: a.kind for a in ctx.active}
    weights: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for t in ctx.live_ties:
        if t.kind not in WORKING_TIES:
            continue
        if institutions_only and (kinds[t.source], kinds[t.target]) != INSTITUTIONS:
            continue
        weights[t.source][t.target] += 1
        weights[t.target][t.source] += 1
    return dict(weights)


def absorption(ctx: Context) -> list[Flag]:
    """Pochłonięcie: an institution whose working ties nearly all run through one bigger one."""
    s = ctx.settings
    weights = working_weights(ctx, institutions_only=True)
    found = []
    for x, partners in sorted(weights.items()):
        total = sum(partners.values())
        y, via_y = max(partners.items(), key=lambda kv: (kv[1], kv[0]))
        share = via_y / total
        if total < s.absorption_min_ties or share < s.absorption_tie_share:
            continue
        if len(weights.get(y, ())) <= len(partners):
            continue
        ctx_x, ctx_y = ctx.name(x), ctx.name(y)
        constraint = ctx.nodes[x].constraint
        found.append(
            flag(
                ctx,
                "absorption.single_partner",
                "absorption",
                severity=FLAG,
                stakeholders=ctx.who(x, y),
                metric="share of working ties through one partner",
                value=round(share, 3),
                threshold=s.absorption_tie_share,
                counts={
                    "ties": total,
                    "ties_with_partner": via_y,
                    "partner_partners": len(weights[y]),
                    "constraint": round(constraint or 0.0, 3),
                },
                **said(
                    "{x}: {via} z {total} powiązań prowadzi przez jednego partnera, który "
                    "sam ma {partners} partnerów – {y}.",
                    via=via_y,
                    total=total,
                    x=ctx_x,
                    y=ctx_y,
                    partners=len(weights[y]),
                ),
            )
        )
    return found


def own_activity(ctx: Context) -> set[str]:
    """Stakeholders with a commitment or a proposal of their own."""
    mine = {c.stakeholder for c in ctx.snapshot.commitments.values() if c.state != "withdrawn"}
    return mine | {p for d in ctx.snapshot.decisions for p in d.proposers}


def dissolving(ctx: Context) -> list[Flag]:
    """Roztopienie: two stakeholders with the same partners, one with nothing of its own.

    Partners are counted on working ties only: sitting at the same meetings makes every
    regular attendee look alike and says nothing about losing one's identity.
    """
    s, own = ctx.settings, own_activity(ctx)
    g = {x: set(partners) for x, partners in working_weights(ctx, institutions_only=False).items()}
    least, alike = s.dissolving_min_neighbours, s.dissolving_jaccard
    return [
        alike_partners(ctx, *pair)
        for pair in same_partners(g, own, least, alike)
        if pair[4] >= alike
    ]


def alike_partners(
    ctx: Context, x: str, y: str, shared: int, partners: int, jaccard: float
) -> Flag:
    """The dissolving flag of quiet ``x`` and active ``y`` sharing ``shared`` partners."""
    return flag(
        ctx,
        "dissolving.same_partners",
        "dissolving",
        metric="Jaccard similarity of partners",
        value=round(jaccard, 3),
        threshold=ctx.settings.dissolving_jaccard,
        counts={"shared_partners": shared, "all_partners": partners},
        severity=FLAG,
        stakeholders=ctx.who(x, y),
        **said(
            "{x} i {y} mają {shared} z {partners} partnerów wspólnych; {x} nie ma "
            "własnych zobowiązań ani wniosków.",
            x=ctx.name(x),
            y=ctx.name(y),
            shared=shared,
            partners=partners,
        ),
    )


def same_partners(
    g: dict[str, set[str]], own: set[str], least: int, alike: float
) -> Iterator[tuple[str, str, int, int, float]]:
    """Pairs of a quiet stakeholder and an active one who are partners or share a partner.

    Each flagged pair has exactly one stakeholder without activity of its own, so only
    pairs (quiet, active) are looked at; each gives (quiet, active, shared partners, all
    partners, Jaccard similarity), each side's partners counted without the other. Pairs
    with fewer than ``least`` partners on a side, or sharing too few to reach ``alike``
    (the similarity is at most shared / the larger side), are passed over.
    """
    for x in sorted(g):
        gx = g[x]
        if x in own or len(gx) < least:
            continue
        # Only stakeholders sharing a partner (or partners) can have near-identical partners;
        # how many partners they share at most bounds how alike they can be.
        common = Counter(chain.from_iterable(g[n] for n in gx))
        need = alike * (len(gx) - 1) - 1e-9  # the larger side has at least len(gx) - 1
        near = [y for y, c in common.items() if c >= need] if need > 0 else common.keys() | gx
        for y in own.intersection(near):
            adjacent = y in gx
            fewer, more = len(gx) - adjacent, len(g[y]) - adjacent
            if fewer > more:
                fewer, more = more, fewer
            if fewer < least or common[y] / more < alike:
                continue
            nx_, ny = g[x] - {y}, g[y] - {x}
            shared = len(nx_ & ny)
            partners = len(nx_) + len(ny) - shared
            yield x, y, shared, partners, shared / partners


def sector_outside_pact(ctx: Context) -> list[Flag]:
    """Gra na wykluczenie: a sector in the catalogue with nobody in the pact."""
    signatories = ctx.signatories()
    if not signatories:
        return []
    in_pact = Counter(a.sector for a in signatories)
    catalogue = Counter(a.sector for a in ctx.active)
    found = []
    for sector in Sector:
        there = catalogue.get(sector.value, 0)
        if there == 0 or in_pact.get(sector.value, 0):
            continue
        ids = [a.id for a in ctx.active if a.sector == sector.value]
        found.append(
            flag(
                ctx,
                "exclusion.sector_outside_pact",
                "exclusion",
                severity=FLAG,
                stakeholders=ctx.who(*ids),
                metric="signatories from the sector",
                value=0,
                threshold=1,
                counts={"in_catalogue": there, "signatories": len(signatories)},
                evidence=[Evidence("stakeholder", i, ctx.snapshot.actors[i].since) for i in ids],
                **said(
                    "Sektor „{label}” ma {there} podmiotów w katalogu, ale żadnego wśród "
                    "{signatories} sygnatariuszy paktu ({names}).",
                    label=sector.polish,
                    sector=sector.value,
                    there=there,
                    signatories=len(signatories),
                    names=names(ctx.who(*ids)),
                ),
            )
        )
    return found


def isolated_signatories(ctx: Context) -> list[Flag]:
    """Gra na wykluczenie: a signatory with no tie that takes no part in the partnership.

    Left out is a signatory that joined a quarter ago or more (a newcomer waits for the next
    forum), works with nobody, and either no meeting expected it, or it was expected at
    several (``isolated_missed_meetings``) and came to none. One missed forum is a single
    absence, a matter of its own participation, not a sign of being left out.
    """
    if ctx.graph.number_of_edges() == 0:
        return []
    expected: Counter[str] = Counter()
    came: set[str] = set()
    for m in ctx.snapshot.meetings:
        expected.update(set(m.members) | set(m.invited))
        came.update(m.attendees)
    settled = days_before(ctx.snapshot.as_of, ctx.settings.newcomer_days)
    missed_enough = ctx.settings.isolated_missed_meetings

    def left_out(sid: str) -> bool:
        asked = expected[sid]
        return asked == 0 or (asked >= missed_enough and sid not in came)

    alone = [
        a.id
        for a in ctx.signatories()
        if ctx.graph.degree(a.id) == 0 and joined_on(ctx, a.id) <= settled and left_out(a.id)
    ]
    if not alone:
        return []
    who = ctx.who(*alone)
    n = len(ctx.signatories())
    return [
        flag(
            ctx,
            "exclusion.isolated_signatory",
            "exclusion",
            version=3,
            severity=FLAG,
            stakeholders=who,
            metric="signatories without a tie, at no meeting",
            value=len(alone),
            threshold=1,
            counts={"signatories": n, "meetings": len(ctx.snapshot.meetings)},
            evidence=[Evidence("signatory", sid, joined_on(ctx, sid)) for sid in alone],
            **said(
                "{alone} z {n} sygnatariuszy: bez zapisanej współpracy i bez udziału w "
                "jakimkolwiek spotkaniu od przystąpienia do paktu ({names}).",
                alone=len(alone),
                n=n,
                names=names(who),
            ),
        )
    ]


def joined_on(ctx: Context, sid: str) -> date:
    """The day a signatory's present membership of the pact began (if recorded, else the
    day it entered the catalogue)."""
    periods = ctx.snapshot.pact.get(sid) or []
    return periods[-1].since if periods else ctx.snapshot.actors[sid].since


def single_links(ctx: Context) -> list[Flag]:
    """What if X leaves: a stakeholder whose leaving would cut others off, and what it holds."""
    n, s = ctx.network.stakeholders, ctx.settings
    least = max(s.cut_off_min, s.cut_off_share * n)
    found = []
    for cut in ctx.network.cut_points:
        cut_off = cut_off_by(ctx, cut.id, cut.cut_off)
        if len(cut_off) < least:
            continue
        who, apart = ctx.who(cut.id), ctx.who(*cut_off)
        held = [
            c
            for c in ctx.snapshot.commitments.values()
            if c.stakeholder == cut.id and c.state != "withdrawn"
        ]
        found.append(
            flag(
                ctx,
                "exclusion.single_link",
                "exclusion",
                severity=WATCH,
                stakeholders=who + apart,
                metric="stakeholders cut off if it leaves",
                value=len(cut_off),
                threshold=least,
                counts={"stakeholders": n, "commitments": len(held)},
                evidence=[Evidence("commitment", c.id, c.made_on) for c in held],
                **joined(
                    said(
                        "{name} jest jedynym łącznikiem {count} interesariuszy z resztą sieci "
                        "({names}): co, jeśli odejdzie?",
                        name=who[0].name,
                        count=len(cut_off),
                        names=names(apart),
                    ),
                    *what_would_go(held),
                ),
            )
        )
    return found


def what_would_go(held: list[Any]) -> tuple[str, str]:
    """The commitments and resources the partnership would lose with a leaver, in words."""
    if not held:
        return "", ""
    known = {k.value: k for k in ResourceKind}
    kinds = [known[c.resource] for c in held if c.resource in known]
    said_in = {lang: ", ".join(sorted({label(k, lang) for k in kinds})) or "–" for lang in LANGS}
    n = len(held)
    template = N_(" Gdyby ten podmiot odszedł, partnerstwo straciłoby {count}: {resources}.")
    return (
        template.format(
            count=count_pl(n, "zobowiązanie", "zobowiązania", "zobowiązań"),
            resources=said_in["pl"],
        ),
        translator("en")(template).format(
            count=f"{n} commitment" + ("" if n == 1 else "s"), resources=said_in["en"]
        ),
    )


def cut_off_by(ctx: Context, leaver: str, apart: list[str]) -> list[str]:
    """Everyone left without a partner in the network if ``leaver`` left.

    The measures keep the largest piece as the rest of the network; a piece of one
    stakeholder is no network to stay in, so when every piece is a lone stakeholder (a
    star losing its centre) all of them are cut off.
    """
    component = next((c for c in ctx.network.components if leaver in c), [])
    rest = [x for x in component if x != leaver and x not in apart]
    return sorted(apart + rest) if len(rest) < 2 else apart


RULES: tuple[Rule, ...] = (
    dominance_centralisation,
    absorption,
    dissolving,
    sector_outside_pact,
    isolated_signatories,
    single_links,
)
