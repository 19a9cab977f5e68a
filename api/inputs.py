"""Request bodies: every text bounded and free of hidden characters, every time a wall-clock time.

The registry refuses such input itself (registry/input_checks.py); checking it here too
gives the API client a 422 naming the field before anything runs, and the OpenAPI
description says the bounds (maxLength, a pattern without control characters).
"""

from __future__ import annotations

from datetime import time
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, field_validator

from domain.errors import InvalidInputError
from domain.input_rules import LINE_MAX, NAME_MAX, TEXT_MAX, check_wall_clock
from registry.input_checks import LINES, NAMES, check_value

# What a JSON Schema pattern can say of the hidden characters refused (see domain/input_rules).
INVISIBLE = "\\u007f-\\u009f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff"
VISIBLE = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f" + INVISIBLE + "]*$"
ONE_LINE = "^[^\\u0000-\\u001f" + INVISIBLE + "]*$"
# Fields of request bodies that name the same thing as the facts they become.
SAME_AS = {
    "representative": "name",
    "chair": "name",
    "minute_taker": "name",
    "chair_function": "name",
    "minute_taker_function": "name",
    "representative_function": "name",
    "representative_contact": "contact",
    "resource": "kind",
    "subtype": "kind",
    "entity_type": "kind",
    "choice": "kind",
    "status": "kind",
    "sector": "kind",
}


def bounds_of(field: str) -> tuple[int, str]:
    top = SAME_AS.get(field, field)
    if top in NAMES:
        return NAME_MAX, ONE_LINE
    if top in LINES:
        return LINE_MAX, ONE_LINE
    return TEXT_MAX, VISIBLE


def describe_bounds(schema: dict[str, Any]) -> None:
    """Write each text field's bounds into the OpenAPI description."""

    def bound(field: str, node: dict[str, Any]) -> None:
        if node.get("type") == "string" and "format" not in node:
            limit, pattern = bounds_of(field)
            node.setdefault("maxLength", limit)
            node.setdefault("pattern", pattern)
        for key in ("anyOf", "oneOf"):
            for option in node.get(key, []):
                bound(field, option)
        if isinstance(node.get("items"), dict):
            bound(field, node["items"])

    for field, node in schema.get("properties", {}).items():
        bound(field, node)


class Input(BaseModel):
    """A request body: text bounded, times without offsets."""

    model_config = ConfigDict(json_schema_extra=describe_bounds)

    @field_validator("*")
    @classmethod
    def typed_by_a_person(cls, value: Any, info: Any) -> Any:
        field = str(info.field_name)
        try:
            check_value(field, value, SAME_AS.get(field, field))
        except InvalidInputError as exc:
            raise ValueError(str(exc)) from None
        return value


def wall_clock_time(at: time) -> time:
    try:
        return check_wall_clock("at", at)
    except InvalidInputError as exc:
        raise ValueError(str(exc)) from None


WallClock = Annotated[time, AfterValidator(wall_clock_time)]
"""A time of day on the gmina's wall clock (a query parameter): no UTC offset."""
