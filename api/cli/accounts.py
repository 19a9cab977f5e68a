"""`mlw account`: open accounts, assign gminas, set passwords, list who may do what."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

import typer

from api.cli.command import UndatedDesk, command
from api.cli.options import ByOpt, choice_option
from api.cli.support import recorder, run, table
from domain.account import ROLES
from registry.access import AccountView
from registry.access_ledger import AuditEntry
from registry.application import Registry

account_app = typer.Typer(help="Accounts of facilitators, regional coordinators and observers.")

# The roles an account may have, as an enum so that --help and completion offer them.
AccountRole = StrEnum("AccountRole", {role.upper(): role for role in ROLES})  # type: ignore[misc]

UserArg = Annotated[str, typer.Argument(help="The account's username.")]
GminaOpt = Annotated[
    list[str] | None, typer.Option("--gmina", help="TERC code or id of a gmina (repeatable).")
]
VoivOpt = Annotated[str, typer.Option(help="Voivodeship of a regional coordinator.")]


def describe(a: AccountView) -> str:
    where = ", ".join(str(g) for g in a.gmina_ids) or a.voivodeship or "-"
    state = " (disabled)" if a.disabled else ""
    person = f"; person {a.person_id}" if a.person_id else ""
    return f"{a.username}{state}: {a.role}, {a.display_name}; covers {where}{person}"


@command(account_app, "add", describe)
def add(
    desk: UndatedDesk,
    username: UserArg,
    role: Annotated[AccountRole, choice_option(AccountRole, help="What the account may do.")],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, help="The password.")],
    name: Annotated[str, typer.Option(help="Display name.")] = "",
    gmina: GminaOpt = None,
    voivodeship: VoivOpt = "",
) -> AccountView:
    """Open an account for a facilitator, a regional coordinator or an observer."""
    desk.app.open_account(
        username,
        password=password,
        role=str(role),
        display_name=name,
        gmina_ids=[desk.app.find_gmina(g) for g in gmina or []],
        voivodeship=voivodeship,
        recorded_by=desk.by,
    )
    return desk.app.get_account(username)


@command(account_app, "grant", describe)
def grant(
    desk: UndatedDesk,
    username: UserArg,
    gmina: GminaOpt = None,
    voivodeship: VoivOpt = "",
) -> AccountView:
    """Assign further gminas (or a voivodeship) to an account."""
    gmina_ids = [desk.app.find_gmina(g) for g in gmina or []]
    desk.app.grant_account(
        username, gmina_ids=gmina_ids, voivodeship=voivodeship, recorded_by=desk.by
    )
    return desk.app.get_account(username)


NewNameOpt = Annotated[str, typer.Option(help="The new display name.")]


@command(account_app, "rename", describe)
def rename(desk: UndatedDesk, username: UserArg, name: NewNameOpt) -> AccountView:
    """Give an account a new display name (sealed like every person's name)."""
    desk.app.rename_account(username, name, recorded_by=desk.by)
    return desk.app.get_account(username)


@account_app.command("passwd")
def passwd(
    username: UserArg,
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)],
    by: ByOpt = None,
) -> None:
    """Set a new password for an account."""
    run(lambda reg: reg.set_password(username, password, recorded_by=recorder(by)))
    print(f"Password of {username} changed.")


@account_app.command("token")
def token(username: UserArg, by: ByOpt = None) -> None:
    """Issue an API token for an account (shown once; send it as `Authorization: Bearer`;
    it expires after MLW_TOKEN_HOURS hours, 8 by default)."""
    print(run(lambda reg: reg.issue_token(username, recorded_by=recorder(by))))


ReasonOpt = Annotated[str, typer.Option("--reason", help="Why, for the record.")]


@account_app.command("revoke")
def revoke(username: UserArg, by: ByOpt = None) -> None:
    """Revoke every API token of an account at once (its password stays)."""
    n = run(lambda reg: reg.revoke_tokens(username, recorded_by=recorder(by)))
    print(f"Revoked {n} API token(s) of {username}.")


@account_app.command("logout")
def logout(username: UserArg, by: ByOpt = None) -> None:
    """End every page session and API token of an account now (log out everywhere)."""
    run(lambda reg: reg.end_sessions(username, recorded_by=recorder(by)))
    print(f"Every session and token of {username} ended.")


@account_app.command("disable")
def disable(username: UserArg, reason: ReasonOpt, by: ByOpt = None) -> None:
    """Disable an account: its sessions and tokens end now and no login opens it."""
    run(lambda reg: reg.disable_account(username, reason=reason, recorded_by=recorder(by)))
    print(f"Account {username} disabled; every session and token of it ended.")


@account_app.command("enable")
def enable(username: UserArg, reason: ReasonOpt, by: ByOpt = None) -> None:
    """Enable a disabled account again (it logs in afresh; old tokens stay ended)."""
    run(lambda reg: reg.enable_account(username, reason=reason, recorded_by=recorder(by)))
    print(f"Account {username} enabled.")


def audit_table(entries: list[AuditEntry]) -> str:
    rows = [
        [datetime.fromtimestamp(e.at, UTC).strftime("%Y-%m-%d %H:%M:%S"), e.what, e.client, e.by]
        for e in entries
    ]
    return table(rows, ["at (UTC)", "what", "from", "by"])


@command(account_app, "audit", audit_table)
def audit(app: Registry, username: UserArg) -> list[AuditEntry]:
    """The account's latest logins, refusals, tokens and revocations, newest first."""
    return app.login_audit(username)


def accounts_table(views: list[AccountView]) -> str:
    rows = [
        [
            v.username,
            v.role,
            v.display_name,
            ", ".join(str(g)[:8] for g in v.gmina_ids) or v.voivodeship,
            "disabled" if v.disabled else "",
        ]
        for v in views
    ]
    return table(rows, ["username", "role", "name", "covers", ""])


@command(account_app, "list", accounts_table)
def list_accounts(app: Registry) -> list[AccountView]:
    """Every account with its role and what it covers."""
    return app.list_accounts()
