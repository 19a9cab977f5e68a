"""Value objects of the MLW model: stages, sectors, resources, roles, sealed personal data."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import Enum
from typing import Any, ClassVar, Self
from uuid import UUID


class Term(Enum):
    """A word of the model: the value its facts store, and its Polish name as the MLW's own
    documents write it (``KEY = value, "nazwa"``). The name is the msgid of the ``messages``
    catalogue: ``projections.i18n.label`` says it in the reader's language."""

    polish: str

    # ``Stage(1)`` looks a member up by its value; only the members' own lines give a name.
    def __new__(cls, value: Any, polish: str = "") -> Self:
        term = object.__new__(cls)
        term._value_ = value
        term.polish = polish
        return term


class Stage(Term):
    """The six stages of the Local Cooperation Model, in the order a gmina goes through them."""

    PRESENTATION = 1, "Prezentacja idei Modelu MLW"
    CATALOGUE = 2, "Wstępny Katalog Lokalnych Interesariuszy"
    SYNERGY_TEAM = 3, "Powołanie Zespołu Synergii Lokalnej"
    PACT = 4, "Utworzenie Paktu na rzecz MLW"
    ENTITY_CHOSEN = 5, "Analiza ZSL i wybór podmiotu zatrudnienia socjalnego"
    ENTITY_CREATED = 6, "Utworzenie / odtworzenie podmiotu zatrudnienia socjalnego"

    @property
    def number(self) -> int:
        return int(self.value)


class Sector(Term):
    """The sectors of the stakeholder catalogue (MLW, slide 10)."""

    PUBLIC_AUTHORITY = "public_authority", "Władza publiczna"
    NGO = "ngo", "Organizacje pozarządowe"
    CHURCH = "church", "Organizacje kościelne i związki wyznaniowe"
    BUSINESS_INSTITUTION = "business_institution", "Przedsiębiorstwa i instytucje"
    FINANCE = "finance", "Finanse i bankowość"
    CITIZEN = "citizen", "Obywatele – liderzy społeczni"


class SubType(Term):
    """Sub-types of each sector; each belongs to exactly one sector."""

    GOVERNMENT = "government", "administracja rządowa"
    LOCAL_GOVERNMENT = "local_government", "administracja samorządowa"
    LOCAL_GOVERNMENT_UNIT = "local_government_unit", "jednostka samorządu terytorialnego"
    NGO = "ngo", "organizacja pozarządowa"
    SOCIAL_COOPERATIVE = "social_cooperative", "spółdzielnia socjalna"
    CHURCH_ORGANISATION = "church_organisation", "organizacja kościelna / związek wyznaniowy"
    EDUCATION = "education", "edukacja"
    CULTURE = "culture", "kultura"
    HEALTH = "health", "ochrona zdrowia"
    OTHER_BUSINESS = "other_business", "inne przedsiębiorstwo lub instytucja"
    FINANCE_BANKING = "finance_banking", "finanse i bankowość"
    SOCIAL_LEADER = "social_leader", "lider społeczny"

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


class StakeholderKind(Enum):
    """An institution, or a natural person (whose data is personal data)."""

    INSTITUTION = "institution"
    PERSON = "person"


class StakeholderStatus(Term):
    """Where a stakeholder stands: identified → invited → signatory → team member."""

    IDENTIFIED = "identified", "zidentyfikowany"
    INVITED = "invited", "zaproszony"
    SIGNATORY = "signatory", "sygnatariusz"
    TEAM_MEMBER = "team_member", "członek ZSL"
    FORMER_SIGNATORY = "former_signatory", "były sygnatariusz"


class CooperationForm(Enum):
    """Lasting (trwała) or ad hoc (doraźna) cooperation."""

    LASTING = "lasting"
    AD_HOC = "ad_hoc"


class ParticipantRole(Enum):
    """The part a signatory plays in the partnership."""

    ASSOCIATED_INSTITUTION = "associated_institution"
    SUPPORTER = "supporter"
    USER = "user"


class ResourceKind(Term):
    """What a commitment puts into the partnership."""

    MONEY = "money", "środki finansowe"
    PREMISES = "premises", "lokal"
    STAFF = "staff", "kadra"
    EQUIPMENT = "equipment", "sprzęt"
    TIME = "time", "czas"
    KNOW_HOW = "know_how", "wiedza i doświadczenie"
    IN_KIND = "in_kind", "świadczenia rzeczowe"
    OTHER = "other", "inne"


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


# The five theses of the Pact for the MLW, word for word as the model's presentation has them.
DEFAULT_THESES: tuple[str, ...] = (
    "partnerstwo ze swej natury jest uzupełnieniem i inicjatywą wspomagającą działania "
    "samorządów terytorialnych i ich jednostek organizacyjnych poprzez zdolność do "
    "niekonwencjonalnych przedsięwzięć z udziałem wszystkich instytucji, organizacji i osób "
    "indywidualnych, kierujących się zasadą solidaryzmu w przeciwdziałaniu wykluczeniu "
    "społecznemu na obszarze Gminy;",
    "partnerstwo to zbiór wiedzy o lokalnym środowisku, a także siła „sojuszu” administracji "
    "i organizacji pozarządowych oraz indywidualnych osób uznanych za autorytety w wyczuwaniu "
    "rzeczywistych problemów społeczności lokalnej;",
    "partnerstwo to ścieżka do budowy dobrych programów i strategii lokalnego rozwoju, opartych "
    "na wiedzy i doświadczeniu różnych grup społecznych i instytucji, tworzących kapitał "
    "społeczny na obszarze Gminy;",
    "partnerstwo to platforma dla rozwiązywania najtrudniejszych problemów społecznych, które "
    "obecnie mają charakter przekrojowy, a sposoby ich rozwiązywania wymagają zgody lokalnego "
    "społeczeństwa i współpracy różnych instytucji, przy jednoczesnym zapewnieniu koordynacji "
    "działań;",
    "partnerstwo to sposób na inkluzję każdego członka lokalnego społeczeństwa, każdej "
    "organizacji pozarządowej oraz każdej instytucji administracyjnej na obszarze Gminy.",
)
# The registry's first wording of the theses, which pacts drafted before it quoted the model
# still hold: each reads as the model's own words (thesis 1 had turned "solidaryzm w
# przeciwdziałaniu wykluczeniu" into its opposite).
PARAPHRASED_THESES: dict[str, str] = dict(
    zip(
        (
            "Partnerstwo uzupełnia i wspiera działania samorządu lokalnego i jego jednostek "
            "poprzez niekonwencjonalne przedsięwzięcia wszystkich instytucji, organizacji i "
            "osób, kierujących się solidarnością wobec wykluczenia społecznego w gminie.",
            "Partnerstwo jest zasobem wiedzy o społeczności lokalnej i siłą sojuszu "
            "administracji, organizacji pozarządowych i osób uznawanych za autorytety.",
            "Partnerstwo jest drogą do dobrych lokalnych programów i strategii opartych na "
            "wiedzy różnych grup i instytucji, tworzącą kapitał społeczny.",
            "Partnerstwo jest platformą rozwiązywania najtrudniejszych, przekrojowych "
            "problemów społecznych, wymagających lokalnej zgody, współpracy i koordynacji.",
            "Partnerstwo jest sposobem włączenia każdego członka społeczności lokalnej, każdej "
            "organizacji pozarządowej i każdej instytucji administracji w gminie.",
        ),
        DEFAULT_THESES,
        strict=True,
    )
)
# The theses as words of the catalogue, so a pact in English quotes them in English.
DEFAULT_THESES_LABELS_PL: dict[int, str] = dict(enumerate(DEFAULT_THESES, 1))
