"""A built document in the format asked for, and the digest read back from a file."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass

from pypdf import PdfReader

from projections.documents.data import Built
from projections.documents.render_docx import render_docx
from projections.documents.render_html import render_html
from projections.documents.render_pdf import render_pdf

DIGEST_IN_FILE = re.compile(rb"sha256:([0-9a-f]{64})|SHA-256: ([0-9a-f]{64})")


@dataclass(frozen=True)
class Rendered:
    content: bytes
    media_type: str
    extension: str


MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
FORMATS = tuple(MEDIA_TYPES)


def render(built: Built, fmt: str) -> Rendered:
    """HTML for the screen, PDF for print, DOCX for the office to edit."""
    if fmt == "pdf":
        content = render_pdf(built)
    elif fmt == "docx":
        content = render_docx(built)
    elif fmt == "html":
        content = render_html(built).encode()
    else:
        raise ValueError(f"Unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}.")
    return Rendered(content, MEDIA_TYPES[fmt], fmt)


def digest_in(content: bytes) -> str | None:
    """The digest a generated file carries (PDF keywords, DOCX subject, HTML footer)."""
    if content.startswith(b"%PDF"):
        keywords: Mapping[str, object] = PdfReader(io.BytesIO(content)).metadata or {}
        content = str(keywords.get("/Keywords", "")).encode()
    elif content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as z:
            content = z.read("docProps/core.xml").replace(b"<dc:subject>", b"sha256:")
    found = DIGEST_IN_FILE.search(content)
    if not found:
        return None
    return (found.group(1) or found.group(2)).decode()
