"""The labelled set: synthetic partnerships, each with the flags it must raise.

Every case is a year of one gmina recorded through the registry's use cases. Healthy
cases must raise no flag at all; a case with a planted risk must raise the flags listed
(rule and the stakeholders it names), and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from domain.values import SubType
from tests.trust.partnership import Partnership, monthly

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


def a_year(
    p: Partnership,
    team: list[str],
    signatories: list[str],
    proposers: list[str],
    absent: Callable[[int], list[str]] = lambda _: [],
) -> None:
    """Monthly sittings with everyone but ``absent(i)``, two forums of ``signatories``."""
    days = monthly()
    for i, (on, who) in enumerate(zip(days, rotating(proposers, len(days)), strict=True)):
        present = [n for n in team if n not in absent(i)]
        p.sitting(on, present, who)
    for on in (date(2026, 3, 20), date(2026, 10, 20)):
        p.forum(on, signatories)


def balanced(p: Partnership) -> None:
    """Twelve stakeholders of every sector in a ring; a team of six proposing in turn."""
    everyone = p.cooperating()
    for i, n in enumerate(everyone):
        p.commit(n, everyone[(i + 1) % len(everyone)])
    team = everyone[:6]
    p.appoint(team)
    a_year(p, team, everyone, team, absent=lambda i: [team[i % 6]] if i % 3 == 0 else [])


def small_and_new(p: Partnership) -> None:
    """Five stakeholders who signed in October; a team of three has sat twice."""
    everyone = p.add_all(
        {
            "GOPS w Jarkach": SubType.LOCAL_GOVERNMENT_UNIT,
            "Stowarzyszenie Jarki": SubType.NGO,
            "Parafia w Jarkach": SubType.CHURCH_ORGANISATION,
            "Szkoła w Jarkach": SubType.EDUCATION,
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


CASES: tuple[Case, ...] = (
    Case("balanced", "ties spread, proposers rotating, attendance good", balanced),
    Case("small and new", "five stakeholders, two months old", small_and_new),
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
)
