"""Issuing a rendered document: the registry records its digest and the point it stands at."""

from __future__ import annotations

import hashlib
from datetime import date
from uuid import UUID

from projections.documents.data import Built
from registry.application import Registry


def issue(
    app: Registry, built: Built, fmt: str, recorded_by: str, content: bytes | None = None
) -> UUID | None:
    """Record that this copy was handed out; a later copy of the same content adds to it.

    A draft (a pact not yet signed) is handed out for discussion and never recorded.

    The copy is dated the day it is issued (never the document's as-of day), and its
    file's SHA-256 is recorded, so a file changed after issue is found out.
    """
    if getattr(built.document, "draft", False):
        return None
    p = built.provenance
    title = getattr(built.document, "title", "")
    header = getattr(built.document, "header", None)
    label = getattr(built.document, "label", "")
    return app.issue_document(
        UUID(p.gmina_id),
        kind=p.kind,
        digest=built.digest,
        title=f"{label} {title}".strip() or (header.title if header else p.kind),
        as_of=p.as_of,
        subject=p.subject,
        variant=p.variant,
        lang=p.lang,
        built_from="; ".join(p.built_from),
        format=fmt,
        recorded_by=recorded_by,
        effective_on=date.today(),
        file_digest=hashlib.sha256(content).hexdigest() if content is not None else "",
    )
