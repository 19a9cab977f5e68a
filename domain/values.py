"""Value objects of the MLW model: immutable values, payloads and changes, sealed personal data."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar
from uuid import UUID

from domain.terms import (
    CommitmentState,
    CooperationForm,
    ParticipantRole,
    ResourceKind,
    Sector,
    Stage,
    StakeholderKind,
    StakeholderStatus,
    SubType,
    Term,
)

# Kinds of words once defined here (domain.terms); older imports from here still work.
__all__ = [
    "CommitmentState",
    "CooperationForm",
    "ParticipantRole",
    "ResourceKind",
    "Sector",
    "Stage",
    "StakeholderKind",
    "StakeholderStatus",
    "SubType",
    "Term",
]


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
