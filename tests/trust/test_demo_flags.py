"""The demo gmina is a good partnership: its open flags are few, and each is honest."""

from __future__ import annotations

from datetime import date

from projections.collaboration import CollaborationView
from projections.read_models import ReadModels
from projections.read_side import with_reads
from projections.risks import FLAG
from registry.application import Registry
from registry.demo import load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings


def test_the_demo_shows_one_honest_warning_about_who_proposes_the_resolutions() -> None:
    app = with_reads(Registry(Settings(store="memory")))
    gmina = load_demo(app)
    load_demo_meetings(app, gmina)
    with ReadModels(app) as models:
        flags = CollaborationView(models).risks(gmina, date(2026, 12, 1))
    app.close()
    open_flags = [f for f in flags if f.severity == FLAG]
    assert [(f.rule, [s.name for s in f.stakeholders]) for f in open_flags] == [
        (
            "dominance.decision_share",
            ["Miejsko-Gminny Ośrodek Pomocy Społecznej w Zielonym Jarze"],
        )
    ]
    [share] = open_flags
    assert share.counts == {"proposed": 8, "adopted": 11, "members": 9}
    assert "koordynuje partnerstwo (OPS)" in share.sentence_pl
