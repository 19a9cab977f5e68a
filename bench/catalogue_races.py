"""How many catalogue appends fail when several writers add to one gmina at the same moment.

WRITERS processes each add EACH stakeholders to the same gmina's catalogue, as fast as they
can, with no retry of their own: every "Someone else recorded…" that reaches them is
counted as a failed command. Run on an SQLite file and on PostgreSQL.

    .venv/bin/python bench/catalogue_races.py [--writers 3] [--each 200] [--skip-postgres]
"""

from __future__ import annotations

import argparse
import dataclasses
import multiprocessing
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path
from uuid import UUID

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from domain.errors import ConflictError
from domain.gmina import Gmina
from registry.application import Registry
from registry.settings import Settings

ON = date(2025, 10, 1)


def writer(settings: Settings, gmina: UUID, number: int, each: int, start: object) -> int:
    # Tables are made once, by the setup: processes creating them together race.
    app = Registry(dataclasses.replace(settings, create_tables=False))
    failed = 0
    try:
        start.wait()  # type: ignore[attr-defined]
        for k in range(each):
            try:
                app.add_stakeholder(
                    gmina, name=f"Podmiot {number}-{k}", subtype="ngo", recorded_by="bench"
                )
            except ConflictError:
                failed += 1
    finally:
        app.close()
    return failed


def run(settings: Settings, writers: int, each: int) -> tuple[int, int, float]:
    setup = Registry(settings)
    gmina = setup.register_gmina("0201012", "Gmina wspólna", "próbny", recorded_by="bench")
    spawn = multiprocessing.get_context("spawn")
    t0 = time.perf_counter()
    with spawn.Manager() as manager, spawn.Pool(writers) as pool:
        start = manager.Event()
        pending = [
            pool.apply_async(writer, (settings, gmina, n, each, start)) for n in range(writers)
        ]
        start.set()
        failed = sum(p.get() for p in pending)
    took = time.perf_counter() - t0
    recorded = len(setup.load(Gmina, gmina).stakeholder_ids)
    setup.close()
    assert recorded == writers * each - failed, (recorded, failed)
    return failed, writers * each, took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--writers", type=int, default=3)
    parser.add_argument("--each", type=int, default=200)
    parser.add_argument("--skip-postgres", action="store_true")
    args = parser.parse_args()
    stores: list[Settings] = []
    folder = Path(tempfile.mkdtemp(prefix="mlw-races-"))
    stores.append(Settings(store="sqlite", sqlite_path=folder / "mlw.sqlite"))
    schema = ""
    if not args.skip_postgres:
        import psycopg

        schema = f"bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect("host=127.0.0.1 dbname=test user=postgres", autocommit=True) as c:
            c.execute(f"CREATE SCHEMA {schema}")
        stores.append(Settings(store="postgres", postgres_dbname="test", postgres_schema=schema))
    try:
        for settings in stores:
            failed, total, took = run(settings, args.writers, args.each)
            print(
                f"{settings.store:9} {args.writers} writers × {args.each}: "
                f"{failed} of {total} commands failed ({100 * failed / total:.2f}%), "
                f"{total / took:.0f} commands/s"
            )
    finally:
        if schema:
            with psycopg.connect("host=127.0.0.1 dbname=test user=postgres", autocommit=True) as c:
                c.execute(f"DROP SCHEMA {schema} CASCADE")


if __name__ == "__main__":
    main()
