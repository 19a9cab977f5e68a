"""Risk flags on networks whose story is known: each fires where it should, and only there."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from domain.values import SubType
from projections.network import Decision, Meeting, Snapshot
from projections.risk_settings import RiskSettings
from projections.risks import Flag, assess
from tests.unit.stories import add_actor, balanced, commit, star, tie

SETTINGS = RiskSettings()


def rules(flags: list[Flag], severity: str | None = None) -> set[str]:
    return {f.rule for f in flags if severity is None or f.severity == severity}


def test_a_balanced_partnership_raises_no_flag() -> None:
    assert assess(balanced(), SETTINGS) == []


def test_a_star_around_the_gops_is_flagged_as_domination_and_the_gops_is_labelled() -> None:
    flags = assess(star(), SETTINGS)
    [dominance] = [f for f in flags if f.rule == "dominance.centralisation"]
    assert dominance.severity == "flag"
    assert dominance.value == 1.0
    assert [s.name for s in dominance.stakeholders] == ["GOPS Zielony Jar"]
    assert dominance.counts == {"ties_of_top": 11, "other_stakeholders": 11}
    assert "GOPS Zielony Jar ma powiązania z 11 z 11" in dominance.sentence_pl
    assert "is the coordinator (OPS)" in dominance.sentence_en


def test_the_star_shows_who_would_cut_everyone_off_if_it_left() -> None:
    [single] = [f for f in assess(star(), SETTINGS) if f.rule == "exclusion.single_link"]
    assert (single.severity, single.value) == ("watch", 11)
    assert "jedynym łącznikiem 11" in single.sentence_pl
    assert [x.id for x in single.stakeholders] == ["hub", *[f"leaf{i:02d}" for i in range(11)]]
    assert single.counts == {"stakeholders": 12, "commitments": 0}


def test_what_leaves_with_the_centre_of_a_star_are_its_own_commitments() -> None:
    s = star()
    commit(s, "hub", to="leaf00")
    commit(s, "hub", to="leaf01")
    [single] = [f for f in assess(s, SETTINGS) if f.rule == "exclusion.single_link"]
    assert single.counts["commitments"] == 2
    assert single.sentence_pl.endswith(
        "co, jeśli odejdzie? Gdyby ten podmiot odszedł, partnerstwo straciłoby "
        "2 zobowiązania: czas."
    )
    assert single.sentence_en.endswith(
        "If it left, the partnership would lose 2 commitments: time."
    )


def test_a_sector_catalogued_but_kept_out_of_the_pact_is_flagged_as_exclusion() -> None:
    s = balanced()
    for actor in s.actors.values():
        if actor.sector == "finance":
            actor.signatory = False
    flags = assess(s, SETTINGS)
    assert rules(flags) == {"exclusion.sector_outside_pact"}
    [f] = flags
    assert f.counts == {"in_catalogue": 2, "signatories": 10}
    assert sorted(x.sector for x in f.stakeholders) == ["finance", "finance"]
    assert "Finanse i bankowość" in f.sentence_pl


def test_a_small_partner_whose_every_tie_runs_through_the_school_is_flagged_as_absorbed() -> None:
    s = balanced()
    add_actor(s, "small", SubType.NGO, "Koło Gospodyń Wiejskich")
    school = "s03"
    tie(s, "small", school)
    commit(s, "small", joint=(school,))
    commit(s, "small", to=school)
    flags = assess(s, SETTINGS)
    assert rules(flags) == {"absorption.single_partner"}
    [f] = flags
    assert [x.id for x in f.stakeholders] == ["small", school]
    assert f.counts["ties"] == f.counts["ties_with_partner"] == 3
    assert f.sentence_en.startswith("Koło Gospodyń Wiejskich: 3 of 3 ties run through one partner")


def test_a_flag_on_a_network_of_fewer_than_ten_stakeholders_is_only_watched() -> None:
    s = star()
    for sid in [k for k in s.actors if k.startswith("leaf")][6:]:
        s.actors[sid].until = date(2026, 5, 1)
    [dominance] = [f for f in assess(s, SETTINGS) if f.rule == "dominance.centralisation"]
    assert dominance.severity == "watch"
    assert "only 7 active stakeholders" in dominance.note


def test_a_flag_first_seen_this_quarter_is_watched_until_it_holds_a_quarter_later() -> None:
    before = balanced()
    now = star()
    [first] = [f for f in assess(now, SETTINGS, previous=before) if f.rule.startswith("dominance")]
    assert first.severity == "watch"
    [held] = [f for f in assess(now, SETTINGS, previous=star()) if f.rule.startswith("dominance")]
    assert held.severity == "flag"


def test_commitments_all_made_by_one_stakeholder_are_flagged_as_appropriation() -> None:
    s = balanced()
    s.commitments.clear()
    for i in range(5):
        commit(s, "s00", to=f"s{i + 1:02d}")
    commit(s, "s03", to="s00")
    flags = assess(s, SETTINGS)
    assert "appropriation.commitments" in rules(flags)
    [f] = [f for f in flags if f.rule == "appropriation.commitments"]
    assert f.counts == {"commitments": 6, "of_top": 5, "holders": 2}


def test_resources_given_one_way_to_one_holder_are_flagged_as_handed_over() -> None:
    s = balanced()
    commit(s, "s04", to="s00")
    commit(s, "s04", to="s00")
    flags = [f for f in assess(s, SETTINGS) if f.rule == "handing_over.one_way"]
    [f] = flags
    assert [x.id for x in f.stakeholders] == ["s04", "s00"]
    assert f.counts == {"commitments": 3, "to_holder": 2, "back": 0}


def test_thresholds_come_from_settings_not_from_the_rules() -> None:
    lenient = replace(SETTINGS, centralisation=1.0)
    assert "dominance.centralisation" not in rules(assess(star(), lenient))
    env = RiskSettings.from_env({"MLW_RISK_CENTRALISATION": "1.0"})
    assert env.centralisation == 1.0


def with_meetings(s: Snapshot, absent: str, count: int = 6) -> Snapshot:
    members = [a.id for a in s.active() if a.signatory]
    for i in range(count):
        came = [m for m in members if m != absent]
        s.meetings.append(Meeting(f"m{i}", date(2026, 1 + i // 2, 1 + i), members, came))
    return s


def test_a_signatory_absent_from_the_last_six_meetings_is_flagged_as_left_out() -> None:
    flags = assess(with_meetings(balanced(), absent="s05"), SETTINGS)
    [f] = [f for f in flags if f.rule == "exclusion.low_attendance"]
    assert [x.id for x in f.stakeholders] == ["s05"]
    assert f.counts == {"attended": 0, "meetings": 6, "invited": 0}


def test_meetings_without_attendance_lists_give_insufficient_data_not_a_flag() -> None:
    s = with_meetings(balanced(), absent="s05")
    for m in s.meetings[:2]:
        m.attendance_recorded = False
    [f] = [f for f in assess(s, SETTINGS) if f.rule == "exclusion.low_attendance"]
    assert f.severity == "insufficient_data"


def test_one_member_proposing_most_adopted_resolutions_is_flagged_as_domination() -> None:
    s = balanced()
    for i in range(6):
        proposer = "s01" if i < 5 else "s02"
        votes = {a.id: "for" for a in s.active()}
        s.decisions.append(Decision(f"r{i}", date(2026, 3, 1 + i), [proposer], True, votes))
    flags = {f.rule: f for f in assess(s, SETTINGS)}
    share = flags["dominance.decision_share"]
    assert [x.id for x in share.stakeholders] == ["s01"]
    assert share.counts == {"proposed": 5, "adopted": 6, "members": 12}


def test_a_member_voting_against_every_motion_of_others_is_named_with_its_votes() -> None:
    s = balanced()
    for i, proposer in enumerate(["s00", "s01", "s02", "s03", "s05", "s06"]):
        votes = {a.id: "for" for a in s.active()} | {"s04": "against"}
        s.decisions.append(Decision(f"r{i}", date(2026, 3, 1 + i), [proposer], True, votes))
    [f] = [f for f in assess(s, SETTINGS) if f.rule == "own_interest.against_others"]
    assert [x.id for x in f.stakeholders] == ["s04"]
    assert f.counts == {"against": 6, "votes": 6}
    assert "6 z 6 głosów nad wnioskami innych to głosy przeciw" in f.sentence_pl


def test_a_quiet_council_with_exactly_the_schools_partners_is_flagged_as_dissolving() -> None:
    s = balanced()
    add_actor(s, "council", SubType.NGO, "Rada Rodziców przy szkole")
    school = "s03"
    for partner in ("s00", "s02", "s04", "s06"):
        tie(s, "council", partner)
    flags = [f for f in assess(s, SETTINGS) if f.rule == "dissolving.same_partners"]
    assert len(flags) == 1
    assert [x.id for x in flags[0].stakeholders] == ["council", school]


def test_sitting_at_the_same_meetings_does_not_make_two_partners_dissolve() -> None:
    s = balanced()
    add_actor(s, "council", SubType.NGO, "Rada Rodziców przy szkole")
    for partner in ("s00", "s02", "s04", "s06"):
        tie(s, "council", partner, "co_attendance")
    assert "dissolving.same_partners" not in rules(assess(s, SETTINGS))


def team_year(s: Snapshot, team: list[str], proposers: list[str]) -> Snapshot:
    """Resolutions of a team (``team``, on each day) adopted one after another."""
    for i, proposer in enumerate(proposers):
        votes = dict.fromkeys(team, "for")
        d = Decision(f"r{i}", date(2026, 2, 1 + i), [proposer], True, votes, body=list(team))
        s.decisions.append(d)
    return s


def test_a_team_member_proposing_its_turn_is_measured_against_the_team_not_the_pact() -> None:
    team = ["s00", "s01", "s02", "s03", "s04"]
    s = team_year(balanced(), team, team * 2)
    assert "dominance.decision_share" not in rules(assess(s, SETTINGS))


def test_a_sector_of_one_member_proposing_none_of_eleven_is_no_sign_of_exclusion() -> None:
    team = [f"s{i:02d}" for i in range(9)]
    s = team_year(balanced(), team, ["s00", "s01", "s03", "s06", "s07"] * 2 + ["s00"])
    assert "openness.representation" not in rules(assess(s, SETTINGS))


def test_a_sector_proposing_far_beyond_its_share_of_the_team_is_flagged() -> None:
    team = [f"s{i:02d}" for i in range(9)]
    s = team_year(balanced(), team, ["s01"] * 6 + ["s07"] * 4 + ["s02"])
    [f] = [f for f in assess(s, SETTINGS) if f.rule == "openness.representation"]
    assert (f.risk, f.counts) == ("dominance", {"decisions": 10, "members": 2})
