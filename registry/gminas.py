"""Use cases: registering gminas and moving their partnership through the MLW stages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Unpack
from uuid import UUID

from domain.directory import GminaDirectory
from domain.errors import InvalidInputError, NotFoundError, RuleViolationError
from domain.gmina import Gmina, check_terc, voivodeship_of
from domain.pact import Pact
from domain.partnership import Partnership
from domain.values import Stage
from registry.base import Recording, RegistryBase, Stamp

DIRECTORY_ID = GminaDirectory.create_id()


def required(field: str, value: str, what: str) -> str:
    if not value or not value.strip():
        raise InvalidInputError(field, "{what} is required.", what=what)
    return value.strip()


@dataclass(eq=False)
class Gminas:
    """Gminas and their partnership process."""

    app: RegistryBase

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

    def advance_stage(
        self,
        gmina_id: UUID,
        to: Stage | int,
        *,
        reason: str,
        decided_by: str | None = None,
        **stamp: Unpack[Stamp],
    ) -> None:
        """Move the partnership to the next MLW stage, with the date and the reason."""
        rec = Recording.of(**stamp)
        try:
            stage = to if isinstance(to, Stage) else Stage(int(to))
        except ValueError:
            raise InvalidInputError(
                "stage", "There is no MLW stage {to}; stages are 1–6.", to=to
            ) from None
        partnership = self.partnership_or_none(gmina_id)
        if partnership is None:
            gmina = self.app.load(Gmina, gmina_id)
            raise RuleViolationError(
                "The MLW partnership of {name} is not open yet.", name=gmina.name
            )
        partnership.advance(stage, rec.on, reason, rec.by, decided_by)
        self.app.commit(partnership)
