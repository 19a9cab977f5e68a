"""A working copy of a cached aggregate, made without rebuilding its immutable values.

The repository keeps recently used aggregates in memory; a command changes a copy, so a
refused command leaves the cached one as it was. ``copy.deepcopy`` rebuilds every UUID,
date and string inside (thousands in a gmina's catalogue); here immutable values are
shared and only the containers and objects that can change are copied.
"""

from __future__ import annotations

import copy
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, TypeVar
from uuid import UUID

from domain.values import Immutable

T = TypeVar("T")

# The exact types met most often, looked up in a set before the slower isinstance().
ATOMS = frozenset({type(None), str, int, float, bool, Decimal, UUID, date, datetime, time})
SHARED = (str, int, float, bool, bytes, Decimal, UUID, date, datetime, time, Enum, Immutable)


@cache
def all_in_dict(kind: type) -> bool:
    """Whether instances keep all their state in ``__dict__`` (no filled ``__slots__``)."""
    return not any(getattr(c, "__slots__", ()) for c in kind.__mro__)


def working_copy(value: T) -> T:
    """A copy of ``value`` that shares what cannot change and copies what can."""
    copied: T = _copy(value, {})
    return copied


def _copy(value: Any, memo: dict[int, Any]) -> Any:
    kind: type = type(value)
    if kind in ATOMS or isinstance(value, SHARED):
        return value
    done = memo.get(id(value))
    if done is not None:
        return done
    result: Any
    if kind is list:
        result = memo[id(value)] = []
        result.extend(v if type(v) in ATOMS else _copy(v, memo) for v in value)
    elif kind is dict:
        result = memo[id(value)] = {}
        result.update((k, v if type(v) in ATOMS else _copy(v, memo)) for k, v in value.items())
    elif kind is tuple:
        result = memo[id(value)] = tuple(_copy(v, memo) for v in value)
    elif kind in (set, frozenset) and all(isinstance(v, SHARED) for v in value):
        result = memo[id(value)] = kind(value)
    elif hasattr(value, "__dict__") and all_in_dict(kind):
        result = memo[id(value)] = copy.copy(value)
        vars(result).update((k, _copy(v, memo)) for k, v in vars(value).items())
    else:
        result = memo[id(value)] = copy.deepcopy(value)
    return result
