"""Documents as files: the pact, minutes, attendance lists, resolutions, the catalogue.

GET returns a preview (nothing is recorded); POST …/issue returns the same file and
records that the copy was issued, by the account logged in, so it can be checked later by
its digest. The pages offer the same files under /gminy/{ref}/dokumenty.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from api.auth import AccountDep, Csrf, ReadScope, Scope, WriteScope
from api.deps import RegistryDep
from domain.document import DocumentKind
from projections.documents.build import build_document
from projections.documents.data import Built
from projections.documents.issue import issue
from projections.documents.render import FORMATS, Rendered, render
from projections.documents.verify import verify_file
from registry.access import may_read
from registry.documents import IssuedDocumentView
from registry.views import plain

api = APIRouter(prefix="/api/gminas/{ref}/documents", tags=["documents"])
checks = APIRouter(prefix="/api/documents", tags=["documents"])
pages = APIRouter(prefix="/gminy/{ref}/dokumenty", include_in_schema=False)

AsOf = Annotated[
    str | None,
    Query(
        alias="as-of",
        pattern="^([0-9]{4}-[0-9]{2}-[0-9]{2}|signed|approved)$",
        description="YYYY-MM-DD, or 'signed' (pact), 'approved' (minutes).",
    ),
]
Format = Annotated[str, Query(pattern="^(html|pdf|docx)$", description=", ".join(FORMATS))]
Lang = Annotated[str, Query(pattern="^(pl|en)$")]
Subject = Annotated[
    str, Query(description="The meeting ('zsl 2/2026', a date) or the resolution number.")
]


def as_file(built: Built, fmt: str, rendered: Rendered | None = None) -> Response:
    rendered = rendered or render(built, fmt)
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


@dataclass
class Asked:
    """Which document is asked for: its subject, point in time, language and readers."""

    subject: Subject = ""
    as_of: AsOf = None
    lang: Lang = "pl"
    public: bool = False

    def built(self, scope: Scope, kind: DocumentKind) -> Built:
        return build_document(
            scope.registry,
            kind,
            scope.gmina_id,
            subject=self.subject,
            as_of=self.as_of,
            lang=self.lang,
            public=self.public,
        )


AskedDep = Annotated[Asked, Depends()]


@pages.get("/{kind}")
@api.get("/{kind}")
def get_document(
    scope: ReadScope, kind: DocumentKind, asked: AskedDep, format: Format = "html"
) -> Response:
    """A document as it stood on a date, as HTML, PDF or DOCX (a preview: nothing recorded)."""
    return as_file(asked.built(scope, kind), format)


# The pages offer the same files: there the session, not a token, says who asks.
@pages.post("/{kind}/wydanie", dependencies=[Csrf])
@api.post("/{kind}/issue")
def issue_document(
    scope: WriteScope, kind: DocumentKind, asked: AskedDep, format: Format = "pdf"
) -> Response:
    """The document's file, its issue recorded as a fact (digest, point in time, who).

    The copy is recorded as issued by the account that asks for it.
    """
    document = asked.built(scope, kind)
    rendered = render(document, format)
    issue(scope.registry, document, format, scope.by, rendered.content)
    return as_file(document, format, rendered)


@checks.get("/{digest}")
def verify_document(digest: str, registry: RegistryDep) -> dict[str, object]:
    """Which issued document has this digest: its gmina, point in time and every copy."""
    view: IssuedDocumentView = registry.verify_document(digest)
    return plain(view)  # type: ignore[no-any-return]


@checks.post(
    "/verify",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    },
)
async def verify_copy(
    request: Request, registry: RegistryDep, account: AccountDep
) -> dict[str, object]:
    """Whether the file sent (its bytes as the body) is an issued copy, unchanged.

    ``genuine`` says it; otherwise ``differences`` say what differs: the issued digest,
    the file's SHA-256, and (to accounts that may read the gmina) which part changed.
    """
    content = await request.body()

    def reveal(document: IssuedDocumentView) -> bool:
        gmina = registry.get_gmina(document.gmina_id)
        return may_read(account, document.gmina_id, gmina.voivodeship)

    verdict = await run_in_threadpool(verify_file, registry, content, "the file", reveal)
    return plain(verdict)  # type: ignore[no-any-return]


ROUTERS = (api, checks, pages)
