"""Meetings, minutes, the team and resolutions over HTTP: read models against loaded records.

One server (uvicorn, SQLite file, the demo gmina with its year of sittings) answers each
read twice, in the same run and under the same clients: by its own route (served from the
read models) and by a reference route added here that answers the same from the loaded
records, as the routes did before. Prints median and p99 latency of each, and the ratio.

    .venv/bin/python bench/meeting_reads.py --clients 8 --requests 300
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any
from uuid import UUID

from fastapi import APIRouter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_latency import demo_registry, get, measure, serve

from api.app import create_app
from registry.application import Registry

G = "/api/gminas/2640013"


def reference_routes(registry: Registry, gmina: UUID) -> APIRouter:
    """The same reads answered from loaded records (how the routes read before)."""
    old = APIRouter(prefix="/reference")

    @old.get("/meetings")
    def meetings() -> Any:
        return registry.list_meetings(gmina)

    @old.get("/meetings/{mid}")
    def meeting(mid: UUID) -> Any:
        return registry.get_meeting(mid)

    @old.get("/resolutions")
    def resolutions() -> Any:
        return registry.list_resolutions(gmina)

    @old.get("/team")
    def team() -> Any:
        return registry.get_team(gmina)

    return old


def run(
    clients: int, requests: int, seconds: float
) -> list[tuple[str, float, float, float, float]]:
    """Per read: median and p99 (s) from the read models, then from loaded records."""
    registry, gid = demo_registry()
    held = next(m for m in registry.list_meetings(gid) if m.state == "held")
    app = create_app(registry=registry)
    app.include_router(reference_routes(registry, gid))
    server, make_client = serve(app)

    reads = [
        ("meetings", f"{G}/meetings", "/reference/meetings"),
        ("minutes of a sitting", f"{G}/meetings/{held.id}", f"/reference/meetings/{held.id}"),
        ("resolutions", f"{G}/resolutions", "/reference/resolutions"),
        ("team", f"{G}/team", "/reference/team"),
    ]
    try:
        return [
            (name, *both(clients, requests, seconds, get(new), get(old), make_client))
            for name, new, old in reads
        ]
    finally:
        server.should_exit = True
        registry.close()


def both(clients: int, requests: int, seconds: float, *calls: Any) -> tuple[float, ...]:
    """Median and p99 of the read models' route, then of the reference route."""
    new, old, make_client = calls
    _, new_median, new_p99, _, _ = measure("new", clients, requests, seconds, new, make_client)
    _, old_median, old_p99, _, _ = measure("old", clients, requests, seconds, old, make_client)
    return new_median, new_p99, old_median, old_p99


def rows(quick: bool) -> list[tuple[str, str, float | None, str, str, float | None]]:
    """The suite's rows (bench/run.py): p99 from read models against loaded records."""
    found = run(8, 100 if quick else 300, 10.0 if quick else 30.0)
    return [
        (f"API {name} p99", "8 clients", p99 * 1000, "ms", "loaded records", ref * 1000)
        for name, _median, p99, _ref_median, ref in found
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    options: list[tuple[str, type, float]] = [
        ("--clients", int, 8),
        ("--requests", int, 300),  # per read and way
        ("--seconds", float, 30.0),  # at most, per read and way
    ]
    for option, kind, default in options:
        parser.add_argument(option, type=kind, default=default)
    args = parser.parse_args()
    print(f"Reads over HTTP on loopback, SQLite, demo gmina, {args.clients} concurrent clients")
    print(f"{'read':<22} {'read models: median':>19} {'p99 ms':>7} {'loaded: median':>15} "
          f"{'p99 ms':>7} {'p99 ratio':>9}")  # fmt: skip
    for name, new_median, new_p99, old_median, old_p99 in run(
        args.clients, args.requests, args.seconds
    ):
        print(
            f"{name:<22} {new_median * 1000:>19.1f} {new_p99 * 1000:>7.1f} "
            f"{old_median * 1000:>15.1f} {old_p99 * 1000:>7.1f} {new_p99 / old_p99:>9.2f}"
        )


if __name__ == "__main__":
    main()
