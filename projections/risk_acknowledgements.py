"""Flags the team has seen: a facilitator's acknowledgement, folded with the gmina's facts."""

from __future__ import annotations

from datetime import date
from typing import Any

from projections.network import Snapshot, handles


@handles("FlagAcknowledgement.Acknowledged")
def acknowledged(s: Snapshot, row: dict[str, Any], on: date) -> None:
    """The latest acknowledgement of a flag (by its key) is the one that counts."""
    d = row["details"]
    s.acknowledged[d["flag_key"]] = {
        "id": row["record_id"],
        "note": d["note"],
        "by": row.get("recorded_by", ""),
        "at": row.get("recorded_at", ""),
        "on": on.isoformat(),
        "value": d["value"],
    }
