"""Checking a file against the registry: is it a copy that was issued, unchanged?

The digest printed in a file names the issued document (its content); the file's own
SHA-256 must then be the fingerprint of one of its issued copies. A copy issued before
files were fingerprinted is checked against the registry's own rendering of the issued
content, when the registry still gives that content. Whatever differs is said: the
digests, and which part of the file (bytes appended to a PDF, a page's text, a DOCX
part and paragraph, an HTML line).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from uuid import UUID
from xml.etree import ElementTree

from domain.errors import InvalidInputError
from projections.documents.build import build_document
from projections.documents.render import DIGEST_IN_FILE, digest_in, render
from registry.application import Registry
from registry.documents import CopyView, IssuedDocumentView

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Verdict:
    """What a file is: a genuine issued copy, or which issued document it claims to be and
    what differs."""

    genuine: bool
    document: IssuedDocumentView
    file_digest: str
    format: str
    copy: CopyView | None = None
    differences: list[str] = field(default_factory=list)


def format_of(content: bytes) -> str:
    if content.startswith(b"%PDF"):
        return "pdf"
    if content.startswith(b"PK"):
        return "docx"
    return "html"


def printed_digest(content: bytes) -> str | None:
    try:
        return digest_in(content)
    except Exception:  # a damaged PDF or ZIP: look for the digest in its raw bytes
        found = DIGEST_IN_FILE.search(content)
        return (found.group(1) or found.group(2)).decode() if found else None


def verify_file(
    app: Registry,
    content: bytes,
    name: str = "the file",
    reveal: Callable[[IssuedDocumentView], bool] = lambda document: True,
) -> Verdict:
    """Check a file's bytes against the issued copies of the document it names.

    The changed part is quoted from the issued content only if ``reveal`` allows it (an
    account that may read the gmina); otherwise only the digests are said.
    """
    printed = printed_digest(content)
    if printed is None:
        raise InvalidInputError("file", "{name} carries no digest of the MLW registry.", name=name)
    issued = app.verify_document(printed)
    sha = hashlib.sha256(content).hexdigest()
    fmt = format_of(content)
    for c in issued.copies:
        if c.file_digest == sha:
            return Verdict(True, issued, sha, fmt, copy=c)
    expected = rendering(app, issued, fmt)
    unprinted = [c for c in issued.copies if c.format == fmt and not c.file_digest]
    if expected is not None and expected == content and unprinted:
        return Verdict(True, issued, sha, fmt, copy=unprinted[0])
    differences = [
        f"The file's SHA-256 is {sha}; no copy of document {issued.digest} was issued "
        "with these bytes.",
    ]
    copies = [c for c in issued.copies if c.file_digest]
    if copies:
        differences.append(
            "Issued copies: "
            + "; ".join(f"{c.format} of {c.issued_on}, SHA-256 {c.file_digest}" for c in copies)
            + "."
        )
    if expected is None:
        differences.append(
            "The registry no longer gives this document's content (facts changed or erased "
            "since), so the changed part cannot be shown."
        )
    elif not reveal(issued):
        differences.append(
            f"Which part differs is shown only to accounts that may read {issued.gmina_name}."
        )
    elif expected == content:
        differences.append(
            f"The file is the registry's {fmt} of this document, but no {fmt} copy of it "
            "was issued."
        )
    else:
        differences += changed_parts(expected, content, fmt)
    return Verdict(False, issued, sha, fmt, differences=differences)


def rendering(app: Registry, issued: IssuedDocumentView, fmt: str) -> bytes | None:
    """The issued content rendered again in ``fmt``, if the registry still gives it."""
    built = build_document(
        app,
        issued.kind,
        UUID(str(issued.gmina_id)),
        subject=issued.subject,
        as_of=issued.as_of,
        lang=issued.lang,
        public=issued.variant == "public",
    )
    if built.digest != issued.digest:
        return None
    return render(built, fmt).content


def changed_parts(expected: bytes, found: bytes, fmt: str) -> list[str]:
    """Which part of the file differs from the issued content rendered again."""
    if fmt == "pdf":
        return pdf_changes(expected, found)
    if fmt == "docx":
        return docx_changes(expected, found)
    return text_changes(expected.decode(errors="replace"), found.decode(errors="replace"), "line")


def pdf_changes(expected: bytes, found: bytes) -> list[str]:
    if found.startswith(expected):
        return [
            f"{len(found) - len(expected)} bytes were appended after the end of the issued "
            f"PDF ({len(expected)} bytes)."
        ]
    from pypdf import PdfReader

    try:
        pages = [p.extract_text() for p in PdfReader(io.BytesIO(found)).pages]
    except Exception:
        return ["The PDF cannot be read: its bytes were damaged."]
    issued = [p.extract_text() for p in PdfReader(io.BytesIO(expected)).pages]
    if len(pages) != len(issued):
        return [f"The file has {len(pages)} pages; the issued PDF has {len(issued)}."]
    changed = [str(n) for n, (a, b) in enumerate(zip(issued, pages, strict=True), 1) if a != b]
    if changed:
        return [f"The text of page {', '.join(changed)} differs from the issued PDF."]
    at = next(i for i, (a, b) in enumerate(zip(expected, found, strict=False)) if a != b)
    return [f"The text is the same, but the PDF's bytes differ from byte {at} on."]


def docx_changes(expected: bytes, found: bytes) -> list[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(found)) as z:
            parts = {n: z.read(n) for n in z.namelist()}
    except zipfile.BadZipFile:
        return ["The DOCX cannot be read: its bytes were damaged."]
    with zipfile.ZipFile(io.BytesIO(expected)) as z:
        issued = {n: z.read(n) for n in z.namelist()}
    said = [f"Part {n} was added." for n in sorted(parts.keys() - issued.keys())]
    said += [f"Part {n} was removed." for n in sorted(issued.keys() - parts.keys())]
    for n in sorted(parts.keys() & issued.keys()):
        if parts[n] != issued[n]:
            said.append(f"Part {n} differs.")
            if n == "word/document.xml":
                said += text_changes(paragraphs(expected), paragraphs(found), "paragraph")
    return said or ["The parts are the same, but the DOCX's bytes differ (its packaging)."]


def paragraphs(content: bytes) -> str:
    """Every paragraph's text, in order, tables' cells included."""
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        root = ElementTree.fromstring(z.read("word/document.xml"))
    return "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in root.iter(W + "p"))


def text_changes(expected: str, found: str, unit: str) -> list[str]:
    """The first line (or paragraph) that differs, as issued and as found."""
    a, b = expected.splitlines(), found.splitlines()
    for n, (x, y) in enumerate(zip(a, b, strict=False), 1):
        if x != y:
            return [f"{unit.capitalize()} {n}: issued {clip(x)!r}, in the file {clip(y)!r}."]
    if len(a) != len(b):
        return [f"The file has {len(b)} {unit}s; the issued document has {len(a)}."]
    return []


def clip(text: str, width: int = 80) -> str:
    text = text.strip()
    return text if len(text) <= width else text[: width - 1] + "…"
