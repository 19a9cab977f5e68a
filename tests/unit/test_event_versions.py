"""Facts and snapshots stored in their first shapes still read as today's."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

from eventsourcing.domain import Snapshot
from eventsourcing.persistence import StoredEvent

from domain.account import AccountRoll
from domain.calendar import MeetingCalendar
from domain.directory import GminaDirectory
from domain.document import DocumentContent, DocumentKind, DocumentVariant, IssuedDocument
from domain.redaction import Redactions
from domain.stakeholder import Stakeholder, StakeholderChanges, StakeholderDetails
from domain.values import Identifiers
from registry.transcodings import domain_mapper
from tests.unit.test_stakeholder import ON, school


def as_version_1(event: Any, **state: Any) -> StoredEvent:
    """The event as the first version stored it: no class_version, the state as given."""
    written = domain_mapper().to_stored_event(event)
    body = json.loads(written.state) | state
    del body["class_version"]
    return StoredEvent(
        written.originator_id, written.originator_version, written.topic, json.dumps(body).encode()
    )


def test_an_edit_stored_as_a_dict_of_changes_reads_as_typed_changes_and_applies() -> None:
    s = school()
    s.edit({"area": "edukacja i sport"}, ON, "ala")
    edited = s.collect_events()[-1]
    assert json.loads(domain_mapper().to_stored_event(edited).state)["class_version"] == 2
    old = as_version_1(edited, changes={"area": "edukacja i sport", "seat": "Jar"})

    read = domain_mapper().to_domain_event(old)

    assert isinstance(read, Stakeholder.Edited)
    assert read.changes == StakeholderChanges(area="edukacja i sport", seat="Jar")
    again = school()
    read.apply(again)
    assert (again.details.area, again.details.seat) == ("edukacja i sport", "Jar")
    assert again.name == "Szkoła Podstawowa w Jarze"


def test_a_snapshot_of_the_first_shape_reads_with_the_details_as_one_value() -> None:
    s = school()
    state = {k: v for k, v in vars(s).items() if k not in ("_id", "_version", "_pending_events")}
    details = state.pop("details")
    state |= {f: getattr(details, f) for f in vars(details)}  # version 1 kept them loose
    old = Snapshot(
        originator_id=s.id,
        originator_version=s.version,
        timestamp=datetime.now(UTC),
        topic="domain.stakeholder:Stakeholder",
        state=state,
    )
    read = domain_mapper().to_domain_event(domain_mapper().to_stored_event(old))

    restored = read.mutate(None)

    assert isinstance(restored, Stakeholder)
    assert restored.details == StakeholderDetails(
        "Szkoła Podstawowa w Jarze",
        "jednostka budżetowa",
        Identifiers(),
        "Zielony Jar",
        "edukacja",
        ["sala gimnastyczna"],
        "sekretariat",
    )
    assert Snapshot.take(restored).state["class_version"] == 2


def test_a_document_issued_in_the_first_shape_reads_with_its_content_as_one_value() -> None:
    digest = "ab" * 32
    stored = {
        "digest": digest,
        "kind": {"_type_": "DocumentKind", "_data_": "pact"},
        "gmina_id": {"_type_": "uuid_hex", "_data_": "5814dbcf88a24bfc9af5f55ed2e712de"},
        "title": "Pakt na rzecz MLW",
        "as_of": {"_type_": "date_iso", "_data_": "2026-03-12"},
        "subject": "",
        "variant": {"_type_": "DocumentVariant", "_data_": "full"},
        "lang": "pl",
        "built_from": "pakt v34",
        "format": "pdf",
        "effective_on": {"_type_": "date_iso", "_data_": "2026-03-20"},
        "recorded_by": "ala",
        "originator_topic": "domain.document:IssuedDocument",
        "timestamp": {"_type_": "datetime_iso", "_data_": "2026-03-20T10:00:00+00:00"},
    }
    read = domain_mapper().to_domain_event(
        StoredEvent(
            IssuedDocument.create_id(digest),
            1,
            "domain.document:IssuedDocument.Issued",
            json.dumps(stored).encode(),
        )
    )

    document = read.mutate(None)

    assert isinstance(document, IssuedDocument)
    assert document.content == DocumentContent(
        digest,
        DocumentKind.PACT,
        "Pakt na rzecz MLW",
        date(2026, 3, 12),
        "",
        DocumentVariant.FULL,
        "pl",
        "pakt v34",
    )
    assert [(c.format, c.issued_by, c.file_digest) for c in document.copies] == [("pdf", "ala", "")]


def test_records_that_share_their_first_fact_store_it_under_their_own_topics_as_before() -> None:
    gmina = uuid4()
    calendar, redactions = MeetingCalendar(gmina, ON, "ala"), Redactions(gmina, ON, "ala")
    for record, topic, fields in [
        (calendar, "domain.calendar:MeetingCalendar.Started", {"gmina_id", "effective_on"}),
        (redactions, "domain.redaction:Redactions.Started", {"gmina_id", "effective_on"}),
        (AccountRoll(), "domain.account:AccountRoll.Started", set()),
        (GminaDirectory(), "domain.directory:GminaDirectory.Started", set()),
    ]:
        stored = domain_mapper().to_stored_event(record.collect_events()[0])
        assert stored.topic == topic
        assert fields <= set(json.loads(stored.state))
        read = domain_mapper().to_domain_event(stored).mutate(None)
        assert read is not None and read.id == record.id
    assert (calendar.entries, redactions.texts) == ([], {})
    assert calendar.id != redactions.id  # each part of the gmina is its own record
