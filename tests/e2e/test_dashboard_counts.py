"""Today's dashboard counts what the catalogue and the pact show, as every other day's does.

A facilitator of Zielony Jar archives a stakeholder who moved away and records that a
signatory left the pact; the dashboard of today, counted straight from the read models'
rows, agrees with the catalogue and the pact the facilitator reads next, and with the
dashboard read as of a later date.
"""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from api.app import create_app
from projections.read_side import with_reads
from registry.application import Registry
from registry.demo import load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings
from tests.e2e.web import bearer

BY = "ala"


def test_todays_dashboard_counts_what_the_catalogue_and_the_pact_show() -> None:
    registry = with_reads(Registry(Settings(store="memory")))
    gid = load_demo(registry)
    load_demo_meetings(registry, gid)
    registry.open_account(
        "ala", password="tajne-haslo-1", role="facilitator", gmina_ids=[gid], recorded_by="admin"
    )
    signatory = registry.get_pact(gid).signatories[0].stakeholder_id
    registry.leave_pact(gid, signatory, reason="Koniec współpracy", recorded_by=BY)
    outsider = next(
        s.id
        for s in registry.catalogue(gid)
        if s.id not in {p.stakeholder_id for p in registry.get_pact(gid).parties}
    )
    registry.archive_stakeholder(outsider, reason="Przeniesiony do innej gminy", recorded_by=BY)
    with TestClient(create_app(registry=registry)) as client:
        client.headers.update(bearer(client, "ala", "tajne-haslo-1"))
        today = client.get("/api/gminas/2640013/dashboard").json()
        later = client.get(
            "/api/gminas/2640013/dashboard", params={"as_of": date(2027, 1, 1).isoformat()}
        ).json()
    pact = registry.get_pact(gid)
    assert today["counts"]["stakeholders"] == len(registry.catalogue(gid))
    assert today["counts"]["signatories"] == len(pact.signatories)
    assert today["counts"]["commitments"] == len(pact.commitments)
    assert today["counts"] == later["counts"]
