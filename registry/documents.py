"""Use cases: recording that a document was issued, and checking a copy against the record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Unpack
from uuid import UUID

from domain.document import DocumentKind, DocumentVariant, IssuedDocument, check_digest
from domain.errors import NotFoundError
from domain.gmina import Gmina
from registry.base import Recording, RegistryBase, Stamp
from registry.pacts import parse_enum


@dataclass(frozen=True)
class CopyView:
    format: str
    issued_on: date
    issued_by: str
    file_digest: str = ""


@dataclass(frozen=True)
class IssuedDocumentView:
    """What the registry knows of an issued document: its point, its digest, its copies."""

    id: UUID
    digest: str
    kind: str
    gmina_id: UUID
    gmina_name: str
    title: str
    as_of: date
    subject: str
    variant: str
    lang: str
    built_from: str
    copies: list[CopyView]
    version: int


@dataclass(eq=False)
class Documents:
    """Issuing the pact, minutes, attendance lists, resolutions and the catalogue."""

    app: RegistryBase

    def issue_document(
        self,
        gmina_id: UUID,
        *,
        kind: DocumentKind | str,
        digest: str,
        title: str,
        as_of: date,
        subject: str = "",
        variant: DocumentVariant | str = DocumentVariant.FULL,
        lang: str = "pl",
        built_from: str = "",
        format: str,
        file_digest: str = "",
        **stamp: Unpack[Stamp],
    ) -> UUID:
        """Record that a copy of a document with this content was handed out.

        ``file_digest`` is the SHA-256 of the copy's bytes, checked by `mlw doc verify`.
        """
        rec = Recording.of(**stamp)
        self.app.load(Gmina, gmina_id)
        value = check_digest(digest)
        doc_id = IssuedDocument.create_id(value)
        try:
            document = self.app.load(IssuedDocument, doc_id)
        except NotFoundError:
            document = IssuedDocument.issue(
                digest=value,
                kind=parse_enum(DocumentKind, "kind", kind),  # type: ignore[arg-type]
                gmina_id=gmina_id,
                title=title,
                as_of=as_of,
                subject=subject,
                variant=parse_enum(DocumentVariant, "variant", variant),  # type: ignore[arg-type]
                lang=lang,
                built_from=built_from,
                format=format,
                effective_on=rec.on,
                recorded_by=rec.by,
                file_digest=file_digest,
            )
        else:
            document.issue_again(format, rec.on, rec.by, file_digest)
        self.app.commit(document)
        return doc_id

    def verify_document(self, digest: str) -> IssuedDocumentView:
        """The issued document whose content has this digest, or a refusal if none was."""
        value = check_digest(digest)
        try:
            d = self.app.load(IssuedDocument, IssuedDocument.create_id(value))
        except NotFoundError:
            raise NotFoundError(
                "No document with digest {value}… was issued from this registry.", value=value[:16]
            ) from None
        c = d.content
        return IssuedDocumentView(
            id=d.id,
            digest=c.digest,
            kind=c.kind.value,
            gmina_id=d.gmina_id,
            gmina_name=self.app.load(Gmina, d.gmina_id).name,
            title=c.title,
            as_of=c.as_of,
            subject=c.subject,
            variant=c.variant.value,
            lang=c.lang,
            built_from=c.built_from,
            copies=[CopyView(c.format, c.issued_on, c.issued_by, c.file_digest) for c in d.copies],
            version=d.version,
        )
