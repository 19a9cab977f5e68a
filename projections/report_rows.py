"""The network and risk reports as rows: stored without a person's name, named when read.

A stored report must not outlive an erasure with the erased name in it, so every citizen
leader's name is kept as a mark of the person (``\\ue000<person id>\\ue001``) and put back
from the personal-data vault when the report is read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from projections.metrics import CutPoint, NetworkMetrics, NodeMetrics
from projections.risk_model import Acknowledgement, Evidence, Flag, Involved
from projections.runner import ReadModel
from registry.views import plain

# A person as a report names them: the sealed reference the vault unseals.
Person = dict[str, str]
NAME_FIELDS = frozenset({"name", "source_name", "target_name"})
SENTENCE_FIELDS = frozenset({"sentence_pl", "sentence_en", "note", "note_pl"})
MARK = re.compile("\ue000([0-9a-f-]{36})\ue001")


@dataclass(frozen=True)
class TieView:
    """One tie as a facilitator reads it."""

    kind: str
    source: str
    source_name: str
    target: str
    target_name: str
    way: str
    since: date
    until: date | None
    weight: float
    detail: str


@dataclass(frozen=True)
class NetworkReport:
    gmina_id: str
    as_of: date
    network: NetworkMetrics
    nodes: list[NodeMetrics]
    ties: list[TieView]


def mark(person_id: str) -> str:
    return f"\ue000{person_id}\ue001"


def unnamed(value: Any, names: Mapping[str, str]) -> Any:
    """A report's plain data with each person's name (``names``: name -> person id) marked."""
    if isinstance(value, list):
        return [unnamed(v, names) for v in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, v in value.items():
        if key in NAME_FIELDS and isinstance(v, str) and v in names:
            out[key] = mark(names[v])
        elif key in SENTENCE_FIELDS and isinstance(v, str) and v:
            out[key] = marked_sentence(v, names)
        else:
            out[key] = unnamed(v, names)
    return out


def marked_sentence(text: str, names: Mapping[str, str]) -> str:
    """Names in a sentence marked in one pass, the longest first (one may hold another)."""
    present = sorted((n for n in names if n in text), key=len, reverse=True)
    if not present:
        return text
    pattern = re.compile("|".join(re.escape(n) for n in present))
    return pattern.sub(lambda m: mark(names[m.group(0)]), text)


def named(value: Any, name_of: Callable[[str], str]) -> Any:
    """The stored plain data with every mark replaced by the person's name today."""
    if isinstance(value, str):
        return MARK.sub(lambda m: name_of(m.group(1)), value) if "\ue000" in value else value
    if isinstance(value, list):
        return [named(v, name_of) for v in value]
    if isinstance(value, dict):
        return {k: named(v, name_of) for k, v in value.items()}
    return value


def as_row(report: Any, persons: Mapping[str, tuple[str, Person]]) -> dict[str, Any]:
    """A report (or a list of flags) as a row; ``persons``: person id -> (name, sealed)."""
    names = {name: pid for pid, (name, _) in persons.items() if name}
    sealed = {pid: person for pid, (_, person) in persons.items()}
    return {"report": unnamed(plain(report), names), "persons": sealed}


def day(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def network_of(d: dict[str, Any]) -> NetworkReport:
    net = dict(d["network"])
    net["cut_points"] = [CutPoint(**c) for c in net["cut_points"]]
    return NetworkReport(
        d["gmina_id"],
        date.fromisoformat(d["as_of"]),
        NetworkMetrics(**net),
        [NodeMetrics(**n) for n in d["nodes"]],
        [TieView(**{**t, "since": day(t["since"]), "until": day(t["until"])}) for t in d["ties"]],
    )


def flags_of(d: list[dict[str, Any]]) -> list[Flag]:
    return [
        Flag(
            **{
                **f,
                "as_of": date.fromisoformat(f["as_of"]),
                "stakeholders": [Involved(**s) for s in f["stakeholders"]],
                "evidence": [Evidence(**{**e, "on": day(e["on"])}) for e in f.get("evidence", [])],
                "previous_as_of": day(f.get("previous_as_of")),
                "first_crossed": day(f.get("first_crossed")),
                "acknowledged": acknowledgement(f.get("acknowledged")),
            }
        )
        for f in d
    ]


def acknowledgement(a: dict[str, Any] | None) -> Acknowledgement | None:
    return None if a is None else Acknowledgement(**{**a, "on": date.fromisoformat(a["on"])})


def report_of(what: str, row: dict[str, Any], person_name: Callable[[Person], str]) -> Any:
    """The report a row holds, with today's names of its persons (erased stays erased)."""
    persons: dict[str, Person] = row["persons"]
    names = {pid: person_name(p) for pid, p in persons.items()}
    body = named(row["report"], lambda pid: names.get(pid, pid))
    return network_of(body) if what == "network" else flags_of(body)


class ReportsProjection(ReadModel):
    """The store of stored reports; it follows the registry's positions like every read model.

    No fact changes a row here directly: its rows are the reports the worker writes
    (`projections.reports.StoredReports.refresh`), tracked under a name of their own
    (``<registry>.reports``).
    """

    name = "reports"
