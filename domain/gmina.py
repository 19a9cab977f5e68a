"""The gmina: a municipality whose partnership the registry follows."""

from __future__ import annotations

import re
from datetime import date
from uuid import UUID

from eventsourcing.domain import event

from domain.errors import InvalidInputError
from domain.history import Fact, FirstFact, Record, Sets
from domain.input_rules import as_typed_digits

VOIVODESHIPS: dict[str, str] = {
    "02": "dolnośląskie",
    "04": "kujawsko-pomorskie",
    "06": "lubelskie",
    "08": "lubuskie",
    "10": "łódzkie",
    "12": "małopolskie",
    "14": "mazowieckie",
    "16": "opolskie",
    "18": "podkarpackie",
    "20": "podlaskie",
    "22": "pomorskie",
    "24": "śląskie",
    "26": "świętokrzyskie",
    "28": "warmińsko-mazurskie",
    "30": "wielkopolskie",
    "32": "zachodniopomorskie",
}

GMINA_TYPES = {"1": "urban", "2": "rural", "3": "urban-rural"}
GMINA_TYPE_LABELS_PL = {"1": "miejska", "2": "wiejska", "3": "miejsko-wiejska"}


def check_terc(code: str) -> str:
    """Return a gmina's 7-digit TERC code (WWPPGGR) if its structure is valid."""
    code = as_typed_digits(code)
    if not re.fullmatch(r"[0-9]{7}", code):
        raise InvalidInputError(
            "terc", "TERC code must be 7 digits (WWPPGGR), got {code!r}.", code=code
        )
    woj, pow_, gmi, rodz = code[:2], code[2:4], code[4:6], code[6]
    if woj not in VOIVODESHIPS:
        raise InvalidInputError(
            "terc",
            "TERC code {code}: {woj} is not a voivodeship code (even, 02–32).",
            code=code,
            woj=woj,
        )
    if pow_ == "00":
        raise InvalidInputError(
            "terc", "TERC code {code}: powiat part 00 names no powiat.", code=code
        )
    if gmi == "00":
        raise InvalidInputError(
            "terc", "TERC code {code}: gmina part 00 names no gmina.", code=code
        )
    if rodz in ("4", "5"):
        raise InvalidInputError(
            "terc",
            "TERC code {code}: type {rodz} is the town or rural part of an urban-rural gmina, not "
            "a gmina; use the gmina's own code ending in 3.",
            code=code,
            rodz=rodz,
        )
    if rodz not in GMINA_TYPES:
        raise InvalidInputError(
            "terc",
            "TERC code {code}: type digit must be 1, 2 or 3 for a gmina, got {rodz}.",
            code=code,
            rodz=rodz,
        )
    return code


def voivodeship_of(terc: str) -> str:
    """The voivodeship a TERC code lies in."""
    return VOIVODESHIPS[terc[:2]]


class Gmina(Record):
    """A gmina and its catalogue of local stakeholders (ids of Stakeholder aggregates)."""

    class Registered(FirstFact):
        terc: str
        name: str
        powiat: str
        voivodeship: str

    @event(Registered)
    def __init__(
        self,
        terc: str,
        name: str,
        powiat: str,
        voivodeship: str,
        effective_on: date,
        recorded_by: str,
    ) -> None:
        self.terc = terc
        self.name = name
        self.powiat = powiat
        self.voivodeship = voivodeship
        self.registered_on = effective_on
        self.stakeholder_ids: list[UUID] = []

    def rename(
        self, name: str, powiat: str, terc: str, effective_on: date, recorded_by: str
    ) -> None:
        """A new name, powiat or TERC code; a gmina stays in its voivodeship."""
        if terc[:2] != self.terc[:2]:
            raise InvalidInputError("terc", "A gmina cannot move to another voivodeship.")
        unchanged = InvalidInputError("name", "Nothing to change: the gmina already reads so.")
        names = {"name": name, "powiat": powiat, "terc": terc}
        self.record_change(self.Renamed, unchanged, effective_on, recorded_by, **names)

    class Renamed(Sets):
        name: str
        powiat: str
        terc: str

    class StakeholderCatalogued(Fact):
        stakeholder_id: UUID

        def apply(self, gmina: Gmina) -> None:
            gmina.stakeholder_ids.append(self.stakeholder_id)

    def catalogue(self, stakeholder_id: UUID, effective_on: date, recorded_by: str) -> None:
        self.record(
            self.StakeholderCatalogued, effective_on, recorded_by, stakeholder_id=stakeholder_id
        )
