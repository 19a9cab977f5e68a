"""Who may read and who may change which gmina: the one place the rule is written.

A facilitator reads and writes the gminas assigned; a regional coordinator reads every
gmina of the voivodeship, registers new gminas there, and may move a partnership to a stage
whose previous stage left no product (with a recorded reason); an observer reads the one gmina
assigned. Nobody else reads.

Accounts are managed (tokens revoked, account disabled or enabled) by the regional
coordinator of the voivodeship every one of the account's gminas lies in; any account may
revoke its own tokens and read its own login audit. Coordinators' accounts, and accounts
of no gmina, are managed from the command line (`mlw account`), by whoever runs the
registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from domain.account import COORDINATOR, FACILITATOR, OBSERVER, AccessDeniedError
from domain.gmina import check_terc, voivodeship_of


@dataclass(frozen=True)
class AccountView:
    """An account as the rest of the registry sees it (never the password hash)."""

    id: UUID
    username: str
    display_name: str
    role: str
    gmina_ids: list[UUID]
    voivodeship: str
    disabled: bool
    version: int
    # The person whose (sealed) display name the account shows: `mlw person erase` ends it.
    person_id: UUID | None = None


def may_read(account: AccountView, gmina_id: UUID, voivodeship: str) -> bool:
    if account.disabled:
        return False
    if account.role in (FACILITATOR, OBSERVER):
        return gmina_id in account.gmina_ids
    return account.role == COORDINATOR and voivodeship == account.voivodeship


def may_write(account: AccountView, gmina_id: UUID) -> bool:
    return not account.disabled and account.role == FACILITATOR and gmina_id in account.gmina_ids


def check_access(
    account: AccountView, gmina_id: UUID, voivodeship: str, gmina_name: str, *, write: bool
) -> None:
    """Raise unless the account may read (or, with ``write``, change) the gmina."""
    allowed = may_write(account, gmina_id) if write else may_read(account, gmina_id, voivodeship)
    if not allowed:
        verb = "change" if write else "read"
        raise AccessDeniedError(
            "The account {username} may not {verb} {gmina_name}.",
            username=account.username,
            verb=verb,
            gmina_name=gmina_name,
        )


def check_may_register(account: AccountView, terc: str) -> None:
    """Raise unless the account may enter a new gmina with this TERC code in the registry."""
    voivodeship = voivodeship_of(check_terc(terc))
    coordinator = account.role == COORDINATOR and not account.disabled
    if not coordinator or account.voivodeship.strip().lower() != voivodeship:
        raise AccessDeniedError(
            "The account {username} may not register gminas in województwo "
            "{voivodeship}; its regional coordinator may.",
            username=account.username,
            voivodeship=voivodeship,
        )


def check_may_override(account: AccountView, voivodeship: str, gmina_name: str) -> None:
    """Raise unless the account is the regional coordinator of the gmina's voivodeship: the
    one who may move a partnership to a stage whose previous stage left no product."""
    coordinator = account.role == COORDINATOR and not account.disabled
    if not coordinator or account.voivodeship.strip().lower() != voivodeship.strip().lower():
        raise AccessDeniedError(
            "The account {username} may not move the partnership of {gmina_name} to a stage "
            "without the previous stage's product; the regional coordinator of województwo "
            "{voivodeship} may.",
            username=account.username,
            gmina_name=gmina_name,
            voivodeship=voivodeship,
        )


def may_manage_others(manager: AccountView) -> bool:
    """Whether the account may manage any account but its own (asked before looking one up,
    so nobody else learns which usernames exist)."""
    return manager.role == COORDINATOR and not manager.disabled


def may_manage(
    manager: AccountView, target: AccountView, voivodeships: list[str], *, own: bool = False
) -> bool:
    """Whether ``manager`` may revoke, disable or enable ``target`` (whose gminas lie in
    ``voivodeships``); with ``own``, an account may also act on itself (its own tokens)."""
    if manager.disabled:
        return False
    if manager.id == target.id:
        return own
    if not may_manage_others(manager) or target.role == COORDINATOR or not voivodeships:
        return False
    home = manager.voivodeship.strip().lower()
    return all(v.strip().lower() == home for v in voivodeships)


def check_may_manage(
    manager: AccountView, target: AccountView, voivodeships: list[str], *, own: bool = False
) -> None:
    """Raise unless ``manager`` may manage ``target``'s account."""
    if not may_manage(manager, target, voivodeships, own=own):
        raise management_refused(manager, target.username)


def management_refused(manager: AccountView, username: str) -> AccessDeniedError:
    return AccessDeniedError(
        "The account {username} may not manage the account {username_2}; the "
        "regional coordinator of all its gminas may.",
        username=manager.username,
        username_2=username,
    )
