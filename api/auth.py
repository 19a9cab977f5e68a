"""Who is asking, and may they: sessions for the pages, bearer tokens for the API.

Every gmina route depends on ``ReadScope`` or ``WriteScope``; both ask the registry's one
access rule (registry/access.py). Page forms carry a CSRF token checked here.

The account and the gmina scope are found once per request (the router's guard and the
route's own scope share them through ``request.state``), in one trip to the thread pool:
the dependencies themselves are ``async`` and do no blocking work on the event loop.
"""

from __future__ import annotations

import hmac
import secrets
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import Annotated
from uuid import UUID

from fastapi import Depends, Form, Request
from starlette.concurrency import run_in_threadpool

from api.deps import RegistryDep
from domain.account import AccessDeniedError, AuthenticationError
from domain.errors import NotFoundError, WrongGminaError
from registry.access import AccountView
from registry.application import Registry


class LoginRequiredError(AuthenticationError):
    """Raised when a page or the API is asked for by someone not logged in."""


def account_of(request: Request, registry: Registry) -> AccountView:
    """The API answers bearer tokens only; the pages answer the signed session cookie."""
    known: AccountView | None = getattr(request.state, "account", None)
    if known is not None:
        return known
    account = find_account(request, registry)
    request.state.account = account
    return account


def find_account(request: Request, registry: Registry) -> AccountView:
    if request.url.path.startswith("/api/"):
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise LoginRequiredError("Send an API token: Authorization: Bearer <token>.")
        return registry.account_for_token(token.strip())
    username = request.session.get("username")
    if not username:
        raise LoginRequiredError("Log in first.")
    try:
        # A session ends with its epoch: logging out, a new password or a disabled account
        # raise the epoch, so even a copy of the cookie opens nothing any more.
        return registry.account_for_session(username, request.session.get("epoch", -1))
    except AuthenticationError:
        request.session.clear()
        raise LoginRequiredError("Log in first.") from None


async def current_account(request: Request, registry: RegistryDep) -> AccountView:
    """The account asking (found in the thread pool: it reads the store)."""
    known: AccountView | None = getattr(request.state, "account", None)
    if known is not None:
        return known
    return await run_in_threadpool(account_of, request, registry)


def client_address(request: Request) -> str:
    """The address a login came from (behind a proxy, as uvicorn's --forwarded-allow-ips says)."""
    return request.client.host if request.client else ""


AccountDep = Annotated[AccountView, Depends(current_account)]


@dataclass(frozen=True)
class Scope:
    """One account at work in one gmina; sub-records are looked up only inside it."""

    registry: Registry
    account: AccountView
    gmina_id: UUID
    ref: str

    @property
    def by(self) -> str:
        """The name every fact recorded through this scope carries."""
        return self.account.username

    def stakeholder(self, stakeholder_id: UUID) -> UUID:
        if self.registry.get_stakeholder(stakeholder_id).gmina_id != self.gmina_id:
            raise NotFoundError("No such record in this gmina.")
        return stakeholder_id

    def meeting(self, meeting_id: UUID) -> UUID:
        return self.inside(lambda: self.registry.meeting(meeting_id, self.gmina_id))

    def resolution(self, resolution_id: UUID) -> UUID:
        return self.inside(lambda: self.registry.resolution(resolution_id, self.gmina_id))

    def person(self, person_id: UUID) -> UUID:
        """A natural person named in this gmina's catalogue or pact; anyone else is unknown."""
        reg = self.registry
        known = {s.person_id for s in reg.catalogue(self.gmina_id, include_archived=True)}
        # Before the partnership is opened there is no pact, and so no representatives.
        with suppress(NotFoundError):
            known |= {p.representative_person_id for p in reg.get_pact(self.gmina_id).parties}
        if person_id not in known:
            raise NotFoundError("No such person in this gmina's records.")
        return person_id

    def inside(self, load: object) -> UUID:
        # Another gmina's record is, from here, no record at all.
        try:
            record = load()  # type: ignore[operator]
        except WrongGminaError:
            raise NotFoundError("No such record in this gmina.") from None
        return record.id  # type: ignore[no-any-return]


def scope(ref: str, registry: Registry, account: AccountView, *, write: bool) -> Scope:
    gmina_id = registry.find_gmina(ref)
    registry.authorise(account, gmina_id, write=write)
    return Scope(registry, account, gmina_id, ref)


# Where everything an account's scope and a read of a gmina depend on stands: the log's
# last position, how many persons were ever erased, and the day.
Stamp = tuple[int, int, str]


def stamp_of(request: Request, registry: Registry) -> Stamp:
    """The stamp, looked up once per request."""
    known: Stamp | None = getattr(request.state, "stamp", None)
    if known is None:
        log = registry.recorder.max_notification_id() or 0
        known = request.state.stamp = (log, registry.vault.erasures(), date.today().isoformat())
    return known


class Admissions:
    """The scopes bearer tokens opened, per holder (username, session epoch, gmina as asked,
    writing or not), while the stamp holds: the account's history and every grant and
    gmina are facts of the log, so the same stamp opens the same scope. The token itself
    is looked at on every request (revoked, expired, ended)."""

    def __init__(self, room: int = 1024) -> None:
        self.room = room
        self.scopes: dict[tuple[str, int, str, bool], tuple[Stamp, Scope]] = {}

    def scope(self, request: Request, ref: str, registry: Registry, write: bool) -> Scope:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if not request.url.path.startswith("/api/") or scheme.lower() != "bearer" or not token:
            return scope(ref, registry, account_of(request, registry), write=write)
        stamp = stamp_of(request, registry)
        holder = (*registry.token_holder(token.strip()), ref, write)
        known = self.scopes.get(holder)
        if known is not None and known[0] == stamp:
            request.state.account = known[1].account
            return known[1]
        found = scope(ref, registry, account_of(request, registry), write=write)
        if len(self.scopes) >= self.room:
            self.scopes.clear()
        self.scopes[holder] = (stamp, found)
        return found


def request_scope(request: Request, ref: str, registry: Registry, write: bool) -> Scope:
    """The account and the gmina it works in, each found once per request."""
    found: dict[tuple[str, bool], Scope] | None = getattr(request.state, "scopes", None)
    if found is None:
        found = request.state.scopes = {}
    if (ref, write) not in found:
        admissions: Admissions = request.app.state.admissions
        found[(ref, write)] = admissions.scope(request, ref, registry, write)
    request.state.gmina = ref
    return found[(ref, write)]


async def scope_for(request: Request, ref: str, registry: Registry, *, write: bool) -> Scope:
    known: dict[tuple[str, bool], Scope] = getattr(request.state, "scopes", {})
    if (ref, write) in known:
        return known[(ref, write)]
    return await run_in_threadpool(request_scope, request, ref, registry, write)


async def read_scope(request: Request, ref: str, registry: RegistryDep) -> Scope:
    return await scope_for(request, ref, registry, write=False)


async def write_scope(request: Request, ref: str, registry: RegistryDep) -> Scope:
    return await scope_for(request, ref, registry, write=True)


async def method_scope(request: Request, ref: str, registry: RegistryDep) -> Scope:
    """Reading for GET, changing for every other method: the guard put on whole routers."""
    return await scope_for(request, ref, registry, write=request.method not in ("GET", "HEAD"))


ReadScope = Annotated[Scope, Depends(read_scope)]
WriteScope = Annotated[Scope, Depends(write_scope)]


# --- CSRF on page forms -------------------------------------------------------------------


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, csrf: Annotated[str, Form()] = "") -> None:
    expected = request.session.get("csrf", "")
    if not expected or not hmac.compare_digest(expected, csrf):
        raise AccessDeniedError("The form expired or did not come from this site; try again.")


Csrf = Depends(check_csrf)
__all__ = ["AccessDeniedError", "AccountDep", "Csrf", "ReadScope", "Scope", "WriteScope"]
