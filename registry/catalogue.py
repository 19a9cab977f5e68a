"""Use cases: the gmina's catalogue of local stakeholders."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any, Unpack
from uuid import UUID

from domain.errors import (
    InvalidInputError,
    LookalikeNameError,
    PersonErasedError,
    WrongGminaError,
)
from domain.gmina import Gmina
from domain.stakeholder import Stakeholder
from domain.values import Sealed, StakeholderKind, SubType
from registry.base import Recording, RegistryBase, Stamp
from registry.identifiers import check_identifiers
from registry.lookalikes import NameIndex, lookalike
from registry.personal_data import ERASED, PersonData


def parse_subtype(value: SubType | str) -> SubType:
    if isinstance(value, SubType):
        return value
    try:
        return SubType(value.strip().lower())
    except ValueError:
        allowed = ", ".join(s.value for s in SubType)
        raise InvalidInputError(
            "subtype",
            "Unknown sub-type {value!r}; choose one of: {allowed}.",
            value=value,
            allowed=allowed,
        ) from None


def parse_kind(value: StakeholderKind | str) -> StakeholderKind:
    if isinstance(value, StakeholderKind):
        return value
    try:
        return StakeholderKind(value.strip().lower())
    except ValueError:
        raise InvalidInputError(
            "kind", "A stakeholder is an institution or a person, not {value!r}.", value=value
        ) from None


class Stakeholders:
    """Cataloguing, editing, recategorising, inviting and archiving stakeholders."""

    def __init__(self, app: RegistryBase) -> None:
        self.app = app
        self.name_index = NameIndex()

    def add_stakeholder(
        self,
        gmina_id: UUID,
        *,
        name: str,
        subtype: SubType | str,
        kind: StakeholderKind | str = StakeholderKind.INSTITUTION,
        legal_form: str = "",
        nip: str | None = None,
        regon: str | None = None,
        krs: str | None = None,
        seat: str = "",
        area: str = "",
        resources_offered: list[str] | None = None,
        contact: str = "",
        different_stakeholder: bool = False,
        **stamp: Unpack[Stamp],
    ) -> UUID:
        """Enter an institution or a citizen leader in the gmina's catalogue.

        A name that reads the same as one already there is refused unless the facilitator
        confirms it is a different stakeholder (different_stakeholder).
        """
        rec = Recording.of(**stamp)
        gmina = self.app.load(Gmina, gmina_id)
        if not different_stakeholder:
            self.check_new_name(gmina, name)
        kind = parse_kind(kind)
        sub = parse_subtype(subtype)
        ids = check_identifiers(nip, regon, krs)
        if rec.on < gmina.registered_on:
            raise InvalidInputError(
                "effective_on",
                "{name} was registered on {registered_on}; nothing in its catalogue can "
                "take effect before that.",
                name=gmina.name,
                registered_on=gmina.registered_on,
            )
        person = None
        if kind is StakeholderKind.PERSON:
            if not name.strip():
                raise InvalidInputError("name", "A citizen leader needs a name.")
            person = self.sealed_person(gmina_id, name, contact, field="name")
            name, contact = "", ""

        # Facilitators adding to one catalogue at the same moment both append to the
        # gmina's list: a race there is retried, never shown as a conflict. The first try
        # appends to the gmina already loaded; a retry loads it afresh.
        loaded = [gmina]

        def record() -> UUID:
            stakeholder = Stakeholder.catalogue(
                gmina_id=gmina_id,
                kind=kind,
                name=name,
                subtype=sub,
                legal_form=legal_form,
                identifiers=ids,
                seat=seat,
                area=area,
                resources_offered=resources_offered or [],
                contact=contact,
                person=person,
                effective_on=rec.on,
                recorded_by=rec.by,
            )
            current = loaded.pop() if loaded else self.app.load(Gmina, gmina_id)
            current.catalogue(stakeholder.id, rec.on, rec.by)
            self.app.commit(stakeholder, current)
            return stakeholder.id

        return self.app.retry_on_race(record)

    def sealed_person(
        self, gmina_id: UUID, name: str | None, contact: str = "", function: str = "", *, field: str
    ) -> Sealed | None:
        """A person named by name or by person id, sealed under the key of the gmina's one
        person of that name (a name typed again finds the same person)."""
        if not name or not name.strip():
            return None
        text = name.strip()
        try:
            person_id = UUID(text)
        except ValueError:
            data = PersonData(text, contact.strip(), function.strip())
            return self.app.vault.seal_for(gmina_id, data)
        known = self.app.vault.people(gmina_id)
        if person_id not in known and self.app.vault.keys.erased_at(person_id):
            raise PersonErasedError(
                "The person {text} was erased; they cannot be named again under that id.", text=text
            )
        if person_id not in known:
            raise InvalidInputError(
                field,
                "{text} is not a person of this gmina (`mlw person list` names them).",
                text=text,
            )
        return self.app.vault.seal(
            PersonData(known[person_id], contact.strip(), function.strip()), person_id
        )

    def stakeholder_of(self, gmina_id: UUID, stakeholder_id: UUID) -> Stakeholder:
        """A stakeholder that must belong to this gmina."""
        stakeholder = self.app.load(Stakeholder, stakeholder_id)
        if stakeholder.gmina_id != gmina_id:
            gmina = self.app.load(Gmina, gmina_id)
            raise WrongGminaError(
                "{name} is in another gmina's catalogue, not {name_2}'s.",
                name=self.name_of(stakeholder),
                name_2=gmina.name,
            )
        return stakeholder

    def edit_stakeholder(
        self,
        /,
        stakeholder_id: UUID,
        *,
        recorded_by: str,
        effective_on: date | None = None,
        expected_version: int | None = None,
        **changes: Any,
    ) -> None:
        """Correct or update a stakeholder's details; identifiers are checked again."""
        rec = Recording.of(recorded_by, effective_on)
        stakeholder = self.app.load_for_edit(Stakeholder, stakeholder_id, expected_version)
        different_stakeholder = bool(changes.pop("different_stakeholder", False))
        changes = {k: v for k, v in changes.items() if v is not None}  # null: left as it is
        if not changes:
            raise InvalidInputError("changes", "Say what to change.")
        if changes.get("name") is not None and not different_stakeholder:
            gmina = self.app.load(Gmina, stakeholder.gmina_id)
            self.check_new_name(gmina, str(changes["name"]), stakeholder.id)
        if {"nip", "regon", "krs"} & changes.keys():
            current = stakeholder.details.identifiers
            changes["identifiers"] = check_identifiers(
                changes.pop("nip", current.nip),
                changes.pop("regon", current.regon),
                changes.pop("krs", current.krs),
            )
        if "resources_offered" in changes:
            changes["resources_offered"] = [
                r.strip() for r in changes["resources_offered"] if r.strip()
            ]
        for key in ("name", "legal_form", "seat", "area", "contact"):
            if key in changes:
                changes[key] = str(changes[key]).strip()
        if stakeholder.kind is StakeholderKind.PERSON and {"name", "contact"} & changes.keys():
            stakeholder.check_not_archived()
            person_now = self.app.vault.unseal(stakeholder.person)
            if person_now is None:
                raise InvalidInputError(
                    "name", "This person's data was erased; it cannot be edited."
                )
            updated = replace(
                person_now,
                name=changes.pop("name", person_now.name) or person_now.name,
                contact=changes.pop("contact", person_now.contact),
            )
            assert stakeholder.person is not None
            changes["person"] = self.app.vault.seal(updated, stakeholder.person.person_id)
            self.app.vault.remember(
                stakeholder.gmina_id, stakeholder.person.person_id, updated.name
            )
        stakeholder.edit(changes, rec.on, rec.by)
        self.app.commit(stakeholder)
        if "name" in changes or "person" in changes:
            self.name_index.note(
                stakeholder.gmina_id, stakeholder.id, self.comparable_name(stakeholder.id)
            )

    def recategorise_stakeholder(
        self,
        stakeholder_id: UUID,
        subtype: SubType | str,
        *,
        expected_version: int | None = None,
        **stamp: Unpack[Stamp],
    ) -> None:
        rec = Recording.of(**stamp)
        stakeholder = self.app.load_for_edit(Stakeholder, stakeholder_id, expected_version)
        stakeholder.recategorise(parse_subtype(subtype), rec.on, rec.by)
        self.app.commit(stakeholder)

    def invite_stakeholder(self, stakeholder_id: UUID, **stamp: Unpack[Stamp]) -> None:
        rec = Recording.of(**stamp)
        stakeholder = self.app.load(Stakeholder, stakeholder_id)
        stakeholder.invite(rec.on, rec.by)
        self.app.commit(stakeholder)

    def archive_stakeholder(
        self,
        stakeholder_id: UUID,
        *,
        reason: str,
        expected_version: int | None = None,
        **stamp: Unpack[Stamp],
    ) -> None:
        rec = Recording.of(**stamp)
        stakeholder = self.app.load_for_edit(Stakeholder, stakeholder_id, expected_version)
        stakeholder.archive(reason, rec.on, rec.by)
        self.app.commit(stakeholder)

    def check_new_name(self, gmina: Gmina, name: str, renamed: UUID | None = None) -> None:
        """Refuse a name that reads the same as another entry of the gmina's catalogue."""
        for sid in self.name_index.candidates(
            gmina.id, gmina.stakeholder_ids, self.comparable_name, name
        ):
            current = self.comparable_name(sid)
            self.name_index.note(gmina.id, sid, current)
            if sid == renamed or current is None or lookalike(name, [current]) is None:
                continue
            raise LookalikeNameError(
                "The catalogue of {name} already holds “{current}”, a name that cannot be told "
                "apart from “{given}” (it differs at most in case, spacing, diacritics or "
                "look-alike letters). If it is a different stakeholder, confirm so.",
                name=gmina.name,
                current=current,
                given=name.strip(),
            )

    def comparable_name(self, stakeholder_id: UUID) -> str | None:
        """An entry's name as it now reads, or None when the person was erased."""
        name = self.name_of(self.app.load(Stakeholder, stakeholder_id))
        return None if name == ERASED else name

    def name_of(self, stakeholder: Stakeholder) -> str:
        if stakeholder.kind is StakeholderKind.INSTITUTION:
            return stakeholder.name
        data = self.app.vault.unseal(stakeholder.person)
        return data.name if data else ERASED

    def catalogue_sectors(self, gmina_id: UUID, on: date) -> int:
        """How many sectors the catalogue's stakeholders came from on a day (those entered
        by then and not archived), each stakeholder in the sector it is in now."""
        gmina = self.app.load(Gmina, gmina_id)
        sectors = set()
        for sid in gmina.stakeholder_ids:
            s = self.app.load(Stakeholder, sid)
            if s.catalogued_on <= on and (s.archived_on is None or on < s.archived_on):
                sectors.add(s.sector)
        return len(sectors)
