"""Use cases: declared cooperation between two stakeholders of one gmina."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Unpack
from uuid import UUID

from domain.cooperation import Cooperation
from domain.errors import InvalidInputError, WrongGminaError
from domain.stakeholder import Stakeholder
from domain.values import CooperationForm
from registry.base import Recording, RegistryBase, Stamp
from registry.catalogue import Stakeholders


@dataclass(frozen=True)
class CooperationView:
    """One declared cooperation, as plain data."""

    id: UUID
    gmina_id: UUID
    stakeholder_id: UUID
    stakeholder_name: str
    partner_id: UUID
    partner_name: str
    form: str
    subject: str
    declared_on: date
    ended_on: date | None
    end_reason: str
    version: int


def parse_form(value: CooperationForm | str) -> CooperationForm:
    if isinstance(value, CooperationForm):
        return value
    try:
        return CooperationForm(value.strip().lower().replace("-", "_"))
    except ValueError:
        raise InvalidInputError(
            "form",
            "Cooperation is lasting or ad_hoc (trwała / doraźna), not {value!r}.",
            value=value,
        ) from None


@dataclass(eq=False)
class Cooperations:
    """Recording who actually cooperates with whom, beside the pact's formal ties."""

    app: RegistryBase
    stakeholders: Stakeholders

    def declare_cooperation(
        self,
        gmina_id: UUID,
        stakeholder_id: UUID,
        partner_id: UUID,
        *,
        subject: str,
        form: CooperationForm | str = CooperationForm.LASTING,
        recorded_by: str,
        effective_on: date | None = None,
    ) -> UUID:
        """Two catalogued stakeholders of the gmina cooperate on a subject."""
        rec = Recording.of(recorded_by, effective_on)
        one = self.stakeholders.stakeholder_of(gmina_id, stakeholder_id)
        other = self.stakeholders.stakeholder_of(gmina_id, partner_id)
        for s in (one, other):
            s.check_not_archived()
            if rec.on < s.catalogued_on:
                name = self.stakeholders.name_of(s)
                raise InvalidInputError(
                    "effective_on",
                    "{name} entered the catalogue on {catalogued_on}; its cooperation cannot "
                    "begin before that.",
                    name=name,
                    catalogued_on=s.catalogued_on,
                )
        cooperation = Cooperation.declare(
            gmina_id=gmina_id,
            stakeholder_id=stakeholder_id,
            partner_id=partner_id,
            form=parse_form(form),
            subject=subject,
            effective_on=rec.on,
            recorded_by=rec.by,
        )
        self.app.commit(cooperation)
        return cooperation.id

    def cooperation_of(self, gmina_id: UUID, cooperation_id: UUID) -> Cooperation:
        cooperation = self.app.load(Cooperation, cooperation_id)
        if cooperation.gmina_id != gmina_id:
            raise WrongGminaError("This cooperation was declared in another gmina.")
        return cooperation

    def end_cooperation(
        self, gmina_id: UUID, cooperation_id: UUID, *, reason: str = "", **stamp: Unpack[Stamp]
    ) -> None:
        """The two stakeholders no longer cooperate on that subject."""
        rec = Recording.of(**stamp)
        cooperation = self.cooperation_of(gmina_id, cooperation_id)
        cooperation.end(reason, rec.on, rec.by)
        self.app.commit(cooperation)

    def name(self, stakeholder_id: UUID) -> str:
        return self.stakeholders.name_of(self.app.load(Stakeholder, stakeholder_id))

    def get_cooperation(
        self, cooperation_id: UUID, *, as_of: date | None = None
    ) -> CooperationView:
        c = self.app.load(Cooperation, cooperation_id, as_of=as_of)
        return CooperationView(
            id=c.id,
            gmina_id=c.gmina_id,
            stakeholder_id=c.stakeholder_id,
            stakeholder_name=self.stakeholders.name_of(
                self.app.load(Stakeholder, c.stakeholder_id)
            ),
            partner_id=c.partner_id,
            partner_name=self.name(c.partner_id),
            form=c.form.value,
            subject=c.subject,
            declared_on=c.declared_on,
            ended_on=c.ended_on,
            end_reason=c.end_reason,
            version=c.version,
        )
