"""The golden log's facts, stored in their old shapes, come up to today's through upcasters."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.utils import resolve_topic

from domain.meeting import Meeting
from domain.pact import CommitmentTerms, Pact
from domain.resolution import Resolution
from domain.stakeholder import Stakeholder, StakeholderDetails
from domain.values import Identifiers, ResourceKind, StakeholderKind
from registry.transcodings import domain_mapper
from tests.golden.replay import LOG

STORED: list[dict[str, Any]] = json.loads(LOG.read_text(encoding="utf-8"))["events"]


def read(stored: dict[str, Any]) -> Any:
    return domain_mapper().to_domain_event(
        StoredEvent(
            originator_id=UUID(stored["originator_id"]),
            originator_version=stored["originator_version"],
            topic=stored["topic"],
            state=json.dumps(stored["state"]).encode(),
        )
    )


def first(topic: str) -> dict[str, Any]:
    return next(e for e in STORED if e["topic"] == topic)


def test_the_log_holds_facts_older_than_todays_classes_of_them() -> None:
    older = {
        e["topic"]: (e["state"].get("class_version", 1), resolve_topic(e["topic"]).class_version)
        for e in STORED
        if e["state"].get("class_version", 1)
        < getattr(resolve_topic(e["topic"]), "class_version", 1)
    }
    assert older == {
        "domain.stakeholder:Stakeholder.Catalogued": (1, 2),
        "domain.pact:Pact.CommitmentMade": (1, 2),
        "domain.meeting:Meeting.Scheduled": (1, 2),
        "domain.resolution:Resolution.Proposed": (1, 2),
    }


def test_every_fact_of_the_log_reads_into_exactly_the_fields_its_class_has_today() -> None:
    for stored in STORED:
        event = read(stored)
        fields = {f.name for f in dataclasses.fields(type(event))}
        assert set(vars(event)) == fields, stored["topic"]


def test_a_catalogued_fact_of_version_one_reads_with_its_details_as_one_value() -> None:
    stored = first("domain.stakeholder:Stakeholder.Catalogued")
    old = stored["state"]
    event = read(stored)
    assert isinstance(event, Stakeholder.Catalogued)
    assert event.kind is StakeholderKind.INSTITUTION
    assert event.details == StakeholderDetails(
        name=old["name"],
        legal_form=old["legal_form"],
        identifiers=Identifiers(**old["identifiers"]["_data_"]),
        seat=old["seat"],
        area=old["area"],
        resources_offered=old["resources_offered"],
        contact=old["contact"],
    )
    assert not hasattr(event, "name")
    assert event.mutate(None).name == old["name"]  # type: ignore[union-attr]


def test_a_commitment_of_version_one_reads_with_its_terms_as_one_value() -> None:
    stored = first("domain.pact:Pact.CommitmentMade")
    old = stored["state"]
    event = read(stored)
    assert isinstance(event, Pact.CommitmentMade)
    assert event.terms == CommitmentTerms(
        resource=ResourceKind(old["resource"]["_data_"]),
        description=old["description"],
        quantity=Decimal(old["quantity"]["_data_"]),
        unit=old["unit"],
        beneficiary=old["beneficiary"],
        beneficiary_id=None,
        joint_with=[],
        due_on=event.terms.due_on,
    )
    assert event.terms.due_on is not None
    assert event.terms.due_on.isoformat() == old["due_on"]["_data_"]


def test_a_meeting_and_a_resolution_of_version_one_read_with_their_plan_and_draft() -> None:
    stored = first("domain.meeting:Meeting.Scheduled")
    meeting = read(stored)
    assert isinstance(meeting, Meeting.Scheduled)
    assert meeting.plan.place == stored["state"]["place"]
    assert meeting.plan.agenda == stored["state"]["agenda"]
    stored = first("domain.resolution:Resolution.Proposed")
    resolution = read(stored)
    assert isinstance(resolution, Resolution.Proposed)
    assert resolution.draft.title == stored["state"]["title"]
    assert resolution.draft.number == stored["state"]["number"]
    assert len(resolution.draft.effects) == len(stored["state"]["effects"])


def test_facts_written_today_say_their_version() -> None:
    stored = first("domain.pact:Pact.CommitmentMade")
    written = domain_mapper().to_stored_event(read(stored))
    state = json.loads(written.state)
    assert state["class_version"] == 2
    assert state["terms"]["_type_"] == "CommitmentTerms"
    assert read({**stored, "state": state}).terms == read(stored).terms
