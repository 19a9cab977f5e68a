"""Documents as DOCX, the editable format gminas' offices use, read from the same HTML.

The templates' HTML uses a handful of tags (headings, paragraphs, lists, tables); each
becomes its Word counterpart, so one template serves all three formats.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import html as lxml_html

from domain.input_rules import printable
from projections.documents.data import Built
from projections.documents.render_html import render_html
from projections.i18n import translator

SPACES = re.compile(r"[ \t\r\n\f\v]+")  # not the non-breaking space, which stays
WIDTH = re.compile(r"width:\s*([\d.]+)%")
SIGNATURE_ROW = Cm(1.4)
CELL_MARGIN = "57"  # twentieths of a point: 1 mm each side
MARGIN = Cm(2)


def text_of(element: lxml_html.HtmlElement) -> str:
    """The element's text, white space made plain; a ``<br>`` a line break ("\\n")."""
    for node in element.iter():
        node.text = SPACES.sub(" ", printable(node.text or ""))
        if node is not element:
            node.tail = SPACES.sub(" ", printable(node.tail or ""))
    for br in element.iter("br"):
        br.tail = "\n" + (br.tail or "").lstrip()
    lines = element.text_content().split("\n")
    return "\n".join(line.strip(" ") for line in lines).strip(" \n")


def field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) that the reader's word processor fills in."""
    for kind, text in (
        ("begin", None),
        ("instr", instruction),
        ("separate", None),
        ("text", shown),
        ("end", None),
    ):
        run = paragraph.add_run()
        run.font.size = Pt(8)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {text} "
            run._r.append(instr)
        elif kind == "text":
            run.text = text or ""
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def page_number_footer(doc: DocxDocument, label: str, of: str, reference: str) -> None:
    """The document's reference and digest, and "Strona N z M" on every page."""
    footer = doc.sections[0].footer
    first = footer.paragraphs[0]
    first.text = reference
    for r in first.runs:
        r.font.size = Pt(7)
    numbers = footer.add_paragraph()
    numbers.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    numbers.add_run(f"{label} ").font.size = Pt(8)
    field(numbers, "PAGE", "1")
    numbers.add_run(f" {of} ").font.size = Pt(8)
    field(numbers, "NUMPAGES", "1")


def column_widths(table: lxml_html.HtmlElement, count: int, text_width: Length) -> list[int]:
    """The widths the template gives its columns (``<col style="width: N%">``), in EMU."""
    shares = [float(m[1]) for col in table.iter("col") if (m := WIDTH.search(col.get("style", "")))]
    if len(shares) != count:
        shares = [1.0] * count
    total = sum(shares)
    return [int(text_width * share / total) for share in shares]


def set_widths(out: Table, widths: list[int]) -> None:
    """Each column as wide as the template says, in the grid and in every cell (Word reads
    the cells, LibreOffice the grid); the table does not stretch columns to its content."""
    out.autofit = False
    grid = out._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(width // 635))  # EMU to twentieths of a point
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), CELL_MARGIN)
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    out._tbl.tblPr.find(qn("w:tblLook")).addprevious(margins)
    for row in out.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def repeat_as_header(row: object) -> None:
    """The row printed again at the top of every page the table runs onto."""
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(header)  # type: ignore[attr-defined]


def add_table(
    doc: DocxDocument, table: lxml_html.HtmlElement, text_width: Length, size: Pt
) -> None:
    rows = table.findall(".//tr")
    width = max((len(r.findall("./th") + r.findall("./td")) for r in rows), default=1)
    out = doc.add_table(rows=0, cols=width)
    out.style = "Table Grid"
    for row in rows:
        added = out.add_row()
        whole = OxmlElement("w:cantSplit")  # a row never split over two pages
        added._tr.get_or_add_trPr().insert(0, whole)
        if row.getparent().tag == "thead":
            repeat_as_header(added)
        cells = row.findall("./th") + row.findall("./td")
        if any("sign" in cell.classes for cell in cells):
            added.height = SIGNATURE_ROW
            added.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
        for i, cell in enumerate(cells):
            added.cells[i].text = text_of(cell)
            for paragraph in added.cells[i].paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(7) if "ids" in cell.classes else size
                    run.bold = cell.tag == "th"
    set_widths(out, column_widths(table, width, text_width))


def typeface(doc: DocxDocument) -> None:
    """One black serif face as in the PDF, headings included; words hyphenated where the
    word processor knows the language's hyphenation."""
    for name, size in (("Normal", 10), ("Title", 15), ("Heading 1", 11.5)):
        font = doc.styles[name].font
        font.name, font.size, font.color.rgb = "DejaVu Serif", Pt(size), RGBColor(0, 0, 0)
        font.bold = name != "Normal"
    hyphenate = OxmlElement("w:autoHyphenation")
    hyphenate.set(qn("w:val"), "true")
    doc.settings.element.find(qn("w:defaultTabStop")).addnext(hyphenate)


def render_docx(built: Built) -> bytes:
    """The document as a .docx file (its dates set to the as-of day)."""
    page = lxml_html.fromstring(render_html(built))
    doc = Document()
    section = doc.sections[0]
    body = page.find("body")
    width, height = Cm(21.0), Cm(29.7)
    if "landscape" in body.classes:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height = height, width
    section.page_height, section.page_width = height, width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    text_width = Length(width - 2 * MARGIN)
    typeface(doc)
    table_size = Pt(7.5) if "landscape" in body.classes else Pt(8)
    reference = body.find_class("reference")[0]
    _ = translator(built.provenance.lang)
    page_number_footer(doc, _("Strona"), _("z"), text_of(reference))
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
            add_table(doc, element, text_width, table_size)
        elif tag == "div":
            for p in element.findall("./p"):
                doc.add_paragraph(text_of(p)).runs[0].font.size = Pt(7)
        else:
            paragraph = doc.add_paragraph(text_of(element))
            if "sub" in element.classes or "draft" in element.classes:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            if "draft" in element.classes:
                paragraph.runs[0].bold = True
            elif "annex" in element.classes:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
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
