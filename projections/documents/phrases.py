"""The fixed words of the documents: Polish, as msgids of the ``messages`` catalogue.

Each table is written once, in Polish; the English comes from ``en/LC_MESSAGES/messages.po``
through ``projections.i18n``. The per-language tables (``SECTORS["en"]``) are built from
the catalogue when the module is imported.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from domain.document import DocumentKind
from domain.entity import EntityType
from domain.values import ResourceKind, Sector, StakeholderStatus, SubType, Term
from projections.i18n import LANGS, N_, labels, translator

PERSON_PL = N_("osoba fizyczna")
GMINA_LEGAL_FORM_PL = N_("gmina (jednostka samorządu terytorialnego)")
PACT_TITLE_PL = N_("Pakt na rzecz Modelu Lokalnej Współpracy")

LEGAL_BASIS_PL = (
    N_("ustawy z dnia 12 marca 2004 r. o pomocy społecznej"),
    N_("ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie"),
    N_("ustawy z dnia 13 czerwca 2003 r. o zatrudnieniu socjalnym"),
    N_("ustawy z dnia 27 kwietnia 2006 r. o spółdzielniach socjalnych"),
)
PRINCIPLES_PL = (
    N_("pomocniczości"),
    N_("suwerenności stron"),
    N_("partnerstwa"),
    N_("efektywności"),
    N_("uczciwej konkurencji"),
    N_("jawności"),
)
COMMITMENT_STATES_PL = {
    "made": N_("podjęte"),
    "revised": N_("zmienione"),
    "fulfilled": N_("wykonane"),
    "withdrawn": N_("wycofane"),
}
FORMS_PL = {"lasting": N_("trwała"), "ad_hoc": N_("doraźna")}
ATTENDANCE_ROLES_PL = {"member": N_("członek"), "guest": N_("gość")}
ATTENDANCE_ROLES_AT_PACT_PL = {"member": N_("sygnatariusz"), "guest": N_("gość")}
RESOLUTION_STATES_PL = {
    "adopted": N_("podjęta"),
    "rejected": N_("odrzucona"),
    "withdrawn": N_("wycofana"),
    "proposed": N_("zgłoszona"),
    "voting": N_("w głosowaniu"),
}
MEETING_STATES_PL = {
    "scheduled": N_("zaplanowane"),
    "held": N_("odbyte"),
    "cancelled": N_("odwołane"),
}
TITLES_PL = {
    DocumentKind.ATTENDANCE.value: N_("Lista obecności"),
    DocumentKind.CATALOGUE.value: N_("Katalog Lokalnych Interesariuszy"),
    DocumentKind.ANALYSIS.value: N_("Analiza Zespołu Synergii Lokalnej"),
}


def in_every_language(table: Mapping[Any, str] | type[Term]) -> dict[str, dict[str, str]]:
    return {lang: labels(table, lang) for lang in LANGS}


SECTORS = in_every_language(Sector)
RESOURCES = in_every_language(ResourceKind)
STATUSES = in_every_language(StakeholderStatus)
ENTITY_TYPES = in_every_language(EntityType)
SUBTYPES = in_every_language(SubType)
COMMITMENT_STATES = in_every_language(COMMITMENT_STATES_PL)
FORMS = in_every_language(FORMS_PL)
ATTENDANCE_ROLES = in_every_language(ATTENDANCE_ROLES_PL)
ATTENDANCE_ROLES_AT_PACT = in_every_language(ATTENDANCE_ROLES_AT_PACT_PL)
RESOLUTION_STATES = in_every_language(RESOLUTION_STATES_PL)
MEETING_STATES = in_every_language(MEETING_STATES_PL)
TITLES = in_every_language(TITLES_PL)


def legal_basis(lang: str) -> list[str]:
    _ = translator(lang)
    return [_(text) for text in LEGAL_BASIS_PL]


def principles(lang: str) -> list[str]:
    _ = translator(lang)
    return [_(text) for text in PRINCIPLES_PL]


def person_label(lang: str) -> str:
    """What stands in a public document where a natural person's name would."""
    return translator(lang)(PERSON_PL)


def gmina_party(gmina_name: str) -> str:
    """The gmina's legal name as a party: "Gmina Zielony Jar", without a note in brackets."""
    return f"Gmina {gmina_name.split(' (')[0].strip()}"


def gmina_legal_form(lang: str) -> str:
    return translator(lang)(GMINA_LEGAL_FORM_PL)


def pact_title(title: str, lang: str) -> str:
    """The pact's title in ``lang``: the registry's own words translated, the gmina's kept."""
    if title.startswith(PACT_TITLE_PL):
        rest = title.removeprefix(PACT_TITLE_PL)
        _ = translator(lang)
        return _(PACT_TITLE_PL) + rest.replace(" gmina ", f" {_('gmina')} ")
    return title
