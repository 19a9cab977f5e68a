"""Use cases: signatories joining and leaving the pact, its theses, and commitments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Unpack
from uuid import UUID, uuid4

from domain.errors import InvalidInputError
from domain.pact import Pact
from domain.stakeholder import Stakeholder
from domain.values import (
    CommitmentState,
    CooperationForm,
    ParticipantRole,
    ResourceKind,
    Sealed,
    StakeholderStatus,
)
from registry.base import Recording, RegistryBase, Stamp
from registry.catalogue import Stakeholders


def parse_enum(cls: type, field: str, value: object) -> object:
    if isinstance(value, cls):
        return value
    try:
        return cls(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(m.value for m in cls)  # type: ignore[attr-defined]
        raise InvalidInputError(
            field,
            "Unknown {field} {value!r}; choose one of: {allowed}.",
            field=field,
            value=value,
            allowed=allowed,
        ) from None


def parse_quantity(value: Decimal | str | float | int | None) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value).replace(" ", "").replace(",", "."))
    except InvalidOperation:
        raise InvalidInputError("quantity", "{value!r} is not an amount.", value=value) from None


@dataclass(eq=False)
class Pacts:
    """The pact of a gmina's partnership."""

    app: RegistryBase
    stakeholders: Stakeholders

    def pact_of(self, gmina_id: UUID, as_of: date | None = None) -> Pact:
        return self.app.one_of_gmina(
            Pact, gmina_id, as_of, "pact", "open its MLW partnership first"
        )

    def representative(
        self, gmina_id: UUID, name: str | None, contact: str, function: str
    ) -> Sealed | None:
        return self.stakeholders.sealed_person(
            gmina_id, name, contact, function, field="representative"
        )

    def join_pact(
        self,
        gmina_id: UUID,
        stakeholder_id: UUID,
        *,
        representative: str | None = None,
        representative_contact: str = "",
        representative_function: str = "",
        form: CooperationForm | str = CooperationForm.LASTING,
        role: ParticipantRole | str = ParticipantRole.ASSOCIATED_INSTITUTION,
        **stamp: Unpack[Stamp],
    ) -> None:
        """A catalogued stakeholder signs the pact; it becomes a signatory."""
        rec = Recording.of(**stamp)
        pact = self.pact_of(gmina_id)
        stakeholder = self.stakeholders.stakeholder_of(gmina_id, stakeholder_id)
        self.sign_pact(
            pact,
            stakeholder,
            representative=(
                self.representative(
                    gmina_id, representative, representative_contact, representative_function
                )
                if not pact.is_member(stakeholder_id) and not stakeholder.is_archived
                else None
            ),
            form=parse_enum(CooperationForm, "form", form),  # type: ignore[arg-type]
            role=parse_enum(ParticipantRole, "role", role),  # type: ignore[arg-type]
            on=rec.on,
            recorded_by=rec.by,
        )
        self.app.commit(pact, stakeholder)

    def sign_pact(
        self,
        pact: Pact,
        stakeholder: Stakeholder,
        *,
        representative: Sealed | None,
        form: CooperationForm,
        role: ParticipantRole,
        on: date,
        recorded_by: str,
    ) -> None:
        """Record the signing on both aggregates; the caller saves them together."""
        stakeholder.check_not_archived()
        name = self.stakeholders.name_of(stakeholder)
        if on < stakeholder.catalogued_on:
            raise InvalidInputError(
                "effective_on",
                "{name} entered the catalogue on {catalogued_on}; it cannot sign the pact "
                "before that.",
                name=name,
                catalogued_on=stakeholder.catalogued_on,
            )
        pact.join(stakeholder.id, name, representative, form, role, on, recorded_by)
        if stakeholder.status is not StakeholderStatus.TEAM_MEMBER:
            stakeholder.set_status(StakeholderStatus.SIGNATORY, on, recorded_by)

    def leave_pact(
        self, gmina_id: UUID, stakeholder_id: UUID, *, reason: str = "", **stamp: Unpack[Stamp]
    ) -> None:
        """A signatory leaves the pact; what it did and promised stays in the history."""
        rec = Recording.of(**stamp)
        pact = self.pact_of(gmina_id)
        stakeholder = self.stakeholders.stakeholder_of(gmina_id, stakeholder_id)
        pact.leave(stakeholder_id, self.stakeholders.name_of(stakeholder), reason, rec.on, rec.by)
        stakeholder.set_status(StakeholderStatus.FORMER_SIGNATORY, rec.on, rec.by)
        self.app.commit(pact, stakeholder)

    def change_representative(
        self,
        gmina_id: UUID,
        stakeholder_id: UUID,
        *,
        representative: str,
        representative_contact: str = "",
        representative_function: str = "",
        **stamp: Unpack[Stamp],
    ) -> None:
        rec = Recording.of(**stamp)
        pact = self.pact_of(gmina_id)
        stakeholder = self.stakeholders.stakeholder_of(gmina_id, stakeholder_id)
        sealed = self.representative(
            gmina_id, representative, representative_contact, representative_function
        )
        pact.change_representative(
            stakeholder_id, self.stakeholders.name_of(stakeholder), sealed, rec.on, rec.by
        )
        self.app.commit(pact)

    def set_theses(
        self,
        gmina_id: UUID,
        theses: list[str],
        *,
        expected_version: int | None = None,
        **stamp: Unpack[Stamp],
    ) -> None:
        rec = Recording.of(**stamp)
        pact = (
            self.app.load_for_edit(Pact, Pact.create_id(gmina_id), expected_version)
            if expected_version is not None
            else self.pact_of(gmina_id)
        )
        pact.set_theses(theses, rec.on, rec.by)
        self.app.commit(pact)

    # --- commitments -------------------------------------------------------------------

    def make_commitment(
        self,
        gmina_id: UUID,
        stakeholder_id: UUID,
        *,
        resource: ResourceKind | str,
        description: str,
        quantity: Decimal | str | float | None = None,
        unit: str = "",
        beneficiary: str = "",
        beneficiary_id: UUID | None = None,
        joint_with: list[UUID] | None = None,
        due_on: date | None = None,
        **stamp: Unpack[Stamp],
    ) -> UUID:
        """A signatory commits a resource: what, how much, for whom, by when."""
        rec = Recording.of(**stamp)
        pact = self.pact_of(gmina_id)
        stakeholder = self.stakeholders.stakeholder_of(gmina_id, stakeholder_id)
        if beneficiary_id is not None:
            self.stakeholders.stakeholder_of(gmina_id, beneficiary_id)
        for partner in joint_with or []:
            self.stakeholders.stakeholder_of(gmina_id, partner)
        amount = parse_quantity(quantity)
        commitment_id = uuid4()
        pact.make_commitment(
            commitment_id,
            stakeholder_id,
            self.stakeholders.name_of(stakeholder),
            parse_enum(ResourceKind, "resource", resource),  # type: ignore[arg-type]
            description,
            amount,
            unit,
            beneficiary,
            beneficiary_id,
            list(joint_with or []),
            due_on,
            rec.on,
            rec.by,
        )
        self.app.commit(pact)
        return commitment_id

    def find_commitment(self, gmina_id: UUID, commitment_id: UUID) -> Pact:
        pact = self.pact_of(gmina_id)
        pact.commitment(commitment_id)
        return pact

    def revise_commitment(
        self,
        /,
        gmina_id: UUID,
        commitment_id: UUID,
        *,
        note: str = "",
        recorded_by: str,
        effective_on: date | None = None,
        **changes: object,
    ) -> None:
        """Change the terms of an open commitment; the earlier terms stay in its history."""
        rec = Recording.of(recorded_by, effective_on)
        pact = self.find_commitment(gmina_id, commitment_id)
        if "quantity" in changes:
            changes["quantity"] = parse_quantity(changes["quantity"])  # type: ignore[arg-type]
        if "resource" in changes:
            changes["resource"] = parse_enum(ResourceKind, "resource", changes["resource"])
        pact.revise_commitment(commitment_id, changes, note, rec.on, rec.by)
        self.app.commit(pact)

    def fulfil_commitment(
        self, gmina_id: UUID, commitment_id: UUID, *, note: str = "", **stamp: Unpack[Stamp]
    ) -> None:
        """The signatory did what it promised."""
        self.close_commitment(gmina_id, commitment_id, CommitmentState.FULFILLED, note, stamp)

    def withdraw_commitment(
        self, gmina_id: UUID, commitment_id: UUID, *, note: str = "", **stamp: Unpack[Stamp]
    ) -> None:
        """The signatory takes its promise back; the note says why."""
        self.close_commitment(gmina_id, commitment_id, CommitmentState.WITHDRAWN, note, stamp)

    def close_commitment(
        self, gmina_id: UUID, commitment_id: UUID, state: CommitmentState, note: str, stamp: Stamp
    ) -> None:
        rec = Recording.of(**stamp)
        pact = self.find_commitment(gmina_id, commitment_id)
        pact.close_commitment(commitment_id, state, note, rec.on, rec.by)
        self.app.commit(pact)
