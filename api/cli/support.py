"""What every `mlw` command shares: opening the registry, resolving references, printing."""

from __future__ import annotations

import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, time
from enum import Enum
from typing import Annotated, Any, NoReturn, TypeVar
from uuid import UUID

import typer

from domain.errors import DomainError, InvalidInputError
from domain.values import CooperationForm, ResourceKind
from domain.voting import MajorityRule, QuorumRule
from registry.application import Registry
from registry.settings import Settings, SettingsError
from registry.storage_failures import STORAGE_ERRORS, storage_failure
from registry.views import plain

E = TypeVar("E", bound=Enum)


def lenient(enum: type[E]) -> Callable[[E | str], E | str]:
    """The parser of an option that takes one of the domain's values (a role, a form, a kind).

    Typer offers the enum's values in --help and in shell completion. A value the enum does
    not know goes on as typed, for the registry to refuse in words (exit code 1), as it
    refuses every other value.
    """

    def parse(text: E | str) -> E | str:
        if isinstance(text, enum):  # a default
            return text
        try:
            return enum(text.strip().lower())
        except ValueError:
            return text

    return parse


@dataclass(frozen=True)
class Unread:
    """A date, a time or an id the command line could not read; `refuse_unread` says so."""

    text: str
    blank: str  # the refusal of an empty value where one is required
    wrong: str  # the refusal of a value that is not one


DATE = ("Give the date, YYYY-MM-DD.", "{value!r} is not a date; write it as YYYY-MM-DD.")
TIME = ("Give the time, HH:MM.", "{value!r} is not a time; write it as HH:MM.")


def read_date(text: str) -> date | Unread:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return Unread(text, *DATE)


def read_time(text: str) -> time | Unread:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        return Unread(text, *TIME)


def read_id(noun: str) -> Callable[[str], UUID | Unread]:
    def read(text: str) -> UUID | Unread:
        try:
            return UUID(text.strip())
        except ValueError:
            return Unread(text, "Give the id.", f"{{value!r}} is not a {noun} id.")

    return read


def refuse_unread(ctx: typer.Context, param: typer.CallbackParam, value: Any) -> Any:
    """Refuse what could not be read, naming the option as typed (`--as-of` is as_of).

    A blank optional value is no value. ``--json`` is read first (it is eager), so the
    refusal is JSON when it was asked for.
    """
    if not isinstance(value, Unread):
        return value
    field = max(param.opts, key=len).lstrip("-").replace("-", "_") if param.opts else param.name
    if not value.text.strip():
        if not param.required:
            return None
        fail(InvalidInputError(field or "value", value.blank), bool(ctx.params.get("as_json")))
    error = InvalidInputError(field or "value", value.wrong, value=value.text)
    fail(error, bool(ctx.params.get("as_json")))


def date_option(*names: str, help: str) -> Any:
    """An option that takes a date, YYYY-MM-DD."""
    return typer.Option(
        *names, parser=read_date, callback=refuse_unread, metavar="YYYY-MM-DD", help=help
    )


def time_option(*names: str, help: str) -> Any:
    """An option that takes a time of day, HH:MM."""
    return typer.Option(
        *names, parser=read_time, callback=refuse_unread, metavar="HH:MM", help=help
    )


def id_argument(noun: str, help: str) -> Any:
    """An argument that takes the full id of a record."""
    return typer.Argument(parser=read_id(noun), callback=refuse_unread, metavar="ID", help=help)


def choice_option(enum: type[Enum], *names: str, help: str) -> Any:
    """An option that takes one of the domain's values (see `lenient`)."""
    return typer.Option(*names, parser=lenient(enum), help=help)


def choice_argument(enum: type[Enum], help: str) -> Any:
    """An argument that takes one of the domain's values (see `lenient`)."""
    return typer.Argument(parser=lenient(enum), help=help)


JsonOpt = Annotated[bool, typer.Option("--json", is_eager=True, help="Print JSON instead of text.")]
ByOpt = Annotated[
    str | None,
    typer.Option(
        "--by",
        envvar="MLW_USER",
        help="Who records this (default: your login); a name other than your "
        "login is recorded with it, as 'NAME (os: LOGIN)'.",
    ),
]
OnOpt = Annotated[
    date | None, date_option("--on", help="Date the fact took effect (default: today).")
]
AsOfOpt = Annotated[date | None, date_option("--as-of", help="Show it as it stood on this date.")]
DueOpt = Annotated[date | None, date_option(help="By when.")]
TimeOpt = Annotated[time, time_option(help="Time of day.")]
FormOpt = Annotated[
    CooperationForm, choice_option(CooperationForm, help="Lasting (trwała) or ad hoc (doraźna).")
]
ResourceOpt = Annotated[ResourceKind, choice_option(ResourceKind, help="What is committed.")]
QuorumOpt = Annotated[
    QuorumRule | None, choice_option(QuorumRule, help="How many members present make a quorum.")
]
MajorityOpt = Annotated[
    MajorityRule | None, choice_option(MajorityRule, help="How many votes adopt a resolution.")
]
VersionOpt = Annotated[int | None, typer.Option("--version", help="Show this recorded version.")]
GminaArg = Annotated[str, typer.Argument(help="TERC code, id or name of the gmina.")]
WhoArg = Annotated[str, typer.Argument(help="Stakeholder: id, id prefix or name.")]


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
        app = Registry(Settings.from_env())
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
