"""A gmina secretary reads the pact the registry drafts, as she would before signing it."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

import domain.pact
from domain.errors import NotFoundError
from domain.values import DEFAULT_THESES, PARAPHRASED_THESES
from projections.documents.build import build_document
from projections.documents.issue import issue
from projections.documents.render import render
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.integration.test_documents import text_of

DAY = date(2026, 1, 15)


def pact_text(app: Registry, gmina: UUID, lang: str = "pl", as_of: str = "signed") -> str:
    built = build_document(app, "pact", gmina, as_of=as_of, lang=lang)
    return text_of(render(built, "html").content, "html")


def test_thesis_one_is_solidarity_in_counteracting_exclusion_as_the_model_words_it(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    theses = build_document(app, "pact", gmina, as_of="signed").document.theses
    assert len(theses) == 5
    assert "zasadą solidaryzmu w przeciwdziałaniu wykluczeniu społecznemu" in theses[0]
    assert not any("solidarnością wobec wykluczenia" in t for t in theses)


def test_the_english_pact_quotes_the_theses_in_english(demo: tuple[Registry, UUID]) -> None:
    app, gmina = demo
    text = pact_text(app, gmina, lang="en")
    assert "Pact for the Local Cooperation Model" in text
    assert "solidarity in counteracting social exclusion" in text
    assert "partnerstwo" not in text and "Pakt sporządzono" not in text


def test_the_gmina_is_a_party_by_its_legal_name_with_its_mayor_not_its_office(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    parties = build_document(app, "pact", gmina, as_of="signed").document.parties
    names = [p.name for p in parties]
    assert "Gmina Zielony Jar" in names
    assert not any(name.startswith("Urząd Miasta i Gminy") for name in names)
    mayor = parties[names.index("Gmina Zielony Jar")]
    assert mayor.representative == "Tomasz Wilczek, Burmistrz Miasta i Gminy"


def test_the_office_is_named_the_administrator_of_personal_data_and_copies_are_counted(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    built = build_document(app, "pact", gmina, as_of="signed")
    text = text_of(render(built, "html").content, "html")
    assert "Administratorem danych osobowych" in text
    assert "jest Urząd Miasta i Gminy Zielony Jar (demo), Zielony Jar, Rynek 1." in text
    copies = len(built.document.parties)
    assert f"Pakt sporządzono w {copies} jednobrzmiących egzemplarzach" in text


def test_the_footer_speaks_of_the_pacts_version_not_of_internal_keys(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    built = build_document(app, "pact", gmina, as_of="signed")
    text = pact_text(app, gmina)
    assert f"tekst Paktu w wersji nr {built.document.version} rejestru" in text
    internal_key = built.provenance.built_from[1]  # "pakt a617b6fd v39"
    assert internal_key.startswith("pakt ") and internal_key not in text


@pytest.mark.parametrize(("lang", "word"), [("pl", "PROJEKT"), ("en", "DRAFT")])
def test_a_pact_before_signing_is_a_draft_and_is_never_recorded_as_issued(
    demo: tuple[Registry, UUID], lang: str, word: str
) -> None:
    app, gmina = demo
    built = build_document(app, "pact", gmina, as_of="2026-02-01", lang=lang)
    assert built.document.draft
    assert word in text_of(render(built, "html").content, "html")
    assert issue(app, built, "pdf", "sekretariat") is None
    with pytest.raises(NotFoundError):
        app.verify_document(built.digest)


def test_the_signed_pact_is_not_a_draft(demo: tuple[Registry, UUID]) -> None:
    app, gmina = demo
    built = build_document(app, "pact", gmina, as_of="signed")
    assert not built.document.draft
    assert "PROJEKT" not in text_of(render(built, "html").content, "html")


def test_a_pact_drafted_with_the_registrys_old_paraphrase_reads_as_the_model_words_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(domain.pact, "DEFAULT_THESES", tuple(PARAPHRASED_THESES))
    app = with_reads(Registry(Settings(store="memory")))
    try:
        gmina = app.register_gmina(
            "2640023", "Kamienny Bród", "zielonojarski", recorded_by="t", effective_on=DAY
        )
        app.open_partnership(gmina, reason="prezentacja MLW", recorded_by="t", effective_on=DAY)
        assert app.get_pact(gmina).theses == list(DEFAULT_THESES)
    finally:
        app.close()


def test_the_english_pact_gives_the_teams_functions_in_english(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    team = build_document(app, "pact", gmina, as_of="signed", lang="en").document.team
    assert any(member.endswith(" – chair") for member in team)
    assert not any("przewodniczą" in member or "członek" in member for member in team)


def test_the_gminas_own_commitment_is_the_gminas_as_in_the_list_of_parties(
    demo: tuple[Registry, UUID],
) -> None:
    app, gmina = demo
    commitments = build_document(app, "pact", gmina, as_of="signed").document.commitments
    assert "Gmina Zielony Jar" in [c.party for c in commitments]
    assert not any(c.party.startswith("Urząd Miasta i Gminy") for c in commitments)
