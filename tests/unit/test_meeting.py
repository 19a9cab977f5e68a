"""A meeting: scheduled, held or cancelled; attendance with arrivals and departures; minutes."""

from datetime import date, time
from uuid import uuid4

import pytest
from eventsourcing.utils import get_topic

from domain.errors import (
    EffectiveDateError,
    InvalidInputError,
    MeetingClosedError,
    NotFoundError,
    NotPresentError,
    RuleViolationError,
)
from domain.history import replay_as_of
from domain.meeting import Meeting
from domain.minutes import AttendanceRole, MeetingKind, MeetingState, MinutesState

DAY = date(2026, 3, 10)
GOPS, SCHOOL, PARISH = uuid4(), uuid4(), uuid4()


def scheduled(kind: MeetingKind = MeetingKind.TEAM) -> Meeting:
    return Meeting.schedule(
        uuid4(),
        kind,
        DAY,
        time(17, 0),
        "GOPS, sala nr 2",
        ["Otwarcie", "Wybór podmiotu", "Wolne wnioski"],
        date(2026, 2, 20),
        "ala",
    )


def held() -> Meeting:
    meeting = scheduled()
    meeting.hold(1, time(17, 5), time(19, 0), None, None, DAY, "ala")
    return meeting


def attend(meeting: Meeting, who: object, came: time, left: time | None = None) -> None:
    meeting.record_attendance(who, "X", None, AttendanceRole.MEMBER, came, left, DAY, "ala")  # type: ignore[arg-type]


def test_a_meeting_is_scheduled_with_its_agenda_numbered() -> None:
    meeting = scheduled()
    assert meeting.state is MeetingState.SCHEDULED
    assert [(i.number, i.title) for i in meeting.agenda][1] == (2, "Wybór podmiotu")


def test_a_meeting_cannot_be_scheduled_after_the_day_it_takes_place() -> None:
    with pytest.raises(EffectiveDateError):
        Meeting.schedule(
            uuid4(), MeetingKind.PACT, DAY, time(10), "Urząd", [], date(2026, 4, 1), "a"
        )


def test_a_cancelled_meeting_cannot_be_held() -> None:
    meeting = scheduled()
    meeting.cancel("Brak sali", date(2026, 3, 1), "ala")
    with pytest.raises(MeetingClosedError, match="already cancelled"):
        meeting.hold(1, time(17), None, None, None, DAY, "ala")


def test_attendance_is_recorded_only_once_the_meeting_is_held() -> None:
    meeting = scheduled()
    with pytest.raises(MeetingClosedError, match="not been held yet"):
        attend(meeting, GOPS, time(17, 5))


def test_a_stakeholder_is_on_the_attendance_list_once() -> None:
    meeting = held()
    attend(meeting, GOPS, time(17, 5))
    with pytest.raises(RuleViolationError, match="already on the attendance list"):
        attend(meeting, GOPS, time(17, 30))


def test_arrivals_and_departures_fall_within_the_meeting() -> None:
    meeting = held()
    with pytest.raises(InvalidInputError, match="outside the meeting"):
        attend(meeting, GOPS, time(16, 0))
    attend(meeting, GOPS, time(17, 5))
    with pytest.raises(InvalidInputError, match="leaves after arriving"):
        meeting.record_departure(GOPS, "GOPS", time(17, 0), DAY, "ala")


def test_who_is_present_follows_late_arrivals_and_early_departures() -> None:
    meeting = held()
    attend(meeting, GOPS, time(17, 5))
    attend(meeting, SCHOOL, time(17, 50))
    attend(meeting, PARISH, time(17, 5))
    meeting.record_departure(PARISH, "Parafia", time(18, 0), DAY, "ala")
    assert meeting.present_at(time(17, 30)) == {GOPS, PARISH}
    assert meeting.present_at(time(18, 0)) == {GOPS, SCHOOL}


def test_the_attendance_list_is_recorded_as_facts_of_the_meeting() -> None:
    meeting = held()
    attend(meeting, GOPS, time(17, 5))
    attend(meeting, PARISH, time(17, 5))
    meeting.record_departure(PARISH, "Parafia", time(18, 0), DAY, "ala")
    meeting.strike_attendance(GOPS, "GOPS", DAY, "ala")
    topics = [get_topic(type(e)) for e in meeting.collect_events()[-4:]]
    assert topics == [
        "domain.meeting:Meeting.AttendanceRecorded",
        "domain.meeting:Meeting.AttendanceRecorded",
        "domain.meeting:Meeting.DepartureRecorded",
        "domain.meeting:Meeting.AttendanceStruck",
    ]


def test_what_happened_at_the_meeting_takes_effect_on_its_day() -> None:
    meeting = held()
    with pytest.raises(EffectiveDateError, match="on its day"):
        meeting.summarise(1, "Otwarto posiedzenie", date(2026, 3, 30), "ala")


def test_minutes_are_approved_only_at_a_later_meeting() -> None:
    meeting = held()
    with pytest.raises(EffectiveDateError, match="later meeting"):
        meeting.approve_minutes(uuid4(), DAY, "", DAY, "ala")


def test_approved_minutes_no_longer_change_and_take_errata_instead() -> None:
    meeting = held()
    attend(meeting, GOPS, time(17, 5))
    with pytest.raises(RuleViolationError, match="corrected directly"):
        meeting.record_erratum(uuid4(), "header", "Godzina", DAY, "ala")
    meeting.approve_minutes(uuid4(), date(2026, 4, 14), "jednogłośnie", date(2026, 4, 14), "ala")
    with pytest.raises(MeetingClosedError, match="record a correction as an erratum"):
        meeting.summarise(2, "Dopisek", DAY, "ala")
    meeting.finalise_minutes(date(2026, 4, 15), "ala")
    assert meeting.minutes is MinutesState.FINAL
    meeting.record_erratum(
        uuid4(), f"attendance:{GOPS}", "Przybycie 17:15", date(2026, 5, 2), "ala"
    )
    assert meeting.errata[0].corrects == f"attendance:{GOPS}"


def test_an_erratum_must_point_at_something_in_the_minutes() -> None:
    meeting = held()
    meeting.approve_minutes(uuid4(), date(2026, 4, 14), "", date(2026, 4, 14), "ala")
    with pytest.raises(NotFoundError, match="no agenda 9"):
        meeting.record_erratum(uuid4(), "agenda:9", "…", date(2026, 5, 2), "ala")
    with pytest.raises(InvalidInputError, match="Say what the erratum corrects"):
        meeting.record_erratum(uuid4(), "somewhere", "…", date(2026, 5, 2), "ala")


def test_a_pact_meeting_adopts_no_resolutions() -> None:
    meeting = scheduled(MeetingKind.PACT)
    meeting.hold(1, time(10), None, None, None, DAY, "ala")
    with pytest.raises(RuleViolationError, match="Local Synergy Team"):
        meeting.table_resolution(uuid4(), DAY, "ala")


def test_a_departure_of_someone_not_on_the_list_is_refused() -> None:
    meeting = held()
    with pytest.raises(NotPresentError, match="not on the attendance list"):
        meeting.record_departure(GOPS, "GOPS", time(18), DAY, "ala")


def test_the_meeting_as_of_a_date_shows_only_what_had_taken_effect() -> None:
    meeting = held()
    attend(meeting, GOPS, time(17, 5))
    meeting.approve_minutes(uuid4(), date(2026, 4, 14), "", date(2026, 4, 14), "ala")
    events = meeting.collect_events()
    before = replay_as_of(events, date(2026, 3, 1))
    on_the_day = replay_as_of(events, DAY)
    assert isinstance(before, Meeting) and isinstance(on_the_day, Meeting)
    assert before.state is MeetingState.SCHEDULED and not before.attendance
    assert on_the_day.attendance.keys() == {GOPS}
    assert on_the_day.minutes is MinutesState.DRAFT
    assert replay_as_of(events, date(2026, 2, 1)) is None


def test_a_guest_is_invited_by_the_day_of_the_meeting_and_only_once() -> None:
    meeting = scheduled(MeetingKind.PACT)
    meeting.invite(PARISH, "Parafia", date(2026, 3, 1), "ala")
    assert meeting.invited == [PARISH]
    with pytest.raises(RuleViolationError, match="Parafia is already invited"):
        meeting.invite(PARISH, "Parafia", date(2026, 3, 2), "ala")
    with pytest.raises(EffectiveDateError, match="by the day of the meeting"):
        meeting.invite(SCHOOL, "Szkoła", date(2026, 3, 11), "ala")
    meeting.cancel("Brak sali", date(2026, 3, 5), "ala")
    with pytest.raises(MeetingClosedError, match="cancelled"):
        meeting.invite(SCHOOL, "Szkoła", date(2026, 3, 6), "ala")
    assert meeting.invited == [PARISH]


def test_approved_minutes_remember_where_by_whom_and_when_and_are_then_final() -> None:
    meeting = held()
    april = uuid4()
    meeting.approve_minutes(april, date(2026, 4, 14), "jednogłośnie", date(2026, 4, 14), "ala")
    assert meeting.minutes is MinutesState.APPROVED
    assert (meeting.approved_on, meeting.approved_at, meeting.approval) == (
        date(2026, 4, 14),
        april,
        "jednogłośnie",
    )
    meeting.finalise_minutes(date(2026, 4, 20), "ala")
    assert (meeting.minutes, meeting.finalised_on) == (MinutesState.FINAL, date(2026, 4, 20))


def test_a_cancelled_meeting_keeps_its_reason_and_its_plan_as_the_meetings_own() -> None:
    meeting = scheduled()
    assert (meeting.on, meeting.place, meeting.planned_on) == (
        DAY,
        "GOPS, sala nr 2",
        date(2026, 2, 20),
    )
    assert "plan" not in vars(meeting)  # the plan's fields are the meeting's, not one value
    meeting.cancel("brak sali", date(2026, 3, 1), "ala")
    assert (meeting.state, meeting.cancel_reason) == (MeetingState.CANCELLED, "brak sali")
    assert "reason" not in vars(meeting)


def test_a_meeting_moved_to_another_room_is_planned_anew_and_a_move_to_the_same_is_refused() -> (
    None
):
    meeting = scheduled()
    meeting.reschedule(
        DAY, time(18, 0), "Szkoła Podstawowa, sala gimnastyczna", date(2026, 3, 2), "ala"
    )
    assert (meeting.on, meeting.at, meeting.place, meeting.planned_on) == (
        DAY,
        time(18, 0),
        "Szkoła Podstawowa, sala gimnastyczna",
        date(2026, 3, 2),
    )
    facts = len(meeting.collect_events())
    with pytest.raises(InvalidInputError, match="already set for then and there"):
        meeting.reschedule(DAY, time(18, 0), "Szkoła Podstawowa, sala gimnastyczna", DAY, "ala")
    assert (len(meeting.collect_events()), meeting.planned_on) == (0, date(2026, 3, 2))
    assert facts == 2  # scheduled, then moved once


def test_minutes_approved_in_april_are_neither_signed_nor_corrected_with_an_earlier_date() -> None:
    meeting = held()
    meeting.approve_minutes(uuid4(), date(2026, 4, 14), "jednogłośnie", date(2026, 4, 14), "ala")
    meeting.collect_events()
    with pytest.raises(EffectiveDateError, match="approved on 2026-04-14"):
        meeting.finalise_minutes(date(2026, 4, 10), "ala")
    with pytest.raises(EffectiveDateError, match="approved on 2026-04-14"):
        meeting.record_erratum(uuid4(), "agenda:2", "Wybór podmiotu: CIS", date(2026, 4, 10), "ala")
    assert (meeting.collect_events(), meeting.minutes, meeting.errata) == (
        [],
        MinutesState.APPROVED,
        [],
    )
    meeting.record_erratum(uuid4(), "agenda:2", "Wybór podmiotu: CIS", date(2026, 4, 15), "ala")
    assert [e.corrects for e in meeting.errata] == ["agenda:2"]
