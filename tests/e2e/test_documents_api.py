"""The documents over HTTP: a preview, an issued copy, and checking it by its digest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from projections.read_side import with_reads
from registry.application import Registry
from registry.demo import load_demo
from registry.settings import Settings
from tests.e2e.web import bearer


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    registry = with_reads(Registry(Settings(store="memory")))
    gmina = load_demo(registry)
    registry.open_account(
        "sekretariat",
        password="tajne-haslo-1",
        role="facilitator",
        gmina_ids=[gmina],
        recorded_by="t",
    )
    with TestClient(create_app(registry=registry)) as c:
        c.headers.update(bearer(c, "sekretariat", "tajne-haslo-1"))
        yield c
    registry.close()


def test_a_facilitator_downloads_the_pact_as_signed_as_a_pdf(client: TestClient) -> None:
    r = client.get(
        "/api/gminas/2640013/documents/pact", params={"as-of": "signed", "format": "pdf"}
    )
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/pdf"
    assert r.content.startswith(b"%PDF")
    assert r.headers["x-mlw-as-of"] == "2026-03-12"


def test_an_issued_copy_is_found_again_by_its_digest(client: TestClient) -> None:
    r = client.post(
        "/api/gminas/2640013/documents/catalogue/issue",
        params={"format": "docx", "public": "true"},
    )
    assert r.status_code == 200
    digest = r.headers["x-mlw-digest"]
    found = client.get(f"/api/documents/{digest}").json()
    assert (found["kind"], found["variant"]) == ("catalogue", "public")
    assert found["copies"][0]["issued_by"] == "sekretariat"
    assert client.get(f"/api/documents/{'0' * 64}").status_code == 404


def test_a_copy_sent_back_is_checked_and_a_changed_one_is_found_out(client: TestClient) -> None:
    issued = client.post(
        "/api/gminas/2640013/documents/catalogue/issue",
        params={"as-of": "2026-03-01", "format": "html"},
    )
    assert issued.status_code == 200, issued.text

    genuine = client.post("/api/documents/verify", content=issued.content)
    assert genuine.status_code == 200, genuine.text
    assert genuine.json()["genuine"] is True

    changed = issued.content.replace(b"Zielony Jar", b"Czerwony Jar", 1)
    found_out = client.post("/api/documents/verify", content=changed).json()
    assert found_out["genuine"] is False
    assert any("Czerwony Jar" in d for d in found_out["differences"])


def test_a_changed_copy_of_another_gminas_document_is_found_out_without_quoting_it(
    client: TestClient,
) -> None:
    issued = client.post(
        "/api/gminas/2640013/documents/catalogue/issue",
        params={"as-of": "2026-03-02", "format": "html"},
    )
    changed = issued.content.replace(b"Zielony Jar", b"Czerwony Jar", 1)
    registry = client.app.state.registry  # type: ignore[attr-defined]
    registry.open_account(
        "obca",
        password="tajne-haslo-obcej",
        role="coordinator",
        voivodeship="mazowieckie",
        recorded_by="t",
    )
    other = bearer(client, "obca", "tajne-haslo-obcej")

    found_out = client.post("/api/documents/verify", content=changed, headers=other).json()

    assert found_out["genuine"] is False
    said = "\n".join(found_out["differences"])
    assert "Czerwony Jar" not in said and "shown only to accounts that may read" in said
