"""What a facilitator reads of the team's year comes from the read models, on every store,
and says what the records say: now, as of any day, and right after each change."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta

import pytest

from projections.meeting_rows import MeetingRows
from projections.queries_meetings import MeetingReads
from projections.read_models import ReadModels
from registry.application import Registry
from tests.integration.test_meetings_read_model import february, spring
from tests.integration.zielony_jar import BY, FEB


@pytest.fixture
def reads(registry: Registry) -> Iterator[MeetingReads]:
    with ReadModels(registry) as models:
        yield MeetingReads(MeetingRows(models))


def test_the_read_side_says_what_the_records_say_now_and_on_every_day(
    registry: Registry, reads: MeetingReads
) -> None:
    g, sitting = february(registry)
    spring(registry, g, sitting)
    meetings = registry.list_meetings(g.id)
    assert reads.list_meetings(g.id) == meetings
    assert reads.list_meetings(g.id, kind="pact") == registry.list_meetings(g.id, kind="pact")
    days = sorted({m.on + timedelta(days=k) for m in meetings for k in (-1, 0, 1)})
    for on in [None, *days]:
        assert reads.list_resolutions(g.id, as_of=on) == registry.list_resolutions(g.id, as_of=on)
        assert reads.counts(g.id, on) == (
            len([m for m in meetings if on is None or m.on <= on]),
            len(registry.list_resolutions(g.id, as_of=on)),
        )
        assert reads.get_team(g.id, as_of=on or date(2026, 12, 31)) == registry.get_team(
            g.id, as_of=on or date(2026, 12, 31)
        )
        for m in meetings:
            if on is None or m.on <= on:
                assert reads.get_meeting(m.id, as_of=on) == registry.get_meeting(m.id, as_of=on)
    for at in (time(16, 59), time(17, 30), time(19)):
        assert reads.quorum_at(sitting, at) == registry.quorum_at(sitting, at)
    assert reads.find_meeting(g.id, "zsl 1/2026") == registry.find_meeting(g.id, "zsl 1/2026")
    assert reads.find_resolution(g.id, "2/2026") == registry.find_resolution(g.id, "2/2026")
    assert reads.counts(g.id) == (3, 2)
    for record in (sitting, g.school, g.id):
        assert reads.history(record) == registry.history(record)


def test_a_change_shows_in_the_very_next_read(registry: Registry, reads: MeetingReads) -> None:
    g, sitting = february(registry)
    assert reads.get_meeting(sitting).minutes == "draft"
    registry.record_departure(sitting, g.school, at=time(17, 45), recorded_by=BY)
    [school] = [a for a in reads.get_meeting(sitting).attendance if a.stakeholder_id == g.school]
    assert school.departed_at == time(17, 45)
    assert reads.quorum_at(sitting, time(18)).present_members == sorted(
        registry.quorum_at(sitting, time(18)).present_members
    )


def test_a_meeting_is_not_found_before_it_was_scheduled_nor_from_another_gmina(
    registry: Registry, reads: MeetingReads
) -> None:
    g, sitting = february(registry)
    with pytest.raises(Exception, match="did not exist yet"):
        reads.get_meeting(sitting, as_of=FEB - timedelta(days=400))
    with pytest.raises(Exception, match="No such record in this gmina"):
        reads.get_meeting(sitting, g.gops)
