"""One way for an `mlw` command to name records, reach the registry and say what it answers.

A command is written as a use case: a function that takes the registry first, then what the
command names, and returns what the command shows. A query takes the `Registry` itself; a
command that records a fact takes a `Desk` (the registry, who records and the day the fact
took effect: the options ``--by`` and ``--on``, last) or an `UndatedDesk` (only ``--by``:
the fact's time is the meeting's, or an option of its own). `command` registers the use case
with typer without the registry and with ``--json``; it reads what the facilitator typed
into ids (a parameter typed `GminaId` is the argument GMINA, `Meeting` the arguments GMINA
MEETING, `Stakeholder` GMINA STAKEHOLDER, `Entity` GMINA ENTITY, `Resolution` GMINA
RESOLUTION), and the options of a group (a NamedTuple of typer options) into one value.
Then it runs the use case, prints its answer (as JSON, or through ``text``), and turns a
refusal into words on stderr and exit code 1.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple, NewType, TypedDict, get_type_hints
from uuid import UUID

import typer

from api.cli.options import (
    ByOpt,
    EntityArg,
    GminaArg,
    JsonOpt,
    MeetingArg,
    OnOpt,
    ResolutionArg,
    WhoArg,
)
from api.cli.refs import meeting_ref, resolve_entity, resolve_resolution, resolve_stakeholder
from api.cli.support import Text, answer, recorder
from registry.application import Registry

UseCase = Callable[..., Any]

GminaId = NewType("GminaId", UUID)


class Reference(NamedTuple):
    """A record of a gmina, named by the gmina and how the facilitator calls the record."""

    gmina_id: UUID
    id: UUID


class Meeting(Reference):
    """A meeting named by its gmina and its date, number ('zsl 2/2026') or id."""


class Stakeholder(Reference):
    """A stakeholder named by its gmina and its id, the first characters of it, or its name."""


class Entity(Reference):
    """A social employment entity named by its gmina and its id or the first characters of it."""


class Resolution(Reference):
    """A resolution of the gmina's team named by its number ('3/2026') or its id's first
    characters."""


class Recorded(TypedDict):
    """Who records a fact and the day it took effect, as the registry's commands take them."""

    recorded_by: str
    effective_on: date | None


@dataclass(frozen=True)
class Desk:
    """The registry as a command that records a fact reaches it: who records (``--by``) and
    the day the fact took effect (``--on``; today when not given)."""

    app: Registry
    by: str
    on: date | None = None

    @property
    def stamp(self) -> Recorded:
        """Who records and from when, as keyword arguments of the registry's commands."""
        return Recorded(recorded_by=self.by, effective_on=self.on)


class UndatedDesk(Desk):
    """A desk for facts dated otherwise (by the meeting, or an option of their own): only
    ``--by``."""


def parameter(name: str, annotation: Any, default: Any = inspect.Parameter.empty) -> Any:
    kind = inspect.Parameter.KEYWORD_ONLY
    return inspect.Parameter(name, kind, default=default, annotation=annotation)


GMINA = parameter("gmina", GminaArg)
MEETING = parameter("meeting", MeetingArg)
STAKEHOLDER = parameter("stakeholder", WhoArg)
ENTITY = parameter("entity", EntityArg)
RESOLUTION = parameter("resolution", ResolutionArg)
ON = parameter("on", OnOpt, None)
BY = parameter("by", ByOpt, None)
JSON = parameter("as_json", JsonOpt, False)

# What typer reads for each kind of parameter: in its place, and (for the desk) at the end.
NAMED_BY: dict[Any, list[inspect.Parameter]] = {
    GminaId: [GMINA],
    Meeting: [GMINA, MEETING],
    Stakeholder: [GMINA, STAKEHOLDER],
    Entity: [GMINA, ENTITY],
    Resolution: [GMINA, RESOLUTION],
}
# How a record of the gmina is found from what was typed.
FOUND_BY: dict[Any, Callable[[Registry, UUID, str], UUID]] = {
    Stakeholder: lambda app, gmina_id, typed: resolve_stakeholder(app, typed, gmina_id),
    Entity: resolve_entity,
    Resolution: resolve_resolution,
}
STAMPED_BY = {Registry: [], Desk: [ON, BY], UndatedDesk: [BY]}


def grouped(kind: Any) -> list[inspect.Parameter]:
    """The options of a group read together: a NamedTuple (not a reference) whose fields are
    typer options, each with its default; no options for any other kind."""
    if not (isinstance(kind, type) and issubclass(kind, tuple) and hasattr(kind, "_fields")):
        return []
    if issubclass(kind, Reference):
        return []
    hints = get_type_hints(kind, include_extras=True)
    defaults: dict[str, Any] = getattr(kind, "_field_defaults", {})
    return [parameter(f, hints[f], defaults.get(f, inspect.Parameter.empty)) for f in kind._fields]


def read(app: Registry, kind: Any, typed: dict[str, Any]) -> Any:
    """What the use case receives for a parameter of ``kind``, from what was typed."""
    if kind is GminaId:
        return app.find_gmina(typed.pop("gmina"))
    if kind is Meeting:
        return Meeting(*meeting_ref(app, typed.pop("gmina"), typed.pop("meeting")))
    if kind in FOUND_BY:
        gmina_id = app.find_gmina(typed.pop("gmina"))
        _gmina, record = NAMED_BY[kind]
        return kind(gmina_id, FOUND_BY[kind](app, gmina_id, typed.pop(record.name)))
    if kind is Desk:
        return Desk(app, recorder(typed.pop("by")), typed.pop("on"))
    if kind is UndatedDesk:
        return UndatedDesk(app, recorder(typed.pop("by")))
    if grouped(kind):
        return kind(*(typed.pop(field) for field in kind._fields))
    return app


def command(group: typer.Typer, name: str, text: Text = None) -> Callable[[UseCase], UseCase]:
    """Register a use case as the command ``name`` of ``group`` (see the module's docstring)."""

    def register(use_case: UseCase) -> UseCase:
        signature = inspect.signature(use_case, eval_str=True)
        registry, *given = signature.parameters.values()
        read_in = {p.name: p.annotation for p in given if p.annotation in NAMED_BY}
        read_in |= {p.name: p.annotation for p in given if grouped(p.annotation)}
        read_in[registry.name] = registry.annotation
        params: list[inspect.Parameter] = []
        for p in given:
            params += NAMED_BY.get(p.annotation) or grouped(p.annotation) or [p]
        params += STAMPED_BY[registry.annotation]
        params += [] if JSON.name in signature.parameters else [JSON]

        def run_command(**typed: Any) -> None:
            as_json = bool(typed.get(JSON.name))
            if JSON.name not in signature.parameters:
                del typed[JSON.name]

            def act(app: Registry) -> Any:
                values = {key: read(app, kind, typed) for key, kind in read_in.items()}
                return use_case(**typed, **values)

            answer(act, as_json, text)

        run_command.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[p.replace(kind=inspect.Parameter.KEYWORD_ONLY) for p in params],
            return_annotation=None,
        )
        run_command.__doc__ = use_case.__doc__
        run_command.__name__ = use_case.__name__
        group.command(name)(run_command)
        return use_case

    return register
