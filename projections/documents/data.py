"""The documents' content as plain data, built from the registry's views as of a date.

A document's digest is taken over this data (never over PDF or DOCX bytes), so the same
point in the registry gives the same digest in every format and at every reprint.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from domain.document import DocumentKind, DocumentVariant
from domain.errors import NotFoundError
from domain.team import TeamRole
from domain.values import Stage
from projections.documents import phrases
from projections.documents.polish import format_amount
from projections.i18n import label, translator
from registry.application import Registry
from registry.personal_data import ERASED, text_digest
from registry.views import StakeholderView, plain


@dataclass(frozen=True)
class Provenance:
    """Where a document comes from: the gmina, the point in time, the facts read."""

    kind: str
    gmina_id: str
    gmina: str
    terc: str
    as_of: date
    subject: str
    variant: str
    lang: str
    built_from: list[str]


@dataclass(frozen=True)
class Party:
    name: str
    legal_form: str
    identifiers: str
    sector: str
    representative: str
    joined_on: date
    form: str


@dataclass(frozen=True)
class CommitmentLine:
    party: str
    resource: str
    action: str
    due_on: date | None
    measure: str
    state: str


@dataclass(frozen=True)
class PactDocument:
    provenance: Provenance
    title: str
    place: str
    signed_on: date | None
    legal_basis: list[str]
    theses: list[str]
    principles: list[str]
    parties: list[Party]
    commitments: list[CommitmentLine]
    team: list[str]
    coordinator: str
    draft: bool = False
    version: int = 0
    copies: int = 0
    administrator: str = ""


@dataclass(frozen=True)
class AnalysisDocument:
    """The team's analysis (MLW stage 5): what it found, the entity it chose, and why."""

    provenance: Provenance
    title: str
    presented_on: date
    decided_by: str
    findings: str
    entity: str
    rationale: str


@dataclass(frozen=True)
class CatalogueEntry:
    name: str
    subtype: str
    legal_form: str
    identifiers: str
    seat: str
    area: str
    contact: str
    resources: str
    status: str


@dataclass(frozen=True)
class CatalogueSection:
    sector: str
    entries: list[CatalogueEntry]


@dataclass(frozen=True)
class CatalogueDocument:
    provenance: Provenance
    title: str
    sections: list[CatalogueSection]


@dataclass(frozen=True)
class Built:
    """A document's content and the digest that names it."""

    document: Any
    digest: str

    @property
    def provenance(self) -> Provenance:
        return self.document.provenance  # type: ignore[no-any-return]


def canonical(document: Any) -> str:
    return json.dumps(plain(document), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_digest(document: Any) -> str:
    """SHA-256 of the document's canonical content: same point, same digest."""
    return hashlib.sha256(canonical(document).encode()).hexdigest()


def scrub(value: Any, names: set[str], label: str, redacted: frozenset[str] = frozenset()) -> Any:
    """Every natural person's name in the document replaced by a neutral label, and every
    free text that named a person since erased (known by its digest) left out."""
    if isinstance(value, str):
        if redacted and text_digest(value) in redacted:
            return label
        for name in sorted(names, key=len, reverse=True):
            value = value.replace(name, label)
        return value
    if isinstance(value, list):
        return [scrub(v, names, label, redacted) for v in value]
    if isinstance(value, tuple):
        return tuple(scrub(v, names, label, redacted) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: scrub(getattr(value, f.name), names, label, redacted)
            for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    return value


def identifiers(s: StakeholderView | None) -> str:
    if s is None:
        return ""
    parts = [f"{k} {v}" for k, v in (("KRS", s.krs), ("REGON", s.regon), ("NIP", s.nip)) if v]
    return ", ".join(parts)


class DocumentBuilder:
    """Reads the registry as of one date and gathers one gmina's documents' content."""

    def __init__(
        self,
        app: Registry,
        gmina_id: UUID,
        *,
        as_of: date | None = None,
        lang: str = "pl",
        public: bool = False,
    ) -> None:
        self.app = app
        self.gmina_id = gmina_id
        self.as_of = as_of or date.today()
        self.lang = lang if lang in ("pl", "en") else "pl"
        self.public = public
        self.gmina = app.get_gmina(gmina_id, as_of=self.as_of)
        self.persons: set[str] = set()
        self.stakeholders = {
            s.id: s for s in app.catalogue(gmina_id, as_of=self.as_of, include_archived=True)
        }
        for s in self.stakeholders.values():
            if s.kind == "person" and s.name != ERASED:
                self.persons.add(s.name)

    def person(self, name: str) -> str:
        """A natural person's name, remembered so the public variant can leave it out."""
        if name and name != ERASED:
            self.persons.add(name)
        return name

    def provenance(self, kind: DocumentKind, subject: str, built_from: list[str]) -> Provenance:
        return Provenance(
            kind=kind.value,
            gmina_id=str(self.gmina_id),
            gmina=self.gmina.name,
            terc=self.gmina.terc,
            as_of=self.as_of,
            subject=subject,
            variant=(DocumentVariant.PUBLIC if self.public else DocumentVariant.FULL).value,
            lang=self.lang,
            built_from=[f"gmina {str(self.gmina_id)[:8]} v{self.gmina.version}", *built_from],
        )

    def finish(self, document: Any) -> Built:
        if self.public:
            redacted = frozenset(self.app.vault.redacted(self.gmina_id))
            document = scrub(document, self.persons, phrases.person_label(self.lang), redacted)
        return Built(document, content_digest(document))

    # --- the pact ----------------------------------------------------------------------

    def pact(self) -> Built:
        lang = self.lang
        pact = self.app.get_pact(self.gmina_id, as_of=self.as_of)
        signed = [s.effective_on for s in self.gmina.stages if s.stage == Stage.PACT.number]
        parties = []
        office = next((s for s in self.stakeholders.values() if self.is_gmina_office(s)), None)
        for p in pact.signatories:
            s = self.stakeholders.get(p.stakeholder_id)
            as_gmina = s is not None and s is office
            representative = self.person(p.representative)
            if representative and p.representative_function:
                representative = f"{representative}, {p.representative_function}"
            parties.append(
                Party(
                    name=phrases.gmina_party(self.gmina.name) if as_gmina else p.name,
                    legal_form=phrases.gmina_legal_form(lang)
                    if as_gmina
                    else (s.legal_form if s else ""),
                    identifiers=identifiers(s),
                    sector=phrases.SECTORS[lang].get(p.sector, p.sector),
                    representative=representative,
                    joined_on=p.joined_on,
                    form=phrases.FORMS[lang].get(p.form, p.form),
                )
            )
        members = {p.stakeholder_id for p in pact.signatories}
        commitments = [
            CommitmentLine(
                party=phrases.gmina_party(self.gmina.name)
                if office is not None and c.stakeholder_id == office.id
                else c.stakeholder_name,
                resource=phrases.RESOURCES[lang].get(c.resource, c.resource),
                action=c.description + (f" ({c.beneficiary})" if c.beneficiary else ""),
                due_on=c.due_on,
                measure=format_amount(c.quantity, c.unit, lang),
                state=phrases.COMMITMENT_STATES[lang].get(c.state, c.state),
            )
            for c in sorted(pact.commitments, key=lambda c: (c.made_on, c.stakeholder_name))
            if c.stakeholder_id in members
        ]
        team: list[str] = []
        coordinator = ""
        built_from = [f"pakt {str(pact.id)[:8]} v{pact.version}"]
        try:
            t = self.app.get_team(self.gmina_id, as_of=self.as_of)
        except NotFoundError:
            t = None
        if t is not None:
            built_from.append(f"ZSL {str(t.id)[:8]} v{t.version}")
            team = [f"{m.name} – {label(TeamRole(m.role), lang)}" for m in t.members]
            chairs = [m.name for m in t.members if m.role == "chair"]
            coordinator = chairs[0] if chairs else ""
        seat = office.seat if office is not None and office.seat else ""
        seat = seat or next((s.seat for s in self.stakeholders.values() if s.seat), "")
        _ = translator(lang)
        return self.finish(
            PactDocument(
                provenance=self.provenance(DocumentKind.PACT, "", built_from),
                title=phrases.pact_title(pact.title, lang),
                place=seat.split(",")[0] or self.gmina.name,
                signed_on=signed[0] if signed else None,
                legal_basis=phrases.legal_basis(lang),
                theses=[_(thesis) for thesis in pact.theses],
                principles=phrases.principles(lang),
                parties=parties,
                commitments=commitments,
                team=team,
                coordinator=coordinator,
                draft=not signed,
                version=pact.version,
                copies=len(parties),
                administrator=(
                    ", ".join(part for part in (office.name, office.seat) if part)
                    if office is not None
                    else phrases.gmina_party(self.gmina.name)
                ),
            )
        )

    @staticmethod
    def is_gmina_office(s: StakeholderView) -> bool:
        """The gmina's own office, which acts for the gmina but has no legal personality."""
        form = s.legal_form.lower()
        return s.subtype == "local_government" and "urząd" in form and "gminy" in form

    # --- the catalogue -----------------------------------------------------------------

    def catalogue(self) -> Built:
        lang = self.lang
        sections: dict[str, list[CatalogueEntry]] = {}
        for s in self.app.catalogue(self.gmina_id, as_of=self.as_of):
            is_person = s.kind == "person"
            sections.setdefault(s.sector, []).append(
                CatalogueEntry(
                    name=s.name,
                    subtype=phrases.SUBTYPES[lang].get(s.subtype, s.subtype),
                    legal_form=s.legal_form,
                    identifiers=identifiers(s),
                    seat=s.seat,
                    area=s.area,
                    contact="" if is_person and self.public else s.contact,
                    resources=", ".join(s.resources_offered),
                    status=phrases.STATUSES[lang].get(s.status, s.status),
                )
            )
        return self.finish(
            CatalogueDocument(
                provenance=self.provenance(DocumentKind.CATALOGUE, "", []),
                title=phrases.TITLES[lang][DocumentKind.CATALOGUE.value],
                sections=[
                    CatalogueSection(phrases.SECTORS[lang][sector], entries)
                    for sector, entries in sections.items()
                ],
            )
        )

    # --- the team's analysis -------------------------------------------------------------

    def analysis(self) -> Built:
        analysis = self.gmina.analysis
        if analysis is None:
            raise NotFoundError(
                "The team's analysis of {name} is not recorded (as of {as_of}).",
                name=self.gmina.name,
                as_of=self.as_of,
            )
        return self.finish(
            AnalysisDocument(
                provenance=self.provenance(DocumentKind.ANALYSIS, "", []),
                title=phrases.TITLES[self.lang][DocumentKind.ANALYSIS.value],
                presented_on=analysis.effective_on,
                decided_by=analysis.decided_by,
                findings=analysis.findings,
                entity=phrases.ENTITY_TYPES[self.lang].get(
                    analysis.entity_type, analysis.entity_type
                ),
                rationale=analysis.rationale,
            )
        )
