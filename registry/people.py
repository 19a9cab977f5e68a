"""The gmina's people: every natural person named in its records, their roles, their erasure.

One human is one person id in a gmina: a name typed again finds the person already in the
gmina's people index, and a person id may be given instead of a name. Erasing that person
destroys the one key every role of theirs was sealed with.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar
from uuid import UUID

from domain.account import Account, AccountRoll
from domain.errors import InvalidInputError, NotFoundError
from domain.gmina import Gmina
from domain.history import payload_of
from domain.pact import Pact
from domain.redaction import Redactions
from domain.values import Sealed
from registry.base import RegistryBase
from registry.catalogue import Stakeholders
from registry.meetings import Meetings
from registry.pacts import Pacts
from registry.personal_data import ERASED, correct_texts, same_name, text_digest
from registry.views import FactView

T = TypeVar("T")

# Where a sealed person stands in a fact, in the facilitators' words.
ROLES = {
    ("Stakeholder", "person"): "catalogue",
    ("Pact", "representative"): "pact representative",
    ("Meeting", "chair"): "chair",
    ("Meeting", "minute_taker"): "minute-taker",
    ("Meeting", "representative"): "attendance",
}


@dataclass(frozen=True)
class RoleView:
    role: str
    record_id: UUID


@dataclass
class PersonView:
    """A natural person named in a gmina's records, and where they are named."""

    person_id: UUID
    name: str
    erased: bool
    roles: list[RoleView] = field(default_factory=list)


@dataclass(frozen=True)
class MentionView:
    """A free-text value of a recorded fact that contains an erased person's name."""

    record_id: UUID
    version: int
    fact: str
    field: str


@dataclass(frozen=True)
class ErasureView:
    person_id: UUID
    erased_on: date
    roles: list[RoleView]
    mentions: list[MentionView]


def walk(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every leaf of a fact's payload with its path (sealed data is a leaf, whether as
    recorded or as a read model keeps it: ``{"person_id": …, "token": …}``)."""
    if isinstance(value, dict) and set(value) == {"person_id", "token"}:
        yield path, Sealed(UUID(value["person_id"]), value["token"])
    elif isinstance(value, Sealed | str):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from walk(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, f"{path}.{k}")
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from walk(v, f"{path}[{i}]")


def role_of(fact: str, path: str) -> str:
    record = fact.split(".")[0]
    last = path.split(".")[-1].split("[")[0]
    return ROLES.get((record, last), f"{record.lower()} {last}")


@dataclass(eq=False)
class People:
    """Who is named where in a gmina, and erasure that reaches every role."""

    app: RegistryBase
    stakeholders: Stakeholders
    pacts: Pacts
    meetings: Meetings

    def record_ids_of(self, gmina_id: UUID) -> list[UUID]:
        """Every record of the gmina (its own, catalogue, pact, meetings…), oldest first.

        Read from the log: a record belongs to the gmina its first fact names.
        """
        found: list[UUID] = []
        start = 1
        while True:
            batch = self.app.recorder.select_notifications(start=start, limit=500)
            if not batch:
                return found
            for n in batch:
                if n.originator_version != 1:
                    continue
                first = self.app.mapper.to_domain_event(n)
                owner = getattr(first, "gmina_id", None)
                if type(first).__qualname__ == "Gmina.Registered":
                    owner = first.originator_id
                if owner == gmina_id:
                    found.append(first.originator_id)
            start = batch[-1].id + 1

    def facts_of_gmina(self, gmina_id: UUID) -> Iterator[Any]:
        for record_id in self.record_ids_of(gmina_id):
            yield from self.app.events.get(record_id)

    def facts_naming_people(self, gmina_id: UUID) -> Iterator[Any]:
        """The facts that can name a person (catalogue, pact, meetings), without reading
        the whole log."""
        gmina = self.app.load(Gmina, gmina_id)
        records = [
            *gmina.stakeholder_ids,
            Pact.create_id(gmina_id),
            *(e.meeting_id for e in self.meetings.calendar_of(gmina_id).entries),
        ]
        for record_id in records:
            yield from self.app.events.get(record_id)

    def people_of(self, gmina_id: UUID) -> list[PersonView]:
        """Every natural person named in the gmina, with the roles they are named in."""
        named = (
            (type(e).__qualname__, e.originator_id, payload_of(e))
            for e in self.facts_naming_people(gmina_id)
        )
        return people_named(self.app, gmina_id, named)

    def person_of(self, gmina_id: UUID, person_id: UUID) -> PersonView:
        """A person named in this gmina; anyone else is, from here, unknown."""
        for person in self.people_of(gmina_id):
            if person.person_id == person_id:
                return person
        account = self.account_person(gmina_id, person_id)
        if account is not None:
            return account
        raise NotFoundError("No such person in this gmina's records.")

    def account_person(self, gmina_id: UUID, person_id: UUID) -> PersonView | None:
        """The person whose sealed display name an account assigned to this gmina shows."""
        try:
            usernames = self.app.load(AccountRoll, AccountRoll.create_id()).usernames
        except NotFoundError:
            return None
        for username in usernames:
            account = self.app.load(Account, Account.create_id(username))
            sealed = account.sealed_name
            if gmina_id in account.gmina_ids and sealed and sealed.person_id == person_id:
                data = self.app.vault.unseal(sealed)
                return PersonView(
                    person_id,
                    data.name if data else ERASED,
                    erased=data is None,
                    roles=[RoleView("account", account.id)],
                )
        return None

    def mentions_of(self, gmina_id: UUID, names: set[str]) -> tuple[list[MentionView], list[str]]:
        """Free-text values of the gmina's facts that contain one of these names."""
        wanted = {same_name(n) for n in names if n and n != ERASED}
        mentions: list[MentionView] = []
        texts: list[str] = []
        if not wanted:
            return mentions, texts
        for e in self.facts_of_gmina(gmina_id):
            payload = payload_of(e)
            for path, value in walk(payload, ""):
                if isinstance(value, str) and any(n in same_name(value) for n in wanted):
                    mentions.append(
                        MentionView(
                            e.originator_id, e.originator_version, type(e).__qualname__, path[1:]
                        )
                    )
                    texts.append(value)
        return mentions, texts

    def erase_person_of(self, gmina_id: UUID, person_id: UUID) -> ErasureView:
        """Erase a person named in this gmina, in every role, and list the free-text facts
        that still name them (for the facilitator to correct; public documents omit them)."""
        person = self.person_of(gmina_id, person_id)
        names = {person.name}
        for e in self.facts_naming_people(gmina_id):
            for _, value in walk(payload_of(e), ""):
                if isinstance(value, Sealed) and value.person_id == person_id:
                    data = self.app.vault.unseal(value)
                    if data is not None:
                        names.add(data.name)
        mentions, texts = self.mentions_of(gmina_id, names)
        if texts:
            self.app.vault.redact(gmina_id, texts)
        erased_on = self.erase_person(person_id)
        return ErasureView(person_id, erased_on, person.roles, mentions)

    def erase_person(self, person_id: UUID) -> date:
        """Erase a natural person's data for good (RODO art. 17); history stays replayable."""
        return self.app.vault.erase(person_id).date()

    # --- corrections of free text ----------------------------------------------------

    def corrections(self, gmina_id: UUID) -> dict[str, str]:
        """The gmina's recorded corrections of free text, by the digest of the text."""
        try:
            return dict(self.app.load(Redactions, Redactions.create_id(gmina_id)).texts)
        except NotFoundError:
            return {}

    def corrected(self, gmina_id: UUID, view: T) -> T:
        texts = self.corrections(gmina_id)
        return correct_texts(view, texts) if texts else view

    def redact_text(
        self,
        gmina_id: UUID,
        record_id: UUID,
        version: int,
        field: str,
        replacement: str,
        *,
        reason: str,
        recorded_by: str,
    ) -> str:
        """Record a correction of a free text of one fact (for example a summary that names
        an erased person); the fact stays in the history, the correction is shown from now."""
        facts: list[Any] = list(self.app.events.get(record_id))
        owner = None
        if facts:
            owner = getattr(facts[0], "gmina_id", None)
            if type(facts[0]).__qualname__ == "Gmina.Registered":
                owner = record_id
        if owner != gmina_id:
            raise NotFoundError("No such record in this gmina.")
        fact = next((e for e in facts if e.originator_version == version), None)
        if fact is None:
            raise InvalidInputError(
                "version", "That record has no fact number {version}.", version=version
            )
        payload = payload_of(fact)
        texts = {path[1:]: value for path, value in walk(payload, "")}
        text = texts.get(field)
        if not isinstance(text, str) or not text:
            raise InvalidInputError(
                "field",
                "Fact {version} of that record has no text {field!r}.",
                version=version,
                field=field,
            )
        digest = text_digest(text)

        def record() -> str:
            try:
                redactions = self.app.load(Redactions, Redactions.create_id(gmina_id))
            except NotFoundError:
                redactions = Redactions(gmina_id, date.today(), recorded_by)
            redactions.redact(digest, replacement, reason, date.today(), recorded_by)
            self.app.commit(redactions)
            return digest

        return self.app.retry_on_race(record)

    def history(self, aggregate_id: UUID) -> list[FactView]:
        facts = self.app.recorded_history(aggregate_id)
        first = next(iter(self.app.events.get(aggregate_id, limit=1)), None)
        owner = getattr(first, "gmina_id", None)
        if type(first).__qualname__ == "Gmina.Registered":
            owner = aggregate_id
        return self.corrected(owner, facts) if isinstance(owner, UUID) else facts


# The records whose facts can name a person: the catalogue, the pact, the meetings.
NAMING_RECORDS = ("Stakeholder.", "Pact.", "Meeting.")


def people_named(
    app: RegistryBase, gmina_id: UUID, named: Iterable[tuple[str, UUID, Any]]
) -> list[PersonView]:
    """Every natural person of the gmina's index and of these facts (fact, record, what it
    says), with the roles the facts name them in."""
    people: dict[UUID, PersonView] = {}
    for person_id, name in app.vault.people(gmina_id).items():
        people[person_id] = PersonView(person_id, name, erased=False)
    for fact, record_id, said in named:
        for path, value in walk(said, ""):
            if not isinstance(value, Sealed):
                continue
            person = people.get(value.person_id)
            if person is None:
                data = app.vault.unseal(value)
                person = PersonView(
                    value.person_id, data.name if data else ERASED, erased=data is None
                )
                people[value.person_id] = person
                if data is not None:
                    # Named before the index existed: choosable from now on.
                    app.vault.remember(gmina_id, value.person_id, data.name)
            role = RoleView(role_of(fact, path), record_id)
            if role not in person.roles:
                person.roles.append(role)
    return sorted(people.values(), key=lambda p: (p.erased, same_name(p.name)))
