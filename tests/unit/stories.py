"""Small collaboration networks built by hand, whose risk flags are known in advance."""

from __future__ import annotations

from datetime import date

from domain.values import SubType
from projections.network import Actor, CommitmentFact, Snapshot, Tie

AS_OF = date(2026, 6, 1)
SINCE = date(2026, 1, 15)
# Two of each sector, interleaved so that neighbours on the ring are of different sectors.
SUBTYPES = [
    SubType.LOCAL_GOVERNMENT_UNIT,
    SubType.NGO,
    SubType.CHURCH_ORGANISATION,
    SubType.EDUCATION,
    SubType.FINANCE_BANKING,
    SubType.SOCIAL_LEADER,
] * 2


def add_actor(s: Snapshot, sid: str, subtype: SubType, name: str, signatory: bool = True) -> None:
    person = subtype is SubType.SOCIAL_LEADER
    s.actors[sid] = Actor(
        id=sid,
        name=name,
        kind="person" if person else "institution",
        subtype=subtype.value,
        sector=subtype.sector.value,
        since=date(2025, 10, 1),
        signatory=signatory,
        status="signatory" if signatory else "identified",
        coordinator="OPS" in name,
    )


def tie(s: Snapshot, a: str, b: str, kind: str = "declared") -> None:
    s.ties.append(Tie(f"{kind}-{a}-{b}-{len(s.ties)}", kind, a, b, SINCE))


def commit(s: Snapshot, giver: str, to: str | None = None, joint: tuple[str, ...] = ()) -> None:
    cid = f"c{len(s.commitments)}"
    s.commitments[cid] = CommitmentFact(cid, giver, "time", None, "", to, list(joint), SINCE)
    if to and to != giver:
        s.ties.append(Tie(cid, "commitment", giver, to, SINCE))
    for other in joint:
        s.ties.append(Tie(cid, "joint_commitment", giver, other, SINCE))


def balanced() -> Snapshot:
    """Twelve stakeholders of every sector, each tied to four others of other sectors."""
    s = Snapshot("gmina", AS_OF)
    ids = [f"s{i:02d}" for i in range(12)]
    for i, (sid, subtype) in enumerate(zip(ids, SUBTYPES, strict=True)):
        add_actor(s, sid, subtype, f"Podmiot {i:02d} ({subtype.value})")
    for i in range(12):
        tie(s, ids[i], ids[(i + 1) % 12])
        tie(s, ids[i], ids[(i + 3) % 12], "declared")
        commit(s, ids[i], to=ids[(i + 1) % 12])
    return s


def star() -> Snapshot:
    """The GOPS in the middle, eleven partners each tied to it and to nobody else."""
    s = Snapshot("gmina", AS_OF)
    add_actor(s, "hub", SubType.LOCAL_GOVERNMENT_UNIT, "GOPS Zielony Jar")
    for i, subtype in enumerate(SUBTYPES[1:]):
        sid = f"leaf{i:02d}"
        add_actor(s, sid, subtype, f"Partner {i:02d}")
        tie(s, "hub", sid)
        commit(s, sid, to="hub")
    return s
