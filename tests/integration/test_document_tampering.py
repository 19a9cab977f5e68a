"""A copy handed out and changed afterwards is found out, and what changed is said."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from uuid import UUID

import pytest
from pypdf import PdfWriter
from pypdf.annotations import FreeText

from domain.errors import InvalidInputError
from projections.documents.build import build_document
from projections.documents.issue import issue
from projections.documents.render import render
from projections.documents.verify import verify_file
from projections.read_side import with_reads
from registry.application import Registry
from registry.demo import load_demo
from registry.settings import Settings

GOPS = "Gminny Ośrodek Pomocy Społecznej"


@pytest.fixture(scope="module")
def demo() -> Iterator[tuple[Registry, UUID]]:
    app = with_reads(Registry(Settings(store="memory")))
    gmina = load_demo(app)
    yield app, gmina
    app.close()


def issued_copy(app: Registry, gmina: UUID, fmt: str, as_of: str = "2026-03-01") -> bytes:
    built = build_document(app, "catalogue", gmina, as_of=as_of)
    content = render(built, fmt).content
    issue(app, built, fmt, "sekretariat", content)
    return content


@pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])
def test_an_issued_copy_unchanged_is_genuine(demo: tuple[Registry, UUID], fmt: str) -> None:
    app, gmina = demo
    verdict = verify_file(app, issued_copy(app, gmina, fmt))
    assert verdict.genuine
    assert verdict.copy is not None and verdict.copy.format == fmt
    assert verdict.copy.issued_by == "sekretariat"


def test_an_html_copy_with_a_word_changed_is_not_genuine_and_the_line_is_named(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    content = issued_copy(app, gmina, "html")
    assert GOPS.encode() in content
    changed = content.replace(GOPS.encode(), b"Gminny Osrodek Prywatny", 1)

    verdict = verify_file(app, changed)

    assert not verdict.genuine
    said = "\n".join(verdict.differences)
    assert verdict.file_digest in said and verdict.document.digest in said
    assert "Line " in said and "Gminny Osrodek Prywatny" in said and GOPS in said


def test_a_pdf_with_bytes_appended_is_not_genuine_and_says_how_many(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    content = issued_copy(app, gmina, "pdf")
    # An incremental update: what a PDF editor appends to change a page after signing.
    editor = PdfWriter(io.BytesIO(content), incremental=True)
    editor.add_annotation(0, FreeText(text="Zmieniono", rect=(50, 550, 200, 650)))
    out = io.BytesIO()
    editor.write(out)
    appended = out.getvalue()
    assert appended.startswith(content) and len(appended) > len(content)

    verdict = verify_file(app, appended)

    assert not verdict.genuine
    assert any(
        f"{len(appended) - len(content)} bytes were appended" in d for d in verdict.differences
    )


def test_a_docx_with_a_paragraph_edited_is_not_genuine_and_the_part_is_named(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    content = issued_copy(app, gmina, "docx")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(GOPS.encode(), "Ośrodek Prywatny".encode(), 1)
            dst.writestr(item, data)

    verdict = verify_file(app, out.getvalue())

    assert not verdict.genuine
    said = "\n".join(verdict.differences)
    assert "Part word/document.xml differs." in said
    assert "Paragraph " in said and "Ośrodek Prywatny" in said


def test_a_file_of_a_format_never_issued_is_not_a_copy(demo: tuple[Registry, UUID]) -> None:
    app, gmina = demo
    issued_copy(app, gmina, "pdf", as_of="2026-02-01")
    built = build_document(app, "catalogue", gmina, as_of="2026-02-01")

    verdict = verify_file(app, render(built, "docx").content)

    assert not verdict.genuine
    assert any("no docx copy of it was issued" in d for d in verdict.differences)


def test_a_copy_is_dated_the_day_it_was_issued_not_its_as_of_day(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    issued_copy(app, gmina, "html", as_of="2025-12-01")
    built = build_document(app, "catalogue", gmina, as_of="2025-12-01")
    [copy] = app.verify_document(built.digest).copies
    assert copy.issued_on == date.today()


def test_a_document_as_of_a_day_still_to_come_cannot_be_issued_today(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    later = date.today() + timedelta(days=30)
    built = build_document(app, "catalogue", gmina, as_of=later)
    with pytest.raises(InvalidInputError) as refused:
        issue(app, built, "pdf", "sekretariat", render(built, "html").content)
    assert refused.value.field == "as_of"
