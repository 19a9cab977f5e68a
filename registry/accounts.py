"""Use cases: opening accounts, granting gminas, logging in, issuing API tokens.

Passwords are hashed with Argon2id (argon2-cffi); API tokens are random and kept only as
SHA-256 digests, so neither can be read back from the event log.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date
from uuid import UUID

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from domain.account import (
    Account,
    AccountRoll,
    AuthenticationError,
    check_username,
)
from domain.errors import ConflictError, InvalidInputError, NotFoundError
from domain.gmina import Gmina
from registry.access import AccountView, check_access
from registry.base import RegistryBase

HASHER = PasswordHasher()
MIN_PASSWORD = 4


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InvalidInputError("password", f"A password needs at least {MIN_PASSWORD} characters.")
    return password


class AccountUseCases(RegistryBase):
    """Accounts, their gminas, passwords and tokens; and the access check every entrypoint uses."""

    def roll(self) -> AccountRoll:
        try:
            return self.load(AccountRoll, AccountRoll.create_id())
        except NotFoundError:
            return AccountRoll()

    def open_account(
        self,
        username: str,
        *,
        password: str,
        role: str,
        display_name: str = "",
        gmina_ids: list[UUID] | None = None,
        voivodeship: str = "",
        recorded_by: str,
    ) -> UUID:
        """Open an account; the username becomes the name on every fact it records."""
        name = check_username(username)
        try:
            self.load(Account, Account.create_id(name))
        except NotFoundError:
            pass
        else:
            raise ConflictError(f"The username {name} is taken.")
        for gid in gmina_ids or []:
            self.load(Gmina, gid)
        today = date.today()
        account = Account.open(
            name,
            display_name,
            role,
            HASHER.hash(check_password(password)),
            gmina_ids or [],
            voivodeship,
            today,
            recorded_by,
        )
        roll = self.roll()
        roll.enrol(name, today, recorded_by)
        self.commit(account, roll)
        return account.id

    def account(self, username: str) -> Account:
        return self.load(Account, Account.create_id(check_username(username)))

    def grant_account(
        self,
        username: str,
        *,
        gmina_ids: list[UUID] | None = None,
        voivodeship: str = "",
        recorded_by: str,
    ) -> None:
        """Assign further gminas, or a voivodeship, to an account."""
        account = self.account(username)
        for gid in gmina_ids or []:
            self.load(Gmina, gid)
        account.grant(gmina_ids or [], voivodeship, date.today(), recorded_by)
        self.commit(account)

    def set_password(self, username: str, password: str, *, recorded_by: str) -> None:
        account = self.account(username)
        account.change_password(HASHER.hash(check_password(password)), date.today(), recorded_by)
        self.commit(account)

    def disable_account(self, username: str, *, reason: str, recorded_by: str) -> None:
        account = self.account(username)
        account.disable(reason, date.today(), recorded_by)
        self.commit(account)

    def view_account(self, account: Account) -> AccountView:
        return AccountView(
            id=account.id,
            username=account.username,
            display_name=account.display_name,
            role=account.role,
            gmina_ids=list(account.gmina_ids),
            voivodeship=account.voivodeship,
            disabled=account.disabled,
            version=account.version,
        )

    def get_account(self, username: str) -> AccountView:
        return self.view_account(self.account(username))

    def list_accounts(self) -> list[AccountView]:
        return [self.get_account(u) for u in sorted(self.roll().usernames)]

    # --- logging in --------------------------------------------------------------------

    def authenticate(self, username: str, password: str) -> AccountView:
        """The account if the password opens it; one message for every failure."""
        refused = AuthenticationError("Wrong username or password.")
        try:
            account = self.account(username)
        except (NotFoundError, InvalidInputError):
            raise refused from None
        try:
            HASHER.verify(account.password_hash, password)
        except (VerificationError, InvalidHashError):
            raise refused from None
        if account.disabled:
            raise refused
        return self.view_account(account)

    def issue_token(self, username: str, *, recorded_by: str) -> str:
        """A new API token for the account, shown once: ``<account id>.<secret>``."""
        account = self.account(username)
        account.check_active()
        token_id, secret = secrets.token_hex(4), secrets.token_urlsafe(24)
        account.issue_token(token_id, digest(secret), date.today(), recorded_by)
        self.commit(account)
        return f"{account.id.hex}.{token_id}.{secret}"

    def account_for_token(self, token: str) -> AccountView:
        refused = AuthenticationError("The API token is not valid.")
        try:
            account_hex, token_id, secret = token.split(".", 2)
            account = self.load(Account, UUID(hex=account_hex))
        except (ValueError, NotFoundError):
            raise refused from None
        stored = account.token_hashes.get(token_id)
        if stored is None or account.disabled or not hmac.compare_digest(stored, digest(secret)):
            raise refused
        return self.view_account(account)

    def authorise(self, account: AccountView, gmina_id: UUID, *, write: bool) -> None:
        """Refuse unless the account may read (or change) this gmina."""
        gmina = self.load(Gmina, gmina_id)
        check_access(account, gmina_id, gmina.voivodeship, gmina.name, write=write)


DEMO_PASSWORD = "demo"
DEMO_ACCOUNTS = (
    ("moderator", "facilitator", "Moderatorka MLW (demo)"),
    ("rops", "coordinator", "Koordynator ROPS (demo)"),
    ("obserwator", "observer", "Obserwator (demo)"),
)


def open_demo_accounts(reg: AccountUseCases, gmina_id: UUID, voivodeship: str) -> list[str]:
    """Accounts to try the demo gmina with (password ``demo``); ones already open are kept."""
    opened = []
    for username, role, name in DEMO_ACCOUNTS:
        try:
            reg.account(username)
        except NotFoundError:
            reg.open_account(
                username,
                password=DEMO_PASSWORD,
                role=role,
                display_name=name,
                gmina_ids=[] if role == "coordinator" else [gmina_id],
                voivodeship=voivodeship if role == "coordinator" else "",
                recorded_by="demo",
            )
        opened.append(f"{username} / {DEMO_PASSWORD}  ({role})")
    return opened
