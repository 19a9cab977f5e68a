"""Documents as DOCX, the editable format gminas' offices use, read from the same HTML.

The templates' HTML uses a handful of tags (headings, paragraphs, lists, tables); each
becomes its Word counterpart, so one template serves all three formats.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import html as lxml_html

from domain.input_rules import printable
from projections.documents.data import Built
from projections.documents.render_html import render_html
from projections.i18n import translator


def text_of(element: lxml_html.HtmlElement) -> str:
    return " ".join(printable(element.text_content()).split())


def page_number_footer(doc: DocxDocument, label: str, reference: str) -> None:
    """ "Strona N" on every page, beside the document's reference and digest."""
    footer = doc.sections[0].footer.paragraphs[0]
    footer.text = f"{reference}    {label} "
    run = footer.add_run()
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run._r.append(field)
    for r in footer.runs:
        r.font.size = Pt(7)


def add_table(doc: DocxDocument, table: lxml_html.HtmlElement) -> None:
    rows = table.findall(".//tr")
    width = max((len(r.findall("./th") + r.findall("./td")) for r in rows), default=1)
    out = doc.add_table(rows=0, cols=width)
    out.style = "Table Grid"
    for row in rows:
        cells = out.add_row().cells
        for i, cell in enumerate(row.findall("./th") + row.findall("./td")):
            cells[i].text = text_of(cell)
            for paragraph in cells[i].paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8)
                    run.bold = cell.tag == "th"


def render_docx(built: Built) -> bytes:
    """The document as a .docx file (its dates set to the as-of day)."""
    page = lxml_html.fromstring(render_html(built))
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    doc.styles["Normal"].font.name = "DejaVu Serif"
    doc.styles["Normal"].font.size = Pt(10)
    body = page.find("body")
    reference = body.find_class("reference")[0]
    lang = built.provenance.lang
    page_number_footer(doc, translator(lang)("Strona"), text_of(reference))
    for element in body:
        if element is reference:
            continue
        tag = element.tag
        if tag == "h1":
            heading = doc.add_heading(text_of(element), level=0)
            heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif tag == "h2":
            doc.add_heading(text_of(element), level=1)
        elif tag in ("ol", "ul"):
            style = "List Number" if tag == "ol" else "List Bullet"
            for item in element.findall("./li"):
                doc.add_paragraph(text_of(item), style=style)
        elif tag == "table":
            add_table(doc, element)
        elif tag == "div":
            for p in element.findall("./p"):
                doc.add_paragraph(text_of(p)).runs[0].font.size = Pt(7)
        else:
            paragraph = doc.add_paragraph(text_of(element))
            if "sub" in element.classes:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    when = datetime.combine(built.provenance.as_of, datetime.min.time())
    props = doc.core_properties
    props.created = props.modified = when
    props.title = text_of(body.find(".//h1"))
    props.subject = built.digest
    props.author = "MLW Registry"
    out = io.BytesIO()
    doc.save(out)
    return with_fixed_times(out.getvalue(), (when.year, when.month, when.day, 0, 0, 0))


def with_fixed_times(docx: bytes, stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """The same package with every entry dated ``stamp``, so the same document gives the
    same bytes whenever it is made (a zip entry otherwise carries the clock's time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, date_time=max(stamp, (1980, 1, 1, 0, 0, 0)))
            fixed.compress_type = entry.compress_type
            fixed.external_attr = entry.external_attr
            target.writestr(fixed, source.read(entry.filename))
    return out.getvalue()
