"""One way for an `mlw` command to name records, reach the registry and say what it answers.

A command is written as a use case: a function that takes the registry first, then what the
command names, and returns what the command shows. `command` registers it with typer without
the registry and with ``--json``; it reads what the facilitator typed into ids (a parameter
typed `GminaId` is the argument GMINA, `Meeting` the arguments GMINA MEETING, `Stakeholder`
GMINA STAKEHOLDER), and gives a
parameter typed `Recorded` or `RecordedBy` the options ``--on`` and ``--by``, last. Then it
runs the use case, prints its answer (as JSON, or through ``text``), and turns a refusal into
words on stderr and exit code 1.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from typing import Any, NamedTuple, NewType, TypedDict
from uuid import UUID

import typer

from api.cli.options import ByOpt, GminaArg, JsonOpt, MeetingArg, OnOpt, WhoArg
from api.cli.refs import meeting_ref, resolve_stakeholder
from api.cli.support import Text, answer, recorder
from registry.application import Registry

UseCase = Callable[..., Any]

GminaId = NewType("GminaId", UUID)
RecordedBy = NewType("RecordedBy", str)


class Meeting(NamedTuple):
    """A meeting named by its gmina and its date, number ('zsl 2/2026') or id."""

    gmina_id: UUID
    id: UUID


class Stakeholder(NamedTuple):
    """A stakeholder named by its gmina and its id, the first characters of it, or its name."""

    gmina_id: UUID
    id: UUID


class Recorded(TypedDict):
    """Who records a fact and the day it took effect (``--by`` and ``--on``)."""

    recorded_by: str
    effective_on: date | None


def parameter(name: str, annotation: Any, default: Any = inspect.Parameter.empty) -> Any:
    kind = inspect.Parameter.KEYWORD_ONLY
    return inspect.Parameter(name, kind, default=default, annotation=annotation)


GMINA = parameter("gmina", GminaArg)
MEETING = parameter("meeting", MeetingArg)
STAKEHOLDER = parameter("stakeholder", WhoArg)
ON = parameter("on", OnOpt, None)
BY = parameter("by", ByOpt, None)
JSON = parameter("as_json", JsonOpt, False)

# What typer reads for each kind of parameter: in its place, and at the end.
NAMED_BY = {GminaId: [GMINA], Meeting: [GMINA, MEETING], Stakeholder: [GMINA, STAKEHOLDER]}
STAMPED_BY = {Recorded: [ON, BY], RecordedBy: [BY]}


def read(app: Registry, kind: Any, typed: dict[str, Any]) -> Any:
    """What the use case receives for a parameter of ``kind``, from what was typed."""
    if kind is GminaId:
        return app.find_gmina(typed.pop("gmina"))
    if kind is Meeting:
        return Meeting(*meeting_ref(app, typed.pop("gmina"), typed.pop("meeting")))
    if kind is Stakeholder:
        gmina_id = app.find_gmina(typed.pop("gmina"))
        return Stakeholder(gmina_id, resolve_stakeholder(app, typed.pop("stakeholder"), gmina_id))
    by = recorder(typed.pop("by"))
    if kind is RecordedBy:
        return by
    return Recorded(recorded_by=by, effective_on=typed.pop("on"))


def command(group: typer.Typer, name: str, text: Text = None) -> Callable[[UseCase], UseCase]:
    """Register a use case as the command ``name`` of ``group`` (see the module's docstring)."""

    def register(use_case: UseCase) -> UseCase:
        signature = inspect.signature(use_case, eval_str=True)
        _registry, *given = signature.parameters.values()
        read_in = {p.name: p.annotation for p in given if p.annotation in NAMED_BY | STAMPED_BY}
        params: list[inspect.Parameter] = []
        for p in given:
            params += NAMED_BY.get(p.annotation, [] if p.annotation in STAMPED_BY else [p])
        for p in given:
            params += STAMPED_BY.get(p.annotation, [])
        params += [] if JSON.name in signature.parameters else [JSON]

        def run_command(**typed: Any) -> None:
            as_json = bool(typed.get(JSON.name))
            if JSON.name not in signature.parameters:
                del typed[JSON.name]

            def act(app: Registry) -> Any:
                values = {key: read(app, kind, typed) for key, kind in read_in.items()}
                return use_case(app, **typed, **values)

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
