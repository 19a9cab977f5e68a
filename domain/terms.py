"""The words of the MLW model, in one vocabulary: stages, sectors, roles, kinds and states.

Facts store a word by its value and under its kind's name (``registry.transcodings``), not
under this module, so a kind may live here whichever record uses it. A ``Term`` also carries
its Polish name, the msgid the catalogues translate.
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Self


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


# --- the stages, and the stakeholders of the catalogue ------------------------------


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


# --- the pact and its commitments ---------------------------------------------------


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


# --- the Local Synergy Team and its votes -------------------------------------------


class TeamRole(Term):
    """A member's function in the team."""

    CHAIR = "chair", "przewodniczący"
    DEPUTY = "deputy", "zastępca przewodniczącego"
    SECRETARY = "secretary", "sekretarz"
    MEMBER = "member", "członek"


class QuorumRule(Term):
    """How many members must be present for the team to decide."""

    MORE_THAN_HALF = "more_than_half", "obecność ponad połowy członków"
    AT_LEAST_HALF = "at_least_half", "obecność co najmniej połowy członków"
    AT_LEAST_TWO_THIRDS = "at_least_two_thirds", "obecność co najmniej dwóch trzecich członków"


class MajorityRule(Term):
    """How many votes for a resolution adopt it."""

    # more for than against among votes cast
    SIMPLE = "simple", "zwykła większość głosów (więcej za niż przeciw)"
    # more for than against and abstentions together
    ABSOLUTE = "absolute", "bezwzględna większość głosów oddanych"
    # at least two thirds of votes cast are for
    TWO_THIRDS = "two_thirds", "większość dwóch trzecich głosów oddanych"
    # more for than half of all members of the team
    OF_MEMBERS = "of_members", "większość ustawowego składu zespołu"


class VoteChoice(Enum):
    """One member's vote: for, against, or abstaining."""

    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class Outcome(Enum):
    """What the vote decided."""

    ADOPTED = "adopted"
    REJECTED = "rejected"


# --- meetings and their minutes ----------------------------------------------------


class MeetingKind(Term):
    """A meeting of the pact's signatories, or a sitting of the Local Synergy Team."""

    PACT = "pact", "Spotkanie sygnatariuszy Paktu na rzecz MLW"
    TEAM = "team", "Posiedzenie Zespołu Synergii Lokalnej"


class MeetingState(Enum):
    """A meeting is scheduled, then held or cancelled."""

    SCHEDULED = "scheduled"
    HELD = "held"
    CANCELLED = "cancelled"


class MinutesState(Enum):
    """Minutes are drafted, approved at a later meeting, then signed as final."""

    DRAFT = "draft"
    APPROVED = "approved"
    FINAL = "final"


class AttendanceRole(Enum):
    """Present as a member of the team, or as its guest."""

    MEMBER = "member"
    GUEST = "guest"


# --- what meetings decide and issue: resolutions, tasks, documents, the entity -------


class ResolutionState(Enum):
    """A resolution is proposed, put to the vote, then adopted or rejected; or withdrawn,
    when its vote could not be completed too."""

    PROPOSED = "proposed"
    VOTING = "voting"
    ADOPTED = "adopted"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class ActionState(Enum):
    """Assigned at a meeting → accepted by its owner → taken up as a pact commitment."""

    ASSIGNED = "assigned"
    ACCEPTED = "accepted"
    TAKEN_UP = "taken_up"


class DocumentKind(Term):
    """The documents a gmina signs, files and publishes."""

    PACT = "pact", "Pakt na rzecz MLW"
    MINUTES = "minutes", "protokół"
    ATTENDANCE = "attendance", "lista obecności"
    RESOLUTION = "resolution", "uchwała ZSL"
    CATALOGUE = "catalogue", "Katalog Lokalnych Interesariuszy"
    ANALYSIS = "analysis", "analiza ZSL"


class DocumentVariant(Enum):
    """The full text, or the public one without natural persons' personal data (BIP)."""

    FULL = "full"
    PUBLIC = "public"


class EntityType(Term):
    """Social employment entities (Act of 13 June 2003) and the related forms a gmina may choose."""

    CIS = "cis", "Centrum Integracji Społecznej (CIS)"
    KIS = "kis", "Klub Integracji Społecznej (KIS)"
    ZAZ = "zaz", "Zakład Aktywności Zawodowej (ZAZ)"
    WTZ = "wtz", "Warsztat Terapii Zajęciowej (WTZ)"
    SOCIAL_COOPERATIVE = "social_cooperative", "spółdzielnia socjalna"


class EntityState(Enum):
    """Where the entity stands in the MLW's last stage."""

    CHOSEN = "chosen"
    CREATED = "created"
    REGISTERED = "registered"
    STATUS_LOST = "status_lost"
