"""One entry to every document: which one, of which gmina, as of when, in which variant."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from domain.document import DocumentKind
from domain.errors import InvalidInputError, NotFoundError
from domain.values import Stage
from projections.documents import meetings
from projections.documents.data import Built, DocumentBuilder
from registry.application import Registry

NEEDS_MEETING = (DocumentKind.MINUTES, DocumentKind.ATTENDANCE)


def point_in_time(
    app: Registry, kind: DocumentKind, gmina_id: UUID, subject: str, as_of: str | date | None
) -> date | None:
    """A date, or the words "signed" (the pact's signing day) and "approved" (the minutes')."""
    if as_of is None or isinstance(as_of, date):
        return as_of
    word = as_of.strip().lower()
    if word == "signed" and kind is DocumentKind.PACT:
        stages = [s for s in app.get_gmina(gmina_id).stages if s.stage == Stage.PACT.number]
        if not stages:
            raise NotFoundError("The pact has not been signed: no stage 4 is recorded.")
        return stages[0].effective_on
    if word == "approved" and kind in NEEDS_MEETING:
        m = app.get_meeting(app.find_meeting(gmina_id, subject))
        if m.approved_on is None:
            raise NotFoundError("The minutes of {on} have not been approved yet.", on=m.on)
        return m.approved_on
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise InvalidInputError(
            "as_of", "{as_of!r}: give a date (YYYY-MM-DD), 'signed' or 'approved'.", as_of=as_of
        ) from None


def build_document(
    app: Registry,
    kind: DocumentKind | str,
    gmina_id: UUID,
    *,
    subject: str = "",
    as_of: str | date | None = None,
    lang: str = "pl",
    public: bool = False,
) -> Built:
    """The content of one document and its digest."""
    kind = DocumentKind(kind)
    if kind in (*NEEDS_MEETING, DocumentKind.RESOLUTION) and not subject:
        what = "resolution number" if kind is DocumentKind.RESOLUTION else "meeting"
        raise InvalidInputError(
            "subject", "Say which {what} the {kind} is of.", what=what, kind=kind
        )
    when = point_in_time(app, kind, gmina_id, subject, as_of)
    b = DocumentBuilder(app, gmina_id, as_of=when, lang=lang, public=public)
    if kind is DocumentKind.PACT:
        return b.pact()
    if kind is DocumentKind.CATALOGUE:
        return b.catalogue()
    if kind is DocumentKind.ANALYSIS:
        return b.analysis()
    if kind is DocumentKind.MINUTES:
        return meetings.minutes(b, subject)
    if kind is DocumentKind.ATTENDANCE:
        return meetings.attendance(b, subject)
    return meetings.resolution(b, subject)
