"""Thresholds of the risk flags: settings a region can tune, never constants in the rules.

Read from a TOML or JSON file (``MLW_RISK_SETTINGS``) and from ``MLW_RISK_<NAME>``
environment variables, in that order; anything not given keeps its default.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any


class RiskSettingsError(ValueError):
    """Raised when a threshold is unknown or not a number."""


@dataclass(frozen=True)
class RiskSettings:
    """Defaults follow RISKS.md (Freeman, Burt, DoJ/FTC HHI bands, Krackhardt & Stern)."""

    # Trustworthiness: below this many active stakeholders a crossing is only "watch".
    min_active_stakeholders: int = 10
    # A crossing must also hold this many days earlier (the previous quarter) to be a flag.
    consecutive_days: int = 91
    # Below this share of decisions with votes / meetings with attendance: insufficient data.
    min_completeness: float = 0.9
    # Próba dominacji
    centralisation: float = 0.5
    decision_fair_share_multiple: float = 3.0
    min_decisions_for_share: int = 5
    # Zawłaszczenie
    commitment_hhi: float = 0.25
    min_commitments_for_hhi: int = 4
    small_partnership: int = 6
    # Pochłonięcie
    absorption_tie_share: float = 0.8
    absorption_min_ties: int = 2
    # Roztopienie
    dissolving_jaccard: float = 0.9
    dissolving_min_neighbours: int = 3
    # Oddanie zasobu
    one_way_share: float = 0.6
    one_way_min_commitments: int = 2
    # Gra na wykluczenie
    attendance_rate: float = 0.25
    attendance_meetings: int = 6
    attendance_min_meetings: int = 3
    cut_off_min: int = 2
    # A signatory who joined fewer days ago waits for the next forum: not "never invited".
    newcomer_days: int = 91
    # A tie-less signatory expected at this many meetings that came to none is left out.
    isolated_missed_meetings: int = 2
    cut_off_share: float = 0.05
    # Najważniejszy jest nasz interes
    self_benefit_share: float = 0.5
    against_others_share: float = 0.8
    min_votes: int = 5
    # Otwartość and participation
    ei_index: float = -0.5
    sector_assortativity: float = 0.3
    representation_high: float = 2.0
    representation_low: float = 0.5
    min_decisions_for_representation: int = 10
    active_signatories_share: float = 0.5
    activity_days: int = 183

    def with_overrides(self, values: Mapping[str, Any]) -> RiskSettings:
        known = {f.name: f.type for f in fields(self)}
        changes: dict[str, Any] = {}
        for key, raw in values.items():
            name = key.lower()
            if name not in known:
                raise RiskSettingsError(f"Unknown risk threshold {key!r}.")
            try:
                current = getattr(self, name)
                changes[name] = int(raw) if isinstance(current, int) else float(raw)
            except (TypeError, ValueError):
                raise RiskSettingsError(f"Risk threshold {key} must be a number.") from None
        return replace(self, **changes)

    @classmethod
    def from_file(cls, path: Path) -> RiskSettings:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
        return cls().with_overrides(data.get("risks", data))

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> RiskSettings:
        env = os.environ if environ is None else environ
        settings = cls()
        if env.get("MLW_RISK_SETTINGS"):
            settings = cls.from_file(Path(env["MLW_RISK_SETTINGS"]))
        prefix = "MLW_RISK_"
        overrides = {
            k[len(prefix) :]: v
            for k, v in env.items()
            if k.startswith(prefix) and k != "MLW_RISK_SETTINGS"
        }
        return settings.with_overrides(overrides)
