"""Benchmark: commands/s against the raw recorder, and write transactions per command.

The same measurement as bench/run.py's ``command_rows`` (the commands.py mix through
``Registry``, then the same stored events, grouped the same way, by a fresh recorder of the
same store), with every write transaction counted on both sides: a commit the registry
makes besides the one ``insert_events`` of the raw recorder costs, on a busy disk, as much
as the command's own insert.

    .venv/bin/python bench/command_commits.py [--n 2000] [--store sqlite postgres]

PostgreSQL: 127.0.0.1:5432, database ``test`` (a fresh schema, dropped afterwards).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import command_sizes
import commands
from eventsourcing import postgres, sqlite
from eventsourcing.persistence import StoredEvent

from registry.application import Registry

COUNT = [0]


@contextmanager
def counting_commits() -> Iterator[None]:
    """Count write transactions: SQLite commits, PostgreSQL inserts and write transactions."""
    patched: list[tuple[Any, str, Any]] = []

    def patch(owner: Any, name: str, wrapper: Any) -> None:
        patched.append((owner, name, owner.__dict__[name]))
        setattr(owner, name, wrapper(owner.__dict__[name]))

    def sqlite_exit(orig: Any) -> Any:
        def exit_(self: Any, exc_type: Any, exc: Any, tb: Any) -> Any:
            COUNT[0] += bool(self.commit and exc is None)
            return orig(self, exc_type, exc, tb)

        return exit_

    def pg_insert(orig: Any) -> Any:
        def insert(self: Any, stored_events: Any, **kwargs: Any) -> Any:
            COUNT[0] += bool(stored_events)
            return orig(self, stored_events, **kwargs)

        return insert

    def pg_transaction(orig: Any) -> Any:
        def transaction(self: Any, *, commit: bool) -> Any:
            COUNT[0] += commit
            return orig(self, commit=commit)

        return transaction

    patch(sqlite.SQLiteTransaction, "__exit__", sqlite_exit)
    patch(postgres.PostgresAggregateRecorder, "insert_events", pg_insert)
    patch(postgres.PostgresApplicationRecorder, "insert_events", pg_insert)
    patch(postgres.PostgresDatastore, "transaction", pg_transaction)
    try:
        yield
    finally:
        for owner, name, orig in reversed(patched):
            setattr(owner, name, orig)


def measure(kind: str, n: int, workdir: Path) -> str:
    with command_sizes.store(kind, workdir) as settings:
        app = Registry(settings)
        executor = commands.Executor(app, seed=1)
        sizes, busy, last = [], 0.0, app.recorder.max_notification_id() or 0
        start = COUNT[0]
        for op in commands.make_plan(n, 500, seed=1):
            t0 = time.perf_counter()
            executor.calls[op.kind](op)
            busy += time.perf_counter() - t0
            now = app.recorder.max_notification_id() or 0
            sizes.append(now - last)
            last = now
        commits = COUNT[0] - start
        stored = commands.read_events(app, 1)
        app.close()
    with command_sizes.store(kind, workdir) as raw_settings:
        fresh = Registry(raw_settings)  # only for a fresh recorder of that store
        raw_busy, start = 0.0, COUNT[0]
        for events in commands.group(stored, sizes):
            copies = [
                StoredEvent(e.originator_id, e.originator_version, e.topic, e.state) for e in events
            ]
            t0 = time.perf_counter()
            fresh.recorder.insert_events(copies)
            raw_busy += time.perf_counter() - t0
        raw_commits = COUNT[0] - start
        fresh.close()
    registry_rate, raw_rate = n / busy, n / raw_busy
    return (
        f"{kind:8}  {n:6,}  {len(stored):6,}  {registry_rate:10,.1f}  {raw_rate:10,.1f}  "
        f"{registry_rate / raw_rate:5.3f}  {commits / n:13.3f}  {raw_commits / n:8.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="commands")
    parser.add_argument("--store", nargs="+", default=["sqlite", "postgres"])
    args = parser.parse_args()
    print("store     commands  events  registry/s       raw/s  ratio  commits/cmd reg  raw/cmd")
    with tempfile.TemporaryDirectory(prefix="mlw-commits-") as tmp, counting_commits():
        for kind in args.store:
            print(measure(kind, args.n, Path(tmp)), flush=True)


if __name__ == "__main__":
    main()
