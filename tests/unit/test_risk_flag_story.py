"""A flag as a facilitator reads it: plain words, its history, and the team's acknowledgement."""

from __future__ import annotations

import re
from datetime import date

import pytest

from domain.errors import NotFoundError
from domain.values import SubType
from projections.network import Meeting, Snapshot
from projections.risk_settings import RiskSettings
from projections.risks import Flag, assess, flag_named
from tests.unit.stories import AS_OF, add_actor, balanced, star

SETTINGS = RiskSettings()
RULE_ID = re.compile(r"\b[a-z_]+\.[a-z_]+\b")


def quiet_signatory(s: Snapshot, joined: date = date(2025, 10, 1)) -> Snapshot:
    add_actor(s, "quiet", SubType.NGO, "Stowarzyszenie Cisza")
    s.actors["quiet"].since = joined
    return s


def isolated(flags: list[Flag]) -> list[Flag]:
    return [f for f in flags if f.rule == "exclusion.isolated_signatory"]


def test_a_signatory_no_meeting_ever_expected_is_named_with_the_day_it_joined() -> None:
    [f] = isolated(assess(quiet_signatory(balanced()), SETTINGS))
    assert [x.id for x in f.stakeholders] == ["quiet"]
    assert f.version == 3
    assert [(e.kind, e.id, e.on) for e in f.evidence] == [("signatory", "quiet", date(2025, 10, 1))]
    assert "bez udziału w jakimkolwiek spotkaniu" in f.sentence_pl


def test_a_signatory_asked_to_two_forums_who_came_to_neither_and_works_with_nobody_is_named() -> (
    None
):
    s = quiet_signatory(balanced())
    everyone = [a.id for a in s.active()]
    came = [x for x in everyone if x != "quiet"]
    s.meetings.append(Meeting("forum", date(2026, 3, 20), everyone, came))
    s.meetings.append(Meeting("forum-2", date(2026, 6, 20), everyone, came))
    [f] = isolated(assess(s, SETTINGS))
    assert [x.id for x in f.stakeholders] == ["quiet"]


def test_a_signatory_asked_to_forums_who_stays_away_is_not_said_to_be_left_out() -> None:
    s = quiet_signatory(balanced())
    everyone = [a.id for a in s.active()]
    came = [x for x in everyone if x != "quiet"]
    s.meetings.append(Meeting("forum", date(2026, 3, 20), everyone, came))
    assert isolated(assess(s, SETTINGS)) == []


def test_a_signatory_who_joined_last_month_waits_for_the_next_forum() -> None:
    s = quiet_signatory(balanced(), joined=date(2026, 5, 1))
    assert isolated(assess(s, SETTINGS)) == []


def test_every_flag_says_what_was_seen_why_it_matters_and_one_step_in_both_languages() -> None:
    s = quiet_signatory(star())
    flags = assess(s, SETTINGS)
    assert flags
    for f in flags:
        for lang in ("pl", "en"):
            for part in ("title", "sentence", "why", "step"):
                text = f.text(part, lang)
                assert text, (f.rule, part, lang)
                assert "(a)" not in text and not RULE_ID.search(text.replace("sp. z o.o.", ""))
        assert f.sentence_pl != f.sentence_en
        assert "„" in f.why_pl and "MLW" in f.why_en


def test_a_flag_new_this_quarter_says_the_day_it_first_crossed_its_threshold() -> None:
    turned = date(2026, 3, 10)
    days = [date(2026, 1, 1), date(2026, 2, 1), turned, date(2026, 4, 1), AS_OF]

    def past(on: date) -> Snapshot:
        s = star() if on >= turned else balanced()
        s.as_of = on
        return s

    [f] = [f for f in assess(star(), SETTINGS, past=past, days=days) if f.rule.startswith("dom")]
    assert f.severity == "watch"
    assert (f.previous_as_of, f.previous_value) == (date(2026, 3, 2), None)
    assert f.first_crossed == turned
    assert "Nowy sygnał" in f.note_pl and "2026-03-02" in f.note_pl


def test_a_flag_that_held_a_quarter_ago_gives_the_value_it_had_then() -> None:
    def past(on: date) -> Snapshot:
        s = star()
        s.as_of = on
        return s

    tied = date(2026, 1, 15)  # the day the star's ties took effect (stories.SINCE)
    days = [date(2025, 10, 1), tied, AS_OF]
    [f] = [f for f in assess(star(), SETTINGS, past=past, days=days) if f.rule.startswith("dom")]
    assert f.severity == "flag"
    assert f.previous_value == f.value
    assert f.first_crossed == tied


def acknowledged(s: Snapshot, key: str, value: float) -> Snapshot:
    s.acknowledged[key] = {
        "id": "ack-1",
        "note": "Omówione na posiedzeniu.",
        "by": "moderator",
        "at": "2026-05-20T10:00:00+00:00",
        "on": "2026-05-20",
        "value": value,
    }
    return s


def test_an_acknowledged_flag_stays_listed_marked_as_seen_with_its_note() -> None:
    [f] = isolated(assess(quiet_signatory(balanced()), SETTINGS))
    s = acknowledged(quiet_signatory(balanced()), f.key, f.value)
    [seen] = isolated(assess(s, SETTINGS))
    assert seen.seen and seen.severity == f.severity
    assert seen.acknowledged is not None
    assert (seen.acknowledged.note, seen.acknowledged.by) == (
        "Omówione na posiedzeniu.",
        "moderator",
    )


def test_an_acknowledged_flag_is_open_again_once_its_value_gets_materially_worse() -> None:
    s = star()
    [f] = [f for f in assess(s, SETTINGS) if f.rule == "dominance.centralisation"]
    barely = acknowledged(star(), f.key, f.value - 0.04)
    [still] = [x for x in assess(barely, SETTINGS) if x.key == f.key]
    assert still.seen
    much = acknowledged(star(), f.key, f.value - 0.2)
    [again] = [x for x in assess(much, SETTINGS) if x.key == f.key]
    assert not again.seen and again.acknowledged is not None


def test_a_flag_is_named_by_its_number_its_key_or_its_rule_and_nothing_else() -> None:
    flags = assess(star(), SETTINGS)
    assert flag_named(flags, " 1 ") is flags[0]
    assert flag_named(flags, flags[0].key) is flags[0]
    for typed in ("0", str(len(flags) + 1), "0" * 9999, "²", "exclusion.nothing"):
        with pytest.raises(NotFoundError):
            flag_named(flags, typed)
