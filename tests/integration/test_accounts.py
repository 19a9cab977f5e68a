"""Accounts on every store: passwords, tokens, sessions, throttled logins, the gminas they open."""

from datetime import date

import pytest

import registry.passwords as passwords
from domain.account import AccessDeniedError, AuthenticationError, LoginThrottledError
from domain.errors import ConflictError, InvalidInputError, RuleViolationError
from registry.accounts import open_demo_accounts
from registry.application import Registry
from registry.settings import Settings, SettingsError

PASSWORD = "tajne-haslo-1"


class Clock:
    """A clock the test moves by hand: seconds since the epoch."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(registry: Registry) -> Clock:
    registry.clock = Clock()
    return registry.clock  # type: ignore[return-value]


def open_ala(registry: Registry) -> None:
    gid = registry.register_gmina(
        "2640013", "Zielony Jar", "z", recorded_by="admin", effective_on=date(2025, 9, 1)
    )
    registry.open_account(
        "ala", password=PASSWORD, role="facilitator", gmina_ids=[gid], recorded_by="admin"
    )


def test_a_facilitator_logs_in_gets_a_token_and_reaches_only_her_gmina(registry: Registry) -> None:
    a = registry.register_gmina(
        "2640013", "Zielony Jar", "z", recorded_by="admin", effective_on=date(2025, 9, 1)
    )
    b = registry.register_gmina(
        "2602011", "Inna", "x", recorded_by="admin", effective_on=date(2025, 9, 1)
    )
    registry.open_account(
        "ala", password=PASSWORD, role="facilitator", gmina_ids=[a], recorded_by="admin"
    )
    with pytest.raises(ConflictError):
        registry.open_account("ala", password="inne-haslo-2", role="observer", recorded_by="admin")
    with pytest.raises(AuthenticationError):
        registry.authenticate("ala", "wrong")
    ala = registry.authenticate("ala", PASSWORD)
    token = registry.issue_token("ala", recorded_by="ala")
    assert registry.account_for_token(token).username == "ala"
    with pytest.raises(AuthenticationError):
        registry.account_for_token(token[:-2] + "xx")
    registry.authorise(ala, a, write=True)
    with pytest.raises(AccessDeniedError):
        registry.authorise(ala, b, write=False)
    facts = registry.history(ala.id)
    assert [f.recorded_by for f in facts] == ["admin"]
    assert PASSWORD not in str([f.details for f in facts])


def test_logins_and_tokens_go_to_the_login_audit_not_the_accounts_history(
    registry: Registry,
) -> None:
    open_ala(registry)
    account_id = registry.get_account("ala").id
    for _ in range(10):
        registry.authenticate("ala", PASSWORD, client="10.0.0.7")
        registry.issue_token("ala", recorded_by="ala", client="10.0.0.7")
    assert registry.get_account("ala").version == 1
    assert len(registry.history(account_id)) == 1
    audit = registry.login_audit("ala")
    assert [e.what for e in audit[:2]] == ["token issued", "login"]
    assert len(audit) == 20 and {e.client for e in audit} == {"10.0.0.7"}


def test_a_token_expires_after_the_hours_set(registry: Registry, clock: Clock) -> None:
    open_ala(registry)
    token = registry.issue_token("ala", recorded_by="ala")
    clock.advance(registry.settings.token_hours * 3600 - 1)
    assert registry.account_for_token(token).username == "ala"
    clock.advance(1)
    with pytest.raises(AuthenticationError, match="expired"):
        registry.account_for_token(token)


def test_logging_out_ends_every_session_and_token_of_the_account(registry: Registry) -> None:
    open_ala(registry)
    epoch = registry.session_epoch("ala")
    token = registry.issue_token("ala", recorded_by="ala")
    assert registry.account_for_session("ala", epoch).username == "ala"
    registry.end_sessions("ala", recorded_by="ala")
    with pytest.raises(AuthenticationError):
        registry.account_for_session("ala", epoch)
    with pytest.raises(AuthenticationError):
        registry.account_for_token(token)
    fresh = registry.session_epoch("ala")
    assert registry.account_for_session("ala", fresh).username == "ala"


def test_a_new_password_ends_the_old_sessions_and_tokens(registry: Registry) -> None:
    open_ala(registry)
    epoch = registry.session_epoch("ala")
    token = registry.issue_token("ala", recorded_by="ala")
    registry.set_password("ala", "nowe haslo jesienne", recorded_by="admin")
    with pytest.raises(AuthenticationError):
        registry.account_for_token(token)
    with pytest.raises(AuthenticationError):
        registry.account_for_session("ala", epoch)
    with pytest.raises(AuthenticationError):
        registry.authenticate("ala", PASSWORD)
    assert registry.authenticate("ala", "nowe haslo jesienne").username == "ala"


def test_a_disabled_account_opens_nothing_until_enabled_and_logged_in_afresh(
    registry: Registry,
) -> None:
    open_ala(registry)
    epoch = registry.session_epoch("ala")
    token = registry.issue_token("ala", recorded_by="ala")
    registry.disable_account("ala", reason="Laptop skradziony", recorded_by="admin")
    for attempt in (
        lambda: registry.account_for_token(token),
        lambda: registry.account_for_session("ala", epoch),
        lambda: registry.authenticate("ala", PASSWORD),
    ):
        with pytest.raises(AuthenticationError):
            attempt()
    with pytest.raises(RuleViolationError):
        registry.disable_account("ala", reason="again", recorded_by="admin")
    registry.enable_account("ala", reason="Nowy laptop", recorded_by="admin")
    with pytest.raises(AuthenticationError):
        registry.account_for_token(token)
    assert registry.authenticate("ala", PASSWORD).username == "ala"
    assert [f.fact for f in registry.history(registry.get_account("ala").id)] == [
        "Opened",
        "Disabled",
        "Enabled",
    ]


def test_revoking_ends_every_token_but_not_the_page_session(registry: Registry) -> None:
    open_ala(registry)
    epoch = registry.session_epoch("ala")
    tokens = [registry.issue_token("ala", recorded_by="ala") for _ in range(3)]
    assert registry.revoke_tokens("ala", recorded_by="admin") == 3
    for token in tokens:
        with pytest.raises(AuthenticationError):
            registry.account_for_token(token)
    assert registry.account_for_session("ala", epoch).username == "ala"
    assert registry.account_for_token(registry.issue_token("ala", recorded_by="ala"))


def test_after_five_failures_an_account_waits_longer_and_longer(
    registry: Registry, clock: Clock
) -> None:
    open_ala(registry)
    for _ in range(5):
        with pytest.raises(AuthenticationError):
            registry.authenticate("ala", "zgadywane haslo")
    with pytest.raises(LoginThrottledError) as first:
        registry.authenticate("ala", PASSWORD)  # even the right password waits
    assert first.value.retry_after == 1 and "spróbuj ponownie za 1 s" in str(first.value)
    clock.advance(1)
    with pytest.raises(AuthenticationError) as wrong:
        registry.authenticate("ala", "zgadywane haslo")
    assert not isinstance(wrong.value, LoginThrottledError)
    with pytest.raises(LoginThrottledError) as second:
        registry.authenticate("ala", PASSWORD)
    assert second.value.retry_after == 2
    clock.advance(2)
    assert registry.authenticate("ala", PASSWORD).username == "ala"
    with pytest.raises(AuthenticationError) as after_success:
        registry.authenticate("ala", "zgadywane haslo")
    assert not isinstance(after_success.value, LoginThrottledError)


def test_failures_from_one_address_slow_down_every_name_tried_from_it(
    registry: Registry, clock: Clock
) -> None:
    open_ala(registry)
    for name in ("adam", "basia", "celina", "darek", "ewa"):
        with pytest.raises(AuthenticationError):
            registry.authenticate(name, "haslo123456789", client="203.0.113.9")
    with pytest.raises(LoginThrottledError):
        registry.authenticate("ala", PASSWORD, client="203.0.113.9")
    assert registry.authenticate("ala", PASSWORD, client="198.51.100.1").username == "ala"
    clock.advance(3600)
    assert registry.authenticate("ala", PASSWORD, client="203.0.113.9").username == "ala"


def test_an_unknown_name_costs_one_hash_like_a_wrong_password(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_ala(registry)
    checked: list[str] = []
    real = passwords.HASHER

    class CountingHasher:
        def verify(self, hash: str, password: str) -> bool:
            checked.append(password)
            return real.verify(hash, password)

    monkeypatch.setattr(passwords, "HASHER", CountingHasher())
    for name in ("ala", "nikt", "x"):
        with pytest.raises(AuthenticationError, match="Wrong username or password"):
            registry.authenticate(name, "zle haslo 123")
    assert checked == ["zle haslo 123"] * 3


@pytest.mark.parametrize(
    ("password", "says"),
    [
        ("krotkie", "co najmniej 12 znaków"),
        ("            ", "samych spacji"),
        ("aaaaaaaaaaaaaaaa", "jednym znakiem"),
        ("Wiktoria.Kos", "nazwą użytkownika"),
    ],
)
def test_a_weak_password_is_refused_in_words_and_nothing_is_recorded(
    memory_registry: Registry, password: str, says: str
) -> None:
    with pytest.raises(InvalidInputError, match=says) as refused:
        memory_registry.open_account(
            "wiktoria.kos", password=password, role="coordinator", voivodeship="x", recorded_by="a"
        )
    assert refused.value.field == "password"
    assert memory_registry.list_accounts() == []
    memory_registry.open_account(
        "wiktoria.kos", password=PASSWORD, role="coordinator", voivodeship="x", recorded_by="a"
    )
    with pytest.raises(InvalidInputError, match="co najmniej 12 znaków"):
        memory_registry.set_password("wiktoria.kos", "demo", recorded_by="a")
    assert len(memory_registry.history(memory_registry.get_account("wiktoria.kos").id)) == 1


def test_tokens_never_open_an_account_for_ever() -> None:
    assert Settings.from_env({}).token_hours == 8
    assert Settings.from_env({"MLW_TOKEN_HOURS": "1.5"}).token_hours == 1.5
    for hours in ("0", "-1", "100000", "inf", "nan", "wiecznie"):
        with pytest.raises(SettingsError):
            Settings.from_env({"MLW_TOKEN_HOURS": hours})


def test_the_demo_accounts_open_once(memory_registry: Registry) -> None:
    g = memory_registry.register_gmina(
        "2640013", "Zielony Jar", "z", recorded_by="admin", effective_on=date(2025, 9, 1)
    )
    first = open_demo_accounts(memory_registry, g, "świętokrzyskie")
    assert open_demo_accounts(memory_registry, g, "świętokrzyskie") == first
    assert "moderator / zielony-jar-demo  (facilitator)" in first
    assert [a.role for a in memory_registry.list_accounts()] == [
        "facilitator",
        "observer",
        "coordinator",
    ]
    memory_registry.set_password("moderator", "moje wlasne haslo", recorded_by="moderator")
    assert "zielony-jar-demo" not in open_demo_accounts(memory_registry, g, "świętokrzyskie")[0]
