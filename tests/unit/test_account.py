"""Accounts: roles, assignments, and the one access rule."""

from datetime import date
from uuid import uuid4

import pytest

from domain.account import AccessDeniedError, Account
from domain.errors import InvalidInputError, RuleViolationError
from registry.access import AccountView, check_access, may_manage, may_read, may_write

A, B = uuid4(), uuid4()


def view(role: str, gminas: list, voivodeship: str = "", disabled: bool = False) -> AccountView:
    return AccountView(uuid4(), "ala", "Ala", role, gminas, voivodeship, disabled, 1)


def test_a_facilitator_reads_and_writes_only_the_gminas_assigned() -> None:
    ala = view("facilitator", [A])
    assert may_read(ala, A, "świętokrzyskie") and may_write(ala, A)
    assert not may_read(ala, B, "świętokrzyskie") and not may_write(ala, B)
    with pytest.raises(AccessDeniedError):
        check_access(ala, B, "świętokrzyskie", "Gmina B", write=False)


def test_a_coordinator_reads_the_voivodeship_and_writes_nothing() -> None:
    rops = view("coordinator", [], "świętokrzyskie")
    assert may_read(rops, B, "świętokrzyskie")
    assert not may_read(rops, B, "mazowieckie")
    assert not may_write(rops, B)


def test_an_observer_reads_one_gmina_and_a_disabled_account_nothing() -> None:
    assert may_read(view("observer", [A]), A, "x") and not may_write(view("observer", [A]), A)
    assert not may_read(view("facilitator", [A], disabled=True), A, "x")


def test_an_observer_cannot_be_given_a_second_gmina() -> None:
    obs = Account.open("obs", "", "observer", "h", [A], "", date(2026, 1, 1), "admin")
    with pytest.raises(RuleViolationError):
        obs.grant([B], "", date(2026, 1, 2), "admin")


def test_a_username_and_a_role_are_checked() -> None:
    with pytest.raises(InvalidInputError):
        Account.open("a b", "", "facilitator", "h", [], "", date(2026, 1, 1), "admin")
    with pytest.raises(InvalidInputError):
        Account.open("ala", "", "boss", "h", [], "", date(2026, 1, 1), "admin")


def test_a_coordinator_manages_the_accounts_of_her_voivodeship_only() -> None:
    rops = view("coordinator", [], "świętokrzyskie")
    ala = view("facilitator", [A])
    assert may_manage(rops, ala, ["świętokrzyskie"])
    assert not may_manage(rops, ala, ["świętokrzyskie", "mazowieckie"])  # not all her gminas
    assert not may_manage(rops, view("facilitator", []), [])  # an account of no gmina
    assert not may_manage(rops, view("coordinator", [], "mazowieckie"), [])
    assert not may_manage(ala, rops, [])
    assert may_manage(ala, ala, ["świętokrzyskie"], own=True)  # her own tokens
    assert not may_manage(ala, ala, ["świętokrzyskie"])  # but not disabling herself
    assert not may_manage(view("coordinator", [], "świętokrzyskie", True), ala, ["świętokrzyskie"])


def test_tokens_recorded_as_facts_before_the_ledger_still_replay() -> None:
    ala = Account.open("ala", "", "facilitator", "h", [A], "", date(2026, 1, 1), "admin")
    ala.record(Account.TokenIssued, date(2026, 1, 2), "ala", token_id="t1", token_hash="digest")
    events = ala.collect_events()
    assert type(events[-1]).__qualname__ == "Account.TokenIssued"
    replayed = None
    for e in events:
        replayed = e.mutate(replayed)
    assert replayed is not None and replayed.token_hashes == {"t1": "digest"}


def test_an_account_is_disabled_once_and_enabled_once_and_each_refusal_records_nothing() -> None:
    ala = Account.open("ala", "Ala", "facilitator", "h", [A], "", date(2026, 1, 1), "admin")
    with pytest.raises(RuleViolationError, match="ala is not disabled"):
        ala.enable("po urlopie", date(2026, 1, 2), "admin")
    ala.disable("urlop", date(2026, 1, 3), "admin")
    with pytest.raises(RuleViolationError, match="ala is already disabled"):
        ala.disable("urlop", date(2026, 1, 4), "admin")
    assert ala.disabled
    ala.enable("po urlopie", date(2026, 2, 1), "admin")
    assert not ala.disabled
    facts = [type(e).__name__ for e in ala.collect_events()]
    assert facts == ["Opened", "Disabled", "Enabled"]
