"""Accounts of the people who work in the registry: facilitators, coordinators, observers."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, ClassVar
from uuid import NAMESPACE_URL, UUID, uuid5

from domain.errors import DomainError, InvalidInputError, RuleViolationError
from domain.history import Fact, Moves, OneInRegistry, Record, Sets, Starts
from domain.values import Sealed

FACILITATOR, COORDINATOR, OBSERVER = "facilitator", "coordinator", "observer"
ROLES = (FACILITATOR, COORDINATOR, OBSERVER)
ROLE_LABELS_PL = {
    FACILITATOR: "moderator/ka",
    COORDINATOR: "koordynator/ka regionalny/a",
    OBSERVER: "obserwator/ka",
}


class AccessDeniedError(DomainError):
    """Raised when an account would read or change a gmina outside its assignment."""


class AuthenticationError(DomainError):
    """Raised when a username, password or token does not open an active account."""


class LoginThrottledError(AuthenticationError):
    """Raised when a login comes too soon after repeated failures; says when to try again."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"Zbyt wiele nieudanych prób logowania; spróbuj ponownie za {retry_after} s. "
            f"(Too many failed logins; try again in {retry_after} s.)"
        )
        self.retry_after = retry_after


def check_username(username: str) -> str:
    """A login name: 2–40 lower-case letters, digits, dots, dashes or underscores."""
    name = username.strip().lower()
    if not re.fullmatch(r"[a-z0-9._-]{2,40}", name):
        raise InvalidInputError(
            "username",
            "A username is 2–40 letters, digits, '.', '-' or '_'; got {username!r}.",
            username=username,
        )
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise InvalidInputError(
            "role", "Role must be one of {names}, got {role!r}.", names=", ".join(ROLES), role=role
        )
    return role


class Account(Record):
    """One person's way in: a role and the gminas (or the voivodeship) it covers.

    The password hash is an opaque string made and checked by the registry.
    """

    @staticmethod
    def create_id(username: str) -> UUID:
        return uuid5(NAMESPACE_URL, f"mlw:account:{username}")

    @classmethod
    def open(
        cls,
        username: str,
        display_name: str,
        role: str,
        password_hash: str,
        gmina_ids: list[UUID],
        voivodeship: str,
        effective_on: date,
        recorded_by: str,
        sealed_name: Sealed | None = None,
    ) -> Account:
        """Open an account. A person's name comes ``sealed_name`` (under a key of the
        person's own, so erasing them ends it); the plain ``display_name`` is then not kept,
        the username stands in its place in the fact."""
        role = check_role(role)
        if role == COORDINATOR and not voivodeship:
            raise InvalidInputError("voivodeship", "A regional coordinator needs a voivodeship.")
        if role == OBSERVER and len(gmina_ids) > 1:
            raise InvalidInputError("gmina", "An observer reads one gmina only.")
        return cls.start(
            cls.Opened,
            effective_on,
            recorded_by,
            username=check_username(username),
            display_name=username if sealed_name else display_name.strip() or username,
            role=role,
            password_hash=password_hash,
            gmina_ids=list(gmina_ids),
            voivodeship=voivodeship,
            sealed_name=sealed_name,
        )

    class Opened(Starts):
        # Version 1 kept the display name in plain text; version 2 seals it (sealed_name).
        class_version = 2
        username: str
        display_name: str
        role: str
        password_hash: str
        gmina_ids: list[UUID]
        voivodeship: str
        sealed_name: Sealed | None = None

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state.setdefault("sealed_name", None)

    def __init__(self) -> None:
        self.username: str
        self.display_name: str
        self.sealed_name: Sealed | None
        self.role: str
        self.password_hash: str
        self.gmina_ids: list[UUID]
        self.voivodeship: str
        self.disabled = False
        self.token_hashes: dict[str, str] = {}

    def check_active(self) -> None:
        if self.disabled:
            raise RuleViolationError("The account {username} is disabled.", username=self.username)

    def grant(
        self, gmina_ids: list[UUID], voivodeship: str, effective_on: date, recorded_by: str
    ) -> None:
        """Assign gminas (facilitator, observer) or a voivodeship (coordinator)."""
        self.check_active()
        if self.role == OBSERVER and len(set(self.gmina_ids) | set(gmina_ids)) > 1:
            raise RuleViolationError("An observer reads one gmina only.")
        if self.role == COORDINATOR and not voivodeship:
            raise InvalidInputError("voivodeship", "A regional coordinator needs a voivodeship.")
        self.record(
            self.Granted,
            effective_on,
            recorded_by,
            gmina_ids=list(gmina_ids),
            voivodeship=voivodeship,
        )

    class Granted(Fact):
        gmina_ids: list[UUID]
        voivodeship: str

        def apply(self, account: Account) -> None:
            account.gmina_ids = list(dict.fromkeys([*account.gmina_ids, *self.gmina_ids]))
            account.voivodeship = self.voivodeship or account.voivodeship

    class PasswordChanged(Sets):
        password_hash: str

    def change_password(self, password_hash: str, effective_on: date, recorded_by: str) -> None:
        self.record(self.PasswordChanged, effective_on, recorded_by, password_hash=password_hash)

    # Tokens were once facts of the account, one per login; they now live in the access
    # ledger beside the events. These two stay so that earlier records still replay.
    class TokenIssued(Fact):
        token_id: str
        token_hash: str

        def apply(self, account: Account) -> None:
            account.token_hashes[self.token_id] = self.token_hash

    class TokenRevoked(Fact):
        token_id: str

        def apply(self, account: Account) -> None:
            account.token_hashes.pop(self.token_id, None)

    class Renamed(Sets):
        sealed_name: Sealed

    def rename(self, sealed_name: Sealed, effective_on: date, recorded_by: str) -> None:
        """A new display name, sealed; it is shown in place of any name given before."""
        self.record(self.Renamed, effective_on, recorded_by, sealed_name=sealed_name)

    def disable(self, reason: str, effective_on: date, recorded_by: str) -> None:
        """Shut the account: no login, no session, no token opens it until enabled again."""
        self.switch(True, reason, effective_on, recorded_by)

    def enable(self, reason: str, effective_on: date, recorded_by: str) -> None:
        """Open a disabled account again (its old sessions and tokens stay ended)."""
        self.switch(False, reason, effective_on, recorded_by)

    def switch(self, disabled: bool, reason: str, effective_on: date, recorded_by: str) -> None:
        """Disable or enable the account; refused when it already is so."""
        if self.disabled and disabled:
            raise RuleViolationError(
                "The account {username} is already disabled.", username=self.username
            )
        if not (self.disabled or disabled):
            raise RuleViolationError(
                "The account {username} is not disabled.", username=self.username
            )
        fact = self.Disabled if disabled else self.Enabled
        self.record(fact, effective_on, recorded_by, reason=reason)

    class Disabled(Moves):
        TO: ClassVar = {"disabled": True}
        reason: str

    class Enabled(Moves):
        TO: ClassVar = {"disabled": False}
        reason: str


class AccountRoll(OneInRegistry):
    """The list of every account's username, so accounts can be listed."""

    NAME = "mlw:account-roll"

    def open_empty(self) -> None:
        self.usernames: list[str] = []

    class Enrolled(Fact):
        username: str

        def apply(self, roll: AccountRoll) -> None:
            roll.usernames.append(self.username)

    def enrol(self, username: str, effective_on: date, recorded_by: str) -> None:
        self.record(self.Enrolled, effective_on, recorded_by, username=username)
