"""Names recorded before control characters were refused still make readable files."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from api.cli.refs import resolve_stakeholder
from projections.collaboration import CollaborationView
from projections.exports import export
from projections.read_models import ReadModels
from tests.e2e.office import API, demo_office

NAME = "Klub\x1b[31m Seniora\x00 w Jarkach"


def test_a_catalogue_name_with_esc_and_nul_from_an_earlier_version_still_prints(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for office in demo_office():
        with monkeypatch.context() as earlier_version:  # which recorded whatever was typed
            earlier_version.setattr("registry.base.check_pending", lambda aggregates: None)
            sid = office.registry.add_stakeholder(
                office.gmina_id, name=NAME, subtype="ngo", recorded_by="ala"
            )
        office.registry.declare_cooperation(
            office.gmina_id,
            sid,
            resolve_stakeholder(
                office.registry, "Miejsko-Gminny Ośrodek Pomocy Społecznej w Zielonym Jarze"
            ),
            subject="Zajęcia dla seniorów",
            form="lasting",
            recorded_by="ala",
        )
        docx = office.client.get(API + "/documents/catalogue", params={"format": "docx"})
        assert docx.status_code == 200
        with ReadModels(office.registry) as models:
            snapshot = CollaborationView(models).snapshot(office.gmina_id, date.today())
        for fmt in ("graphml", "gexf"):
            root = ET.fromstring(export(snapshot, fmt))  # parses: no NUL, no ESC
            assert "Klub[31m Seniora w Jarkach" in ET.tostring(root, encoding="unicode")
