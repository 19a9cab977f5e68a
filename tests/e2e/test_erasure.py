"""A citizen leader asks to be erased: one person in every role, and afterwards nothing
the registry serves, renders, exports or keeps on disk names her.

Bożena Przybyszewska is in the catalogue, represents the school in the pact, chairs the
March sitting, takes its minutes, and attends it twice over (for herself and the school).
"""

from __future__ import annotations

import base64
import io
import json
import re
import zipfile
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader

from api.app import create_app
from projections.exports import FORMATS, export
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from tests.e2e.test_access import fill, routes_of
from tests.e2e.web import bearer, log_in
from tests.integration.zielony_jar import BY, on, zielony_jar

NAME = "Bożena Przybyszewska"
MARCH = date(2026, 3, 10)
PASSWORD = "dlugie-haslo-ali-2026"


def spellings(text: str) -> list[bytes]:
    """How a name can sit in a file: UTF-8, JSON-escaped, UTF-16, and its ASCII surname."""
    return [
        text.encode(),
        json.dumps(text)[1:-1].encode(),
        text.encode("utf-16-le"),
        b"Przybyszewsk",
    ]


def her_gmina(reg: Registry) -> dict[str, Any]:
    g = zielony_jar(reg)
    leader = reg.add_stakeholder(
        g.id,
        name=NAME,
        contact="bozena@example.org",
        subtype="social_leader",
        kind="person",
        recorded_by=BY,
        effective_on=date(2025, 10, 2),
    )
    reg.join_pact(g.id, leader, recorded_by=BY, effective_on=date(2026, 1, 6))
    reg.change_representative(
        g.id, g.school, representative="bożena  PRZYBYSZEWSKA", recorded_by=BY, effective_on=MARCH
    )
    (her,) = [p for p in reg.people_of(g.id) if p.name == NAME]
    sitting = reg.schedule_meeting(
        g.id,
        kind="team",
        on=MARCH,
        at=time(17),
        place="GOPS",
        agenda=["Otwarcie", "Pakt"],
        **on(date(2026, 2, 20)),
    )
    reg.hold_meeting(
        sitting,
        started_at=time(17),
        chair=NAME,
        chair_function="przewodnicząca",
        minute_taker=str(her.person_id),
        recorded_by=BY,
    )
    reg.record_attendance(sitting, leader, recorded_by=BY)
    reg.record_attendance(sitting, g.school, recorded_by=BY)
    reg.record_attendance(sitting, g.gops, representative="Anna Nowak", recorded_by=BY)
    reg.summarise_item(sitting, 1, "Posiedzenie otwarto.", recorded_by=BY)
    reg.open_account(
        "ala",
        password=PASSWORD,
        role="facilitator",
        gmina_ids=[g.id],
        recorded_by="admin",
    )
    return {"gmina": g, "leader": leader, "sitting": sitting, "person": her.person_id}


@pytest.fixture
def world(tmp_path: Path) -> Iterator[tuple[TestClient, Registry, dict[str, Any]]]:
    # Snapshots every other fact: the pact's snapshots hold her sealed as well.
    settings = Settings(store="sqlite", sqlite_path=tmp_path / "mlw.sqlite", snapshot_interval=2)
    reg = with_reads(Registry(settings))
    made = her_gmina(reg)
    with TestClient(create_app(registry=reg), follow_redirects=False) as client:
        yield client, reg, made
    reg.close()


def ids_of(made: dict[str, Any]) -> dict[str, str]:
    g = made["gmina"]
    return {
        "ref": "2640013",
        "gid": str(g.id),
        "sid": str(made["leader"]),
        "mid": str(made["sitting"]),
        "pid": str(made["person"]),
        "rid": str(made["sitting"]),
        "cid": str(made["sitting"]),
        "aid": str(made["sitting"]),
        "eid": str(made["sitting"]),
        "item": "1",
        "kind": "pact",
        "digest": made.get("digest", "0" * 64),
    }


def text_of(body: bytes, content_type: str) -> str:
    """What a reader of the answer sees, whatever its format."""
    if "pdf" in content_type:
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    if "officedocument" in content_type:
        with zipfile.ZipFile(io.BytesIO(body)) as docx:
            return "\n".join(docx.read(n).decode() for n in docx.namelist() if n.endswith(".xml"))
    return body.decode(errors="replace")


def everything_served(client: TestClient, reg: Registry, made: dict[str, Any]) -> dict[str, str]:
    """Every read path: each GET route (API and pages), each document in every format
    and variant, each export, the timeline and the person list."""
    api = bearer(client, "ala", PASSWORD)
    log_in(client, "ala", PASSWORD)
    ids = ids_of(made)
    seen: dict[str, str] = {}
    for method, path in routes_of(client.app):  # type: ignore[arg-type]
        if method != "GET" or path.startswith(("/static", "/docs", "/redoc", "/login")):
            continue
        kinds = ["pact", "minutes", "attendance", "resolution", "catalogue"]
        for kind in kinds if "{kind}" in path else ["pact"]:
            url = fill(path, {**ids, "kind": kind, "username": "ala"})
            for params in document_params(path, kind, made):
                answer = client.get(url, headers=api, params=params)
                assert answer.status_code < 500, (url, params, answer.text)
                seen[f"{url} {params}"] = text_of(
                    answer.content, answer.headers.get("content-type", "")
                )
    views = client.app.state.views  # type: ignore[attr-defined]
    for fmt in FORMATS:
        seen[f"export {fmt}"] = views.read(lambda v, f=fmt: export(v.snapshot(made["gmina"].id), f))
    seen["pact"] = repr(reg.get_pact(made["gmina"].id))
    seen["meeting"] = repr(reg.get_meeting(made["sitting"]))
    seen["catalogue"] = repr(reg.catalogue(made["gmina"].id, include_archived=True))
    seen["history"] = repr(reg.history(made["sitting"]))
    return seen


def document_params(path: str, kind: str, made: dict[str, Any]) -> list[dict[str, str]]:
    if "/documents/" not in path and "/dokumenty/" not in path:
        return [{}]
    subject = {"minutes": "zsl 1/2026", "attendance": "zsl 1/2026"}.get(kind, "")
    return [
        {"format": fmt, "public": public, "subject": subject, "as-of": "2026-03-10"}
        for fmt in ("html", "pdf", "docx")
        for public in ("false", "true")
    ]


def test_one_human_in_every_role_is_one_person_of_the_gmina(world: Any) -> None:
    _, reg, made = world
    named = [p for p in reg.people_of(made["gmina"].id) if p.name == NAME]
    assert len(named) == 1
    assert {r.role for r in named[0].roles} >= {
        "catalogue",
        "pact representative",
        "chair",
        "minute-taker",
        "attendance",
    }


def test_the_api_lists_the_gminas_people_with_their_roles(world: Any) -> None:
    client, _, made = world
    people = client.get("/api/gminas/2640013/persons", headers=bearer(client, "ala", PASSWORD))
    assert people.status_code == 200
    (her,) = [p for p in people.json() if p["name"] == NAME]
    assert her["person_id"] == str(made["person"])
    assert {"chair", "minute-taker", "attendance", "catalogue"} <= {r["role"] for r in her["roles"]}


def test_after_erasure_nothing_the_registry_serves_or_keeps_names_her(
    world: Any, tmp_path: Path
) -> None:
    client, reg, made = world
    key = reg.vault.keys.get(made["person"])
    assert key is not None
    issued = client.post(
        "/api/gminas/2640013/documents/minutes/issue",
        headers=bearer(client, "ala", PASSWORD),
        params={"subject": "zsl 1/2026", "format": "html"},
    )
    assert issued.status_code == 200 and NAME in issued.text
    made["digest"] = issued.headers["X-MLW-Digest"]
    before = everything_served(client, reg, made)
    # The battery reaches her: served while she is there (the test could fail).
    assert any(NAME in text for text in before.values())
    assert sum(NAME in text for text in before.values()) > 20

    erased = client.delete(
        f"/api/gminas/2640013/persons/{made['person']}", headers=bearer(client, "ala", PASSWORD)
    )
    assert erased.status_code == 200, erased.text
    assert {"chair", "minute-taker", "attendance", "catalogue", "pact representative"} <= {
        r["role"] for r in erased.json()["roles"]
    }

    after = everything_served(client, reg, made)
    check = client.get(f"/api/documents/{made['digest']}", headers=bearer(client, "ala", PASSWORD))
    assert check.status_code == 200  # the issued copy's record is still there, without her
    assert set(after) == set(before)
    leaks = [where for where, text in after.items() if NAME in text or "Przybyszewsk" in text]
    assert leaks == []
    assert [p.name for p in reg.people_of(made["gmina"].id) if p.person_id == made["person"]] == [
        "[dane usunięte]"
    ]

    assert reg.snapshots is not None
    assert list(reg.snapshots.get(reg.get_pact(made["gmina"].id).id))  # snapshots were read too
    secrets = [*spellings(NAME), key, base64.b64encode(key)]
    files = sorted(tmp_path.glob("mlw.sqlite*"))
    assert len(files) >= 4  # the events and their log, and the read models
    for file in files:
        raw = file.read_bytes()
        assert not [s for s in secrets if s in raw], file.name
    wal = tmp_path / "mlw.sqlite-wal"
    assert not wal.exists() or key not in wal.read_bytes()


def test_free_text_that_names_an_erased_person_is_listed_and_left_out_of_public_documents(
    world: Any,
) -> None:
    client, reg, made = world
    summary = f"Posiedzenie otworzyła {NAME}, przedstawiając plan pracy."
    reg.summarise_item(made["sitting"], 2, summary, recorded_by=BY)
    api = bearer(client, "ala", PASSWORD)
    minutes = "/api/gminas/2640013/documents/minutes"
    params = {"subject": "zsl 1/2026", "format": "html", "public": "true"}
    # Before erasure the public minutes already print a label for her, in the summary too.
    public = client.get(minutes, headers=api, params=params)
    assert "Przybyszewsk" not in public.text and "przedstawiając plan pracy" in public.text
    erased = client.delete(f"/api/gminas/2640013/persons/{made['person']}", headers=api)
    assert erased.status_code == 200
    (mention,) = erased.json()["mentions"]
    assert mention["record_id"] == str(made["sitting"])
    assert mention["fact"] == "Meeting.ItemSummarised" and mention["field"] == "summary"
    public = client.get(minutes, headers=api, params=params)
    assert public.status_code == 200
    assert "Przybyszewsk" not in public.text
    assert "przedstawiając plan pracy" not in public.text
    # The full minutes still carry the text until the facilitator records a correction.
    full = client.get(minutes, headers=api, params={**params, "public": "false"})
    assert "przedstawiając plan pracy" in full.text

    correction = "Posiedzenie otworzyła przewodnicząca, przedstawiając plan pracy."
    recorded = client.post(
        "/api/gminas/2640013/redactions",
        headers=api,
        json={
            "record_id": mention["record_id"],
            "version": mention["version"],
            "field": mention["field"],
            "replacement": correction,
            "reason": "RODO: osoba usunięta na swój wniosek",
        },
    )
    assert recorded.status_code == 201, recorded.text
    mid = made["sitting"]
    log_in(client, "ala", PASSWORD)
    reads = {
        "full minutes": client.get(minutes, headers=api, params={**params, "public": "false"}),
        "public minutes": client.get(minutes, headers=api, params=params),
        "meeting": client.get(f"/api/gminas/2640013/meetings/{mid}", headers=api),
        "page": client.get(f"/gminy/2640013/spotkania/{mid}", headers=api),
        "timeline": client.get("/api/gminas/2640013/timeline", headers=api),
        "network": client.get("/api/gminas/2640013/network", headers=api),
        "risks": client.get("/api/gminas/2640013/risks", headers=api),
    }
    for where, answer in reads.items():
        assert answer.status_code == 200, where
        assert "Przybyszewsk" not in answer.text, where
    assert correction in reads["full minutes"].text and correction in reads["meeting"].text
    assert correction in reads["timeline"].text
    history = repr(reg.history(mid))
    assert correction in history and "Przybyszewsk" not in history


def test_a_correction_names_a_text_that_exists_and_says_why(world: Any) -> None:
    client, reg, made = world
    api = bearer(client, "ala", PASSWORD)
    before = reg.recorder.max_notification_id()
    asks = [
        ({"version": 999, "field": "summary", "reason": "RODO"}, "version"),
        ({"version": 2, "field": "nothing", "reason": "RODO"}, "field"),
        ({"version": 1, "field": "place", "reason": " "}, "reason"),
    ]
    for ask, field in asks:
        body = {"record_id": str(made["sitting"]), "replacement": "Sala", **ask}
        answer = client.post("/api/gminas/2640013/redactions", headers=api, json=body)
        assert answer.status_code == 422, answer.text
        assert answer.json()["field"] == field
    other = {"record_id": str(made["gmina"].gops), "version": 1, "field": "name"}
    stranger = client.post(
        "/api/gminas/2602011/redactions",
        headers=api,
        json={**other, "replacement": "X", "reason": "RODO"},
    )
    assert stranger.status_code in (403, 404)
    assert reg.recorder.max_notification_id() == before


def test_a_person_of_another_gmina_cannot_be_chosen_by_id(world: Any) -> None:
    _, reg, made = world
    other = reg.register_gmina(
        "2602011", "Inna Gmina", "p", recorded_by=BY, effective_on=date(2025, 9, 1)
    )
    from domain.errors import InvalidInputError

    before = reg.recorder.max_notification_id()
    with pytest.raises(InvalidInputError, match="not a person of this gmina"):
        reg.add_stakeholder(
            other,
            name=str(made["person"]),
            subtype="social_leader",
            kind="person",
            recorded_by=BY,
            effective_on=date(2025, 10, 2),
        )
    assert reg.recorder.max_notification_id() == before
    assert re.fullmatch(r"[0-9a-f-]{36}", str(UUID(str(made["person"]))))
