"""The pact: signatories join and leave; commitments are made, revised, fulfilled, withdrawn."""

from datetime import date
from decimal import Decimal
from uuid import UUID, uuid4

import pytest

from domain.errors import (
    AlreadyInPactError,
    CommitmentClosedError,
    EffectiveDateError,
    InvalidInputError,
    NotInPactError,
)
from domain.history import replay_as_of
from domain.pact import Pact
from domain.values import (
    DEFAULT_THESES,
    CommitmentState,
    CooperationForm,
    ParticipantRole,
    ResourceKind,
)

OPS, BANK = uuid4(), uuid4()


def sign(
    pact: Pact,
    who: UUID,
    name: str,
    on: date,
    form: CooperationForm = CooperationForm.LASTING,
    role: ParticipantRole = ParticipantRole.ASSOCIATED_INSTITUTION,
) -> None:
    """``who`` signs the pact on a day, without a representative."""
    pact.join(who, name, None, form, role, on, "ala")


def bank_signs_ad_hoc(pact: Pact, on: date) -> None:
    sign(pact, BANK, "Bank", on, CooperationForm.AD_HOC, ParticipantRole.SUPPORTER)


def pact_with_ops() -> Pact:
    pact = Pact.draft(uuid4(), "Zielony Jar", date(2026, 1, 10), "ala")
    sign(pact, OPS, "GOPS", date(2026, 3, 1))
    return pact


def commit(
    pact: Pact,
    on: date,
    *,
    who: UUID = OPS,
    name: str = "GOPS",
    resource: ResourceKind = ResourceKind.MONEY,
    description: str = "Dotacja",
    quantity: Decimal | None = Decimal(1),
    unit: str = "zł",
    beneficiary: str = "",
    joint_with: tuple[UUID, ...] = (),
    due_on: date | None = None,
) -> UUID:
    """A signatory (the GOPS unless told) commits something on a day: by default a 1 zł grant."""
    cid = uuid4()
    pact.make_commitment(
        cid,
        who,
        name,
        resource,
        description,
        quantity,
        unit,
        beneficiary,
        None,
        list(joint_with),
        due_on,
        on,
        "ala",
    )
    return cid


# The GOPS's hall for the KIS's meetings, 20 hours a month.
HALL = {
    "resource": ResourceKind.PREMISES,
    "description": "Sala na spotkania KIS",
    "quantity": Decimal("20"),
}


def commit_premises(pact: Pact) -> UUID:
    return commit(
        pact,
        date(2026, 3, 2),
        **HALL,  # type: ignore[arg-type]
        unit="h/mies.",
        beneficiary="uczestnicy KIS",
        due_on=date(2026, 12, 31),
    )


def test_a_new_pact_carries_the_five_mlw_theses() -> None:
    pact = Pact.draft(uuid4(), "Zielony Jar", date(2026, 1, 10), "ala")
    assert pact.theses == list(DEFAULT_THESES)
    assert len(pact.theses) == 5


def test_joining_twice_is_refused_with_the_date_of_signing() -> None:
    pact = pact_with_ops()
    with pytest.raises(AlreadyInPactError, match="already signed the pact on 2026-03-01"):
        sign(pact, OPS, "GOPS", date(2026, 4, 1), CooperationForm.AD_HOC, ParticipantRole.SUPPORTER)


def test_leaving_when_not_a_member_is_refused() -> None:
    pact = pact_with_ops()
    with pytest.raises(NotInPactError, match="Bank is not a signatory"):
        pact.leave(BANK, "Bank", "", date(2026, 4, 1), "ala")


def test_a_stakeholder_that_left_may_sign_again_later() -> None:
    pact = pact_with_ops()
    pact.leave(OPS, "GOPS", "reorganizacja", date(2026, 5, 1), "ala")
    assert not pact.is_member(OPS)
    sign(pact, OPS, "GOPS", date(2026, 9, 1))
    assert pact.is_member(OPS)
    assert len(pact.periods(OPS)) == 2


def test_only_signatories_make_commitments() -> None:
    pact = pact_with_ops()
    with pytest.raises(NotInPactError):
        commit(pact, date(2026, 3, 2), who=BANK, name="Bank", quantity=Decimal(5000))


def test_a_commitment_needs_a_positive_amount_and_a_deadline_after_it() -> None:
    pact = pact_with_ops()
    with pytest.raises(InvalidInputError, match="must be positive"):
        commit(pact, date(2026, 3, 2), quantity=Decimal(-1))
    with pytest.raises(InvalidInputError, match="falls before"):
        commit(pact, date(2026, 3, 2), due_on=date(2026, 1, 1))


def test_a_revised_commitment_keeps_its_earlier_terms() -> None:
    pact = pact_with_ops()
    cid = commit_premises(pact)
    pact.revise_commitment(cid, {"quantity": Decimal(30)}, "więcej godzin", date(2026, 5, 1), "ala")
    c = pact.commitment(cid)
    assert c.state is CommitmentState.REVISED
    assert c.quantity == Decimal(30)
    assert c.revisions[0]["quantity"] == Decimal(20)


def test_a_fulfilled_commitment_can_no_longer_change() -> None:
    pact = pact_with_ops()
    cid = commit_premises(pact)
    pact.close_commitment(cid, CommitmentState.FULFILLED, "", date(2026, 12, 1), "ala")
    with pytest.raises(CommitmentClosedError, match="fulfilled on 2026-12-01"):
        pact.close_commitment(cid, CommitmentState.WITHDRAWN, "", date(2026, 12, 2), "ala")


def test_a_commitment_cannot_be_fulfilled_before_it_was_made() -> None:
    pact = pact_with_ops()
    cid = commit_premises(pact)
    with pytest.raises(EffectiveDateError):
        pact.close_commitment(cid, CommitmentState.FULFILLED, "", date(2026, 3, 1), "ala")


def test_minutes_entered_late_count_from_the_day_the_fact_took_effect() -> None:
    pact = pact_with_ops()
    # Recorded after the GOPS joined, but the bank signed earlier, in February.
    bank_signs_ad_hoc(pact, date(2026, 2, 15))
    events = pact.collect_events()
    in_february = replay_as_of(events, date(2026, 2, 20))
    assert isinstance(in_february, Pact)
    assert in_february.members() == [BANK]


def test_a_commitment_cannot_be_dated_before_its_party_signed() -> None:
    pact = pact_with_ops()
    with pytest.raises(EffectiveDateError, match="signed the pact on 2026-03-01"):
        commit(
            pact,
            date(2026, 2, 1),
            resource=ResourceKind.TIME,
            description="Dyżury",
            quantity=None,
            unit="",
        )


def test_a_joint_commitment_needs_a_partner_who_had_already_signed() -> None:
    pact = pact_with_ops()
    bank_signs_ad_hoc(pact, date(2026, 5, 1))
    with pytest.raises(EffectiveDateError, match="had signed the pact by 2026-04-01"):
        commit(pact, date(2026, 4, 1), description="Fundusz", joint_with=(BANK,))


def test_a_revision_cannot_be_dated_before_the_commitment_or_its_last_revision() -> None:
    pact = pact_with_ops()
    cid = commit_premises(pact)
    with pytest.raises(EffectiveDateError, match="before that"):
        pact.revise_commitment(cid, {"quantity": Decimal(5)}, "", date(2026, 3, 1), "ala")
    pact.revise_commitment(cid, {"quantity": Decimal(5)}, "", date(2026, 6, 1), "ala")
    with pytest.raises(EffectiveDateError, match="last revised on 2026-06-01"):
        pact.close_commitment(cid, CommitmentState.FULFILLED, "", date(2026, 5, 1), "ala")


def test_an_amount_without_a_unit_is_refused_by_the_pact_itself() -> None:
    pact = pact_with_ops()
    with pytest.raises(InvalidInputError, match="Say in what unit the amount is") as refused:
        commit(pact, date(2026, 3, 2), **HALL, unit=" ")  # type: ignore[arg-type]
    assert refused.value.field == "unit"
    assert pact.commitments == {}


def test_a_commitment_withdrawn_without_a_note_is_refused_by_the_pact_itself() -> None:
    pact = pact_with_ops()
    cid = commit_premises(pact)
    with pytest.raises(InvalidInputError, match="Say why the commitment is withdrawn") as refused:
        pact.close_commitment(cid, CommitmentState.WITHDRAWN, "  ", date(2026, 4, 1), "ala")
    assert refused.value.field == "note"
    assert pact.commitment(cid).state is CommitmentState.MADE


def test_a_commitment_is_fulfilled_without_a_note() -> None:
    pact = pact_with_ops()
    cid = commit_premises(pact)
    pact.close_commitment(cid, CommitmentState.FULFILLED, "", date(2026, 4, 1), "ala")
    assert pact.commitment(cid).state is CommitmentState.FULFILLED


def test_a_representative_cannot_be_changed_to_no_one() -> None:
    pact = pact_with_ops()
    with pytest.raises(InvalidInputError, match="Name the new representative") as refused:
        pact.change_representative(OPS, "GOPS", None, date(2026, 4, 1), "ala")
    assert refused.value.field == "representative"


def test_a_signatory_leaves_with_the_day_and_the_reason_as_typed_without_blanks() -> None:
    pact = pact_with_ops()
    pact.leave(OPS, "GOPS", " reorganizacja\n", date(2026, 5, 1), "ala")
    period = pact.periods(OPS)[-1]
    assert (period.left_on, period.leave_reason) == (date(2026, 5, 1), "reorganizacja")
