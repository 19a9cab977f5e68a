"""The options and arguments `mlw` commands share, and how typer reads them.

Dates, times and ids are read by typer's ``parser=``; what cannot be read is refused by the
option's callback in words, with exit code 1, as the registry refuses. Options that take
one of the domain's values (a role, a form, a kind) are enum parameters.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from enum import Enum
from typing import Annotated, Any, TypeVar
from uuid import UUID

import typer

from api.cli.support import fail
from domain.errors import InvalidInputError
from domain.input_rules import check_wall_clock
from domain.values import CooperationForm, ResourceKind
from domain.voting import MajorityRule, QuorumRule

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
            return enum(str(text).strip().lower())
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
    """A time of day as typed; one with an offset is refused by `refuse_unread`, as the registry
    refuses it."""
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
    field = max(param.opts, key=len).lstrip("-").replace("-", "_") if param.opts else param.name
    if isinstance(value, time):
        try:
            return check_wall_clock(field or "time", value)
        except InvalidInputError as exc:
            fail(exc, bool(ctx.params.get("as_json")))
    if not isinstance(value, Unread):
        return value
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
MeetingArg = Annotated[
    str, typer.Argument(help="Meeting: its date, 'zsl 2/2026' or 'pakt 1/2026', or its id.")
]
EntityArg = Annotated[str, typer.Argument(help="The entity's id or its first characters.")]
ResolutionArg = Annotated[str, typer.Argument(help="Resolution: its number '3/2026', or id.")]
