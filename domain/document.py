"""Documents issued from the registry: each copy handed out is a fact, checkable later."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from uuid import NAMESPACE_URL, UUID, uuid5

from domain.errors import InvalidInputError
from domain.history import Fact, FirstFact, Record
from domain.terms import DocumentKind, DocumentVariant
from domain.values import Immutable, Payload, gather_payload

# Kinds of words once defined here (domain.terms); older imports from here still work.
__all__ = ["DocumentKind", "DocumentVariant"]

DIGEST = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Copy(Immutable):
    """One copy handed out: in which format, on which day, by whom, and its file's digest.

    ``file_digest`` is the SHA-256 of the file's bytes as handed out (empty for copies
    issued before files were fingerprinted), so a changed file is told from the copy.
    """

    format: str
    issued_on: date
    issued_by: str
    file_digest: str = ""


@dataclass(frozen=True)
class DocumentContent(Payload):
    """What was issued: one content, named by its digest, of one kind, subject and date."""

    digest: str
    kind: DocumentKind
    title: str
    as_of: date
    subject: str
    variant: DocumentVariant
    lang: str
    built_from: str


def check_digest(digest: str) -> str:
    """A SHA-256 digest in lower-case hex, or a refusal."""
    value = digest.strip().lower()
    if not DIGEST.match(value):
        raise InvalidInputError(
            "digest", "{digest!r} is not a SHA-256 digest (64 hex digits).", digest=digest
        )
    return value


class IssuedDocument(Record):
    """A document with one content (one digest), and every copy of it issued."""

    @staticmethod
    def create_id(content: DocumentContent | str) -> UUID:
        """A document is known by its content's digest (given as the content or the digest)."""
        digest = content if isinstance(content, str) else content.digest
        return uuid5(NAMESPACE_URL, f"/mlw/document/{digest}")

    @classmethod
    def issue(
        cls,
        *,
        digest: str,
        kind: DocumentKind,
        gmina_id: UUID,
        title: str,
        as_of: date,
        subject: str,
        variant: DocumentVariant,
        lang: str,
        built_from: str,
        format: str,
        effective_on: date,
        recorded_by: str,
        file_digest: str = "",
    ) -> IssuedDocument:
        """The first copy of a document with this content."""
        if effective_on < as_of:
            raise InvalidInputError(
                "as_of", "A document as of {as_of} cannot be issued before that day.", as_of=as_of
            )
        content = DocumentContent(
            check_digest(digest), kind, title, as_of, subject, variant, lang, built_from
        )
        said = {"gmina_id": gmina_id, "content": content, "format": format}
        return cls.start(cls.Issued, effective_on, recorded_by, file_digest=file_digest, **said)

    class Issued(FirstFact):
        """Version 2 carries the content as one value (version 1: eight fields of its own)."""

        gmina_id: UUID
        content: DocumentContent
        format: str
        file_digest: str = ""

        class_version = 2
        upcast_v1_v2 = gather_payload("content", DocumentContent)

        def apply(self, document: IssuedDocument) -> None:
            document.gmina_id = self.gmina_id
            document.content = self.content
            copy = Copy(self.format, self.effective_on, self.recorded_by, self.file_digest)
            document.copies = [copy]

    def __init__(self) -> None:
        self.gmina_id: UUID
        self.content: DocumentContent
        self.copies: list[Copy]

    def issue_again(
        self, format: str, effective_on: date, recorded_by: str, file_digest: str = ""
    ) -> None:
        """Another copy of the same content (another format, or a reprint)."""
        self.record(
            self.IssuedAgain,
            effective_on,
            recorded_by,
            format=format,
            file_digest=check_digest(file_digest) if file_digest else "",
        )

    # Facts recorded before files were fingerprinted carry no file_digest: it defaults.
    class IssuedAgain(Fact):
        format: str
        file_digest: str = ""

        def apply(self, document: IssuedDocument) -> None:
            document.copies = [
                *document.copies,
                Copy(self.format, self.effective_on, self.recorded_by, self.file_digest),
            ]
