"""What every `mlw` command shares: opening the registry, resolving references, printing."""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Annotated, Any
from uuid import UUID

import typer

from domain.errors import DomainError, InvalidInputError, NotFoundError
from registry.application import Registry
from registry.settings import Settings, SettingsError
from registry.storage_failures import STORAGE_ERRORS, storage_failure
from registry.views import plain

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
ByOpt = Annotated[
    str | None,
    typer.Option(
        "--by",
        help="Who records this (default: $MLW_USER or your login); a name other than your "
        "login is recorded with it, as 'NAME (os: LOGIN)'.",
    ),
]
OnOpt = Annotated[
    str | None, typer.Option("--on", help="Date the fact took effect, YYYY-MM-DD (default: today).")
]
AsOfOpt = Annotated[
    str | None, typer.Option("--as-of", help="Show it as it stood on this date (YYYY-MM-DD).")
]
VersionOpt = Annotated[int | None, typer.Option("--version", help="Show this recorded version.")]


def os_user() -> str:
    """Who is logged in to the operating system running the command."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name for this uid (e.g. in a container)
        return f"uid {os.getuid()}"


def recorder(by: str | None) -> str:
    """The name recorded as the author of a fact.

    Anyone at the shell may type any name after ``--by`` (or in $MLW_USER), so a name that
    is not the operating-system login is recorded together with that login.
    """
    login = os_user()
    name = by.strip() if by and by.strip() else (os.environ.get("MLW_USER") or "").strip()
    if not name or name == login:
        return login
    return f"{name} (os: {login})"


def parse_date(value: str | None, field: str = "date") -> date | None:
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInputError(
            field, f"{value!r} is not a date; write it as YYYY-MM-DD."
        ) from None


@contextmanager
def open_registry() -> Iterator[Registry]:
    """The registry on the store the settings name; domain refusals end the command."""
    try:
        app = Registry(Settings.from_env())
    except SettingsError as exc:
        fail(str(exc))
    try:
        yield app
    finally:
        app.close()


def fail(message: str, field: str | None = None, as_json: bool = False) -> None:
    if as_json:
        print(json.dumps({"error": message, "field": field}, ensure_ascii=False), file=sys.stderr)
    else:
        typer.secho(f"Refused: {message}", fg=typer.colors.RED, err=True)
    raise typer.Exit(code=1)


def run(action: Callable[[Registry], Any], as_json: bool = False) -> Any:
    """Run one command against the registry, turning refusals into a message and exit 1."""
    try:
        with open_registry() as app:
            return action(app)
    except InvalidInputError as exc:
        fail(f"{exc} (field: {exc.field})", exc.field, as_json)
    except DomainError as exc:
        fail(str(exc), None, as_json)
    except STORAGE_ERRORS as exc:
        store_failed(exc, as_json)


def store_failed(exc: BaseException, as_json: bool = False) -> None:
    """A store that cannot record or read: one line and exit code 1 (re-raise anything else)."""
    failure = storage_failure(exc)
    if failure is None:
        raise exc
    message = failure.sentence("en")
    if as_json:
        print(json.dumps({"error": message, "field": None}, ensure_ascii=False), file=sys.stderr)
    else:
        typer.secho(message, fg=typer.colors.RED, err=True)
    raise typer.Exit(code=1)


def guarded(cli: typer.Typer) -> None:
    """Run the command line; a store failure outside `run` (a worker, a server) in one line."""
    try:
        cli()
    except STORAGE_ERRORS as exc:
        try:
            store_failed(exc)
        except typer.Exit as done:
            sys.exit(done.exit_code)


def emit(data: Any, as_json: bool, text: Callable[[Any], str] | str | None = None) -> None:
    """Print a result as JSON, or readably for people."""
    if as_json:
        print(json.dumps(plain(data), ensure_ascii=False, indent=2))
    elif callable(text):
        print(text(data))
    elif text is not None:
        print(text)
    else:
        print(data)


def table(rows: list[list[str]], header: list[str]) -> str:
    """A plain aligned text table."""
    if not rows:
        return "(none)"
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=False)]
    lines = ["  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=False))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=False)) for r in rows]
    return "\n".join(lines)


def short(uid: UUID | None) -> str:
    return str(uid)[:8] if uid else ""


def resolve_stakeholder(app: Registry, ref: str, gmina_id: UUID | None = None) -> UUID:
    """A stakeholder from its id, the first characters of its id, or its exact name."""
    ref = ref.strip()
    try:
        return UUID(ref)
    except ValueError:
        pass
    gminas = [gmina_id] if gmina_id else [g.id for g in app.list_gminas()]
    matches: set[UUID] = set()
    for gid in gminas:
        for view in app.catalogue(gid, include_archived=True):
            if str(view.id).startswith(ref.lower()) or view.name.lower() == ref.lower():
                matches.add(view.id)
    if len(matches) == 1:
        return matches.pop()
    if not matches:
        raise NotFoundError(f"No stakeholder with id, id prefix or name {ref!r}.")
    raise InvalidInputError(
        "stakeholder", f"{ref!r} names {len(matches)} stakeholders; be more exact."
    )


def resolve_commitment(app: Registry, gmina_id: UUID, ref: str) -> UUID:
    """A commitment of the gmina's pact from its id or the first characters of it."""
    ids = [c.id for c in app.get_pact(gmina_id).commitments if str(c.id).startswith(ref.lower())]
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise NotFoundError(f"No commitment {ref!r} in this pact.")
    raise InvalidInputError("commitment", f"{ref!r} names {len(ids)} commitments; be more exact.")


def parse_person(ref: str) -> UUID:
    try:
        return UUID(ref.strip())
    except ValueError:
        raise InvalidInputError("person_id", f"{ref!r} is not a person id.") from None
