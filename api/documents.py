"""Documents as files: the pact, minutes, attendance lists, resolutions, the catalogue.

GET returns a preview (nothing is recorded); POST …/issue returns the same file and
records that the copy was issued, so it can be checked later by its digest.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import RegistryDep
from domain.document import DocumentKind
from projections.documents.build import build_document
from projections.documents.data import Built
from projections.documents.issue import issue
from projections.documents.render import FORMATS, render
from registry.documents import IssuedDocumentView
from registry.views import plain

api = APIRouter(prefix="/api/gminas/{ref}/documents", tags=["documents"])
checks = APIRouter(prefix="/api/documents", tags=["documents"])

AsOf = Annotated[
    str | None,
    Query(alias="as-of", description="YYYY-MM-DD, or 'signed' (pact), 'approved' (minutes)."),
]
Format = Annotated[str, Query(pattern="^(html|pdf|docx)$", description=", ".join(FORMATS))]
Lang = Annotated[str, Query(pattern="^(pl|en)$")]
Subject = Annotated[
    str, Query(description="The meeting ('zsl 2/2026', a date) or the resolution number.")
]


def as_file(built: Built, fmt: str) -> Response:
    rendered = render(built, fmt)
    p = built.provenance
    name = f"{p.kind}-{p.terc}-{p.subject.replace('/', '-') or 'gmina'}-{p.as_of}.{fmt}"
    disposition = "inline" if fmt in ("html", "pdf") else "attachment"
    return Response(
        rendered.content,
        media_type=rendered.media_type,
        headers={
            "Content-Disposition": f'{disposition}; filename="{name}"',
            "X-MLW-Digest": built.digest,
            "X-MLW-As-Of": p.as_of.isoformat(),
        },
    )


@api.get("/{kind}")
def get_document(
    ref: str,
    kind: DocumentKind,
    registry: RegistryDep,
    subject: Subject = "",
    as_of: AsOf = None,
    format: Format = "html",
    lang: Lang = "pl",
    public: bool = False,
) -> Response:
    """A document as it stood on a date, as HTML, PDF or DOCX (a preview: nothing recorded)."""
    built = build_document(
        registry,
        kind,
        registry.find_gmina(ref),
        subject=subject,
        as_of=as_of,
        lang=lang,
        public=public,
    )
    return as_file(built, format)


@api.post("/{kind}/issue")
def issue_document(
    ref: str,
    kind: DocumentKind,
    registry: RegistryDep,
    by: Annotated[str, Query(min_length=1, description="Who issues the copy.")],
    subject: Subject = "",
    as_of: AsOf = None,
    format: Format = "pdf",
    lang: Lang = "pl",
    public: bool = False,
) -> Response:
    """The document's file, its issue recorded as a fact (digest, point in time, who)."""
    built = build_document(
        registry,
        kind,
        registry.find_gmina(ref),
        subject=subject,
        as_of=as_of,
        lang=lang,
        public=public,
    )
    issue(registry, built, format, by)
    return as_file(built, format)


@checks.get("/{digest}")
def verify_document(digest: str, registry: RegistryDep) -> dict[str, object]:
    """Which issued document has this digest: its gmina, point in time and every copy."""
    view: IssuedDocumentView = registry.verify_document(digest)
    return plain(view)  # type: ignore[no-any-return]


ROUTERS = (api, checks)
