"""The demonstration gmina, Zielony Jar, loaded from its data file.

Everything in ``data/zielony-jar.toml`` is invented (the file says how). Facilitators use
the demo to try the registry on a catalogue and a pact that look like the real thing; the
team's year of sittings and forums is recorded by ``registry.demo_meetings``.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any
from uuid import UUID

from domain.values import CommitmentState, Stage, StakeholderKind, SubType
from registry.application import Registry
from registry.demo_team import form_team
from registry.invented import nip, regon

DATA = Path(__file__).parent / "data" / "zielony-jar.toml"


@cache
def demo_data() -> dict[str, Any]:
    """The demo gmina's year as written in its data file (dates already dates)."""
    with DATA.open("rb") as f:
        return tomllib.load(f)


DEMO_TERC: str = demo_data()["gmina"]["terc"]


def load_demo(app: Registry, recorded_by: str = "demo") -> UUID:
    """Record the demo gmina's year; if its TERC code is taken already, record nothing."""
    existing = app.directory().by_terc.get(DEMO_TERC)
    if existing is not None:
        return existing
    data, by = demo_data(), recorded_by
    g = data["gmina"]
    gmina = app.register_gmina(
        g["terc"],
        g["name"],
        g["powiat"],
        g["voivodeship"],
        recorded_by=by,
        effective_on=g["registered_on"],
    )
    app.open_partnership(
        gmina, reason=g["opening_reason"], recorded_by=by, effective_on=g["opened_on"]
    )
    ids = {s["key"]: add_stakeholder(app, gmina, s, by) for s in by_day(data["stakeholders"])}
    for invitation in by_day(data["invitations"]):
        for key in invitation["stakeholders"]:
            app.invite_stakeholder(ids[key], recorded_by=by, effective_on=invitation["on"])
    for j in data["signatures"]:
        app.join_pact(
            gmina,
            ids[j["stakeholder"]],
            representative=j.get("representative"),
            representative_contact=j.get("contact", ""),
            representative_function=j.get("function", ""),
            form=j["form"],
            role=j["role"],
            recorded_by=by,
            effective_on=j["on"],
        )
    made: dict[str, UUID] = {}
    for c in data["commitments"]:
        beneficiary = c.get("beneficiary_stakeholder")
        made[c["key"]] = app.make_commitment(
            gmina,
            ids[c["party"]],
            resource=c["resource"],
            description=c["description"],
            quantity=c.get("quantity"),
            unit=c.get("unit", ""),
            beneficiary=c.get("beneficiary", ""),
            beneficiary_id=ids[beneficiary] if beneficiary else None,
            joint_with=[ids[k] for k in c.get("joint_with", ())],
            due_on=c.get("due_on"),
            recorded_by=by,
            effective_on=c["on"],
        )
    for r in data["revisions"]:
        changes = {k: r[k] for k in ("quantity", "due_on") if k in r}
        app.revise_commitment(
            gmina,
            made[r["commitment"]],
            note=r["note"],
            recorded_by=by,
            effective_on=r["on"],
            **changes,
        )
    for cl in data["closures"]:
        fulfilled = CommitmentState(cl["state"]) is CommitmentState.FULFILLED
        close = app.fulfil_commitment if fulfilled else app.withdraw_commitment
        close(gmina, made[cl["commitment"]], note=cl["note"], recorded_by=by, effective_on=cl["on"])
    for left in data["leavings"]:
        app.leave_pact(
            gmina,
            ids[left["stakeholder"]],
            reason=left["reason"],
            recorded_by=by,
            effective_on=left["on"],
        )
    for archived in data["archivings"]:
        app.archive_stakeholder(
            ids[archived["stakeholder"]],
            reason=archived["reason"],
            recorded_by=by,
            effective_on=archived["on"],
        )
    # Each stage once the stage before has left its product: the team (stage 3) is drawn
    # from the catalogue and the pact as the year left them, as in every earlier demo.
    for st in data["stages"]:
        if st["stage"] == Stage.SYNERGY_TEAM.number:
            form_team(app, gmina, st["on"], st["decided_by"], by)
        app.advance_stage(
            gmina,
            Stage(st["stage"]),
            reason=st["reason"],
            decided_by=st["decided_by"],
            recorded_by=by,
            effective_on=st["on"],
        )
    return gmina


def by_day(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows in the order their facts took effect (a stable sort keeps the file's order)."""
    return sorted(rows, key=lambda row: row["on"])


def add_stakeholder(app: Registry, gmina: UUID, s: dict[str, Any], by: str) -> UUID:
    """One catalogue entry; a social leader is a natural person."""
    subtype = SubType(s["subtype"])
    person = subtype is SubType.SOCIAL_LEADER
    return app.add_stakeholder(
        gmina,
        name=s["name"],
        subtype=subtype,
        kind=StakeholderKind.PERSON if person else StakeholderKind.INSTITUTION,
        legal_form=s.get("legal_form", ""),
        nip=nip(s["nip9"]) if "nip9" in s else None,
        regon=regon(s["regon8"]) if "regon8" in s else None,
        krs=s.get("krs"),
        seat=s.get("seat", ""),
        area=s.get("area", ""),
        resources_offered=list(s["resources"]),
        contact=s.get("contact", ""),
        recorded_by=by,
        effective_on=s["on"],
    )
