"""How fast the read models catch up with a long history, beside reading it through the library.

Over one synthetic national history (registry/national.py, the `mlw generate-national`
dataset) in an SQLite file, times in one run:
  raw      select_notifications in batches (rows/s)
  decoded  the same, each turned back into a domain event (events/s): the reference
  all      every read model caught up from zero together, each fact read and decoded
           once (events/s), in a process of its own so that its peak RSS is its own;
           also its rate over the first and the last 100,000 facts

The history is written once per size into ``--dir`` and reused by later runs (a million
facts take a few minutes to write); ``--fresh`` writes it again.

    .venv/bin/python bench/catchup.py [--facts 1000000] [--dir /tmp/mlw-bench-catchup]
                                      [--batch 2000] [--each] [--fresh] [--store postgres]

The catch-up runs as `mlw worker` runs it: one process, each fact read and decoded once,
each read model's batches written on a thread of its own while the next batch is read
ahead and applied (projections/runner.py, `Pipeline`).

With ``--store postgres`` the history is kept in the schema ``catchup_<facts>`` of the
local test database (reused like the file) and each catch-up writes its read models
into a schema of its own, dropped afterwards.
"""

from __future__ import annotations

import argparse
import multiprocessing
import resource
import shutil
import sys
import time
import uuid
from contextlib import suppress
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from projections.read_models import PROJECTIONS, ReadModels
from projections.runner import Batch
from registry.application import Registry
from registry.national import generate
from registry.settings import Settings

WINDOW = 100_000
PG = {"host": "127.0.0.1", "port": 5432, "dbname": "test", "user": "postgres"}


@dataclass(frozen=True)
class CatchUpFigures:
    """One catch-up of every read model from zero, measured in its own process."""

    facts: int
    seconds: float
    window: int
    first_seconds: float
    last_seconds: float
    peak_rss_mb: float

    @property
    def rate(self) -> float:
        return self.facts / self.seconds

    @property
    def first_rate(self) -> float:
        return self.window / self.first_seconds

    @property
    def last_rate(self) -> float:
        return self.window / self.last_seconds


def write_history(app: Registry, facts: int) -> tuple[int, float]:
    """National gminas, seeded, until the history holds at least ``facts`` facts."""
    t0, written = time.perf_counter(), app.recorder.max_notification_id() or 0
    if written >= facts:
        return 0, 0.0
    if written:
        raise SystemExit(f"{app.settings.describe()} holds only {written:,} facts: use --fresh")
    for _, n in generate(app, gminas=100_000, seed=1):
        written += n
        if written >= facts:
            break
    return written, time.perf_counter() - t0


def read_all(app: Registry, decode: bool, batch: int = 1000) -> tuple[int, float]:
    """Every notification of the history, decoded into domain events or not."""
    t0, start, n = time.perf_counter(), 1, 0
    to_event = app.mapper.to_domain_event
    while rows := app.recorder.select_notifications(start=start, limit=batch):
        if decode:
            for row in rows:
                to_event(row)
        n += len(rows)
        start = rows[-1].id + 1
    return n, time.perf_counter() - t0


def catch_up_all(history: Settings, views: Settings, batch: int) -> CatchUpFigures:
    """Every read model from zero, together; rates at the start and at the end."""
    app = Registry(history)
    total = app.recorder.max_notification_id() or 0
    window = min(WINDOW, max(1, total // 10))
    reached: dict[int, float] = {}

    def heard(b: Batch) -> None:
        reached[b.last] = time.perf_counter()

    with ReadModels(app, settings=views, batch_size=batch) as models:
        reset_peak_rss()
        t0 = time.perf_counter()
        models.catch_up(on_batch=heard)
        took = time.perf_counter() - t0
    app.close()
    # Batches end on whole batches: the window is measured to the first batch past it.
    first_end = min(p for p in reached if p >= window)
    last_start = max((p for p in reached if p <= total - window), default=0)
    first = (reached[first_end] - t0) * window / first_end
    last = (t0 + took - reached.get(last_start, t0)) * window / (total - last_start)
    return CatchUpFigures(total, took, window, first, last, peak_rss_mb())


def reset_peak_rss() -> None:
    """Start the peak RSS afresh (Linux), so that it is the catch-up's, not the imports'.

    Importing the registry hashes a stand-in password with argon2 (64 MiB for a moment),
    which would otherwise be the process's peak whatever the catch-up takes.
    """
    with suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def peak_rss_mb() -> float:
    """The peak RSS since `reset_peak_rss` (VmHWM), else since the process began."""
    with suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def in_own_process(history: Settings, views: Settings, batch: int) -> CatchUpFigures:
    """`catch_up_all` in a fresh process, so that the peak RSS is the catch-up's alone."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(catch_up_all, (history, views, batch))


def fresh_views(history: Settings, workdir: Path) -> Settings:
    """Settings whose read models start from zero (new SQLite files, or a new schema)."""
    if history.store == "postgres":
        schema = f"views_{uuid.uuid4().hex[:10]}"
        pg_execute(f"CREATE SCHEMA {schema}")
        return replace(history, postgres_schema=schema)
    if history.store != "sqlite":
        return history
    return replace(history, sqlite_path=workdir / f"views-{uuid.uuid4().hex[:8]}.sqlite")


def pg_execute(statement: str) -> None:
    import psycopg

    with psycopg.connect(autocommit=True, **PG) as conn:  # type: ignore[arg-type]
        conn.execute(statement)  # type: ignore[arg-type]


def history_store(kind: str, facts: int, workdir: Path, fresh: bool) -> Settings:
    """Where the history of ``facts`` facts is kept between runs."""
    if kind == "sqlite":
        return Settings(store="sqlite", sqlite_path=workdir / f"national-{facts}.sqlite")
    schema = f"catchup_{facts}"
    if fresh:
        pg_execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    pg_execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    return Settings(store="postgres", postgres_dbname=PG["dbname"], postgres_schema=schema)  # type: ignore[arg-type]


def drop_views(views: Settings) -> None:
    if views.store == "postgres":
        pg_execute(f"DROP SCHEMA IF EXISTS {views.postgres_schema} CASCADE")
        return
    for name in PROJECTIONS:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{views.sqlite_path}.{name}.sqlite{suffix}").unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--facts", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/mlw-bench-catchup"))
    parser.add_argument("--batch", type=int, default=2000, help="facts per batch")
    parser.add_argument("--each", action="store_true", help="also each read model alone")
    parser.add_argument("--fresh", action="store_true", help="write the history again")
    parser.add_argument("--store", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args()
    if args.fresh and args.store == "sqlite":
        shutil.rmtree(args.dir, ignore_errors=True)
    args.dir.mkdir(parents=True, exist_ok=True)
    history = history_store(args.store, args.facts, args.dir, args.fresh)
    app = Registry(history)
    written, took = write_history(app, args.facts)
    if written:
        print(f"history   {written:,} facts written in {took:.0f} s ({written / took:,.0f}/s)")
    n, t = read_all(app, decode=False)
    raw = n / t
    print(f"raw       select_notifications: {n:,} rows in {t:.1f} s = {raw:,.0f} rows/s")
    n, t = read_all(app, decode=True)
    decoded = n / t
    print(
        f"decoded   + mapper.to_domain_event: {decoded:,.0f} events/s ({decoded / raw:.2f} of raw)"
    )
    app.close()
    views = fresh_views(history, args.dir)
    f = in_own_process(history, views, args.batch)
    drop_views(views)
    goal = "met" if f.rate >= 0.5 * decoded else "NOT met"
    print(f"all       read models together from zero: {f.facts:,} facts in {f.seconds:.1f} s = "
          f"{f.rate:,.0f} facts/s, {f.rate / decoded:.2f} of decoded "
          f"(goal >= 0.5: {goal})")  # fmt: skip
    ratio = f.last_rate / f.first_rate
    print(f"          first {f.window:,} facts {f.first_rate:,.0f}/s, last {f.window:,} "
          f"{f.last_rate:,.0f}/s: last/first {ratio:.2f} (goal >= 1)")  # fmt: skip
    print(f"          peak RSS of the catch-up {f.peak_rss_mb:.0f} MB (goal < 150 MB)")
    if args.each:
        for name in PROJECTIONS:
            views = fresh_views(history, args.dir)
            app = Registry(history)
            with ReadModels(app, settings=views, batch_size=args.batch) as models:
                t0 = time.perf_counter()
                done = models.runners[name].run()
                t = time.perf_counter() - t0
            app.close()
            drop_views(views)
            print(f"{name:9s} alone from zero: {done / t:,.0f} events/s ({done / t / decoded:.2f} "
                  f"of decoded)")  # fmt: skip


if __name__ == "__main__":
    main()
