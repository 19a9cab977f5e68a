"""A local stakeholder in a gmina's catalogue: an institution or a natural person."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any, ClassVar
from uuid import UUID

from domain.errors import (
    ArchivedError,
    EffectiveDateError,
    InvalidInputError,
    RuleViolationError,
)
from domain.history import Fact, Moves, Record, Sets, Starts
from domain.input_rules import required
from domain.terms import StakeholderKind, StakeholderStatus, SubType
from domain.values import Changes, Identifiers, Payload, Sealed, gather_payload


@dataclass(frozen=True)
class StakeholderDetails(Payload):
    """What the catalogue says of a stakeholder besides its kind and sub-type; every one
    of these can be edited. A field missing from stored data reads as empty."""

    name: str = ""
    legal_form: str = ""
    identifiers: Identifiers = field(default_factory=Identifiers)
    seat: str = ""
    area: str = ""
    resources_offered: list[str] = field(default_factory=list)
    contact: str = ""

    def cleaned(self) -> StakeholderDetails:
        """The details as typed, without surrounding blanks or empty resources."""
        return StakeholderDetails(
            self.name.strip(),
            self.legal_form.strip(),
            self.identifiers,
            self.seat.strip(),
            self.area.strip(),
            [r.strip() for r in self.resources_offered if r.strip()],
            self.contact.strip(),
        )


EDITABLE_FIELDS = frozenset(f.name for f in fields(StakeholderDetails))


@dataclass(frozen=True)
class StakeholderChanges(Changes):
    """The details one edit changes, and the person's sealed data when they are corrected;
    a field left None is not changed."""

    name: str | None = None
    legal_form: str | None = None
    identifiers: Identifiers | None = None
    seat: str | None = None
    area: str | None = None
    resources_offered: list[str] | None = None
    contact: str | None = None
    person: Sealed | None = None


class Stakeholder(Record):
    """One entry of the catalogue of local stakeholders of one gmina.

    A natural person's name and contact are never stored in plain text: ``person`` holds
    them sealed with the person's own key, and ``name`` stays empty.
    """

    # 2: the catalogue details are one value, ``details`` (snapshots of version 1 kept them
    # as attributes of their own).
    class_version = 2
    upcast_v1_v2 = gather_payload("details", StakeholderDetails)

    @classmethod
    def catalogue(
        cls,
        *,
        gmina_id: UUID,
        kind: StakeholderKind,
        name: str,
        subtype: SubType,
        legal_form: str,
        identifiers: Identifiers,
        seat: str,
        area: str,
        resources_offered: list[str],
        contact: str,
        person: Sealed | None,
        effective_on: date,
        recorded_by: str,
    ) -> Stakeholder:
        """Enter a stakeholder in the catalogue as identified."""
        check_kind(kind, subtype, name, person, identifiers)
        details = StakeholderDetails(
            name, legal_form, identifiers, seat, area, resources_offered, contact
        )
        said = {"gmina_id": gmina_id, "kind": kind, "subtype": subtype, "person": person}
        return cls.start(
            cls.Catalogued, effective_on, recorded_by, details=details.cleaned(), **said
        )

    class Catalogued(Starts):
        """Version 2 carries the details as one value (version 1: seven fields of its own)."""

        STARTED_ON = "catalogued_on"

        gmina_id: UUID
        kind: StakeholderKind
        subtype: SubType
        details: StakeholderDetails
        person: Sealed | None

        class_version = 2
        upcast_v1_v2 = gather_payload("details", StakeholderDetails)

    def __init__(self) -> None:
        self.gmina_id: UUID
        self.kind: StakeholderKind
        self.subtype: SubType
        self.details: StakeholderDetails
        self.person: Sealed | None
        self.catalogued_on: date
        self.status = StakeholderStatus.IDENTIFIED
        self.archived_on: date | None = None
        self.archive_reason = ""

    @property
    def name(self) -> str:
        return self.details.name

    @property
    def sector(self) -> Any:
        return self.subtype.sector

    @property
    def is_archived(self) -> bool:
        return self.archived_on is not None

    def check_effective(self, effective_on: date) -> None:
        """Nothing about a stakeholder takes effect before it entered the catalogue."""
        if effective_on < self.catalogued_on:
            raise EffectiveDateError(
                "{display_name} entered the catalogue on {catalogued_on}; nothing about it can "
                "take effect on {effective_on}, before that.",
                display_name=self.display_name,
                catalogued_on=self.catalogued_on,
                effective_on=effective_on,
            )

    def check_not_archived(self) -> None:
        if self.is_archived:
            raise ArchivedError(
                "Stakeholder {display_name} was archived on {archived_on}; archived entries "
                "cannot be changed.",
                display_name=self.display_name,
                archived_on=self.archived_on,
            )

    @property
    def display_name(self) -> str:
        return (
            self.name if self.kind is StakeholderKind.INSTITUTION else f"osoba {str(self.id)[:8]}"
        )

    def edit(self, changes: dict[str, Any], effective_on: date, recorded_by: str) -> None:
        """Correct or update catalogue details (name, legal form, identifiers, seat, …)."""
        self.check_effective(effective_on)
        self.check_not_archived()
        unknown = set(changes) - EDITABLE_FIELDS - {"person"}
        if unknown:
            raise InvalidInputError(
                sorted(unknown)[0],
                "These details cannot be edited: {names}.",
                names=", ".join(sorted(unknown)),
            )
        if self.kind is StakeholderKind.PERSON and ("name" in changes or "contact" in changes):
            raise InvalidInputError(
                "name", "A person's name and contact are personal data: edit them as personal data."
            )
        if "name" in changes and not str(changes["name"]).strip():
            raise InvalidInputError("name", "A stakeholder's name cannot be empty.")
        now = {**vars(self.details), "person": self.person}
        real = {k: v for k, v in changes.items() if now[k] != v}
        if not real:
            return
        self.record(self.Edited, effective_on, recorded_by, changes=StakeholderChanges(**real))

    class Edited(Fact):
        """Version 2 carries the changes as a typed value (version 1: a dict of them)."""

        changes: StakeholderChanges

        class_version = 2

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["changes"] = StakeholderChanges(**state["changes"])

        def apply(self, stakeholder: Stakeholder) -> None:
            said = self.changes.items()
            if "person" in said:
                stakeholder.person = said.pop("person")
            stakeholder.details = replace(stakeholder.details, **said)

    def recategorise(self, subtype: SubType, effective_on: date, recorded_by: str) -> None:
        """Move the stakeholder to another sector or sub-type of the MLW taxonomy."""
        self.check_effective(effective_on)
        self.check_not_archived()
        if (subtype is SubType.SOCIAL_LEADER) != (self.kind is StakeholderKind.PERSON):
            raise InvalidInputError(
                "subtype",
                "Only natural persons are citizens – social leaders, and a natural person "
                "can only be one.",
            )
        if subtype == self.subtype:
            return
        self.record(self.Recategorised, effective_on, recorded_by, subtype=subtype)

    class Recategorised(Sets):
        subtype: SubType

    def invite(self, effective_on: date, recorded_by: str) -> None:
        """Record that the stakeholder was invited to the partnership."""
        self.check_effective(effective_on)
        self.check_not_archived()
        if self.status is not StakeholderStatus.IDENTIFIED:
            state = self.status.value.replace("_", " ")
            raise RuleViolationError(
                "Stakeholder {display_name} is already {state}; only an identified stakeholder "
                "can be invited.",
                display_name=self.display_name,
                state=state,
            )
        self.record(self.StatusChanged, effective_on, recorded_by, status=StakeholderStatus.INVITED)

    def set_status(self, status: StakeholderStatus, effective_on: date, recorded_by: str) -> None:
        """Follow the pact and the team: signatory, team member, former signatory."""
        self.check_effective(effective_on)
        self.check_not_archived()
        if status != self.status:
            self.record(self.StatusChanged, effective_on, recorded_by, status=status)

    class StatusChanged(Sets):
        status: StakeholderStatus

    def archive(self, reason: str, effective_on: date, recorded_by: str) -> None:
        """Take the entry out of the active catalogue; its history stays."""
        self.check_effective(effective_on)
        self.check_not_archived()
        if self.status in (StakeholderStatus.SIGNATORY, StakeholderStatus.TEAM_MEMBER):
            raise RuleViolationError(
                "Stakeholder {display_name} is a signatory of the pact; record its leaving the "
                "pact before archiving it.",
                display_name=self.display_name,
            )
        reason = required(reason, InvalidInputError("reason", "Say why the entry is archived."))
        self.record(self.Archived, effective_on, recorded_by, reason=reason)

    class Archived(Moves):
        KEEPS: ClassVar = {"reason": "archive_reason"}
        ON = "archived_on"
        reason: str


def check_kind(
    kind: StakeholderKind,
    subtype: SubType,
    name: str,
    person: Sealed | None,
    identifiers: Identifiers,
) -> None:
    """Institutions carry a name; natural persons carry sealed personal data only."""
    if kind is StakeholderKind.PERSON:
        if subtype is not SubType.SOCIAL_LEADER:
            raise InvalidInputError(
                "subtype", "A natural person is catalogued as a citizen – social leader."
            )
        if person is None:
            raise InvalidInputError(
                "name", "A natural person needs a name (kept as personal data)."
            )
        if name.strip():
            raise InvalidInputError(
                "name", "A natural person's name is kept only as personal data."
            )
        if identifiers != Identifiers():
            raise InvalidInputError(
                "identifiers", "A natural person has no NIP, REGON or KRS in the catalogue."
            )
    else:
        if subtype is SubType.SOCIAL_LEADER:
            raise InvalidInputError(
                "subtype", "Only a natural person can be a citizen – social leader."
            )
        name = required(name, InvalidInputError("name", "An institution needs a name."))
        if person is not None:
            raise InvalidInputError("person", "An institution has no personal data of its own.")
