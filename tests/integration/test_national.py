"""The synthetic national dataset: every voivodeship, valid codes, the same facts per seed."""

from __future__ import annotations

import hashlib
import json
from typing import Any
from uuid import UUID

from domain.gmina import VOIVODESHIPS, check_terc
from projections.read_side import with_reads
from registry.application import Registry
from registry.national import generate, plan
from registry.settings import Settings


def digest(app: Registry) -> str:
    """The facts in order, ids renamed by first appearance, times of recording left out."""
    names: dict[UUID, int] = {}

    def plain(value: Any) -> Any:
        if isinstance(value, UUID):
            return f"id{names.setdefault(value, len(names))}"
        if isinstance(value, dict):
            return {str(plain(k)): plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple | set | frozenset):
            return [plain(v) for v in value]
        if hasattr(value, "__dict__"):
            return plain(vars(value))
        return value if isinstance(value, int | float | str | None) else str(value)

    h = hashlib.sha256()
    for n in app.recorder.select_notifications(start=1, limit=10**9):
        event = app.mapper.to_domain_event(n)
        body = {k: v for k, v in vars(event).items() if k != "timestamp"}
        h.update(json.dumps([type(event).__name__, plain(body)], sort_keys=True).encode())
    return h.hexdigest()


def national(gminas: int, seed: int) -> Registry:
    app = with_reads(Registry(Settings(store="memory")))
    for _ in generate(app, gminas, seed):
        pass
    return app


def test_the_national_plan_covers_every_voivodeship_with_valid_distinct_codes() -> None:
    gminas = plan()
    codes = [g.terc for g in gminas]
    assert 2450 <= len(gminas) <= 2500
    assert len(set(codes)) == len(codes) == len({check_terc(c) for c in codes})
    assert {c[:2] for c in codes} == set(VOIVODESHIPS)
    assert all("syntetyczna" in g.name for g in gminas)


def test_the_same_seed_gives_the_same_facts_and_another_seed_others() -> None:
    assert digest(national(20, seed=1)) == digest(national(20, seed=1))
    assert digest(national(20, seed=1)) != digest(national(20, seed=2))


def test_a_generated_gmina_reads_back_through_the_registry(memory_registry: Registry) -> None:
    written = list(generate(memory_registry, 16, seed=1))
    assert len(written) == len(plan(16))
    assert {p.terc[:2] for p, _ in written} == set(VOIVODESHIPS)
    first, facts = written[0]
    gid = memory_registry.find_gmina(first.terc)
    gmina = memory_registry.get_gmina(gid)
    assert gmina.stage == 1 and 20 <= gmina.stakeholder_count <= 150
    assert memory_registry.get_pact(gid).parties
    assert len(memory_registry.list_gminas()) == len(written)
    assert facts > 100
