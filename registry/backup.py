"""Backup and restore of one gmina: every fact it recorded, in one file with a digest.

A backup holds the stored facts exactly as recorded (so the gmina replays identically in
any store), the keys of the persons its records name, and the erasures known when it was
taken. Read models are not in it: they are rebuilt from the facts.

Erasures survive a restore through the erasure ledger: every erasure is also written, as a
person id and a time, to a ledger kept apart from the store (MLW_ERASURE_LEDGER). A
restore consults the ledger, the backup's own list and the target store, and brings back
no key of a person erased in any of them, however old the backup.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent

from domain.errors import InvalidInputError, RuleViolationError
from domain.gmina import Gmina
from domain.history import payload_of
from domain.values import Sealed
from registry.application import Registry
from registry.people import walk
from registry.personal_data import read_ledger

FORMAT = "mlw-backup/1"


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, in a few numbers a facilitator can check."""

    gmina_id: UUID
    terc: str
    name: str
    facts: int
    persons: int
    erased: int
    sha256: str


def canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode()


def gmina_facts(reg: Registry, gmina_id: UUID) -> list[Any]:
    """The gmina's stored facts in the order they were recorded (a record belongs to the
    gmina its first fact names)."""
    owned: set[UUID] = set()
    facts: list[Any] = []
    start = 1
    while batch := reg.recorder.select_notifications(start=start, limit=500):
        for n in batch:
            if n.originator_version == 1:
                first = reg.mapper.to_domain_event(n)
                owner = getattr(first, "gmina_id", None)
                if type(first).__qualname__ == "Gmina.Registered":
                    owner = first.originator_id
                if owner == gmina_id:
                    owned.add(UUID(str(n.originator_id)))
            if UUID(str(n.originator_id)) in owned:
                facts.append(n)
        start = batch[-1].id + 1
    return facts


def take_backup(reg: Registry, gmina_id: UUID) -> dict[str, Any]:
    """Every fact of the gmina, the keys of its living persons, its erasures: one document."""
    gmina = reg.load(Gmina, gmina_id)
    stored = gmina_facts(reg, gmina_id)
    person_ids = set(reg.vault.people(gmina_id))
    for n in stored:
        event = reg.mapper.to_domain_event(n)
        payload = payload_of(event)
        person_ids |= {v.person_id for _, v in walk(payload, "") if isinstance(v, Sealed)}
    persons, erased = [], []
    labels = dict(reg.vault.keys.indexed(gmina_id))
    for pid in sorted(person_ids, key=str):
        key = reg.vault.keys.get(pid)
        erased_at = reg.vault.keys.erased_at(pid)
        if key is not None:
            entry = {"person_id": str(pid), "key": base64.b64encode(key).decode()}
            if pid in labels:
                entry["label"] = labels[pid]
            persons.append(entry)
        elif erased_at is not None:
            erased.append({"person_id": str(pid), "erased_at": erased_at.isoformat()})
    body = {
        "format": FORMAT,
        "taken_at": datetime.now(UTC).isoformat(),
        "gmina": {"id": str(gmina_id), "terc": gmina.terc, "name": gmina.name},
        "facts": [
            {
                "originator_id": str(n.originator_id),
                "originator_version": n.originator_version,
                "topic": n.topic,
                "state": base64.b64encode(n.state).decode(),
            }
            for n in stored
        ],
        "persons": persons,
        "erased": erased,
        "redacted": sorted(reg.vault.redacted(gmina_id)),
    }
    return {"sha256": hashlib.sha256(canonical(body)).hexdigest(), "body": body}


def summary_of(backup: dict[str, Any]) -> BackupSummary:
    body = backup["body"]
    return BackupSummary(
        gmina_id=UUID(body["gmina"]["id"]),
        terc=body["gmina"]["terc"],
        name=body["gmina"]["name"],
        facts=len(body["facts"]),
        persons=len(body["persons"]),
        erased=len(body["erased"]),
        sha256=backup["sha256"],
    )


def write_backup(reg: Registry, gmina_id: UUID, path: Path) -> BackupSummary:
    backup = take_backup(reg, gmina_id)
    path.write_text(json.dumps(backup, ensure_ascii=True), encoding="utf-8")
    return summary_of(backup)


def read_backup(path: Path) -> dict[str, Any]:
    """A backup file, its digest checked: a changed or truncated file is refused."""
    try:
        backup = json.loads(path.read_text(encoding="utf-8"))
        body, digest = backup["body"], backup["sha256"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InvalidInputError(
            "file", "{path} is not a registry backup: {exc}", path=path, exc=exc
        ) from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise InvalidInputError(
            "file", "{path} is not a backup of format {format}.", path=path, format=FORMAT
        )
    actual = hashlib.sha256(canonical(body)).hexdigest()
    if actual != digest:
        raise InvalidInputError(
            "file",
            "{path} was changed after it was taken: its content digests to {actual}, "
            "the backup says {digest}.",
            path=path,
            actual=actual,
            digest=digest,
        )
    return backup  # type: ignore[no-any-return]


def restore_backup(
    reg: Registry, backup: dict[str, Any], ledgers: list[Path], *, recorded_by: str
) -> BackupSummary:
    """Load a gmina's backup into a store that does not hold it; persons erased anywhere
    the restore can see (ledgers, the backup, this store) stay erased."""
    body = backup["body"]
    gmina_id = UUID(body["gmina"]["id"])
    terc = body["gmina"]["terc"]
    if list(reg.events.get(gmina_id, limit=1)):
        raise RuleViolationError(
            "This store already holds the gmina {name} ({gmina_id}); restore into an empty store.",
            name=body["gmina"]["name"],
            gmina_id=gmina_id,
        )
    reg.directory().check_free(terc)
    erased: dict[UUID, datetime] = {
        UUID(e["person_id"]): datetime.fromisoformat(e["erased_at"]) for e in body["erased"]
    }
    for ledger in ledgers:
        erased |= read_ledger(ledger)
    for entry in body["persons"]:
        pid = UUID(entry["person_id"])
        here = reg.vault.keys.erased_at(pid)
        if pid in erased or here is not None:
            reg.vault.keys.restore(pid, None, erased.get(pid) or here)
        else:
            reg.vault.keys.restore(pid, base64.b64decode(entry["key"]), None)
            if "label" in entry:
                reg.vault.keys.index(pid, gmina_id, entry["label"])
    for e in body["erased"]:
        reg.vault.keys.restore(UUID(e["person_id"]), None, erased[UUID(e["person_id"])])
    reg.vault.keys.redact(gmina_id, list(body["redacted"]))
    reg.recorder.insert_events(
        [
            StoredEvent(
                originator_id=UUID(f["originator_id"]),
                originator_version=f["originator_version"],
                topic=f["topic"],
                state=base64.b64decode(f["state"]),
            )
            for f in body["facts"]
        ]
    )
    gmina = reg.load(Gmina, gmina_id)
    directory = reg.directory()
    directory.enter(gmina.terc, gmina_id, min(gmina.registered_on, date.today()), recorded_by)
    reg.commit(directory)
    return summary_of(backup)
