"""Resolutions of the Local Synergy Team: proposed at a sitting, voted, adopted or not."""

from __future__ import annotations

from datetime import date, time
from uuid import UUID

from fastapi import APIRouter
from pydantic import Field

from api.auth import ReadScope, WriteScope
from api.deps import ViewsDep
from api.inputs import Input
from registry.meeting_views import ResolutionView

api = APIRouter(prefix="/api/gminas/{ref}/resolutions", tags=["resolutions"])


class Proposal(Input):
    meeting_id: UUID
    title: str = Field(min_length=1)
    text: str = ""
    proposer_id: UUID
    number: int | None = Field(
        default=None,
        ge=1,
        le=9999,
        description="1-9999, unique in the year; next free if left out.",
    )


class Vote(Input):
    at: time
    votes_for: list[UUID] = Field(default_factory=list)
    votes_against: list[UUID] = Field(default_factory=list)
    abstentions: list[UUID] = Field(default_factory=list)
    totals: tuple[int, int, int] | None = None


class OpenVote(Input):
    at: time = Field(description="When it is put to the vote.")


class Ballot(Input):
    stakeholder_id: UUID = Field(description="The member voting.")
    choice: str = Field(description="for, against or abstain")


class Withdrawal(Input):
    reason: str = Field(min_length=1)


@api.get("")
def list_resolutions(
    scope: ReadScope, views: ViewsDep, year: int | None = None, as_of: date | None = None
) -> list[ResolutionView]:
    return views.meetings.list_resolutions(scope.gmina_id, year=year, as_of=as_of)


@api.get("/{rid}")
def get_resolution(
    scope: ReadScope, views: ViewsDep, rid: UUID, as_of: date | None = None
) -> ResolutionView:
    return views.meetings.get_resolution(rid, scope.gmina_id, as_of=as_of)


@api.post("", status_code=201)
def propose(scope: WriteScope, views: ViewsDep, body: Proposal) -> ResolutionView:
    """A draft resolution put before an open team sitting."""
    rid = scope.registry.propose_resolution(
        scope.meeting(body.meeting_id),
        title=body.title,
        text=body.text,
        proposer_id=scope.stakeholder(body.proposer_id),
        number=body.number,
        recorded_by=scope.by,
    )
    return views.meetings.get_resolution(rid)


@api.post("/{rid}/vote")
def vote(scope: WriteScope, views: ViewsDep, rid: UUID, body: Vote) -> ResolutionView:
    """The whole vote at once: who voted how (or the totals); the outcome follows the rules."""
    scope.registry.vote(
        scope.resolution(rid),
        at=body.at,
        votes_for=[scope.stakeholder(s) for s in body.votes_for],
        votes_against=[scope.stakeholder(s) for s in body.votes_against],
        abstentions=[scope.stakeholder(s) for s in body.abstentions],
        totals=body.totals,
        recorded_by=scope.by,
    )
    return views.meetings.get_resolution(rid)


@api.post("/{rid}/open")
def open_vote(scope: WriteScope, views: ViewsDep, rid: UUID, body: OpenVote) -> ResolutionView:
    """Put a resolution to the vote; then one ballot per member, then close."""
    scope.registry.open_vote(scope.resolution(rid), at=body.at, recorded_by=scope.by)
    return views.meetings.get_resolution(rid)


@api.post("/{rid}/ballots", status_code=201)
def cast_ballot(scope: WriteScope, views: ViewsDep, rid: UUID, body: Ballot) -> ResolutionView:
    """One member's vote."""
    scope.registry.cast_ballot(
        scope.resolution(rid),
        scope.stakeholder(body.stakeholder_id),
        body.choice,
        recorded_by=scope.by,
    )
    return views.meetings.get_resolution(rid)


@api.post("/{rid}/close")
def close_vote(scope: WriteScope, views: ViewsDep, rid: UUID) -> ResolutionView:
    """Count the votes: adopted or rejected, by the rules and who was present."""
    scope.registry.close_vote(scope.resolution(rid), recorded_by=scope.by)
    return views.meetings.get_resolution(rid)


@api.post("/{rid}/withdraw")
def withdraw(scope: WriteScope, views: ViewsDep, rid: UUID, body: Withdrawal) -> ResolutionView:
    scope.registry.withdraw_resolution(
        scope.resolution(rid), reason=body.reason, recorded_by=scope.by
    )
    return views.meetings.get_resolution(rid)


ROUTERS = (api,)
