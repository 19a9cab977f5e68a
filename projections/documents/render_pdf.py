"""Documents as print-ready A4 PDF: WeasyPrint lays out the HTML with page numbers.

The PDF's dates are the document's as-of day (from the HTML's metadata), so printing
the same point again gives the same file. The PDF is tagged as PDF/UA-1 (its structure,
language and title readable by a screen reader), as a gmina's BIP publication asks.
WeasyPrint (and the pango it needs) is imported here, when a PDF is made, so every other
command runs on a machine without it.
"""

from __future__ import annotations

from projections.documents.data import Built
from projections.documents.render_html import TEMPLATES, render_html

PDF_VARIANT = "pdf/ua-1"


def render_pdf(built: Built) -> bytes:
    from weasyprint import HTML

    html = render_html(built)
    page = HTML(string=html, base_url=str(TEMPLATES))
    return page.write_pdf(pdf_variant=PDF_VARIANT)  # type: ignore[no-any-return]
