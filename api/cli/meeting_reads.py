"""Where `mlw` reads meetings, minutes, the team and resolutions: the read models.

The command line opens its registry with a read side (``api/cli/support.py``), caught up
before each read, so the answer to a command shows what it recorded.
"""

from __future__ import annotations

from projections.queries_meetings import MeetingReads
from projections.read_side import ReadSide
from registry.application import Registry
from registry.reads import NoReadSideError


def meeting_reads(app: Registry) -> MeetingReads:
    """The meetings read side of this registry."""
    if not isinstance(app.reads, ReadSide):
        raise NoReadSideError("The command line reads meetings from the read models.")
    return app.reads.meeting_side
