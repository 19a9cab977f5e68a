"""Use cases: opening accounts, granting gminas, logging in, issuing and ending access.

Passwords are hashed with Argon2id (registry/passwords.py); API tokens are random, kept
only as SHA-256 digests with an expiry, in the access ledger (registry/access_ledger.py)
with the session epochs and the login audit, so an account's own history holds only the
facts an administrator decides (opened, granted, password changed, disabled, enabled).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from collections import OrderedDict
from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

from domain.account import (
    Account,
    AccountRoll,
    AuthenticationError,
    LoginThrottledError,
    check_username,
)
from domain.errors import ConflictError, InvalidInputError, NotFoundError
from domain.gmina import Gmina
from registry.access import (
    AccountView,
    check_may_manage,
    management_refused,
    may_manage_others,
)
from registry.access_ledger import (
    LOGIN_FAILED,
    LOGIN_OK,
    SESSIONS_ENDED,
    TOKEN_ISSUED,
    TOKENS_REVOKED,
    AccessLedger,
    AuditEntry,
    StoredToken,
    access_ledger_for,
)
from registry.base import RegistryBase
from registry.login_throttle import Throttle, retry_after
from registry.passwords import check_password, hash_password, password_opens
from registry.personal_data import PersonData

if TYPE_CHECKING:
    from registry.application import Registry


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class SeenAccounts:
    """Accounts as last seen by this process, for the check every request makes.

    An entry holds while the account's history has no newer fact (its version), its session
    epoch is the same and its display name's key is not erased: each is one indexed read,
    where loading the account and unsealing its name again cost several.
    """

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self.seen: OrderedDict[str, tuple[int, int, AccountView]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, username: str, epoch: int, version: int) -> AccountView | None:
        with self.lock:
            entry = self.seen.get(username)
            if entry is None or entry[:2] != (epoch, version):
                return None
            self.seen.move_to_end(username)
            return entry[2]

    def put(self, epoch: int, view: AccountView) -> None:
        with self.lock:
            self.seen[view.username] = (epoch, view.version, view)
            self.seen.move_to_end(view.username)
            while len(self.seen) > self.size:
                self.seen.popitem(last=False)


class Accounts:
    """Accounts, their gminas, passwords and tokens; and the access check every entrypoint uses."""

    throttle = Throttle()

    def __init__(self, app: RegistryBase) -> None:
        self.app = app
        self.access: AccessLedger = access_ledger_for(app.factory, app.settings.create_tables)
        self.seen = SeenAccounts()

    def roll(self) -> AccountRoll:
        try:
            return self.app.load(AccountRoll, AccountRoll.create_id())
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
        password_hash = hash_password(password, name)
        try:
            self.app.load(Account, Account.create_id(name))
        except NotFoundError:
            pass
        else:
            raise ConflictError("The username {name} is taken.", name=name)
        for gid in gmina_ids or []:
            self.app.load(Gmina, gid)
        today = date.today()
        # The display name is a person's name: sealed under a key of its own, never plain.
        sealed = (
            self.app.vault.seal(PersonData(display_name.strip())) if display_name.strip() else None
        )
        account = Account.open(
            name,
            "",
            role,
            password_hash,
            gmina_ids or [],
            voivodeship,
            today,
            recorded_by,
            sealed_name=sealed,
        )
        roll = self.roll()
        roll.enrol(name, today, recorded_by)
        self.app.commit(account, roll)
        return account.id

    def account(self, username: str) -> Account:
        return self.app.load(Account, Account.create_id(check_username(username)))

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
            self.app.load(Gmina, gid)
        account.grant(gmina_ids or [], voivodeship, date.today(), recorded_by)
        self.app.commit(account)

    def set_password(self, username: str, password: str, *, recorded_by: str) -> None:
        """A new password; every session and token of the account ends with the old one."""
        account = self.account(username)
        account.change_password(
            hash_password(password, account.username), date.today(), recorded_by
        )
        self.commit_ending_sessions(account, recorded_by)

    def disable_account(self, username: str, *, reason: str, recorded_by: str) -> None:
        """Shut an account at once: its sessions and tokens end, no login opens it."""
        account = self.account(username)
        account.disable(reason, date.today(), recorded_by)
        self.commit_ending_sessions(account, recorded_by)

    def commit_ending_sessions(self, account: Account, recorded_by: str) -> None:
        """Record the account's change; every session and token it had ends with it."""
        self.access.raise_epoch(account.username)
        self.app.commit(account)
        self._note(account.username, SESSIONS_ENDED, recorded_by)

    def enable_account(self, username: str, *, reason: str, recorded_by: str) -> None:
        """Open a disabled account again; it logs in afresh (old tokens stay ended)."""
        account = self.account(username)
        account.enable(reason, date.today(), recorded_by)
        self.app.commit(account)

    def rename_account(self, username: str, display_name: str, *, recorded_by: str) -> None:
        """A new display name, sealed under the account's person key (a new person when the
        account had none or its person was erased); shown in place of any earlier name."""
        account = self.account(username)
        name = display_name.strip()
        if not name:
            raise InvalidInputError("display_name", "A display name cannot be empty.")
        person_id = account.sealed_name.person_id if account.sealed_name else None
        if person_id is not None and self.app.vault.keys.get(person_id) is None:
            person_id = None
        account.rename(self.app.vault.seal(PersonData(name), person_id), date.today(), recorded_by)
        self.app.commit(account)

    def display_name_of(self, account: Account) -> str:
        """The sealed name while its person is not erased, else the username; accounts
        opened before names were sealed show the plain name they were opened with."""
        if account.sealed_name is not None:
            data = self.app.vault.unseal(account.sealed_name)
            return data.name if data is not None else account.username
        return account.display_name

    def view_account(self, account: Account) -> AccountView:
        return AccountView(
            id=account.id,
            username=account.username,
            display_name=self.display_name_of(account),
            person_id=account.sealed_name.person_id if account.sealed_name else None,
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

    def authenticate(self, username: str, password: str, *, client: str = "") -> AccountView:
        """The account if the password opens it; one message, and one hash's time, for every
        failure. Too many failures for the account or from the client address must wait."""
        now = self.app.clock()
        name = username.strip().lower()[:80]
        self._check_not_throttled(name, client, now)
        try:
            account: Account | None = self.account(username)
        except (NotFoundError, InvalidInputError):
            account = None
        opened = password_opens(account.password_hash if account else None, password)
        if account is None or not opened or account.disabled:
            self.access.record(AuditEntry(now, name, client, LOGIN_FAILED, name))
            raise AuthenticationError(
                "Nieprawidłowa nazwa użytkownika lub hasło. (Wrong username or password.)"
            )
        self.access.record(AuditEntry(now, account.username, client, LOGIN_OK, account.username))
        return self.view_account(account)

    def _check_not_throttled(self, name: str, client: str, now: float) -> None:
        rule = self.throttle
        wait = rule.wait(self.access.failures_of_account(name, now - rule.account_window), now)
        if client:
            failures = self.access.failures_from_client(client, now - rule.client_window)
            wait = max(wait, rule.wait(failures, now))
        if wait > 0:
            # Not written to the audit: a refused attempt checks nothing, and a flood of
            # them must not fill the disk.
            raise LoginThrottledError(retry_after(wait))

    def session_epoch(self, username: str) -> int:
        """The account's current session epoch: a session or token of an older one is over."""
        return self.access.epoch(check_username(username))

    def account_for_session(self, username: str, epoch: int) -> AccountView:
        """The account a page session belongs to, while that session has not been ended."""
        refused = AuthenticationError("Sesja wygasła; zaloguj się ponownie. (Session ended.)")
        try:
            name = check_username(username)
        except InvalidInputError:
            raise refused from None
        if epoch != self.access.epoch(name):
            raise refused
        account = self.active_account(name, epoch)
        if account is None:
            raise refused
        return account

    def active_account(self, username: str, epoch: int) -> AccountView | None:
        """The account as it stands, if it exists and is not disabled; served from the
        accounts seen while its history, its epoch and its name's key are unchanged."""
        latest = self.app.recorder.select_events(Account.create_id(username), desc=True, limit=1)
        if not latest:
            return None
        view = self.seen.get(username, epoch, latest[0].originator_version)
        if view is not None and (
            view.person_id is None or self.app.vault.keys.get(view.person_id) is not None
        ):
            return None if view.disabled else view
        try:
            view = self.view_account(self.account(username))
        except NotFoundError:
            return None
        self.seen.put(epoch, view)
        return None if view.disabled else view

    def issue_token(self, username: str, *, recorded_by: str, client: str = "") -> str:
        """A new API token for the account, shown once; it expires after the hours set."""
        account = self.account(username)
        account.check_active()
        now = self.app.clock()
        token_id, secret = secrets.token_hex(8), secrets.token_urlsafe(24)
        self.access.add_token(
            StoredToken(
                token_id=token_id,
                username=account.username,
                digest=digest(secret),
                epoch=self.access.epoch(account.username),
                issued_at=now,
                expires_at=now + self.app.settings.token_hours * 3600,
                revoked_at=None,
            )
        )
        self.access.record(AuditEntry(now, account.username, client, TOKEN_ISSUED, recorded_by))
        return f"{token_id}.{secret}"

    def account_for_token(self, token: str) -> AccountView:
        """The account a bearer token opens: not expired, not revoked, not ended."""
        username, epoch = self.token_holder(token)
        account = self.active_account(username, epoch)
        if account is None:
            raise token_refused()
        return account

    def token_holder(self, token: str) -> tuple[str, int]:
        """Whose a bearer token is, and the session epoch it was issued in, while it is not
        expired, revoked or ended (whether the account itself is still open, not asked)."""
        token_id, _, secret = token.partition(".")
        stored = self.access.token(token_id) if token_id and secret else None
        if stored is None or not hmac.compare_digest(stored.digest, digest(secret)):
            raise token_refused()
        if stored.revoked_at is not None or self.app.clock() >= stored.expires_at:
            raise token_refused()
        if stored.epoch != self.access.epoch(stored.username):
            raise token_refused()
        return stored.username, stored.epoch

    def end_sessions(self, username: str, *, recorded_by: str, client: str = "") -> None:
        """Log out everywhere: every page session and API token of the account ends now."""
        name = check_username(username)
        self.access.raise_epoch(name)
        self._note(name, SESSIONS_ENDED, recorded_by, client)

    def revoke_tokens(self, username: str, *, recorded_by: str) -> int:
        """Revoke every API token of the account; returns how many were still live."""
        account = self.account(username)
        revoked = self.access.revoke_tokens(account.username, self.app.clock())
        self._note(account.username, TOKENS_REVOKED, recorded_by)
        return revoked

    def login_audit(self, username: str, limit: int = 50) -> list[AuditEntry]:
        """The latest logins, refusals, tokens and revocations of one account, newest first."""
        return self.access.audit(check_username(username), limit)

    def _note(self, username: str, what: str, by: str, client: str = "") -> None:
        self.access.record(AuditEntry(self.app.clock(), username, client, what, by))

    # --- who may do what -----------------------------------------------------------------

    def authorise_management(
        self, manager: AccountView, username: str, *, own: bool = False
    ) -> AccountView:
        """The account to manage, if the manager may revoke, disable or enable it (with
        ``own``, an account's own tokens and audit are its own business too)."""
        name = check_username(username)
        if not (own and name == manager.username) and not may_manage_others(manager):
            raise management_refused(manager, name)
        target = self.get_account(name)
        voivodeships = [self.app.load(Gmina, g).voivodeship for g in target.gmina_ids]
        check_may_manage(manager, target, voivodeships, own=own)
        return target


def token_refused() -> AuthenticationError:
    return AuthenticationError("The API token is not valid, has expired or was revoked.")


DEMO_PASSWORD = "zielony-jar-demo"
DEMO_ACCOUNTS = (
    ("moderator", "facilitator", "Moderatorka MLW (demo)"),
    ("rops", "coordinator", "Koordynator ROPS (demo)"),
    ("obserwator", "observer", "Obserwator (demo)"),
)


def open_demo_accounts(reg: Registry, gmina_id: UUID, voivodeship: str) -> list[str]:
    """Accounts to try the demo gmina with (password ``zielony-jar-demo``); ones already open
    are kept, and said so when their password is no longer the demo one."""
    opened = []
    for username, role, name in DEMO_ACCOUNTS:
        try:
            account = reg.account(username)
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
        else:
            if not password_opens(account.password_hash, DEMO_PASSWORD):
                opened.append(f"{username} / (hasło zmienione; password changed)  ({role})")
                continue
        opened.append(f"{username} / {DEMO_PASSWORD}  ({role})")
    return opened


__all__ = ["DEMO_ACCOUNTS", "DEMO_PASSWORD", "Accounts", "check_password"]
