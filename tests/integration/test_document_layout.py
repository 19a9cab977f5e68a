"""A gmina secretary prints every document of the demo gmina and files it: nothing runs off
the sheet, tables keep their headers and widths, Word numbers the pages, and the text is
set the Polish way."""

from __future__ import annotations

import io
import itertools
import re
from uuid import UUID

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm
from pypdf import PdfReader

from projections.documents.build import build_document
from projections.documents.data import Built
from projections.documents.render import render
from registry.application import Registry
from tests.golden.replay import DOCUMENTS

MM = 72 / 25.4  # PDF points in a millimetre
MARGIN = 20 * MM  # the pages' left, right and top margins
FOOTER_EDGE = 10 * MM  # the page numbers sit in the bottom margin, never closer than this
TOLERANCE = 0.5  # points: a glyph's side bearing
NBSP = "\xa0"
VARIANTS = [
    (kind, lang, public) for kind in DOCUMENTS for lang in ("pl", "en") for public in (False, True)
]


@pytest.fixture(scope="module")
def built(demo: tuple[Registry, UUID]) -> dict[tuple[str, str, bool], Built]:
    app, gmina = demo
    out = {}
    for kind, lang, public in VARIANTS:
        subject, as_of = DOCUMENTS[kind]
        out[kind, lang, public] = build_document(
            app, kind, gmina, subject=subject, as_of=as_of, lang=lang, public=public
        )
    return out


@pytest.fixture(scope="module")
def pdfs(built: dict[tuple[str, str, bool], Built]) -> dict[tuple[str, str, bool], bytes]:
    return {key: render(b, "pdf").content for key, b in built.items()}


@pytest.fixture(scope="module")
def docxs(built: dict[tuple[str, str, bool], Built]) -> dict[tuple[str, str, bool], bytes]:
    return {key: render(b, "docx").content for key, b in built.items()}


def outside_the_printable_area(content: bytes) -> list[str]:
    """Every glyph and every table line that lies in a margin or off the sheet."""
    found = []
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            width, height = float(page.width), float(page.height)
            for thing in [*page.chars, *page.rects, *page.lines]:
                text = thing.get("text", "line")
                if not text.strip():
                    continue
                if (
                    thing["x0"] < MARGIN - TOLERANCE
                    or thing["x1"] > width - MARGIN + TOLERANCE
                    or thing["top"] < MARGIN - 2 * MM
                    or thing["bottom"] > height - FOOTER_EDGE
                ):
                    found.append(
                        f"page {number}: {text!r} at x {thing['x0'] / MM:.1f}–"
                        f"{thing['x1'] / MM:.1f} mm, y {thing['bottom'] / MM:.1f} mm"
                    )
    return found


@pytest.mark.parametrize("kind,lang,public", VARIANTS)
def test_every_letter_and_line_of_every_pdf_lies_inside_the_margins(
    pdfs: dict[tuple[str, str, bool], bytes], kind: str, lang: str, public: bool
) -> None:
    off = outside_the_printable_area(pdfs[kind, lang, public])
    assert not off, f"{len(off)} outside, first: {off[:5]}"


def test_the_check_finds_the_catalogue_as_it_was_once_printed_portrait_and_unbounded(
    built: dict[tuple[str, str, bool], Built],
) -> None:
    from weasyprint import HTML

    from projections.documents.render_html import render_html

    html = render_html(built["catalogue", "pl", False])
    old = html.replace("size: A4 landscape", "size: A4 portrait").replace(
        "width: 100%; table-layout: fixed", "width: 130%; table-layout: auto"
    )
    assert old != html
    assert outside_the_printable_area(HTML(string=old).write_pdf())


def test_the_catalogue_is_printed_landscape_and_the_pact_portrait(
    pdfs: dict[tuple[str, str, bool], bytes],
) -> None:
    for kind, landscape in (("catalogue", True), ("pact", False), ("attendance", False)):
        page = PdfReader(io.BytesIO(pdfs[kind, "pl", False])).pages[0]
        assert (page.mediabox.width > page.mediabox.height) is landscape, kind


def test_table_headers_are_printed_again_on_every_page_a_table_runs_onto(
    pdfs: dict[tuple[str, str, bool], bytes], built: dict[tuple[str, str, bool], Built]
) -> None:
    with pdfplumber.open(io.BytesIO(pdfs["catalogue", "pl", False])) as pdf:
        headers = sum((page.extract_text() or "").count("Identyfikatory") for page in pdf.pages)
    tables = len(built["catalogue", "pl", False].document.sections)
    assert headers > tables


def test_the_pdf_is_tagged_for_screen_readers_with_its_language_and_title(
    pdfs: dict[tuple[str, str, bool], bytes],
) -> None:
    for lang in ("pl", "en"):
        reader = PdfReader(io.BytesIO(pdfs["pact", lang, True]))
        root = reader.trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"])
        assert "/StructTreeRoot" in root
        assert root["/Lang"] == lang
        assert reader.metadata is not None and reader.metadata.title


def grid_widths(table: docx.table.Table) -> list[int]:
    return [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_docx_columns_have_the_widths_of_the_template_and_fill_the_text_width(
    docxs: dict[tuple[str, str, bool], bytes],
) -> None:
    for kind in DOCUMENTS:
        document = docx.Document(io.BytesIO(docxs[kind, "pl", False]))
        section = document.sections[0]
        text_width = (section.page_width - section.left_margin - section.right_margin) / 635
        for table in document.tables:
            widths = grid_widths(table)
            if len(widths) < 3:
                continue  # the signatures
            assert sum(widths) == pytest.approx(text_width, abs=len(widths)), kind
            assert len(set(widths)) > 1, kind
            first_row = table.rows[0]
            cells = [c.width for c in first_row.cells]
            assert cells == pytest.approx([w * 635 for w in widths], abs=635), kind


def test_a_nip_number_stays_whole_on_its_own_line_in_the_docx(
    docxs: dict[tuple[str, str, bool], bytes],
) -> None:
    document = docx.Document(io.BytesIO(docxs["pact", "pl", False]))
    cells = [c.text for r in document.tables[0].rows for c in r.cells]
    assert any(re.fullmatch(r"KRS\xa0\d{10}\nREGON\xa0\d{9}\nNIP\xa0\d{10}", c) for c in cells)


def test_docx_header_rows_repeat_and_the_catalogue_is_landscape(
    docxs: dict[tuple[str, str, bool], bytes],
) -> None:
    catalogue = docx.Document(io.BytesIO(docxs["catalogue", "pl", False]))
    section = catalogue.sections[0]
    assert section.page_width > section.page_height
    for table in catalogue.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert table.rows[1]._tr.trPr is None or (
            table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
        )


def test_docx_pages_are_numbered_by_page_and_numpages_fields(
    docxs: dict[tuple[str, str, bool], bytes],
) -> None:
    for lang, words in (("pl", ("Strona", "z")), ("en", ("Page", "of"))):
        document = docx.Document(io.BytesIO(docxs["minutes", lang, False]))
        footer = document.sections[0].footer._element
        fields = [i.text.strip() for i in footer.iter(qn("w:instrText"))]
        assert fields == ["PAGE", "NUMPAGES"]
        kinds = [c.get(qn("w:fldCharType")) for c in footer.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"] * 2
        numbers = document.sections[0].footer.paragraphs[-1].text
        assert numbers.startswith(f"{words[0]} ") and f" {words[1]} " in numbers


def test_every_attendance_row_leaves_at_least_12_mm_to_sign(
    docxs: dict[tuple[str, str, bool], bytes], pdfs: dict[tuple[str, str, bool], bytes]
) -> None:
    table = docx.Document(io.BytesIO(docxs["attendance", "pl", False])).tables[0]
    assert all(row.height is not None and row.height >= Mm(12) for row in table.rows[1:])
    with pdfplumber.open(io.BytesIO(pdfs["attendance", "pl", False])) as pdf:
        words = pdf.pages[0].extract_words()
    numbers = [w["top"] for w in words if re.fullmatch(r"\d+\.", w["text"]) and w["x0"] < 30 * MM]
    assert len(numbers) == len(table.rows) - 1
    assert all(b - a >= 12 * MM for a, b in itertools.pairwise(numbers))


def test_the_attendance_list_is_annex_1_with_the_time_arrivals_and_departures(
    built: dict[tuple[str, str, bool], Built],
) -> None:
    html = render(built["attendance", "pl", False], "html").content.decode().replace(NBSP, " ")
    assert "Załącznik nr 1 do protokołu nr 4/2026" in html
    assert "11 czerwca 2026 r., godz. 17:05" in html
    assert "<td>17:05–18:00</td>" in html  # one who left early
    assert "Halina Wierzbicka</td><td>we własnym imieniu</td>" in html
    assert "Halina Wierzbicka</td><td>Halina Wierzbicka" not in html
    english = render(built["attendance", "en", False], "html").content.decode()
    english = english.replace(NBSP, " ")
    assert "Annex 1 to the minutes no." in english and "in own name" in english


def test_dates_numbers_and_amounts_keep_their_parts_together_in_every_document(
    built: dict[tuple[str, str, bool], Built], docxs: dict[tuple[str, str, bool], bytes]
) -> None:
    for (kind, lang, public), b in built.items():
        html = render(b, "html").content.decode()
        html = re.sub(r"<[^>]*>", "", html[html.index("<body") :])
        document = docx.Document(io.BytesIO(docxs[kind, lang, public]))
        words = [p.text for p in document.paragraphs]
        words += [c.text for t in document.tables for r in t.rows for c in r.cells]
        for text in (html, "\n".join(words)):
            assert not re.search(r"\d r\.", text), kind
            assert not re.search(r"\d \d", text), kind
            assert not re.search(r"\d{4,}(,\d\d)? ?zł", text), kind
            assert "((" not in text and "))" not in text, kind


def test_the_pact_writes_1_etat_and_english_amounts_with_pln_in_front(
    built: dict[tuple[str, str, bool], Built],
) -> None:
    polish = render(built["pact", "pl", False], "html").content.decode().replace(NBSP, " ")
    english = render(built["pact", "en", False], "html").content.decode().replace(NBSP, " ")
    assert "0,5 etatu" in polish and "1 etatu" not in polish
    assert "PLN 40,000.00" in english and "PLN40" not in english
    assert "0.5 FTE" in english and "etat" not in english
