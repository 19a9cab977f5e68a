"""What every `mlw` command shares: opening the registry, resolving references, printing."""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, NoReturn
from uuid import UUID

import typer

from domain.errors import DomainError
from projections.read_side import with_reads
from registry.application import Registry
from registry.settings import Settings, SettingsError
from registry.storage_failures import STORAGE_ERRORS, storage_failure
from registry.views import plain


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


@contextmanager
def open_registry() -> Iterator[Registry]:
    """The registry on the store the settings name; domain refusals end the command."""
    try:
        app = with_reads(Registry(Settings.from_env()))  # queries read the read models
    except SettingsError as exc:
        fail(str(exc))
    try:
        yield app
    finally:
        app.close()


def say_refused(error: DomainError | str, as_json: bool = False) -> None:
    """A refusal on stderr: a line in words, or a JSON object naming the field."""
    field = getattr(error, "field", None)
    message = f"{error} (field: {field})" if field else str(error)
    if as_json:
        print(json.dumps({"error": message, "field": field}, ensure_ascii=False), file=sys.stderr)
    else:
        typer.secho(f"Refused: {message}", fg=typer.colors.RED, err=True)


def fail(error: DomainError | str, as_json: bool = False) -> NoReturn:
    say_refused(error, as_json)
    raise typer.Exit(code=1)


def run(action: Callable[[Registry], Any], as_json: bool = False) -> Any:
    """Run one command against the registry, turning refusals into a message and exit 1."""
    try:
        with open_registry() as app:
            return action(app)
    except DomainError as exc:
        fail(exc, as_json)
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
    """Run the command line; a bad setting or a store failure outside `run` in one line."""
    try:
        cli()
    except SettingsError as exc:
        say_refused(str(exc))
        sys.exit(1)
    except STORAGE_ERRORS as exc:
        try:
            store_failed(exc)
        except typer.Exit as done:
            sys.exit(done.exit_code)


def stamp(by: str | None, on: date | None) -> dict[str, Any]:
    """Who records a fact and the day it takes effect: keywords every recording command takes."""
    return {"recorded_by": recorder(by), "effective_on": on}


# How a command shows its answer to people: a function of it, a fixed line, or the answer itself.
Text = Callable[[Any], str] | str | None


def answer(action: Callable[[Registry], Any], as_json: bool, text: Text = None) -> None:
    """Run one command against the registry and print what it answers."""
    emit(run(action, as_json), as_json, text)


def emit(data: Any, as_json: bool, text: Text = None) -> None:
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


def short(uid: UUID | str | None) -> str:
    return str(uid)[:8] if uid else ""
