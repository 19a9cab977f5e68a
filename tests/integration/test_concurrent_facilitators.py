"""Two facilitators working on one gmina's catalogue at the same moment."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

from registry.application import Registry
from registry.settings import Settings


def test_two_facilitators_adding_to_one_catalogue_at_once_both_succeed(
    store_settings: Settings,
) -> None:
    first = Registry(store_settings)
    second = first if store_settings.store == "memory" else Registry(store_settings)
    gmina = first.register_gmina(
        "2640013", "Zielony Jar", "zielonojarski", recorded_by="ala", effective_on=date(2025, 9, 1)
    )

    def add(app: Registry, who: str, i: int) -> None:
        app.add_stakeholder(
            gmina,
            name=f"Stowarzyszenie {who} nr {i}",
            subtype="ngo",
            recorded_by=who,
            effective_on=date(2025, 10, 1),
        )

    with ThreadPoolExecutor(4) as pool:
        futures = [pool.submit(add, first, "ala", i) for i in range(12)]
        futures += [pool.submit(add, second, "ola", i) for i in range(12)]
        for f in futures:
            f.result()

    names = {s.name for s in first.catalogue(gmina)}
    assert len(names) == 24
    assert first.get_gmina(gmina).stakeholder_count == 24
    for app in {id(first): first, id(second): second}.values():
        app.close()
