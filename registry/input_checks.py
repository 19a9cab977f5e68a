"""The last look at every fact before it is recorded: what a person typed is bounded and visible.

Each use case checks its own input first, in its own words; this net makes sure no
command forgets one. It reads the pending events of the aggregates about to be saved,
so the command line, the API and the pages all pass through it, and a refusal records
nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, time
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate

from domain.input_rules import (
    check_line,
    check_magnitude,
    check_name,
    check_not_far_ahead,
    check_text,
    check_wall_clock,
)
from domain.values import Sealed

NAMES = frozenset(
    {
        "name",
        "powiat",
        "voivodeship",
        "terc",
        "legal_form",
        "seat",
        "contact",
        "place",
        "authority",
        "decision_number",
        "decided_by",
        "recorded_by",
        "unit",
        "beneficiary",
        "number",
        "kind",
        "form",
        "lang",
        "format",
        "username",
        "display_name",
        "role",
        "resources_offered",
    }
)
"""One-line values of at most NAME_MAX characters."""
LINES = frozenset({"title", "agenda", "corrects", "subject"})
"""One-line values of at most LINE_MAX characters (list items included)."""
# Written by the registry itself, never typed: digests, hashes, lists of positions, and
# an issued document's title (made of names and titles already checked).
SYSTEM_MADE = frozenset({"originator_topic", "password_hash"})
SYSTEM_MADE_IN = {"IssuedDocument": frozenset({"title", "built_from", "digest"})}


def check_value(field: str, value: Any, top: str) -> None:
    if isinstance(value, str):
        if top in NAMES:
            check_name(field, value)
        elif top in LINES:
            check_line(field, value)
        else:
            check_text(field, value)
    elif isinstance(value, time):
        check_wall_clock(field, value)
    elif isinstance(value, int | float | Decimal) and not isinstance(value, Enum):
        check_magnitude(field, value)
    elif isinstance(value, Sealed | UUID | Enum | date | type(None)):
        return
    elif isinstance(value, list | tuple):
        for item in value:
            check_value(field, item, top)
    elif isinstance(value, dict):
        for key, item in value.items():  # a dict of changes: each value by its own name
            check_value(f"{field}.{key}", item, str(key))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            check_value(f"{field}.{f.name}", getattr(value, f.name), f.name)


def check_pending(aggregates: Iterable[Aggregate]) -> None:
    """Refuse, before anything is saved, a fact carrying text or a time nobody should record."""
    for aggregate in aggregates:
        system_made = SYSTEM_MADE | SYSTEM_MADE_IN.get(type(aggregate).__name__, frozenset())
        for event in aggregate.pending_events:
            for key, value in vars(event).items():
                if key in system_made:
                    continue
                if key == "effective_on" and isinstance(value, date):
                    check_not_far_ahead(key, value)
                else:
                    check_value(key, value, key)
