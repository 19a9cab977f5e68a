"""Managing accounts over the API: revoke tokens, disable and enable, read the login audit.

Who may manage whom is the registry's rule (registry/access.py): the regional coordinator
of the voivodeship all the account's gminas lie in; an account's own tokens and audit
are its own business too.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path
from pydantic import BaseModel, Field

from api.auth import AccountDep
from api.deps import RegistryDep
from api.inputs import Input
from registry.access import AccountView

api = APIRouter(prefix="/api/accounts", tags=["accounts"])

Username = Annotated[str, Path(description="The account's username.", max_length=40)]


class AccountState(BaseModel):
    username: str
    role: str
    disabled: bool
    tokens_revoked: int = 0


class Reason(Input):
    reason: str = Field(min_length=1, max_length=500, description="Why, for the record.")


class AuditLine(BaseModel):
    at: float = Field(description="Seconds since 1970-01-01 UTC.")
    what: str
    client: str
    by: str


def state(view: AccountView, revoked: int = 0) -> AccountState:
    return AccountState(
        username=view.username, role=view.role, disabled=view.disabled, tokens_revoked=revoked
    )


@api.post("/{username}/revoke")
def revoke_tokens(username: Username, account: AccountDep, registry: RegistryDep) -> AccountState:
    """Revoke every API token of the account at once (its page sessions stay); any account
    may revoke its own."""
    target = registry.authorise_management(account, username, own=True)
    revoked = registry.revoke_tokens(target.username, recorded_by=account.username)
    return state(registry.get_account(target.username), revoked)


@api.post("/{username}/disable")
def disable(
    username: Username,
    body: Annotated[Reason, Body()],
    account: AccountDep,
    registry: RegistryDep,
) -> AccountState:
    """Disable the account: every session and token ends now, no login opens it."""
    target = registry.authorise_management(account, username)
    registry.disable_account(target.username, reason=body.reason, recorded_by=account.username)
    return state(registry.get_account(target.username))


@api.post("/{username}/enable")
def enable(
    username: Username,
    body: Annotated[Reason, Body()],
    account: AccountDep,
    registry: RegistryDep,
) -> AccountState:
    """Enable a disabled account again; it logs in afresh (old tokens stay ended)."""
    target = registry.authorise_management(account, username)
    registry.enable_account(target.username, reason=body.reason, recorded_by=account.username)
    return state(registry.get_account(target.username))


@api.get("/{username}/audit")
def audit(username: Username, account: AccountDep, registry: RegistryDep) -> list[AuditLine]:
    """The account's latest logins, refusals, tokens and revocations, newest first."""
    target = registry.authorise_management(account, username, own=True)
    return [
        AuditLine(at=e.at, what=e.what, client=e.client, by=e.by)
        for e in registry.login_audit(target.username)
    ]


ROUTERS = (api,)
