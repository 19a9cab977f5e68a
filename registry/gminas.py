"""Use cases: registering gminas and moving their partnership through the MLW stages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Unpack
from uuid import UUID

from domain.directory import GminaDirectory
from domain.entity import EntityType
from domain.errors import InvalidInputError, NotFoundError, RuleViolationError
from domain.gmina import Gmina, check_terc, voivodeship_of
from domain.pact import Pact
from domain.partnership import Partnership
from domain.team import SynergyTeam
from domain.values import Stage
from registry.access import AccountView, check_may_override
from registry.base import Recording, RegistryBase, Stamp
from registry.entities import parse_entity_type
from registry.products import ProductReader

DIRECTORY_ID = GminaDirectory.create_id()


def required(field: str, value: str, what: str) -> str:
    if not value or not value.strip():
        raise InvalidInputError(field, "{what} is required.", what=what)
    return value.strip()


@dataclass(eq=False)
class Gminas:
    """Gminas and their partnership process."""

    app: RegistryBase
    products: ProductReader

    def directory(self) -> GminaDirectory:
        try:
            return self.app.load(GminaDirectory, DIRECTORY_ID)
        except NotFoundError:
            return GminaDirectory()

    def register_gmina(
        self,
        terc: str,
        name: str,
        powiat: str,
        voivodeship: str | None = None,
        **stamp: Unpack[Stamp],
    ) -> UUID:
        """Enter a gmina in the registry; its TERC code must be new and well formed."""
        rec = Recording.of(**stamp)
        terc = check_terc(terc)
        name = required("name", name, "The gmina's name")
        powiat = required("powiat", powiat, "The powiat")
        expected = voivodeship_of(terc)
        if voivodeship and voivodeship.strip().lower() != expected:
            raise InvalidInputError(
                "voivodeship",
                "TERC code {terc} lies in województwo {expected}, not {given}.",
                terc=terc,
                expected=expected,
                given=voivodeship.strip(),
            )

        def record() -> UUID:
            directory = self.directory()
            directory.check_free(terc)
            gmina = Gmina(terc, name, powiat, expected, rec.on, rec.by)
            directory.enter(terc, gmina.id, rec.on, rec.by)
            self.app.commit(gmina, directory)
            return gmina.id

        # Gminas registered at the same moment both enter the one directory: retried.
        return self.app.retry_on_race(record)

    def change_gmina(
        self,
        gmina_id: UUID,
        *,
        name: str | None = None,
        powiat: str | None = None,
        terc: str | None = None,
        expected_version: int | None = None,
        **stamp: Unpack[Stamp],
    ) -> None:
        """Rename a gmina or record its new TERC code; the internal id stays."""
        rec = Recording.of(**stamp)
        gmina = self.app.load_for_edit(Gmina, gmina_id, expected_version)
        new_terc = check_terc(terc) if terc else gmina.terc
        new_name = required("name", name, "The name") if name is not None else gmina.name
        new_powiat = (
            required("powiat", powiat, "The powiat") if powiat is not None else gmina.powiat
        )
        old_terc = gmina.terc
        gmina.rename(new_name, new_powiat, new_terc, rec.on, rec.by)
        pending = [gmina]
        if new_terc != old_terc:
            directory = self.directory()
            directory.recode(old_terc, new_terc, rec.on, rec.by)
            pending.append(directory)  # type: ignore[arg-type]
        self.app.commit(*pending)

    # --- the partnership process -------------------------------------------------------

    def partnership_or_none(self, gmina_id: UUID) -> Partnership | None:
        try:
            return self.app.load(Partnership, Partnership.create_id(gmina_id))
        except NotFoundError:
            return None

    def open_partnership(self, gmina_id: UUID, *, reason: str, **stamp: Unpack[Stamp]) -> UUID:
        """Open the MLW process (stage 1, the idea presented) and draft the gmina's pact."""
        rec = Recording.of(**stamp)
        gmina = self.app.load(Gmina, gmina_id)
        if self.partnership_or_none(gmina_id) is not None:
            raise RuleViolationError(
                "The MLW partnership of {name} is already open.", name=gmina.name
            )
        if rec.on < gmina.registered_on:
            raise RuleViolationError(
                "{name} was registered on {registered_on}; its partnership cannot open "
                "before that.",
                name=gmina.name,
                registered_on=gmina.registered_on,
            )
        partnership = Partnership.open(gmina_id, rec.on, reason, rec.by)
        pact = Pact.draft(gmina_id, gmina.name, rec.on, rec.by)
        self.app.commit(partnership, pact)
        return partnership.id

    def open_partnership_of(self, gmina_id: UUID) -> Partnership:
        """The gmina's partnership process; refused while it is not open."""
        partnership = self.partnership_or_none(gmina_id)
        if partnership is None:
            gmina = self.app.load(Gmina, gmina_id)
            raise RuleViolationError(
                "The MLW partnership of {name} is not open yet.", name=gmina.name
            )
        return partnership

    def advance_stage(
        self,
        gmina_id: UUID,
        to: Stage | int,
        *,
        reason: str,
        decided_by: str | None = None,
        **stamp: Unpack[Stamp],
    ) -> None:
        """Move the partnership to the next MLW stage, with the date and the reason; the
        stage before must have left its product (a catalogue, a team, a pact …)."""
        rec = Recording.of(**stamp)
        stage = parse_stage(to)
        partnership = self.open_partnership_of(gmina_id)
        partnership.check_advance(stage, rec.on, reason)
        products = self.products.products(partnership, stage, rec.on, self.app.load)
        partnership.advance(
            stage,
            rec.on,
            reason,
            rec.by,
            decided_by,
            products=products,
            rules=self.app.settings.stage_rules(),
        )
        self.app.commit(partnership)

    def override_stage(
        self,
        gmina_id: UUID,
        to: Stage | int,
        *,
        reason: str,
        override_reason: str,
        coordinator: AccountView,
        decided_by: str | None = None,
        recorded_by: str | None = None,
        effective_on: date | None = None,
    ) -> None:
        """The regional coordinator moves the partnership to the next stage although the
        stage before left no product: recorded with why, and with what was missing (by the
        coordinator's name unless ``recorded_by`` says who typed it in)."""
        rec = Recording.of(recorded_by or coordinator.username, effective_on)
        stage = parse_stage(to)
        gmina = self.app.load(Gmina, gmina_id)
        check_may_override(coordinator, gmina.voivodeship, gmina.name)
        partnership = self.open_partnership_of(gmina_id)
        partnership.check_advance(stage, rec.on, reason)
        partnership.advance_by_override(
            stage,
            rec.on,
            reason,
            override_reason,
            rec.by,
            decided_by,
            self.products.products(partnership, stage, rec.on, self.app.load),
            self.app.settings.stage_rules(),
        )
        self.app.commit(partnership)

    def record_analysis(
        self,
        gmina_id: UUID,
        *,
        findings: str,
        entity_type: EntityType | str,
        rationale: str,
        decided_by: str = "",
        **stamp: Unpack[Stamp],
    ) -> None:
        """The team's analysis (stage 5): what it found, the entity it chose, and why."""
        rec = Recording.of(**stamp)
        kind = parse_entity_type(entity_type)
        self.app.one_of_gmina(SynergyTeam, gmina_id, None, "Local Synergy Team", "form it first")
        partnership = self.open_partnership_of(gmina_id)
        partnership.record_analysis(findings, kind, rationale, decided_by, rec.on, rec.by)
        self.app.commit(partnership)


def parse_stage(to: Stage | int) -> Stage:
    try:
        return to if isinstance(to, Stage) else Stage(int(to))
    except ValueError:
        raise InvalidInputError(
            "stage", "There is no MLW stage {to}; stages are 1–6.", to=to
        ) from None
