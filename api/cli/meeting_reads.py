"""Where `mlw` reads meetings, minutes, the team and resolutions: the read models.

One set of read models per opened registry, caught up before each read (so the answer to
a command shows what it recorded) and closed with the registry.
"""

from __future__ import annotations

import weakref

from projections.meeting_rows import MeetingRows
from projections.queries_meetings import MeetingReads
from projections.read_models import ReadModels
from projections.read_side import ReadSide
from registry.application import Registry

OPEN: weakref.WeakKeyDictionary[Registry, MeetingReads] = weakref.WeakKeyDictionary()


def meeting_reads(app: Registry) -> MeetingReads:
    """The meetings read side of this registry (opened on first use)."""
    if isinstance(app.reads, ReadSide):
        return app.reads.meeting_side
    reads = OPEN.get(app)
    if reads is None:
        models = ReadModels(app)
        reads = OPEN[app] = MeetingReads(MeetingRows(models))
        weakref.finalize(app, models.close)
    return reads
