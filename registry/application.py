"""The MLW registry: the one way in and out of the event-sourced record.

``Registry`` is the application (``registry/base.py``: loading, saving, history, the
personal-data vault, retries) with every use case listed below, each carried out by the
service of its noun (one module per noun: ``registry/catalogue.py``, ``registry/pacts.py``,
…). A service receives the application and the services it builds on; none inherits from
another.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, overload

from registry.accounts import Accounts
from registry.acknowledgements import Acknowledgements
from registry.base import RegistryBase
from registry.catalogue import Stakeholders
from registry.cooperation import Cooperations
from registry.documents import Documents
from registry.effects import Effects
from registry.entities import Entities
from registry.gminas import Gminas
from registry.meetings import Meetings
from registry.minutes import Minutes
from registry.pacts import Pacts
from registry.people import People
from registry.products import ProductReader
from registry.reads import CatalogueReads, MeetingReads, read
from registry.resolutions import Resolutions
from registry.settings import Settings
from registry.team import Teams

S = TypeVar("S")
P = ParamSpec("P")
R = TypeVar("R")


class delegate(Generic[S, P, R]):
    """A use case of the registry carried out by the service that owns it.

    ``add_stakeholder = delegate(Stakeholders.add_stakeholder)`` gives ``Registry`` a method
    of the same name and signature that calls the registry's ``Stakeholders`` service, as
    one use case of the working set (registry/working_set.py). A query (``query=True``) is
    answered by the read side attached to the registry (``Registry.reads``, see
    ``projections/read_side.py``) when it has a method of that name.
    """

    def __init__(self, method: Callable[Concatenate[S, P], R], *, query: bool = False) -> None:
        self.method = method
        self.service = method.__qualname__.split(".")[0]
        self.query = query

    @overload
    def __get__(self, registry: None, owner: type) -> delegate[S, P, R]: ...
    @overload
    def __get__(self, registry: Registry, owner: type) -> Callable[P, R]: ...
    def __get__(self, registry: Registry | None, owner: type) -> Any:
        if registry is None:
            return self
        answer = getattr(registry.reads, self.method.__name__, None) if self.query else None
        if answer is not None:
            return answer
        bound = self.method.__get__(registry.services[self.service])
        run = registry.use_case
        return lambda *args, **kwargs: run(lambda: bound(*args, **kwargs))


class Registry(RegistryBase):
    """Gminas, their partnership process, catalogue, pact and commitments, the Local Synergy
    Team, its meetings and resolutions."""

    def __init__(self, settings: Settings | None = None, env: dict[str, str] | None = None):
        super().__init__(settings, env)
        # The read side, attached by the entry points: queries then load no aggregate.
        self.reads: object | None = None
        stakeholders = Stakeholders(self)
        pacts = Pacts(self, stakeholders)
        teams = Teams(self, stakeholders, pacts)
        entities = Entities(self, teams)
        meetings = Meetings(self, stakeholders, pacts, teams)
        minutes = Minutes(self, stakeholders, pacts, meetings)
        products = ProductReader(stakeholders.catalogue_sectors)
        gminas = Gminas(self, products)
        effects = Effects(self, stakeholders, pacts, entities, meetings, minutes, products)
        people = People(self, stakeholders, pacts, meetings)
        self.services: dict[str, object] = {
            type(service).__name__: service
            for service in (
                gminas,
                stakeholders,
                pacts,
                Cooperations(self, stakeholders),
                teams,
                entities,
                meetings,
                minutes,
                Resolutions(self, stakeholders, teams, meetings, effects),
                effects,
                people,
                Accounts(self),
                Documents(self),
                Acknowledgements(self),
            )
        }

    def close(self) -> None:
        closing = getattr(self.reads, "close", None)
        if callable(closing):
            closing()
        super().close()

    # --- Gminas and their partnership process ---------------------------------------
    directory = delegate(Gminas.directory)
    register_gmina = delegate(Gminas.register_gmina)
    change_gmina = delegate(Gminas.change_gmina)
    find_gmina = read(CatalogueReads.find_gmina)
    list_gminas = read(CatalogueReads.list_gminas)
    get_gmina = read(CatalogueReads.get_gmina)
    open_partnership = delegate(Gminas.open_partnership)
    advance_stage = delegate(Gminas.advance_stage)
    override_stage = delegate(Gminas.override_stage)
    record_analysis = delegate(Gminas.record_analysis)

    # --- The catalogue of local stakeholders ----------------------------------------
    add_stakeholder = delegate(Stakeholders.add_stakeholder)
    stakeholder_of = delegate(Stakeholders.stakeholder_of)
    edit_stakeholder = delegate(Stakeholders.edit_stakeholder)
    recategorise_stakeholder = delegate(Stakeholders.recategorise_stakeholder)
    invite_stakeholder = delegate(Stakeholders.invite_stakeholder)
    archive_stakeholder = delegate(Stakeholders.archive_stakeholder)

    # --- The pact: signatories, theses, commitments ---------------------------------
    pact_of = delegate(Pacts.pact_of)
    representative = delegate(Pacts.representative)
    join_pact = delegate(Pacts.join_pact)
    sign_pact = delegate(Pacts.sign_pact)
    leave_pact = delegate(Pacts.leave_pact)
    change_representative = delegate(Pacts.change_representative)
    set_theses = delegate(Pacts.set_theses)
    make_commitment = delegate(Pacts.make_commitment)
    revise_commitment = delegate(Pacts.revise_commitment)
    fulfil_commitment = delegate(Pacts.fulfil_commitment)
    withdraw_commitment = delegate(Pacts.withdraw_commitment)

    # --- Risk flags the team has seen -----------------------------------------------
    acknowledge_flag = delegate(Acknowledgements.acknowledge_flag)

    # --- Declared cooperation between stakeholders ----------------------------------
    declare_cooperation = delegate(Cooperations.declare_cooperation)
    end_cooperation = delegate(Cooperations.end_cooperation)
    get_cooperation = delegate(Cooperations.get_cooperation)

    # --- The Local Synergy Team -----------------------------------------------------
    team_of = delegate(Teams.team_of)
    form_team = delegate(Teams.form_team)
    appoint_member = delegate(Teams.appoint_member)
    dismiss_member = delegate(Teams.dismiss_member)
    change_member_role = delegate(Teams.change_member_role)
    change_team_rules = delegate(Teams.change_team_rules)
    get_team = read(CatalogueReads.get_team)

    # --- Social employment entities -------------------------------------------------
    entity_of = delegate(Entities.entity_of)
    choose_entity = delegate(Entities.choose_entity)
    record_entity_created = delegate(Entities.record_entity_created)
    record_entity_registered = delegate(Entities.record_entity_registered)
    record_entity_status_lost = delegate(Entities.record_entity_status_lost)
    get_entity = read(CatalogueReads.get_entity)
    list_entities = read(CatalogueReads.list_entities)

    # --- Meetings of the team: calendar, attendance, agenda -------------------------
    calendar_of = delegate(Meetings.calendar_of)
    meeting = delegate(Meetings.meeting)
    schedule_meeting = delegate(Meetings.schedule_meeting)
    reschedule_meeting = delegate(Meetings.reschedule_meeting)
    cancel_meeting = delegate(Meetings.cancel_meeting)
    person = delegate(Meetings.person)
    hold_meeting = delegate(Meetings.hold_meeting)
    end_meeting = delegate(Meetings.end_meeting)
    add_agenda_item = delegate(Meetings.add_agenda_item)
    summarise_item = delegate(Meetings.summarise_item)
    invite_to_meeting = delegate(Meetings.invite_to_meeting)
    record_attendance = delegate(Meetings.record_attendance)
    record_departure = delegate(Meetings.record_departure)
    strike_attendance = delegate(Meetings.strike_attendance)

    # --- Minutes and action items ---------------------------------------------------
    assign_action = delegate(Minutes.assign_action)
    accept_action = delegate(Minutes.accept_action)
    take_up_action = delegate(Minutes.take_up_action)
    approve_minutes = delegate(Minutes.approve_minutes)
    finalise_minutes = delegate(Minutes.finalise_minutes)
    record_erratum = delegate(Minutes.record_erratum)

    # --- Resolutions and votes ------------------------------------------------------
    sitting = delegate(Resolutions.sitting)
    propose_resolution = delegate(Resolutions.propose_resolution)
    find_resolution = read(MeetingReads.find_resolution)
    resolution = delegate(Resolutions.resolution)
    open_vote = delegate(Resolutions.open_vote)
    cast_ballot = delegate(Resolutions.cast_ballot)
    record_totals = delegate(Resolutions.record_totals)
    close_vote = delegate(Resolutions.close_vote)
    vote = delegate(Resolutions.vote)
    withdraw_resolution = delegate(Resolutions.withdraw_resolution)

    # --- What a passed resolution does ----------------------------------------------
    apply = delegate(Effects.apply)

    # --- Reading meetings, resolutions and actions ----------------------------------
    get_action = read(MeetingReads.get_action)
    list_meetings = read(MeetingReads.list_meetings)
    find_meeting = read(MeetingReads.find_meeting)
    quorum_at = read(MeetingReads.quorum_at)
    get_meeting = read(MeetingReads.get_meeting)
    get_resolution = read(MeetingReads.get_resolution)
    list_resolutions = read(MeetingReads.list_resolutions)

    # --- People named in a gmina, erasure, corrections; queries shown with corrections ---
    people_of = delegate(People.people_of, query=True)
    erase_person_of = delegate(People.erase_person_of)
    erase_person = delegate(People.erase_person)
    corrected = delegate(People.corrected)
    redact_text = delegate(People.redact_text)
    get_pact = read(CatalogueReads.get_pact)
    get_stakeholder = read(CatalogueReads.get_stakeholder)
    catalogue = read(CatalogueReads.catalogue)
    history = delegate(People.history, query=True)

    # --- Accounts, sessions, tokens and access --------------------------------------
    open_account = delegate(Accounts.open_account)
    account = delegate(Accounts.account)
    grant_account = delegate(Accounts.grant_account)
    set_password = delegate(Accounts.set_password)
    rename_account = delegate(Accounts.rename_account)
    disable_account = delegate(Accounts.disable_account)
    enable_account = delegate(Accounts.enable_account)
    get_account = delegate(Accounts.get_account)
    list_accounts = delegate(Accounts.list_accounts)
    authenticate = delegate(Accounts.authenticate)
    session_epoch = delegate(Accounts.session_epoch)
    account_for_session = delegate(Accounts.account_for_session)
    issue_token = delegate(Accounts.issue_token)
    account_for_token = delegate(Accounts.account_for_token)
    token_holder = delegate(Accounts.token_holder)
    end_sessions = delegate(Accounts.end_sessions)
    revoke_tokens = delegate(Accounts.revoke_tokens)
    login_audit = delegate(Accounts.login_audit)
    authorise = read(CatalogueReads.authorise)
    authorise_management = delegate(Accounts.authorise_management)

    # --- Issued documents -----------------------------------------------------------
    issue_document = delegate(Documents.issue_document)
    verify_document = delegate(Documents.verify_document)
