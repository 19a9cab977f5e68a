"""How `mlw` names records: an id, its first characters, a name, a number or a date.

Each resolver turns what a facilitator typed into the record's id, or refuses in words.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from api.cli.meeting_reads import meeting_reads
from domain.errors import InvalidInputError, NotFoundError
from registry.application import Registry


def resolve(
    ref: str,
    records: Iterable[tuple[UUID, str]],
    missing: str,
    ambiguous: str = "",
    field: str = "",
) -> UUID:
    """One record from the first characters of its id, or from its exact name.

    ``records`` are (id, name) pairs, the name empty where a record has none. ``missing`` is
    the refusal when none matches (``{ref!r}`` stands for what was typed); ``ambiguous``, with
    ``{count}``, when several do (without it, several matches are refused as none).
    """
    key = ref.strip().lower()
    found = {uid for uid, name in records if str(uid).startswith(key) or name.lower() == key}
    if len(found) == 1:
        return found.pop()
    if found and ambiguous:
        raise InvalidInputError(field, ambiguous, ref=ref, count=len(found))
    raise NotFoundError(missing, ref=ref)


# What a resolver says when nothing matches, and when several do.
STAKEHOLDER = (
    "No stakeholder with id, id prefix or name {ref!r}.",
    "{ref!r} names {count} stakeholders; be more exact.",
    "stakeholder",
)
COMMITMENT = (
    "No commitment {ref!r} in this pact.",
    "{ref!r} names {count} commitments; be more exact.",
    "commitment",
)
ENTITY = (
    "No entity {ref!r} chosen by this gmina's team.",
    "{ref!r} names {count} entities; be more exact.",
    "entity",
)


def resolve_stakeholder(app: Registry, ref: str, gmina_id: UUID | None = None) -> UUID:
    """A stakeholder from its id, the first characters of its id, or its exact name."""
    try:
        return UUID(ref.strip())
    except ValueError:
        pass
    gminas = [gmina_id] if gmina_id else [g.id for g in app.list_gminas()]
    records = [(v.id, v.name) for g in gminas for v in app.catalogue(g, include_archived=True)]
    return resolve(ref.strip(), records, *STAKEHOLDER)


def resolve_commitment(app: Registry, gmina_id: UUID, ref: str) -> UUID:
    """A commitment of the gmina's pact from its id or the first characters of it."""
    return resolve(ref, [(c.id, "") for c in app.get_pact(gmina_id).commitments], *COMMITMENT)


def resolve_entity(app: Registry, gmina_id: UUID, ref: str) -> UUID:
    """An entity the gmina's team chose, from its id or the first characters of it."""
    return resolve(ref, [(e.id, "") for e in app.list_entities(gmina_id)], *ENTITY)


def resolve_action(app: Registry, meeting_id: UUID, ref: str) -> UUID:
    """A task of the minutes from its number in them, or its id's first characters."""
    actions = meeting_reads(app).get_meeting(meeting_id).actions
    ref = ref.strip()
    if ref.isdigit() and 1 <= int(ref) <= len(actions):
        return actions[int(ref) - 1].id
    return resolve(ref, [(a.id, "") for a in actions], "No single task {ref!r} in these minutes.")


def resolve_resolution(app: Registry, gmina_id: UUID, ref: str) -> UUID:
    """A resolution of the team from its number ('3/2026') or its id's first characters."""
    ref = ref.strip()
    if "/" in ref:
        return meeting_reads(app).find_resolution(gmina_id, ref)
    return resolve(
        ref,
        [(r.id, "") for r in meeting_reads(app).list_resolutions(gmina_id)],
        "No single resolution {ref!r} of this gmina's team.",
    )


def meeting_ref(app: Registry, gmina: str, meeting: str) -> tuple[UUID, UUID]:
    """The gmina's id and the id of its meeting named by date, 'zsl 2/2026' or id."""
    gid = app.find_gmina(gmina)
    return gid, meeting_reads(app).find_meeting(gid, meeting)


def meeting_of(app: Registry, gmina: str, meeting: str) -> UUID:
    """The id of the gmina's meeting named by date, 'zsl 2/2026' or id."""
    return meeting_ref(app, gmina, meeting)[1]
