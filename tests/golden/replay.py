"""The demo gmina's year as once stored, replayed by today's code.

``demo-events.json`` holds the stored events exactly as the registry wrote them (topics and
JSON states) and the demo persons' keys. It is written once and never regenerated: a change
to an event's shape must keep these histories readable (``class_version`` and upcasters).
What today's code makes of them is compared with ``expected.json``; when an output changes
on purpose (a document's layout, a new field in a view), regenerate that file with
``python -m tests.golden.replay --update`` and read the difference before committing it.
"""

from __future__ import annotations

import base64
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from projections.documents.build import build_document
from projections.read_models import ReadModels
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings
from registry.views import plain

HERE = Path(__file__).parent
LOG = HERE / "demo-events.json"
EXPECTED = HERE / "expected.json"

DOCUMENTS = {
    "pact": ("", "signed"),
    "minutes": ("zsl 2/2026", "approved"),
    "attendance": ("zsl 4/2026", None),
    "resolution": ("6/2026", None),
    "catalogue": ("", "2026-03-12"),
}
AS_OF = (date(2026, 1, 1), date(2026, 4, 30), date(2026, 10, 1))


def load_log(app: Registry, path: Path = LOG) -> UUID:
    """Write the stored events and persons' keys into an empty store; the gmina's id."""
    log = json.loads(path.read_text(encoding="utf-8"))
    for person, key in log["person_keys"].items():
        app.vault.keys.create(UUID(person), base64.b64decode(key))
    events = [
        StoredEvent(
            originator_id=UUID(e["originator_id"]),
            originator_version=e["originator_version"],
            topic=e["topic"],
            state=json.dumps(e["state"], separators=(",", ":")).encode("utf-8"),
        )
        for e in log["events"]
    ]
    app.recorder.insert_events(events)
    return UUID(log["gmina"])


def observe(app: Registry, gmina: UUID) -> dict[str, Any]:
    """What the registry shows of the gmina: its records, read models and documents."""
    seen: dict[str, Any] = {
        "gmina": app.get_gmina(gmina),
        "catalogue": app.catalogue(gmina, include_archived=True),
        "pact": app.get_pact(gmina),
        "team": app.get_team(gmina),
        "meetings": [app.get_meeting(m.id) for m in app.list_meetings(gmina)],
        "resolutions": app.list_resolutions(gmina),
        "entities": app.list_entities(gmina),
    }
    for day in AS_OF:
        seen[f"pact as of {day}"] = app.get_pact(gmina, as_of=day)
        seen[f"catalogue as of {day}"] = app.catalogue(gmina, as_of=day, include_archived=True)
    with ReadModels(app) as models:
        models.catch_up()
        for name, view in models.views.items():
            rows = {kind: view.rows(kind, str(gmina)) for kind in KINDS.get(name, ())}
            seen[f"read model {name}"] = rows
    seen["documents"] = {
        kind: build_document(app, kind, gmina, subject=subject, as_of=as_of).digest
        for kind, (subject, as_of) in DOCUMENTS.items()
    }
    return json.loads(json.dumps(plain(seen), sort_keys=True, default=str))


KINDS = {
    "catalogue": ("stakeholder", "party", "commitment"),
    "meetings": ("team", "seat", "meeting", "resolution"),
    "timeline": ("fact",),
}


def replayed() -> dict[str, Any]:
    """What the log shows, asked of the read models that answer the registry's queries."""
    app = with_reads(Registry(Settings(store="memory")))
    try:
        return observe(app, load_log(app))
    finally:
        app.close()


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        EXPECTED.write_text(
            json.dumps(replayed(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
            encoding="utf-8",
        )
    else:
        print(__doc__)
