"""Accounts on every store: passwords, tokens, and the gminas they open."""

from datetime import date

import pytest

from domain.account import AccessDeniedError, AuthenticationError
from domain.errors import ConflictError
from registry.accounts import open_demo_accounts
from registry.application import Registry


def test_a_facilitator_logs_in_gets_a_token_and_reaches_only_her_gmina(registry: Registry) -> None:
    a = registry.register_gmina(
        "2640013", "Zielony Jar", "z", recorded_by="admin", effective_on=date(2025, 9, 1)
    )
    b = registry.register_gmina(
        "2602011", "Inna", "x", recorded_by="admin", effective_on=date(2025, 9, 1)
    )
    registry.open_account(
        "ala", password="tajne1", role="facilitator", gmina_ids=[a], recorded_by="admin"
    )
    with pytest.raises(ConflictError):
        registry.open_account("ala", password="x1234", role="observer", recorded_by="admin")
    with pytest.raises(AuthenticationError):
        registry.authenticate("ala", "wrong")
    ala = registry.authenticate("ala", "tajne1")
    token = registry.issue_token("ala", recorded_by="ala")
    assert registry.account_for_token(token).username == "ala"
    with pytest.raises(AuthenticationError):
        registry.account_for_token(token[:-2] + "xx")
    registry.authorise(ala, a, write=True)
    with pytest.raises(AccessDeniedError):
        registry.authorise(ala, b, write=False)
    facts = registry.history(ala.id)
    assert [f.recorded_by for f in facts] == ["admin", "ala"]
    assert "tajne1" not in str([f.details for f in facts])


def test_the_demo_accounts_open_once(memory_registry: Registry) -> None:
    g = memory_registry.register_gmina(
        "2640013", "Zielony Jar", "z", recorded_by="admin", effective_on=date(2025, 9, 1)
    )
    first = open_demo_accounts(memory_registry, g, "świętokrzyskie")
    assert open_demo_accounts(memory_registry, g, "świętokrzyskie") == first
    assert [a.role for a in memory_registry.list_accounts()] == [
        "facilitator",
        "observer",
        "coordinator",
    ]
