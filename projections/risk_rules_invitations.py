"""Rules read from invitations: who was asked to the partnership's meetings and who never was.

A stakeholder outside the pact and the team is expected at a meeting only once invited,
so staying away and never being asked are two signals: the first is read by the
attendance rule, the second here.
"""

from __future__ import annotations

from projections.risk_model import FLAG, Context, Flag, Rule, names
from projections.risk_rules_structure import flag
from projections.risk_sentences import said


def never_invited(ctx: Context) -> list[Flag]:
    """Gra na wykluczenie: catalogued stakeholders outside the pact and the team whom no
    meeting has invited, in a partnership that records its invitations.

    Only those catalogued by the day of a meeting that invited guests count: a stakeholder
    catalogued since the last such meeting has not yet been passed over.
    """
    s = ctx.snapshot
    invited = {sid for guests in s.invitations.values() for sid in guests}
    inviting = [m.held_on for m in s.meetings if m.invited]
    if not invited or not inviting:
        return []
    last = max(inviting)
    ever_in = set(s.pact) | set(s.team)
    left_out = [
        a.id for a in ctx.active if a.id not in ever_in and a.id not in invited and a.since <= last
    ]
    if not left_out:
        return []
    who = ctx.who(*left_out)
    outside = sum(a.id not in ever_in for a in ctx.active)
    return [
        flag(
            ctx,
            "exclusion.never_invited",
            "exclusion",
            severity=FLAG,
            stakeholders=who,
            metric="stakeholders outside the pact and the team never invited",
            value=len(left_out),
            threshold=1,
            counts={
                "never_invited": len(left_out),
                "outside": outside,
                "meetings": len(s.invitations),
            },
            **said(
                "{count} z {outside} interesariuszy z katalogu spoza paktu i zespołu nie "
                "zaproszono na żadne spotkanie: {names}.",
                count=len(left_out),
                outside=outside,
                names=names(who),
            ),
        )
    ]


RULES: tuple[Rule, ...] = (never_invited,)
