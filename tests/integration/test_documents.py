"""A facilitator prints the demo gmina's pact, minutes, lists, resolutions and catalogue."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from uuid import UUID

import docx
import pytest
from pypdf import PdfReader

from domain.errors import NotFoundError
from projections.documents.build import build_document
from projections.documents.render import digest_in, render
from registry.application import Registry
from tests.golden.replay import DOCUMENTS

NBSP = "\xa0"
HYPHEN = "\u2010"  # the hyphen the layout adds, never one typed in a name


def text_of(content: bytes, fmt: str) -> str:
    """What a reader sees in the file, whitespace made plain."""
    if fmt == "pdf":
        text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
        text = text.replace(HYPHEN + "\n", "")  # a word hyphenated at the end of a line
    elif fmt == "docx":
        d = docx.Document(io.BytesIO(content))
        cells = [c.text for t in d.tables for r in t.rows for c in r.cells]
        footer = d.sections[0].footer.paragraphs[0].text
        text = "\n".join([*(p.text for p in d.paragraphs), *cells, footer])
    else:
        text = content.decode()
    return " ".join(text.replace(NBSP, " ").split())


@pytest.fixture(scope="module")
def texts(demo: tuple[Registry, UUID]) -> dict[tuple[str, str], str]:
    app, gmina = demo
    out = {}
    for kind, (subject, as_of) in DOCUMENTS.items():
        built = build_document(app, kind, gmina, subject=subject, as_of=as_of)
        for fmt in ("html", "pdf", "docx"):
            content = render(built, fmt).content
            assert digest_in(content) == built.digest
            out[kind, fmt] = text_of(content, fmt)
    return out


def words_of(html: bytes) -> str:
    """What a reader sees in an HTML page: its words, without the markup."""
    return " ".join(re.sub(r"<[^>]+>", " ", html.decode()).replace(NBSP, " ").split())


def resolution_words(demo: tuple[Registry, UUID], number: str, lang: str = "pl") -> str:
    """A resolution of the demo team as its reader sees it, as an HTML page."""
    app, gmina = demo
    built = build_document(app, "resolution", gmina, subject=number, lang=lang)
    return words_of(render(built, "html").content)


FORMATS = pytest.mark.parametrize("fmt", ["html", "pdf", "docx"])


@FORMATS
def test_the_pact_as_signed_names_its_parties_commitments_and_date(
    texts: dict[tuple[str, str], str], fmt: str
) -> None:
    text = texts["pact", fmt]
    assert "Pakt na rzecz Modelu Lokalnej Współpracy" in text
    assert "12 marca 2026 r." in text
    assert "Miejsko-Gminny Ośrodek Pomocy Społecznej w Zielonym Jarze" in text
    assert "Bank Spółdzielczy w Zielonym Jarze" in text
    assert "Koordynatorka partnerstwa MLW" in text
    assert "0,5 etatu" in text
    assert "31 grudnia 2026 r." in text
    assert "suwerenności stron" in text


@FORMATS
def test_the_minutes_as_approved_carry_votes_quorum_and_approval(
    texts: dict[tuple[str, str], str], fmt: str
) -> None:
    text = texts["minutes", fmt]
    assert "Protokół nr 2/2026 z posiedzenia Zespołu Synergii Lokalnej" in text
    assert "5 marca 2026 r." in text
    assert "Obecnych było 9 z 9 członków Zespołu" in text
    assert "Uchwała nr 3/2026 w sprawie przyjęcia projektu Paktu" in text
    assert "Protokół przyjęto dnia 7 maja 2026 r." in text
    assert "Ewa Grabowiecka" in text


def test_the_minutes_table_shows_eight_for_none_against_one_abstaining(
    texts: dict[tuple[str, str], str],
) -> None:
    assert "w sprawie przyjęcia projektu Paktu</td><td>8</td><td>0</td><td>1</td>" in (
        texts["minutes", "html"].replace("> <", "><")
    )


@FORMATS
def test_the_attendance_list_has_each_person_entity_and_a_signature_column(
    texts: dict[tuple[str, str], str], fmt: str
) -> None:
    text = texts["attendance", fmt]
    assert "Lista obecności" in text
    assert "11 czerwca 2026 r." in text
    assert "Podpis" in text
    assert "Ewa Grabowiecka" in text and "kierowniczka MGOPS" in text
    assert "Posiedzenie Zespołu Synergii Lokalnej nr 4/2026" in text
    assert "Protokół" not in text


@FORMATS
def test_the_resolution_has_its_paragraphs_vote_and_justification(
    texts: dict[tuple[str, str], str], fmt: str
) -> None:
    text = texts["resolution", fmt]
    assert "Uchwała nr 6/2026" in text
    assert "w sprawie wyboru podmiotu zatrudnienia socjalnego" in text
    assert "§ 1. Zespół wybiera" in text and "§ 3. Uchwała wchodzi w życie" in text
    assert "Wynik głosowania" in text and "za 8, przeciw 1" in text
    assert "Klub Integracji Społecznej" in text


@FORMATS
def test_the_resolution_rests_on_the_order_that_formed_the_team_and_its_rules(
    texts: dict[tuple[str, str], str], fmt: str
) -> None:
    text = texts["resolution", fmt]
    assert (
        "Na podstawie zarządzenia Burmistrza nr 0050.14.2026 (demo) z dnia 22 stycznia 2026 r. "
        "w sprawie powołania Zespołu Synergii Lokalnej oraz regulaminu Zespołu" in text
    )
    assert "Na podstawie Paktu" not in text


@FORMATS
def test_the_resolution_says_why_in_sentences_not_in_the_registry_s_words(
    texts: dict[tuple[str, str], str], fmt: str
) -> None:
    text = texts["resolution", fmt]
    assert "wybrał jako podmiot zatrudnienia socjalnego: Klub Integracji Społecznej" in text
    assert "bez nowej osoby prawnej" in text  # the reason the team's analysis gives
    assert "wybór podmiotu:" not in text and "etap MLW" not in text


def test_a_resolution_older_than_the_pact_dates_the_minutes_it_approves_in_words(
    demo: tuple[Registry, UUID],
) -> None:
    text = resolution_words(demo, "2/2026")
    assert "Paktu" not in text
    assert "protokół nr 1/2026 z dnia 5 lutego 2026 r. §" in text
    assert "Protokół nr 1/2026 z posiedzenia Zespołu w dniu 5 lutego 2026 r." in text
    assert "2026-02-05" not in text


def test_a_resolution_taking_note_of_the_register_entry_names_the_voivode_as_he_signs(
    demo: tuple[Registry, UUID],
) -> None:
    text = resolution_words(demo, "11/2026")
    assert "w sprawie przyjęcia informacji o wpisie Klubu Integracji Społecznej" in text
    assert "Wpis podmiotu do rejestru nastąpił w dniu 15 października 2026 r.: " in text
    assert "Wojewoda Świętokrzyski, rejestr KIS" in text
    assert "województwo" not in text and "))" not in text


def test_an_english_resolution_says_its_basis_reasons_and_stock_clauses_in_english(
    demo: tuple[Registry, UUID],
) -> None:
    text = resolution_words(demo, "6/2026", "en")
    assert "Resolution No. 6/2026 of the Local Synergy Team" in text
    assert "Under the act of 22 January 2026 which appointed the Local Synergy Team" in text
    assert "chose as the social employment entity: Social Integration Club" in text
    assert "§ 2. The chair of the Team is charged with carrying out this resolution." in text
    assert "Vote" in text and "for 8, against 1" in text
    assert "Na podstawie" not in text and "Uzasadnienie" not in text and "))" not in text
    assert "powierza się" not in text and "wchodzi w życie" not in text


@FORMATS
def test_the_catalogue_is_grouped_by_sector(texts: dict[tuple[str, str], str], fmt: str) -> None:
    text = texts["catalogue", fmt]
    sectors = ["Władza publiczna", "Organizacje pozarządowe", "Finanse i bankowość"]
    positions = [text.index(s) for s in sectors]
    assert positions == sorted(positions)
    assert "Halina Wierzbicka" in text


@FORMATS
def test_every_document_names_the_gmina_and_the_point_it_stands_at(
    texts: dict[tuple[str, str], str], fmt: str
) -> None:
    for kind in DOCUMENTS:
        text = texts[kind, fmt]
        assert "Zielony Jar (gmina demonstracyjna) (TERC 2640013)" in text
        assert "SHA-256" in text


def test_pdf_pages_are_numbered_and_polish_letters_come_back(
    texts: dict[tuple[str, str], str],
) -> None:
    pact = texts["pact", "pdf"]
    assert "Strona 1 z" in pact and "Strona 2 z" in pact
    letters = " ".join(texts[k, "pdf"] for k in DOCUMENTS)
    for letter in "ąęłńóśźżŁŚ":
        assert letter in letters, letter


def test_the_same_point_gives_the_same_digest_and_the_same_files_dated_that_point(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    first = build_document(app, "pact", gmina, as_of="2026-03-12")
    again = build_document(app, "pact", gmina, as_of=date(2026, 3, 12))
    later = build_document(app, "pact", gmina, as_of="2026-11-01")
    assert first.digest == again.digest != later.digest
    for fmt in ("pdf", "docx"):
        assert render(first, fmt).content == render(again, fmt).content, fmt
    pdf = PdfReader(io.BytesIO(render(first, "pdf").content))
    assert pdf.metadata is not None and pdf.metadata["/CreationDate"].startswith("D:20260312")
    with zipfile.ZipFile(io.BytesIO(render(first, "docx").content)) as package:
        assert {entry.date_time for entry in package.infolist()} == {(2026, 3, 12, 0, 0, 0)}


def test_the_pact_as_signed_leaves_out_who_joined_later(demo: tuple[Registry, UUID]) -> None:
    app, gmina = demo
    signed = build_document(app, "pact", gmina, as_of="signed").document
    assert signed.provenance.as_of == date(2026, 3, 12)
    assert all(p.joined_on <= date(2026, 3, 12) for p in signed.parties)


@pytest.mark.parametrize("kind", list(DOCUMENTS))
def test_the_public_variant_names_no_natural_person(demo: tuple[Registry, UUID], kind: str) -> None:
    app, gmina = demo
    subject, as_of = DOCUMENTS[kind]
    full = build_document(app, kind, gmina, subject=subject, as_of=as_of)
    public = build_document(app, kind, gmina, subject=subject, as_of=as_of, public=True)
    full_html = render(full, "html").content.decode()
    public_html = render(public, "html").content.decode()
    names = {"Halina Wierzbicka", "Ewa Grabowiecka", "Renata Bielecka", "Piotr Sadowski"}
    assert any(n in full_html for n in names)
    for name in names:
        assert name not in public_html
        for part in name.split():
            assert part not in public_html
    assert "osoba fizyczna" in public_html
    assert public.digest != full.digest


def test_the_english_version_writes_english_dates_and_headings(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    built = build_document(app, "minutes", gmina, subject="zsl 2/2026", as_of="approved", lang="en")
    text = text_of(render(built, "pdf").content, "pdf")
    assert "5 March 2026" in text and "Page 1 of" in text and "Agenda" in text


def test_an_issued_document_is_recorded_and_a_copy_can_be_checked(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    built = build_document(app, "resolution", gmina, subject="6/2026")
    p = built.provenance
    app.issue_document(
        gmina,
        kind="resolution",
        digest=built.digest,
        title="Uchwała nr 6/2026",
        as_of=p.as_of,
        subject=p.subject,
        built_from="; ".join(p.built_from),
        format="pdf",
        recorded_by="facylitatorka",
    )
    app.issue_document(
        gmina,
        kind="resolution",
        digest=built.digest,
        title="Uchwała nr 6/2026",
        as_of=p.as_of,
        format="docx",
        recorded_by="sekretariat",
    )
    copy = render(built, "pdf").content
    found = app.verify_document(digest_in(copy) or "")
    assert (found.kind, found.subject, found.as_of) == ("resolution", "6/2026", p.as_of)
    assert [(c.format, c.issued_by) for c in found.copies] == [
        ("pdf", "facylitatorka"),
        ("docx", "sekretariat"),
    ]
    with pytest.raises(NotFoundError):
        app.verify_document("0" * 64)
