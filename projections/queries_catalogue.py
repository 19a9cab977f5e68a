"""Reading gminas, the catalogue and the pact from the read models: no aggregate is loaded.

The rows (``projections/gmina_rows.py``, ``projections/catalogue.py``) carry the fields of
the views already shaped; a read builds the view from its rows, unseals persons' names
with their keys (an erased person reads as erased) and shows the gmina's corrections.

Read your own writes: before each read the read models are caught up to the registry's
last recorded fact (one indexed query when nothing is new; one caller at a time).

As of a date or at a version: the stored facts of the records read (the gmina, its
partnership, its stakeholders, its pact) are replayed through the read models' own
``apply`` into rows in memory, with the semantics of ``domain.history.replay_as_of``:
a record counts from the day its first fact took effect, and each later fact from the
day it took effect, in recorded order. Names of signatories are read as they are now.
"""

from __future__ import annotations

import threading
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar
from uuid import UUID

from domain.entity import EntityType
from domain.errors import DomainError, NotFoundError
from domain.input_rules import as_typed_digits
from domain.pact import Pact
from domain.partnership import Partnership
from domain.team import SynergyTeam
from domain.values import Sealed, Sector, StakeholderStatus
from projections.as_of import Replay, past_row
from projections.i18n import refusal
from projections.read_models import ReadModels
from projections.store import Row, RowView
from registry.access import AccountView, check_access
from registry.base import RegistryBase
from registry.meeting_views import EntityFactView, EntityView
from registry.personal_data import ERASED, PersonData, correct_texts
from registry.views import (
    CommitmentView,
    GminaView,
    PactView,
    PartyView,
    StakeholderView,
    analysis_view,
    stage_view,
)

T = TypeVar("T")

ENTITY_AS_STORED = [
    "entity_type",
    "name",
    "state",
    "recreated",
    "authority",
    "decision_number",
    "version",
]
# A stakeholder's fields shown as the row keeps them.
AS_STORED = [
    "kind",
    "sector",
    "subtype",
    "legal_form",
    "nip",
    "regon",
    "krs",
    "seat",
    "area",
    "status",
    "archive_reason",
    "version",
]


def day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def sealed(value: dict[str, str] | None) -> Sealed | None:
    return Sealed(UUID(value["person_id"]), value["token"]) if value else None


def shown(
    v: StakeholderView,
    sector: Sector | str | None = None,
    status: StakeholderStatus | str | None = None,
    text: str | None = None,
    include_archived: bool = False,
) -> bool:
    """Whether a catalogue entry passes the facilitator's filters."""
    sector = sector.value if isinstance(sector, Sector) else sector
    status = status.value if isinstance(status, StakeholderStatus) else status
    return (
        (include_archived or not v.archived_on)
        and (not sector or v.sector == sector)
        and (not status or v.status == status)
        and (not text or text.lower() in v.name.lower())
    )


class CatalogueQueries:
    """The gmina directory, a gmina's page and dashboard, its catalogue and its pact."""

    def __init__(self, app: RegistryBase, models: ReadModels | None = None) -> None:
        self.app = app
        self.own_models = models is None
        self.models = models
        self.lock = threading.Lock()  # opening the read models, once

    # --- freshness ---------------------------------------------------------------------

    def fresh(self) -> ReadModels:
        """The read models, caught up with every fact recorded before this read."""
        with self.lock:
            if self.models is None:
                self.models = ReadModels(self.app)
        self.models.for_a_read()
        return self.models

    def view(self, name: str) -> RowView:
        return self.fresh().views[name]  # type: ignore[no-any-return]

    def close(self) -> None:
        if self.own_models and self.models is not None:
            self.models.close()
            self.models = None

    # --- persons and corrections ---------------------------------------------------------

    def person(
        self, value: dict[str, str] | None, known: dict[str, PersonData | None] | None = None
    ) -> PersonData | None:
        """The person's data now (None when erased), from ``known`` when it was read there."""
        if value and known is not None and value["token"] in known:
            return known[value["token"]]
        return self.app.vault.unseal(sealed(value))

    def people(self, values: list[dict[str, str] | None]) -> dict[str, PersonData | None]:
        """Every person these rows name, unsealed with one look at the keys (a list of many
        persons would otherwise cost a query per row)."""
        return self.app.vault.unseal_many([s for v in values if (s := sealed(v)) is not None])

    def corrected(self, gmina_id: UUID, view: T) -> T:
        """The view with the gmina's recorded corrections of free text."""
        row = self.view("catalogue").get("corrections", str(gmina_id))
        return correct_texts(view, row["texts"]) if row and row["texts"] else view

    # --- gminas ----------------------------------------------------------------------------

    def gmina_rows(self) -> list[Row]:
        return self.view("catalogue").rows("gmina")

    def row(self, kind: str, record_id: UUID, noun: str = "") -> Row:
        """A record's row; refused in the words ``RegistryBase.load`` uses."""
        row = self.view("catalogue").get(kind, str(record_id))
        if row is None:
            raise NotFoundError(
                "No {noun} with id {aggregate_id}.", noun=noun or kind, aggregate_id=record_id
            )
        return row

    def gmina_row(self, gmina_id: UUID) -> Row:
        return self.row("gmina", gmina_id)

    def authorise(self, account: AccountView, gmina_id: UUID, *, write: bool) -> None:
        """Refuse unless the account may read (or change) this gmina."""
        row = self.gmina_row(gmina_id)
        check_access(account, gmina_id, row["voivodeship"], row["name"], write=write)

    def find_gmina(self, ref: str) -> UUID:
        """A gmina's id from its TERC code, its id, or its exact name."""
        ref = ref.strip()
        view = self.view("catalogue")
        coded = view.get("terc", as_typed_digits(ref))
        if coded is not None:
            return UUID(coded["gmina_id"])
        try:
            candidate = UUID(ref)
        except ValueError:
            named = [r["id"] for r in self.gmina_rows() if r["name"].lower() == ref.lower()]
            if len(named) == 1:
                return UUID(named[0])
            raise NotFoundError("No gmina with TERC code, id or name {ref!r}.", ref=ref) from None
        if view.get("gmina", str(candidate)) is not None:
            return candidate
        raise NotFoundError("No gmina with id {ref}.", ref=ref)

    def list_gminas(self) -> list[GminaView]:
        views = (self.gmina_view(r, r["stages"]) for r in self.gmina_rows())
        return sorted(views, key=lambda g: (g.voivodeship, g.name))

    def get_gmina(
        self, gmina_id: UUID, *, as_of: date | None = None, version: int | None = None
    ) -> GminaView:
        row = self.gmina_row(gmina_id)
        if as_of is None and version is None:
            return self.gmina_view(row, row["stages"])
        ids = [gmina_id] if version is not None else [gmina_id, Partnership.create_id(gmina_id)]
        replay = Replay(self.app).run(ids, as_of=as_of, version=version)
        past = past_row(replay, "gmina", gmina_id, "gmina", as_of, version)
        return self.gmina_view(past, row["stages"] if version is not None else past["stages"])

    @staticmethod
    def gmina_view(row: Row, stages: list[Row]) -> GminaView:
        steps = [stage_view(s, missing_in_polish) for s in stages]
        analysis = row.get("analysis")
        return GminaView(
            id=UUID(row["id"]),
            terc=row["terc"],
            name=row["name"],
            powiat=row["powiat"],
            voivodeship=row["voivodeship"],
            registered_on=date.fromisoformat(row["registered_on"]),
            stakeholder_count=len(row["stakeholder_ids"]),
            stage=steps[-1].stage if steps else None,
            stage_label=steps[-1].label if steps else None,
            stages=steps,
            version=row["version"],
            analysis=analysis_view(analysis) if analysis else None,
        )

    # --- the catalogue ----------------------------------------------------------------------

    def stakeholder_view(
        self, row: Row, known: dict[str, PersonData | None] | None = None
    ) -> StakeholderView:
        is_person = row["kind"] == "person"
        data = self.person(row["person"], known) if row["person"] else None
        return StakeholderView(
            **{name: row[name] for name in AS_STORED},
            id=UUID(row["id"]),
            gmina_id=UUID(row["gmina_id"]),
            name=(data.name if data else ERASED) if is_person else row["name"],
            resources_offered=list(row["resources_offered"]),
            contact=(data.contact if data else "") if is_person else row["contact"],
            archived_on=day(row["archived_on"]),
            person_id=UUID(row["person"]["person_id"]) if row["person"] else None,
            personal_data_erased=is_person and data is None,
        )

    def get_stakeholder(
        self, stakeholder_id: UUID, *, as_of: date | None = None, version: int | None = None
    ) -> StakeholderView:
        row = self.row("stakeholder", stakeholder_id)
        if as_of is not None or version is not None:
            replay = Replay(self.app).run([stakeholder_id], as_of=as_of, version=version)
            row = past_row(replay, "stakeholder", stakeholder_id, "stakeholder", as_of, version)
        return self.corrected(UUID(row["gmina_id"]), self.stakeholder_view(row))

    def catalogue(
        self, gmina_id: UUID, *, as_of: date | None = None, **wanted: Any
    ) -> list[StakeholderView]:
        """The gmina's catalogue (now or as of a date), sorted by sector and name, filtered
        as ``Registry.catalogue`` filters (sector, status, text, include_archived)."""
        gmina = self.gmina_row(gmina_id)
        if as_of is None:
            rows = self.view("catalogue").rows("stakeholder", str(gmina_id))
        else:
            ids = [UUID(s) for s in gmina["stakeholder_ids"]]
            replay = Replay(self.app).run([gmina_id, *ids], as_of=as_of)
            then = past_row(replay, "gmina", gmina_id, "gmina", as_of, None)
            found = (replay.get("stakeholder", sid) for sid in then["stakeholder_ids"])
            rows = [r for r in found if r is not None]
        listed = {sid: i for i, sid in enumerate(gmina["stakeholder_ids"])}
        rows.sort(key=lambda r: listed.get(r["id"], len(listed)))
        known = self.people([r["person"] for r in rows])
        views = [v for r in rows if shown(v := self.stakeholder_view(r, known), **wanted)]
        order = [s.value for s in Sector]
        views.sort(key=lambda v: (order.index(v.sector), v.name.lower()))
        return self.corrected(gmina_id, views)

    def counts(self, gmina_id: UUID) -> tuple[int, int, int]:
        """Today's stakeholders in the catalogue (not archived), signatories of the pact and
        its commitments, counted from the rows: the dashboard names nobody, so no name is
        unsealed for it."""
        view = self.view("catalogue")
        self.gmina_row(gmina_id)  # an unknown gmina is refused as the catalogue refuses it
        listed = sum(not r["archived_on"] for r in view.rows("stakeholder", str(gmina_id)))
        if view.get("pact", str(gmina_id)) is None:
            return listed, 0, 0
        parties = view.rows("party", str(gmina_id))
        signed = sum(r["periods"][-1]["left_on"] is None for r in parties)
        return listed, signed, len(view.rows("commitment", str(gmina_id)))

    def stakeholder_name(
        self, row: Row | None, known: dict[str, PersonData | None] | None = None
    ) -> str:
        if row is None:
            return ""
        if not row["person"]:
            return str(row["name"])
        data = self.person(row["person"], known)
        return data.name if data else ERASED

    # --- the pact ---------------------------------------------------------------------------

    def pact_rows(
        self, gmina_id: UUID, as_of: date | None, version: int | None
    ) -> tuple[Row, list[Row], list[Row]]:
        """The pact, its parties and its commitments: now, at a version, or on a date."""
        view = self.view("catalogue")
        pact = view.get("pact", str(gmina_id))
        if pact is None:
            gmina = self.gmina_row(gmina_id)
            raise NotFoundError(
                "{name} has no {missing}{when}: {first}.",
                name=gmina["name"],
                missing="pact",
                when=f" on {as_of}" if as_of else "",
                first="open its MLW partnership first",
            )
        if as_of is None and version is None:
            return pact, view.rows("party", str(gmina_id)), view.rows("commitment", str(gmina_id))
        pact_id = Pact.create_id(gmina_id)
        replay = Replay(self.app).run([pact_id], as_of=as_of, version=version)
        if replay.get("pact", gmina_id) is None and as_of is not None:
            raise NotFoundError(
                "{name} has no {missing}{when}: {first}.",
                name=self.gmina_row(gmina_id)["name"],
                missing="pact",
                when=f" on {as_of}",
                first="open its MLW partnership first",
            )
        then = past_row(replay, "pact", pact_id, "pact", as_of, version, key=gmina_id)
        return (
            then,
            replay.view.rows("party", str(gmina_id)),
            replay.view.rows("commitment", str(gmina_id)),
        )

    def get_pact(
        self, gmina_id: UUID, *, as_of: date | None = None, version: int | None = None
    ) -> PactView:
        """The pact now, at a version, or as it stood on a date (parties as they were then;
        their names and sectors as they read now)."""
        pact, party_rows, commitment_rows = self.pact_rows(gmina_id, as_of, version)
        catalogue = {r["id"]: r for r in self.view("catalogue").rows("stakeholder", str(gmina_id))}
        named = {r["stakeholder_id"] for r in [*party_rows, *commitment_rows]}
        known = self.people(
            [r["periods"][-1]["representative"] for r in party_rows]
            + [catalogue[sid]["person"] for sid in named if sid in catalogue]
        )
        who: dict[str, tuple[str, str]] = {}
        for sid in named:
            row = catalogue.get(sid)
            who[sid] = (self.stakeholder_name(row, known), row["sector"]) if row else (sid, "")
        parties = [self.party_view(r, *who[r["stakeholder_id"]], known) for r in party_rows]
        parties.sort(key=lambda p: (p.joined_on, p.name))
        made = {cid: i for i, cid in enumerate(pact["commitment_ids"])}
        commitments = [
            commitment_view(r, who[r["stakeholder_id"]][0])
            for r in sorted(commitment_rows, key=lambda r: made[r["id"]])
        ]
        view = PactView(
            id=UUID(pact["id"]),
            gmina_id=gmina_id,
            title=pact["title"],
            theses=list(pact["theses"]),
            drafted_on=date.fromisoformat(pact["drafted_on"]),
            parties=parties,
            commitments=commitments,
            version=pact["version"],
        )
        return self.corrected(gmina_id, view)

    def party_view(
        self, row: Row, name: str, sector: str, known: dict[str, PersonData | None] | None = None
    ) -> PartyView:
        last = row["periods"][-1]
        rep = self.person(last["representative"], known)
        return PartyView(
            stakeholder_id=UUID(row["stakeholder_id"]),
            name=name,
            sector=sector,
            joined_on=date.fromisoformat(last["joined_on"]),
            left_on=day(last["left_on"]),
            leave_reason=last["leave_reason"],
            form=last["form"],
            role=last["role"],
            representative=rep.name if rep else (ERASED if last["representative"] else ""),
            representative_contact=rep.contact if rep else "",
            representative_person_id=UUID(last["representative"]["person_id"])
            if last["representative"]
            else None,
            is_member=last["left_on"] is None,
            representative_function=rep.function if rep else "",
        )

    # --- social employment entities -----------------------------------------------------

    def list_entities(self, gmina_id: UUID, *, as_of: date | None = None) -> list[EntityView]:
        """The entities the gmina's team chose, as they stood on a date."""
        team_id = SynergyTeam.create_id(gmina_id)
        team = self.view("catalogue").get("team", str(team_id))
        if team is None:
            return []
        if as_of is None:
            found = [self.view("catalogue").get("entity", eid) for eid in team["entity_ids"]]
        else:
            ids = [team_id, *map(UUID, team["entity_ids"])]
            replay = Replay(self.app).run(ids, as_of=as_of)
            then = replay.get("team", team_id)
            found = [
                replay.get("entity", eid) for eid in (then or {"entity_ids": []})["entity_ids"]
            ]
        return [entity_view(r) for r in found if r is not None]

    def get_entity(self, entity_id: UUID, *, as_of: date | None = None) -> EntityView:
        noun = "social employment entity"
        row = self.row("entity", entity_id, noun)
        if as_of is not None:
            replay = Replay(self.app).run([entity_id], as_of=as_of)
            row = past_row(replay, "entity", entity_id, noun, as_of, None)
        return entity_view(row)


def missing_in_polish(missing: dict[str, Any]) -> str:
    """What a stage reached by override lacked, in Polish."""
    return refusal(DomainError(missing["template"], **missing["params"]), "pl")


def commitment_view(row: Row, stakeholder_name: str) -> CommitmentView:
    quantity = row["quantity"]
    return CommitmentView(
        id=UUID(row["id"]),
        stakeholder_id=UUID(row["stakeholder_id"]),
        stakeholder_name=stakeholder_name,
        resource=row["resource"],
        description=row["description"],
        quantity=Decimal(quantity) if quantity is not None else None,
        unit=row["unit"],
        beneficiary=row["beneficiary"],
        beneficiary_id=UUID(row["beneficiary_id"]) if row["beneficiary_id"] else None,
        joint_with=[UUID(j) for j in row["joint_with"]],
        due_on=day(row["due_on"]),
        made_on=date.fromisoformat(row["made_on"]),
        state=row["state"],
        closed_on=day(row["closed_on"]),
        note=row["note"],
        revisions=[dict(r) for r in row["earlier"]],
    )


def entity_view(row: Row) -> EntityView:
    return EntityView(
        **{name: row[name] for name in ENTITY_AS_STORED},
        id=UUID(row["id"]),
        gmina_id=UUID(row["gmina_id"]),
        type_label=EntityType(row["entity_type"]).polish,
        facts=[
            EntityFactView(
                f["state"],
                date.fromisoformat(f["effective_on"]),
                f["decided_by"],
                UUID(f["resolution_id"]) if f["resolution_id"] else None,
                f["detail"],
            )
            for f in row["facts"]
        ],
    )
