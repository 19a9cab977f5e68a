"""Value objects of the MLW model: stages, sectors, resources, roles, sealed personal data."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum
from typing import Any, ClassVar
from uuid import UUID


class Stage(Enum):
    """The six stages of the Local Cooperation Model, in the order a gmina goes through them."""

    PRESENTATION = 1
    CATALOGUE = 2
    SYNERGY_TEAM = 3
    PACT = 4
    ENTITY_CHOSEN = 5
    ENTITY_CREATED = 6

    @property
    def label_pl(self) -> str:
        return STAGE_LABELS_PL[self]

    @property
    def number(self) -> int:
        return int(self.value)


STAGE_LABELS_PL = {
    Stage.PRESENTATION: "Prezentacja idei Modelu MLW",
    Stage.CATALOGUE: "Wstępny Katalog Lokalnych Interesariuszy",
    Stage.SYNERGY_TEAM: "Powołanie Zespołu Synergii Lokalnej",
    Stage.PACT: "Utworzenie Paktu na rzecz MLW",
    Stage.ENTITY_CHOSEN: "Analiza ZSL i wybór podmiotu zatrudnienia socjalnego",
    Stage.ENTITY_CREATED: "Utworzenie / odtworzenie podmiotu zatrudnienia socjalnego",
}


class Sector(Enum):
    """The sectors of the stakeholder catalogue (MLW, slide 10)."""

    PUBLIC_AUTHORITY = "public_authority"
    NGO = "ngo"
    CHURCH = "church"
    BUSINESS_INSTITUTION = "business_institution"
    FINANCE = "finance"
    CITIZEN = "citizen"


class SubType(Enum):
    """Sub-types of each sector; each belongs to exactly one sector."""

    GOVERNMENT = "government"
    LOCAL_GOVERNMENT = "local_government"
    LOCAL_GOVERNMENT_UNIT = "local_government_unit"
    NGO = "ngo"
    SOCIAL_COOPERATIVE = "social_cooperative"
    CHURCH_ORGANISATION = "church_organisation"
    EDUCATION = "education"
    CULTURE = "culture"
    HEALTH = "health"
    OTHER_BUSINESS = "other_business"
    FINANCE_BANKING = "finance_banking"
    SOCIAL_LEADER = "social_leader"

    @property
    def sector(self) -> Sector:
        return SECTOR_OF[self]


SECTOR_OF: dict[SubType, Sector] = {
    SubType.GOVERNMENT: Sector.PUBLIC_AUTHORITY,
    SubType.LOCAL_GOVERNMENT: Sector.PUBLIC_AUTHORITY,
    SubType.LOCAL_GOVERNMENT_UNIT: Sector.PUBLIC_AUTHORITY,
    SubType.NGO: Sector.NGO,
    SubType.SOCIAL_COOPERATIVE: Sector.NGO,
    SubType.CHURCH_ORGANISATION: Sector.CHURCH,
    SubType.EDUCATION: Sector.BUSINESS_INSTITUTION,
    SubType.CULTURE: Sector.BUSINESS_INSTITUTION,
    SubType.HEALTH: Sector.BUSINESS_INSTITUTION,
    SubType.OTHER_BUSINESS: Sector.BUSINESS_INSTITUTION,
    SubType.FINANCE_BANKING: Sector.FINANCE,
    SubType.SOCIAL_LEADER: Sector.CITIZEN,
}

SECTOR_LABELS_PL = {
    Sector.PUBLIC_AUTHORITY: "Władza publiczna",
    Sector.NGO: "Organizacje pozarządowe",
    Sector.CHURCH: "Organizacje kościelne i związki wyznaniowe",
    Sector.BUSINESS_INSTITUTION: "Przedsiębiorstwa i instytucje",
    Sector.FINANCE: "Finanse i bankowość",
    Sector.CITIZEN: "Obywatele – liderzy społeczni",
}

SUBTYPE_LABELS_PL = {
    SubType.GOVERNMENT: "administracja rządowa",
    SubType.LOCAL_GOVERNMENT: "administracja samorządowa",
    SubType.LOCAL_GOVERNMENT_UNIT: "jednostka samorządu terytorialnego",
    SubType.NGO: "organizacja pozarządowa",
    SubType.SOCIAL_COOPERATIVE: "spółdzielnia socjalna",
    SubType.CHURCH_ORGANISATION: "organizacja kościelna / związek wyznaniowy",
    SubType.EDUCATION: "edukacja",
    SubType.CULTURE: "kultura",
    SubType.HEALTH: "ochrona zdrowia",
    SubType.OTHER_BUSINESS: "inne przedsiębiorstwo lub instytucja",
    SubType.FINANCE_BANKING: "finanse i bankowość",
    SubType.SOCIAL_LEADER: "lider społeczny",
}


class StakeholderKind(Enum):
    """An institution, or a natural person (whose data is personal data)."""

    INSTITUTION = "institution"
    PERSON = "person"


class StakeholderStatus(Enum):
    """Where a stakeholder stands: identified → invited → signatory → team member."""

    IDENTIFIED = "identified"
    INVITED = "invited"
    SIGNATORY = "signatory"
    TEAM_MEMBER = "team_member"
    FORMER_SIGNATORY = "former_signatory"


STATUS_LABELS_PL = {
    StakeholderStatus.IDENTIFIED: "zidentyfikowany",
    StakeholderStatus.INVITED: "zaproszony",
    StakeholderStatus.SIGNATORY: "sygnatariusz",
    StakeholderStatus.TEAM_MEMBER: "członek ZSL",
    StakeholderStatus.FORMER_SIGNATORY: "były sygnatariusz",
}


class CooperationForm(Enum):
    """Lasting (trwała) or ad hoc (doraźna) cooperation."""

    LASTING = "lasting"
    AD_HOC = "ad_hoc"


class ParticipantRole(Enum):
    """The part a signatory plays in the partnership."""

    ASSOCIATED_INSTITUTION = "associated_institution"
    SUPPORTER = "supporter"
    USER = "user"


class ResourceKind(Enum):
    """What a commitment puts into the partnership."""

    MONEY = "money"
    PREMISES = "premises"
    STAFF = "staff"
    EQUIPMENT = "equipment"
    TIME = "time"
    KNOW_HOW = "know_how"
    IN_KIND = "in_kind"
    OTHER = "other"


RESOURCE_LABELS_PL = {
    ResourceKind.MONEY: "środki finansowe",
    ResourceKind.PREMISES: "lokal",
    ResourceKind.STAFF: "kadra",
    ResourceKind.EQUIPMENT: "sprzęt",
    ResourceKind.TIME: "czas",
    ResourceKind.KNOW_HOW: "wiedza i doświadczenie",
    ResourceKind.IN_KIND: "świadczenia rzeczowe",
    ResourceKind.OTHER: "inne",
}


class CommitmentState(Enum):
    """A commitment's life: made → revised → fulfilled / withdrawn."""

    MADE = "made"
    REVISED = "revised"
    FULFILLED = "fulfilled"
    WITHDRAWN = "withdrawn"

    @property
    def is_open(self) -> bool:
        return self in (CommitmentState.MADE, CommitmentState.REVISED)


class Immutable:
    """A value never changed in place, so copies of an aggregate may share it.

    Stored values carry the version of their shape: raise ``__version__`` when a field is
    renamed or removed and add a static ``upcast_vN_vN+1(data)`` that brings the stored
    fields of version N to N+1 (docs/events.md).
    """

    __version__: ClassVar[int] = 1

    def __copy__(self) -> Immutable:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> Immutable:
        return self


class Payload(Immutable):
    """A value an event carries in place of loose fields.

    Readers that list what a fact says (the timeline, a record's history, the search for
    a person's name) show a payload's fields as the event's own, as facts carried them
    before payloads existed (``domain.history.payload_of``).
    """


class Changes(Immutable):
    """A value that sets some fields of another and leaves the rest (None) as they were.

    Readers that list what a fact says show only the fields it sets, as a dict
    (``domain.history.payload_of``), as facts carried them before changes were typed.
    """

    def items(self) -> dict[str, Any]:
        """The fields this value sets, with their new values."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)  # type: ignore[arg-type]
            if getattr(self, f.name) is not None
        }


def gather_payload(name: str, payload: type[Payload]) -> staticmethod[[dict[str, Any]], None]:
    """An ``upcast_vN_vN+1`` for a fact (or snapshot) that carried ``payload``'s fields
    loose: they are taken out of the stored state and put back as one value, ``name``."""

    def upcast(state: dict[str, Any]) -> None:
        names = [f.name for f in fields(payload)]  # type: ignore[arg-type]
        state[name] = payload(**{k: state.pop(k) for k in names if k in state})

    return staticmethod(upcast)


@dataclass(frozen=True)
class Sealed(Immutable):
    """Personal data of one natural person, encrypted with that person's own key.

    The domain never sees the plain text: the registry seals and unseals it, and
    erasing the person's key makes every copy in the history unreadable for good.
    """

    person_id: UUID
    token: str


@dataclass(frozen=True)
class Identifiers(Immutable):
    """An institution's register numbers, already checked and normalised."""

    nip: str | None = None
    regon: str | None = None
    krs: str | None = None


DEFAULT_THESES: tuple[str, ...] = (
    "Partnerstwo uzupełnia i wspiera działania samorządu lokalnego i jego jednostek "
    "poprzez niekonwencjonalne przedsięwzięcia wszystkich instytucji, organizacji i osób, "
    "kierujących się solidarnością wobec wykluczenia społecznego w gminie.",
    "Partnerstwo jest zasobem wiedzy o społeczności lokalnej i siłą sojuszu administracji, "
    "organizacji pozarządowych i osób uznawanych za autorytety.",
    "Partnerstwo jest drogą do dobrych lokalnych programów i strategii opartych na wiedzy "
    "różnych grup i instytucji, tworzącą kapitał społeczny.",
    "Partnerstwo jest platformą rozwiązywania najtrudniejszych, przekrojowych problemów "
    "społecznych, wymagających lokalnej zgody, współpracy i koordynacji.",
    "Partnerstwo jest sposobem włączenia każdego członka społeczności lokalnej, każdej "
    "organizacji pozarządowej i każdej instytucji administracji w gminie.",
)
