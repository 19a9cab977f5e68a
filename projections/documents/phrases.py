"""The fixed words of the documents, in Polish and in English."""

from __future__ import annotations

from domain.document import DocumentKind
from domain.values import (
    RESOURCE_LABELS_PL,
    SECTOR_LABELS_PL,
    STATUS_LABELS_PL,
    ResourceKind,
    Sector,
    StakeholderStatus,
)

PERSON_PL = "osoba fizyczna"
PERSON_EN = "natural person"

LEGAL_BASIS_PL = (
    "ustawy z dnia 12 marca 2004 r. o pomocy społecznej",
    "ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie",
    "ustawy z dnia 13 czerwca 2003 r. o zatrudnieniu socjalnym",
    "ustawy z dnia 27 kwietnia 2006 r. o spółdzielniach socjalnych",
)
LEGAL_BASIS_EN = (
    "the Social Assistance Act of 12 March 2004",
    "the Act of 24 April 2003 on Public Benefit Activity and Volunteering",
    "the Social Employment Act of 13 June 2003",
    "the Social Cooperatives Act of 27 April 2006",
)
PRINCIPLES_PL = (
    "pomocniczości",
    "suwerenności stron",
    "partnerstwa",
    "efektywności",
    "uczciwej konkurencji",
    "jawności",
)
PRINCIPLES_EN = (
    "subsidiarity",
    "sovereignty of the parties",
    "partnership",
    "efficiency",
    "fair competition",
    "openness",
)

SECTORS = {
    "pl": {s.value: label for s, label in SECTOR_LABELS_PL.items()},
    "en": {
        Sector.PUBLIC_AUTHORITY.value: "Public authority",
        Sector.NGO.value: "Non-governmental organisations",
        Sector.CHURCH.value: "Church organisations and religious associations",
        Sector.BUSINESS_INSTITUTION.value: "Businesses and institutions",
        Sector.FINANCE.value: "Finance and banking",
        Sector.CITIZEN.value: "Citizens – social leaders",
    },
}
RESOURCES = {
    "pl": {r.value: label for r, label in RESOURCE_LABELS_PL.items()},
    "en": {
        ResourceKind.MONEY.value: "funds",
        ResourceKind.PREMISES.value: "premises",
        ResourceKind.STAFF.value: "staff",
        ResourceKind.EQUIPMENT.value: "equipment",
        ResourceKind.TIME.value: "time",
        ResourceKind.KNOW_HOW.value: "know-how",
        ResourceKind.IN_KIND.value: "in kind",
        ResourceKind.OTHER.value: "other",
    },
}
STATUSES = {
    "pl": {s.value: label for s, label in STATUS_LABELS_PL.items()},
    "en": {
        StakeholderStatus.IDENTIFIED.value: "identified",
        StakeholderStatus.INVITED.value: "invited",
        StakeholderStatus.SIGNATORY.value: "signatory",
        StakeholderStatus.TEAM_MEMBER.value: "team member",
        StakeholderStatus.FORMER_SIGNATORY.value: "former signatory",
    },
}
COMMITMENT_STATES = {
    "pl": {
        "made": "podjęte",
        "revised": "zmienione",
        "fulfilled": "wykonane",
        "withdrawn": "wycofane",
    },
    "en": {
        "made": "made",
        "revised": "revised",
        "fulfilled": "fulfilled",
        "withdrawn": "withdrawn",
    },
}
FORMS = {
    "pl": {"lasting": "trwała", "ad_hoc": "doraźna"},
    "en": {"lasting": "lasting", "ad_hoc": "ad hoc"},
}
ATTENDANCE_ROLES = {
    "pl": {"member": "członek", "guest": "gość"},
    "en": {"member": "member", "guest": "guest"},
}
RESOLUTION_STATES = {
    "pl": {
        "adopted": "podjęta",
        "rejected": "odrzucona",
        "withdrawn": "wycofana",
        "proposed": "zgłoszona",
        "voting": "w głosowaniu",
    },
    "en": {
        "adopted": "adopted",
        "rejected": "rejected",
        "withdrawn": "withdrawn",
        "proposed": "proposed",
        "voting": "being voted",
    },
}
TITLES = {
    "pl": {
        DocumentKind.ATTENDANCE.value: "Lista obecności",
        DocumentKind.CATALOGUE.value: "Katalog Lokalnych Interesariuszy",
    },
    "en": {
        DocumentKind.ATTENDANCE.value: "Attendance list",
        DocumentKind.CATALOGUE.value: "Catalogue of Local Stakeholders",
    },
}


def person_label(lang: str) -> str:
    """What stands in a public document where a natural person's name would."""
    return PERSON_EN if lang == "en" else PERSON_PL
