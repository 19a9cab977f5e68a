"""The Pact for the MLW: its theses, its signatories over time, and their commitments."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from domain.errors import (
    AlreadyInPactError,
    CommitmentClosedError,
    EffectiveDateError,
    InvalidInputError,
    NotFoundError,
    NotInPactError,
)
from domain.history import Body, Fact, Leaves, Starts
from domain.input_rules import required
from domain.terms import CommitmentState, CooperationForm, ParticipantRole, ResourceKind
from domain.values import DEFAULT_THESES, Immutable, Payload, Sealed, gather_payload


@dataclass(frozen=True)
class Membership(Immutable):
    """One period of a stakeholder's signing the pact."""

    joined_on: date
    representative: Sealed | None
    form: CooperationForm
    role: ParticipantRole
    left_on: date | None = None
    leave_reason: str = ""


@dataclass(frozen=True)
class Commitment(Immutable):
    """What a signatory commits to the partnership, and where that promise stands.

    Never changed in place: each fact replaces it with a new value.
    """

    id: UUID
    stakeholder_id: UUID
    resource: ResourceKind
    description: str
    quantity: Decimal | None
    unit: str
    beneficiary: str
    beneficiary_id: UUID | None
    joint_with: list[UUID]
    due_on: date | None
    made_on: date
    state: CommitmentState = CommitmentState.MADE
    closed_on: date | None = None
    revisions: list[dict[str, object]] = field(default_factory=list)
    note: str = ""


@dataclass(frozen=True)
class CommitmentTerms(Payload):
    """What a signatory promises: the resource, how much, for whom, with whom, by when.

    Stored data without a field reads as no amount, no unit, no beneficiary, nobody
    jointly and no deadline; the resource and the description are always stored."""

    resource: ResourceKind
    description: str
    quantity: Decimal | None = None
    unit: str = ""
    beneficiary: str = ""
    beneficiary_id: UUID | None = None
    joint_with: list[UUID] = field(default_factory=list)
    due_on: date | None = None


COMMITMENT_TERMS = frozenset(f.name for f in fields(CommitmentTerms)) - {"joint_with"}


class Pact(Body):
    """One gmina's Pact for the MLW (there is one per gmina's partnership)."""

    PART = "pact"

    class Drafted(Starts):
        STARTED_ON = "drafted_on"

        gmina_id: UUID
        title: str
        theses: list[str]

    def __init__(self) -> None:
        self.gmina_id: UUID
        self.title: str
        self.theses: list[str]
        self.drafted_on: date
        # Keyed by the id's text so that snapshots of the pact are plain JSON.
        self.parties: dict[str, list[Membership]] = {}
        self.commitments: dict[str, Commitment] = {}

    @classmethod
    def draft(cls, gmina_id: UUID, gmina_name: str, effective_on: date, recorded_by: str) -> Pact:
        """A new pact with the five MLW theses, ready for signatories."""
        title = f"Pakt na rzecz Modelu Lokalnej Współpracy – gmina {gmina_name}"
        said = {"gmina_id": gmina_id, "title": title, "theses": list(DEFAULT_THESES)}
        return cls.start(cls.Drafted, effective_on, recorded_by, **said)

    # --- signatories -------------------------------------------------------------------

    def is_member(self, stakeholder_id: UUID) -> bool:
        periods = self.parties.get(str(stakeholder_id))
        return bool(periods) and periods[-1].left_on is None  # type: ignore[index]

    def periods(self, stakeholder_id: UUID) -> list[Membership]:
        """Every period the stakeholder was a signatory, oldest first."""
        return list(self.parties.get(str(stakeholder_id), []))

    def members(self) -> list[UUID]:
        return [UUID(sid) for sid in self.parties if self.is_member(UUID(sid))]

    def check_member(self, stakeholder_id: UUID, name: str, on: date | None = None) -> None:
        """The stakeholder is a signatory now and, if a date is given, already was on it."""
        if not self.is_member(stakeholder_id):
            raise NotInPactError("{name} is not a signatory of the pact.", name=name)
        joined = self.parties[str(stakeholder_id)][-1].joined_on
        if on is not None and on < joined:
            raise EffectiveDateError(
                "{name} signed the pact on {joined}; it cannot act as a signatory on {on}.",
                name=name,
                joined=joined,
                on=on,
            )

    def join(
        self,
        stakeholder_id: UUID,
        name: str,
        representative: Sealed | None,
        form: CooperationForm,
        role: ParticipantRole,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """A stakeholder signs the pact (again, if it left before)."""
        if self.is_member(stakeholder_id):
            joined = self.parties[str(stakeholder_id)][-1].joined_on
            raise AlreadyInPactError(
                "{name} already signed the pact on {joined}.", name=name, joined=joined
            )
        periods = self.parties.get(str(stakeholder_id))
        if periods and periods[-1].left_on and effective_on < periods[-1].left_on:
            raise EffectiveDateError(
                "{name} left the pact on {left_on}; it cannot rejoin before that.",
                name=name,
                left_on=periods[-1].left_on,
            )
        if effective_on < self.drafted_on:
            raise EffectiveDateError(
                "The pact was drafted on {drafted_on}; nobody can join it before that.",
                drafted_on=self.drafted_on,
            )
        self.record(
            self.Joined,
            effective_on,
            recorded_by,
            stakeholder_id=stakeholder_id,
            representative=representative,
            form=form,
            role=role,
        )

    class Joined(Fact):
        stakeholder_id: UUID
        representative: Sealed | None
        form: CooperationForm
        role: ParticipantRole

        def apply(self, pact: Pact) -> None:
            pact.parties.setdefault(str(self.stakeholder_id), []).append(
                Membership(self.effective_on, self.representative, self.form, self.role)
            )

    def leave(
        self, stakeholder_id: UUID, name: str, reason: str, effective_on: date, recorded_by: str
    ) -> None:
        """A signatory leaves the pact; its membership and commitments stay in the history."""
        self.check_member(stakeholder_id, name)
        joined = self.parties[str(stakeholder_id)][-1].joined_on
        if effective_on < joined:
            raise EffectiveDateError(
                "{name} joined the pact on {joined}; it cannot leave before that.",
                name=name,
                joined=joined,
            )
        self.record_leaving(self.Left, stakeholder_id, reason, effective_on, recorded_by)

    class Left(Leaves):
        def apply(self, pact: Pact) -> None:
            periods = pact.parties[str(self.stakeholder_id)]
            periods[-1] = replace(periods[-1], left_on=self.effective_on, leave_reason=self.reason)

    def change_representative(
        self,
        stakeholder_id: UUID,
        name: str,
        representative: Sealed | None,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """A signatory names a new representative."""
        if representative is None:
            raise InvalidInputError("representative", "Name the new representative.")
        self.check_member(stakeholder_id, name, effective_on)
        self.record(
            self.RepresentativeChanged,
            effective_on,
            recorded_by,
            stakeholder_id=stakeholder_id,
            representative=representative,
        )

    class RepresentativeChanged(Fact):
        stakeholder_id: UUID
        representative: Sealed | None

        def apply(self, pact: Pact) -> None:
            periods = pact.parties[str(self.stakeholder_id)]
            periods[-1] = replace(periods[-1], representative=self.representative)

    # --- theses ------------------------------------------------------------------------

    def set_theses(self, theses: list[str], effective_on: date, recorded_by: str) -> None:
        """Replace the pact's theses (the five MLW theses by default)."""
        cleaned = [t.strip() for t in theses if t.strip()]
        if not cleaned:
            raise InvalidInputError("theses", "A pact needs at least one thesis.")
        if cleaned != self.theses:
            self.record(self.ThesesSet, effective_on, recorded_by, theses=cleaned)

    class ThesesSet(Fact):
        theses: list[str]

        def apply(self, pact: Pact) -> None:
            pact.theses = list(self.theses)

    # --- commitments -------------------------------------------------------------------

    def make_commitment(
        self,
        commitment_id: UUID,
        stakeholder_id: UUID,
        name: str,
        resource: ResourceKind,
        description: str,
        quantity: Decimal | None,
        unit: str,
        beneficiary: str,
        beneficiary_id: UUID | None,
        joint_with: list[UUID],
        due_on: date | None,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """A signatory commits a resource to the partnership."""
        if quantity is not None and not unit.strip():
            raise InvalidInputError("unit", "Say in what unit the amount is (zł, h, m², …).")
        self.check_member(stakeholder_id, name, effective_on)
        check_terms(description, quantity, due_on, effective_on)
        for partner in joint_with:
            if not self.is_member(partner):
                raise NotInPactError("A joint commitment can be made only with other signatories.")
            if effective_on < self.parties[str(partner)][-1].joined_on:
                raise EffectiveDateError(
                    "A joint commitment can be made only with stakeholders who had signed the "
                    "pact by {effective_on}.",
                    effective_on=effective_on,
                )
        if stakeholder_id in joint_with:
            raise InvalidInputError(
                "joint_with", "A stakeholder cannot commit jointly with itself."
            )
        if str(commitment_id) in self.commitments:
            raise InvalidInputError("commitment_id", "This commitment is already recorded.")
        terms = CommitmentTerms(
            resource,
            description.strip(),
            quantity,
            unit.strip(),
            beneficiary.strip(),
            beneficiary_id,
            list(joint_with),
            due_on,
        )
        self.record(
            self.CommitmentMade,
            effective_on,
            recorded_by,
            commitment_id=commitment_id,
            stakeholder_id=stakeholder_id,
            terms=terms,
        )

    class CommitmentMade(Fact):
        """Version 2 carries the terms as one value (version 1: eight fields of its own)."""

        commitment_id: UUID
        stakeholder_id: UUID
        terms: CommitmentTerms

        class_version = 2
        upcast_v1_v2 = gather_payload("terms", CommitmentTerms)

        def apply(self, pact: Pact) -> None:
            pact.commitments[str(self.commitment_id)] = Commitment(
                self.commitment_id,
                self.stakeholder_id,
                **vars(self.terms),
                made_on=self.effective_on,
            )

    def commitment(self, commitment_id: UUID) -> Commitment:
        try:
            return self.commitments[str(commitment_id)]
        except KeyError:
            raise NotFoundError(
                "No commitment {commitment_id} in this pact.", commitment_id=commitment_id
            ) from None

    def check_open(self, commitment_id: UUID) -> Commitment:
        c = self.commitment(commitment_id)
        if not c.state.is_open:
            raise CommitmentClosedError(
                "The commitment was {state} on {closed_on}; it can no longer change.",
                state=c.state,
                closed_on=c.closed_on,
            )
        return c

    @staticmethod
    def check_after_last_change(c: Commitment, effective_on: date, what: str) -> None:
        """A commitment changes only after it was made and after its last revision."""
        revised: list[date] = [r["revised_on"] for r in c.revisions]  # type: ignore[misc]
        last = max([c.made_on, *revised])
        if effective_on < last:
            raise EffectiveDateError(
                "The commitment was made or last revised on {last}; it cannot be {what} on "
                "{effective_on}, before that.",
                last=last,
                what=what,
                effective_on=effective_on,
            )

    def revise_commitment(
        self,
        commitment_id: UUID,
        changes: dict[str, object],
        note: str,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """Change what was promised, keeping the earlier terms in the history."""
        c = self.check_open(commitment_id)
        self.check_after_last_change(c, effective_on, "revised")
        unknown = set(changes) - COMMITMENT_TERMS
        if unknown:
            raise InvalidInputError(
                sorted(unknown)[0],
                "Not a term of a commitment: {names}.",
                names=", ".join(sorted(unknown)),
            )
        merged = {k: changes.get(k, getattr(c, k)) for k in ("description", "quantity", "due_on")}
        check_terms(str(merged["description"]), merged["quantity"], merged["due_on"], c.made_on)  # type: ignore[arg-type]
        real = {k: v for k, v in changes.items() if getattr(c, k) != v}
        if not real:
            raise InvalidInputError("changes", "The revision changes nothing.")
        self.change_commitment(
            self.CommitmentRevised, c, note, effective_on, recorded_by, changes=real
        )

    class CommitmentRevised(Fact):
        commitment_id: UUID
        changes: dict[str, object]
        note: str

        def apply(self, pact: Pact) -> None:
            c = pact.commitments[str(self.commitment_id)]
            earlier = {k: getattr(c, k) for k in self.changes} | {"revised_on": self.effective_on}
            revised = {**self.changes, "revisions": [*c.revisions, earlier]}
            pact.replace_commitment(
                self.commitment_id, CommitmentState.REVISED, self.note, **revised
            )

    def close_commitment(
        self,
        commitment_id: UUID,
        state: CommitmentState,
        note: str,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        """Record a commitment fulfilled or withdrawn."""
        assert state in (CommitmentState.FULFILLED, CommitmentState.WITHDRAWN)
        c = self.check_open(commitment_id)
        if state is CommitmentState.WITHDRAWN and not note.strip():
            raise InvalidInputError("note", "Say why the commitment is withdrawn.")
        self.check_after_last_change(c, effective_on, state.value)
        self.change_commitment(
            self.CommitmentClosed, c, note, effective_on, recorded_by, state=state
        )

    class CommitmentClosed(Fact):
        commitment_id: UUID
        state: CommitmentState
        note: str

        def apply(self, pact: Pact) -> None:
            pact.replace_commitment(
                self.commitment_id, self.state, self.note, closed_on=self.effective_on
            )

    def change_commitment(
        self,
        fact: type[Fact],
        c: Commitment,
        note: str,
        effective_on: date,
        recorded_by: str,
        **said: Any,
    ) -> None:
        """Record ``fact`` about an open commitment, with the note that says why."""
        self.record(fact, effective_on, recorded_by, commitment_id=c.id, note=note.strip(), **said)

    def replace_commitment(
        self, commitment_id: UUID, state: CommitmentState, note: str, **changes: Any
    ) -> None:
        """The commitment takes a new state and note, and the other ``changes``."""
        key = str(commitment_id)
        self.commitments[key] = replace(self.commitments[key], state=state, note=note, **changes)


def check_terms(
    description: str, quantity: Decimal | None, due_on: date | None, made_on: date
) -> None:
    """A commitment says what is promised; an amount is positive; a deadline follows it."""
    description = required(
        description, InvalidInputError("description", "Say what is committed (the description).")
    )
    if quantity is not None and quantity <= 0:
        raise InvalidInputError(
            "quantity", "A committed amount must be positive, got {quantity}.", quantity=quantity
        )
    if due_on is not None and due_on < made_on:
        raise InvalidInputError(
            "due_on",
            "The deadline {due_on} falls before the commitment was made ({made_on}).",
            due_on=due_on,
            made_on=made_on,
        )
