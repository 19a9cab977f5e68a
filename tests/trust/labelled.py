"""The labelled set: synthetic partnerships, each with the flags it must raise.

Every case is a year of one gmina recorded through the registry's use cases. Healthy
cases must raise no flag at all; a case with a planted risk must raise the flags listed
(rule and the stakeholders it names), and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from domain.values import SubType
from tests.trust.partnership import KINDS, Partnership, monthly

AS_OF = date(2026, 11, 30)


@dataclass(frozen=True)
class Expected:
    """A flag a case must raise: its rule, and stakeholders it must name (among others)."""

    rule: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Case:
    name: str
    story: str
    build: Callable[[Partnership], None]
    expected: tuple[Expected, ...] = field(default_factory=tuple)

    @property
    def healthy(self) -> bool:
        return not self.expected


def rotating(people: list[str], months: int, per_sitting: int = 1) -> list[tuple[str, ...]]:
    """Proposers taking turns, ``per_sitting`` resolutions a sitting."""
    turn = iter(people * (months * per_sitting))
    return [tuple(next(turn) for _ in range(per_sitting)) for _ in range(months)]


FORUMS = (date(2026, 3, 20), date(2026, 10, 20))


def a_year(
    p: Partnership,
    team: list[str],
    signatories: list[str],
    proposers: list[str],
    absent: Callable[[int], list[str]] = lambda _: [],
    *,
    per_sitting: int = 1,
    against: tuple[str, ...] = (),
    named: bool = True,
) -> None:
    """Monthly sittings with everyone but ``absent(i)``, two forums of ``signatories``."""
    days = monthly()
    turns = rotating(proposers, len(days), per_sitting)
    for i, (on, who) in enumerate(zip(days, turns, strict=True)):
        present = [n for n in team if n not in absent(i)]
        p.sitting(on, present, who, against, named)
    for on in FORUMS:
        p.forum(on, signatories)


Twist = Callable[[Partnership, list[str], list[str]], None]


def balanced(p: Partnership, twist: Twist | None = None, **year: Any) -> None:
    """Twelve stakeholders of every sector in a ring; a team of six proposing in turn.

    A planted case changes one thing (``twist``, given everyone and the team, before the
    year; or how the year's sittings go) and keeps the rest as healthy as here.
    """
    everyone = p.cooperating()
    for i, n in enumerate(everyone):
        p.commit(n, everyone[(i + 1) % len(everyone)])
    team = everyone[:6]
    p.appoint(team)
    if twist is not None:
        twist(p, everyone, team)
    a_year(p, team, everyone, team, absent=lambda i: [team[i % 6]] if i % 3 == 0 else [], **year)


def small_and_new(p: Partnership) -> None:
    """Six stakeholders, one of every sector, who signed in October; a team of three has
    sat twice."""
    everyone = p.add_all(
        {
            "GOPS w Jarkach": SubType.LOCAL_GOVERNMENT_UNIT,
            "Stowarzyszenie Jarki": SubType.NGO,
            "Parafia w Jarkach": SubType.CHURCH_ORGANISATION,
            "Szkoła w Jarkach": SubType.EDUCATION,
            "Bank Spółdzielczy w Jarkach": SubType.FINANCE_BANKING,
            "Sołtys Jarek": SubType.SOCIAL_LEADER,
        }
    )
    p.sign(everyone, date(2026, 10, 1))
    p.ring(everyone)
    p.appoint(everyone[:3], date(2026, 10, 5))
    p.sitting(date(2026, 10, 10), everyone[:3], (everyone[0],))
    p.sitting(date(2026, 11, 10), everyone[:3], (everyone[0],))


def small_team_big_pact(p: Partnership) -> None:
    """Twenty-four signatories, a team of five: the others come to the forums only."""
    everyone = p.cooperating(rounds=4, step=5)
    team = everyone[:5]
    p.appoint(team)
    a_year(p, team, everyone, team)


def late_joiners(p: Partnership) -> None:
    """Three join the pact and the team in September and come to every sitting since."""
    everyone = p.add_sectors()
    late = p.add_all(
        {
            "Spółdzielnia Socjalna Nowa": SubType.SOCIAL_COOPERATIVE,
            "Dom Kultury": SubType.CULTURE,
            "Liderka Nowa": SubType.SOCIAL_LEADER,
        },
        date(2026, 8, 1),
    )
    p.sign(everyone)
    p.ring(everyone)
    p.ring(everyone, 3)
    team = everyone[:6]
    p.appoint(team)
    p.sign(late, date(2026, 9, 1))
    p.appoint(late, date(2026, 9, 1))
    for n in late:
        p.tie(n, everyone[0], date(2026, 9, 1))
        p.tie(n, everyone[3], date(2026, 9, 1))
    for i, on in enumerate(monthly()):
        present = team + (late if on.month >= 9 else [])
        p.sitting(on, present, (team[i % 6],))
    p.forum(date(2026, 3, 20), everyone)
    p.forum(date(2026, 10, 20), everyone + late)


def one_leaves(p: Partnership) -> None:
    """A team member steps down in June and leaves the pact; nobody expects it since."""
    everyone = p.cooperating()
    team = everyone[:6]
    p.appoint(team)
    leaver = team[4]
    p.dismiss(leaver, date(2026, 6, 1))
    p.leave(leaver, date(2026, 6, 1))
    stay = [n for n in team if n != leaver]
    for i, on in enumerate(monthly()):
        present = team if on.month < 6 else stay
        p.sitting(on, present, (stay[i % 5],))
    p.forum(date(2026, 3, 20), everyone)
    p.forum(date(2026, 10, 20), [n for n in everyone if n != leaver])


def dominated(p: Partnership) -> None:
    """One foundation at the centre of every tie proposes nearly every resolution.

    Its forums gather the team only (a forum where all sit together ties everyone to
    everyone, and the network no longer shows who is at its centre).
    """
    everyone = p.add_sectors()
    centre = p.add("Fundacja Jedyna", SubType.NGO)
    p.sign([*everyone, centre])
    for n in everyone:
        p.tie(centre, n)
    team = [centre, *everyone[:5]]
    p.appoint(team)
    proposers = [centre] * 4 + [everyone[0]]
    a_year(p, team, team, proposers)


def sector_left_out(p: Partnership) -> None:
    """The two finance stakeholders are catalogued and cooperate, but nobody asked them in."""
    everyone = p.cooperating(signs=lambda n: not n.startswith("Bank"))
    signatories = [n for n in everyone if not n.startswith("Bank")]
    team = signatories[:5]
    p.appoint(team)
    a_year(p, team, signatories, team)


def member_stays_away(p: Partnership) -> None:
    """A team member stopped coming in April: six sittings missed in a row."""
    everyone = p.cooperating()
    team = everyone[:6]
    p.appoint(team)
    away = team[2]
    a_year(
        p, team, everyone, [n for n in team if n != away], absent=lambda i: [away] if i >= 2 else []
    )


def absorbed(p: Partnership, everyone: list[str], team: list[str]) -> None:
    """A sports club whose every working tie runs through the school."""
    club = p.add("Klub Sportowy Jar", SubType.NGO)
    p.sign([club])
    p.tie(club, "Szkoła 1")
    p.commit("Szkoła 1", club)


def dissolving(p: Partnership, everyone: list[str], team: list[str]) -> None:
    """A small association working with exactly the partners of a bigger one, with no
    commitment or proposal of its own (not a school and its parents' council, who
    legitimately move together)."""
    shadow = p.add("Stowarzyszenie Cień", SubType.NGO)
    p.sign([shadow])
    for partner in ("Stowarzyszenie 1", "GOPS 1", "Parafia 1", "Bank 1", "Bank 2"):
        p.tie(shadow, partner)


def isolated(p: Partnership, everyone: list[str], team: list[str]) -> None:
    """A foundation signed the pact; nobody has worked with it since, and it came to none of
    the three forums of the year (one more, in June, besides the year's two)."""
    p.sign([p.add("Fundacja Cicha", SubType.NGO)])
    p.forum(date(2026, 6, 20), everyone)


def hangs_on_one(p: Partnership, everyone: list[str], team: list[str]) -> None:
    """Two rural housewives' circles reach the partnership only through one social leader."""
    for name in ("Koło Gospodyń Wiejskich w Jarze", "Koło Gospodyń Wiejskich w Jarkach"):
        p.tie(p.add(name, SubType.NGO), "Lider 1")


def in_one_hand(p: Partnership) -> None:
    """The bank makes six of the pact's eight commitments; the year is otherwise healthy."""
    everyone = p.cooperating()
    for partner in everyone[6:]:
        p.commit("Bank 1", partner)
    p.commit("GOPS 1", "Szkoła 1")
    p.commit("Stowarzyszenie 1", "Lider 1")
    team = everyone[:6]
    p.appoint(team)
    a_year(p, team, everyone, team)


def hands_over(p: Partnership, everyone: list[str], team: list[str]) -> None:
    """The parish gives three of its four commitments to one leader, who gives nothing back."""
    for _ in range(3):
        p.commit("Parafia 1", "Lider 1")


def for_itself(p: Partnership, everyone: list[str], team: list[str]) -> None:
    """The bank commits twice more, both times for its own benefit."""
    p.commit("Bank 1", "Bank 1")
    p.commit("Bank 1", "Bank 1")


def sector_silent(p: Partnership) -> None:
    """Two social leaders sit on the team of six, and neither proposes any of 20 resolutions."""
    everyone = p.cooperating()
    for i, n in enumerate(everyone):
        p.commit(n, everyone[(i + 1) % len(everyone)])
    team = [*everyone[:4], "Lider 1", "Lider 2"]
    p.appoint(team)
    a_year(p, team, everyone, everyone[:4], per_sitting=2)


def closed_sectors(p: Partnership) -> None:
    """Four stakeholders of every sector, each working with its own sector; six ties between
    sectors close the ring. No team yet."""
    everyone = p.add_sectors(rounds=4)
    p.sign(everyone)
    june = date(2026, 6, 15)
    sectors = [everyone[k::6] for k in range(6)]
    for own in sectors:
        for i, a in enumerate(own):
            for b in own[i + 1 :]:
                p.tie(a, b, june)
    for k, own in enumerate(sectors):
        p.tie(own[0], sectors[(k + 1) % 6][1], june)


def no_parish(p: Partnership) -> None:
    """A balanced year in a gmina whose catalogue has no church organisation."""
    kinds = {k: v for k, v in KINDS.items() if v is not SubType.CHURCH_ORGANISATION}
    everyone = [
        p.add(f"{label} {r + 1}", subtype) for r in range(2) for label, subtype in kinds.items()
    ]
    p.sign(everyone)
    p.ring(everyone)
    p.ring(everyone, 3)
    for i, n in enumerate(everyone):
        p.commit(n, everyone[(i + 1) % len(everyone)])
    team = everyone[:5]
    p.appoint(team)
    a_year(p, team, everyone, team)


def invitations(p: Partnership) -> None:
    """Monthly forums invite two circles from outside the pact: the seniors come every time,
    the housewives never; the house of culture was never invited at all, and a foundation
    catalogued after the last forum has not been passed over yet."""
    everyone = p.cooperating()
    guests = ["Klub Seniora", "Koło Gospodyń Wiejskich"]
    for name in guests:
        p.add(name, SubType.NGO)
    p.add("Dom Kultury", SubType.CULTURE)
    p.add("Fundacja Nowa", SubType.NGO, date(2026, 11, 25))
    for n in guests:
        p.tie(n, "Stowarzyszenie 1")
    p.tie("Dom Kultury", "Szkoła 1")
    team = everyone[:6]
    p.appoint(team)
    for i, on in enumerate(monthly()):
        p.sitting(on, team, (team[i % 6],))
    for month in range(3, 12):
        p.forum(date(2026, month, 20), [*everyone, "Klub Seniora"], invited=tuple(guests))


CASES: tuple[Case, ...] = (
    Case("balanced", "ties spread, proposers rotating, attendance good", balanced),
    Case("small and new", "six stakeholders, two months old", small_and_new),
    Case("small team, big pact", "a team of five in a pact of 24", small_team_big_pact),
    Case("late joiners", "three join in September", late_joiners),
    Case("one leaves", "a member leaves the team and the pact in June", one_leaves),
    Case(
        "dominated",
        "one foundation holds every tie and proposes most resolutions; the rest sit idle",
        dominated,
        (
            Expected("dominance.decision_share", ("Fundacja Jedyna",)),
            Expected("dominance.centralisation", ("Fundacja Jedyna",)),
            Expected("participation.inactive_signatories", ("Bank 2", "Lider 2")),
            Expected("exclusion.single_link", ("Fundacja Jedyna", "Bank 2", "Lider 2")),
        ),
    ),
    Case(
        "sector left out",
        "finance catalogued but outside the pact",
        sector_left_out,
        (Expected("exclusion.sector_outside_pact", ("Bank 1", "Bank 2")),),
    ),
    Case(
        "member stays away",
        "a team member absent from the last six sittings",
        member_stays_away,
        (Expected("exclusion.low_attendance", ("Parafia 1",)),),
    ),
    Case(
        "absorbed",
        "a club whose every working tie runs through the school",
        lambda p: balanced(p, absorbed),
        (Expected("absorption.single_partner", ("Klub Sportowy Jar", "Szkoła 1")),),
    ),
    Case(
        "dissolving",
        "an association with a bigger one's partners and nothing of its own",
        lambda p: balanced(p, dissolving),
        (Expected("dissolving.same_partners", ("Stowarzyszenie Cień", "Stowarzyszenie 1")),),
    ),
    Case(
        "isolated signatory",
        "a foundation signed, nobody works with it, and it came to no forum",
        lambda p: balanced(p, isolated),
        (Expected("exclusion.isolated_signatory", ("Fundacja Cicha",)),),
    ),
    Case(
        "hangs on one",
        "two circles reach the partnership through one leader",
        lambda p: balanced(p, hangs_on_one),
        (Expected("exclusion.single_link", ("Lider 1", "Koło Gospodyń Wiejskich w Jarze")),),
    ),
    Case(
        "lone critic",
        "a leader votes against every motion of the others",
        lambda p: balanced(p, against=("Lider 1",)),
        (Expected("own_interest.against_others", ("Lider 1",)),),
    ),
    Case(
        "votes not named",
        "only the totals of each vote are recorded",
        lambda p: balanced(p, named=False),
        (Expected("own_interest.votes", ()),),
    ),
    Case(
        "in one hand",
        "the bank makes six of the eight commitments",
        in_one_hand,
        (Expected("appropriation.commitments", ("Bank 1",)),),
    ),
    Case(
        "hands over",
        "the parish gives three of four commitments to one leader, nothing back",
        lambda p: balanced(p, hands_over),
        (Expected("handing_over.one_way", ("Parafia 1", "Lider 1")),),
    ),
    Case(
        "for itself",
        "two of the bank's three commitments benefit the bank",
        lambda p: balanced(p, for_itself),
        (Expected("own_interest.self_benefit", ("Bank 1",)),),
    ),
    Case(
        "sector silent",
        "two leaders on the team propose none of 20 resolutions",
        sector_silent,
        (Expected("openness.representation", ("Lider 1", "Lider 2")),),
    ),
    Case(
        "closed sectors",
        "every sector works with itself",
        closed_sectors,
        (Expected("openness.closed_sectors", ()),),
    ),
    Case(
        "no parish",
        "no church organisation in the catalogue",
        no_parish,
        (Expected("openness.sector_missing", ()),),
    ),
    Case(
        "invited and never invited",
        "one invited circle never comes; the house of culture was never asked",
        invitations,
        (
            Expected("exclusion.low_attendance", ("Koło Gospodyń Wiejskich",)),
            Expected("exclusion.never_invited", ("Dom Kultury",)),
        ),
    ),
)
