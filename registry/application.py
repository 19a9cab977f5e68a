"""The MLW registry: the one way in and out of the event-sourced record."""

from __future__ import annotations

from registry.accounts import AccountUseCases
from registry.cooperation import CooperationUseCases
from registry.documents import DocumentUseCases
from registry.gminas import GminaUseCases
from registry.meeting_queries import MeetingQueries
from registry.pacts import PactUseCases
from registry.people import PeopleUseCases


class Registry(
    GminaUseCases,
    PeopleUseCases,
    MeetingQueries,
    PactUseCases,
    CooperationUseCases,
    AccountUseCases,
    DocumentUseCases,
):
    """Gminas, their partnership process, catalogue, pact and commitments, the Local Synergy
    Team, its meetings and resolutions."""
