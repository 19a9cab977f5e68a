"""The catalogue and the pact as tables: stakeholders, signatories, commitments and their state.

Rows carry what the pages and the API show, already shaped (the fields of
``registry/views.py``); names of persons stay sealed here and are unsealed when read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from eventsourcing.dispatch import singledispatchmethod

from domain.pact import Pact
from domain.stakeholder import Stakeholder
from domain.values import PARAPHRASED_THESES, Sector
from projections.entity_rows import EntityRows
from projections.gmina_rows import GminaRows
from projections.runner import Handler, HandlerOf, ReadModel, Unit, handlers_of
from projections.store import RowView
from registry.views import plain


class CatalogueProjection(ReadModel):
    """One row per gmina, per stakeholder, per signatory and per commitment of each gmina,
    and one per pact."""

    name = "catalogue"
    # Not ``passes_over_other_facts``: the gminas' and the entities' facts reach their parts
    # through the default ``apply`` (`handlers` sends each fact straight to the parts' own).

    parts = (GminaRows(), EntityRows())

    def handlers(self) -> HandlerOf:
        """This read model's method for a type of fact, else the parts' methods for it."""
        own = handlers_of(self, passes_over_other_facts=True)
        theirs = [handlers_of(part, passes_over_other_facts=True) for part in self.parts]
        found: dict[type, Handler | None] = {}

        def handler_of(cls: type) -> Handler | None:
            if cls not in found:
                parts = [h for h in (t(cls) for t in theirs) if h is not None]
                found[cls] = own(cls) or (parts[0] if len(parts) == 1 else None)
                if found[cls] is None and parts:
                    found[cls] = self.apply  # several parts: the default gives it to each
            return found[cls]

        return handler_of

    @singledispatchmethod
    def apply(self, event: Any, position: int, unit: Unit) -> None:
        """The gminas' and the entities' facts make their rows; others change nothing here."""
        for part in self.parts:
            part.apply(event, position, unit)

    @apply.register(Stakeholder.Catalogued)
    def _(self, e: Stakeholder.Catalogued, position: int, unit: Unit) -> None:
        d = e.details
        row = {
            "id": str(e.originator_id),
            "gmina_id": str(e.gmina_id),
            "kind": e.kind.value,
            "name": d.name,
            "person": plain(e.person),
            "sector": e.subtype.sector.value,
            "subtype": e.subtype.value,
            "legal_form": d.legal_form,
            **plain(d.identifiers),
            "seat": d.seat,
            "area": d.area,
            "resources_offered": list(d.resources_offered),
            "contact": d.contact,
            "status": "identified",
            "catalogued_on": e.effective_on.isoformat(),
            "archived_on": None,
            "archive_reason": "",
            "version": e.originator_version,
        }
        unit.put("stakeholder", row["id"], row["gmina_id"], position, row)

    @apply.register(Stakeholder.Edited)
    @apply.register(Stakeholder.Recategorised)
    @apply.register(Stakeholder.StatusChanged)
    @apply.register(Stakeholder.Archived)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        row = unit.get("stakeholder", str(e.originator_id))
        if row is None:
            return
        changes = e.changes.items() if isinstance(e, Stakeholder.Edited) else {}
        for key, value in changes.items():
            if key == "identifiers":
                row.update(plain(value))
            else:
                row[key] = plain(value)
        if isinstance(e, Stakeholder.Recategorised):
            row["subtype"], row["sector"] = e.subtype.value, e.subtype.sector.value
        if isinstance(e, Stakeholder.StatusChanged):
            row["status"] = e.status.value
        if isinstance(e, Stakeholder.Archived):
            row["archived_on"], row["archive_reason"] = e.effective_on.isoformat(), e.reason
        row["version"] = e.originator_version
        unit.put("stakeholder", row["id"], row["gmina_id"], position, row)

    @apply.register(Pact.Drafted)
    def _(self, e: Pact.Drafted, position: int, unit: Unit) -> None:
        gid = str(e.gmina_id)
        unit.put("owner", str(e.originator_id), "", 0, {"gmina_id": gid})
        row = {
            "id": str(e.originator_id),
            "gmina_id": gid,
            "title": e.title,
            "theses": [PARAPHRASED_THESES.get(thesis, thesis) for thesis in e.theses],
            "drafted_on": e.effective_on.isoformat(),
            "commitment_ids": [],
            "version": e.originator_version,
        }
        unit.put("pact", gid, gid, position, row)

    def pact_moved_on(self, e: Any, position: int, unit: Unit) -> str:
        """The pact's row at the version this fact gives it; returns the gmina's id."""
        gid = self.gmina_of_pact(e.originator_id, unit)
        row = unit.get("pact", gid)
        assert row is not None, "a pact's facts follow its drafting"
        row["version"] = e.originator_version
        if isinstance(e, Pact.ThesesSet):
            row["theses"] = list(e.theses)
        if isinstance(e, Pact.CommitmentMade):
            row["commitment_ids"].append(str(e.commitment_id))
        unit.put("pact", gid, gid, position, row)
        return gid

    @apply.register(Pact.ThesesSet)
    def _(self, e: Pact.ThesesSet, position: int, unit: Unit) -> None:
        self.pact_moved_on(e, position, unit)

    def gmina_of_pact(self, pact_id: UUID, unit: Unit) -> str:
        row = unit.get("owner", str(pact_id))
        assert row is not None, "a pact's facts follow its drafting"
        return str(row["gmina_id"])

    @apply.register(Pact.Joined)
    @apply.register(Pact.Left)
    @apply.register(Pact.RepresentativeChanged)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        gmina_id = self.pact_moved_on(e, position, unit)
        key = f"{gmina_id}/{e.stakeholder_id}"
        row = unit.get("party", key) or {"stakeholder_id": str(e.stakeholder_id), "periods": []}
        if isinstance(e, Pact.Joined):
            row["periods"].append(
                {
                    "joined_on": e.effective_on.isoformat(),
                    "left_on": None,
                    "leave_reason": "",
                    "form": e.form.value,
                    "role": e.role.value,
                    "representative": plain(e.representative),
                }
            )
            row["role"] = e.role.value
        elif isinstance(e, Pact.Left):
            row["periods"][-1]["left_on"] = e.effective_on.isoformat()
            row["periods"][-1]["leave_reason"] = e.reason
        else:
            row["periods"][-1]["representative"] = plain(e.representative)
        row["is_member"] = row["periods"][-1]["left_on"] is None
        unit.put("party", key, gmina_id, position, row)

    @apply.register(Pact.CommitmentMade)
    def _(self, e: Pact.CommitmentMade, position: int, unit: Unit) -> None:
        gmina_id = self.pact_moved_on(e, position, unit)
        t = e.terms
        row = {
            "id": str(e.commitment_id),
            "stakeholder_id": str(e.stakeholder_id),
            "resource": t.resource.value,
            "description": t.description,
            "quantity": plain(t.quantity),
            "unit": t.unit,
            "beneficiary": t.beneficiary,
            "beneficiary_id": plain(t.beneficiary_id),
            "joint_with": plain(t.joint_with),
            "due_on": plain(t.due_on),
            "made_on": e.effective_on.isoformat(),
            "state": "made",
            "closed_on": None,
            "note": "",
            "revisions": 0,
            "earlier": [],
        }
        unit.put("commitment", row["id"], gmina_id, position, row)

    @apply.register(Pact.CommitmentRevised)
    @apply.register(Pact.CommitmentClosed)
    def _(self, e: Any, position: int, unit: Unit) -> None:
        gmina_id = self.pact_moved_on(e, position, unit)
        row = unit.get("commitment", str(e.commitment_id))
        if row is None:
            return
        if isinstance(e, Pact.CommitmentRevised):
            earlier = {k: row[k] for k in e.changes} | {"revised_on": e.effective_on.isoformat()}
            row.update({k: plain(v) for k, v in e.changes.items()})
            row["state"], row["revisions"] = "revised", row["revisions"] + 1
            row["earlier"].append(earlier)
        else:
            row["state"], row["closed_on"] = e.state.value, e.effective_on.isoformat()
        row["note"] = e.note
        unit.put("commitment", row["id"], gmina_id, position, row)


PersonName = Callable[[dict[str, str]], str]


def anonymous(person: dict[str, str]) -> str:
    return f"osoba {person['person_id'][:8]}"


def named(view: RowView, gmina_id: UUID, person_name: PersonName) -> list[dict[str, Any]]:
    rows = view.rows("stakeholder", str(gmina_id))
    for r in rows:
        if r["person"]:
            r["name"] = person_name(r["person"])
        del r["person"]
    return rows


def catalogue_table(
    view: RowView,
    gmina_id: UUID,
    *,
    person_name: PersonName = anonymous,
    text: str | None = None,
    sector: str | None = None,
    status: str | None = None,
    include_archived: bool = False,
) -> list[dict[str, Any]]:
    """The catalogue as rows: search by name, filter by sector and status."""
    rows = [
        r
        for r in named(view, gmina_id, person_name)
        if (include_archived or not r["archived_on"])
        and (not sector or r["sector"] == sector)
        and (not status or r["status"] == status)
        and (not text or text.lower() in r["name"].lower())
    ]
    order = [s.value for s in Sector]
    return sorted(rows, key=lambda r: (order.index(r["sector"]), r["name"].lower(), r["id"]))


def pact_table(
    view: RowView, gmina_id: UUID, person_name: PersonName = anonymous
) -> dict[str, list[dict[str, Any]]]:
    """Signatories (with their periods in the pact) and commitments with their state."""
    names = {r["id"]: r["name"] for r in named(view, gmina_id, person_name)}
    parties = [
        r | {"name": names.get(r["stakeholder_id"], "")} for r in view.rows("party", str(gmina_id))
    ]
    commitments = [
        r | {"stakeholder_name": names.get(r["stakeholder_id"], "")}
        for r in view.rows("commitment", str(gmina_id))
    ]
    return {"parties": parties, "commitments": commitments}
