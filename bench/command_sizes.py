"""Benchmark: the same facilitator commands in a small gmina and in a large one.

A gmina of ``size`` catalogued institutions (a third of them signatories of the pact,
one in five of those with a commitment) is written in one save, untimed; then the same
mix of commands as ``bench/commands.py`` (add, edit, join, commit, revise or fulfil) runs
against it through the registry. Per command: CPU time of the calling thread, wall time,
aggregate loads (``Registry.load``) and saves. The goal: CPU per command in a gmina of
5,000 at most 1.5x CPU per command in a gmina of 50.

    .venv/bin/python bench/command_sizes.py [--sizes 50 5000] [--commands 400] [--postgres]
        [--grow 5000]   # also: a catalogue grown by commands, its CPU and snapshot bytes
        [--mix 2000]    # also: CPU per command of the commands.py mix in memory
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from time import perf_counter, thread_time
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from commands import BASE_DATE, BlockPlanner, Executor, Op, block_counts

from domain.gmina import Gmina
from domain.pact import Pact
from domain.stakeholder import Stakeholder
from domain.values import (
    CooperationForm,
    ParticipantRole,
    ResourceKind,
    StakeholderKind,
    StakeholderStatus,
    SubType,
)
from registry.application import Registry
from registry.identifiers import check_identifiers
from registry.settings import Settings

PG = {"host": "127.0.0.1", "port": 5432, "dbname": "test", "user": "postgres"}
BY = "bench"


@contextmanager
def store(kind: str, workdir: Path) -> Iterator[Settings]:
    """Settings for a fresh store: an SQLite file, or a PostgreSQL schema dropped afterwards."""
    if kind == "sqlite":
        yield Settings(store="sqlite", sqlite_path=workdir / f"{uuid.uuid4().hex[:8]}.sqlite")
        return
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(autocommit=True, **PG) as conn:  # type: ignore[arg-type]
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield Settings(
            store="postgres",
            postgres_dbname=PG["dbname"],
            postgres_schema=schema,  # type: ignore[arg-type]
        )
    finally:
        with psycopg.connect(autocommit=True, **PG) as conn:  # type: ignore[arg-type]
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@dataclass
class SizeRun:
    size: int
    commands: int
    cpu: float
    wall: float
    loads: int
    saves: int
    first_add: float  # CPU seconds of the first addition, which reads the catalogue's names

    def per_command(self, value: float) -> float:
        return value / self.commands


def counting(app: Registry, name: str, counts: dict[str, int]) -> None:
    """Count calls of one of the application's methods (as the services call it)."""
    method: Callable[..., Any] = getattr(app, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        counts[name] += 1
        return method(*args, **kwargs)

    setattr(app, name, counted)


def build(app: Registry, executor: Executor, size: int, index: int) -> BlockPlanner:
    """A gmina of ``size`` institutions written in one save; a planner that knows them."""
    executor.register_gmina(Op("register", index))
    gmina_id = executor.gminas[index]
    executor.open_partnership(Op("open", index))
    gmina = app.load(Gmina, gmina_id)
    pact = app.load(Pact, Pact.create_id(gmina_id))
    planner = BlockPlanner(random.Random(size), index, len(executor.stakeholders), 0)
    planner.next_commitment = len(executor.commitments)
    stakeholders = []
    for i in range(size):
        name = f"Stowarzyszenie {index}-{i}"
        s = Stakeholder.catalogue(
            gmina_id=gmina_id, kind=StakeholderKind.INSTITUTION, name=name, subtype=SubType.NGO,
            legal_form="stowarzyszenie", identifiers=check_identifiers(None, None, None),
            seat=f"ul. Polna {i}", area="cała gmina", resources_offered=["sala"], contact="",
            person=None, effective_on=BASE_DATE, recorded_by=BY,
        )  # fmt: skip
        gmina.catalogue(s.id, BASE_DATE, BY)
        who = len(executor.stakeholders)
        executor.stakeholders.append(s.id)
        executor.is_person.append(False)
        planner.stakeholders.append(who)
        if i % 3:
            planner.outsiders.append(who)
        else:
            pact.join(s.id, name, None, CooperationForm.LASTING,
                      ParticipantRole.ASSOCIATED_INSTITUTION, BASE_DATE, BY)  # fmt: skip
            s.set_status(StakeholderStatus.SIGNATORY, BASE_DATE, BY)
            planner.members.append(who)
            if i % 15 == 0:
                cid = uuid.uuid4()
                pact.make_commitment(cid, s.id, name, ResourceKind.TIME, "Wolontariat", Decimal(10),
                                     "h", "", None, [], None, BASE_DATE, BY)  # fmt: skip
                planner.open_commitments.append(len(executor.commitments))
                executor.commitments.append(cid)
                executor.quantities.append(10)
        stakeholders.append(s)
    planner.next_stakeholder = len(executor.stakeholders)
    planner.next_commitment = len(executor.commitments)
    app.save(gmina, pact, *stakeholders)
    return planner


def measure_size(app: Registry, executor: Executor, size: int, index: int, n: int) -> SizeRun:
    """The mix of ``n`` commands against a freshly built gmina of ``size`` institutions."""
    planner = build(app, executor, size, index)
    # This process has not yet read the new catalogue's names: the first addition reads
    # every entry once (registry/lookalikes.py). Timed apart, as a process's first look.
    c0 = thread_time()
    planner.emit("add")
    executor.calls["add"](planner.ops.pop())
    first = thread_time() - c0
    kinds = [k for k, c in block_counts(n + 2).items() for _ in range(c)]
    planner.rng.shuffle(kinds)
    for kind in kinds:
        if planner.feasible(kind):
            planner.emit(kind)
    counts = {"load": 0, "save": 0}
    counting(app, "load", counts)
    counting(app, "save", counts)
    cpu = wall = 0.0
    for op in planner.ops:
        call = executor.calls[op.kind]
        c0, w0 = thread_time(), perf_counter()
        call(op)
        cpu += thread_time() - c0
        wall += perf_counter() - w0
    del app.load, app.save  # the counting wrappers
    return SizeRun(size, len(planner.ops), cpu, wall, counts["load"], counts["save"], first)


def run_sizes(kind: str, sizes: list[int], n: int, workdir: Path) -> list[SizeRun]:
    """Every size in one store, one after another, measured with the same mix."""
    with store(kind, workdir) as settings:
        app = Registry(settings)
        executor = Executor(app, seed=7)
        # Warm up the code paths (imports, first queries) before any measure.
        measure_size(app, executor, 20, 0, 50)
        runs = [measure_size(app, executor, size, i + 1, n) for i, size in enumerate(sizes)]
        app.close()
    return runs


def grow(n: int, workdir: Path) -> str:
    """A catalogue grown to ``n`` entries by commands (SQLite file): CPU per addition at the
    start and at the end, and the bytes of snapshots against the bytes of events."""
    from commands import state_bytes

    path = workdir / "grow.sqlite"
    app = Registry(Settings(store="sqlite", sqlite_path=path))
    gmina = app.register_gmina("2640013", "Zielony Jar", "zielonojarski", recorded_by=BY,
                               effective_on=BASE_DATE)  # fmt: skip
    cpu: list[float] = []
    for i in range(n):
        c0 = thread_time()
        app.add_stakeholder(gmina, name=f"Stowarzyszenie nr {i}", subtype="ngo", recorded_by=BY,
                            effective_on=BASE_DATE)  # fmt: skip
        cpu.append(thread_time() - c0)
    app.close()
    tenth = max(n // 10, 1)
    first, last = sum(cpu[:tenth]) / tenth, sum(cpu[-tenth:]) / tenth
    snapshots, events = state_bytes(path, "stored_snapshots"), state_bytes(path, "stored_events")
    return (
        f"A catalogue grown to {n:,} entries by commands (sqlite): CPU per addition "
        f"{1000 * first:.3f} ms in the first tenth, {1000 * last:.3f} ms in the last "
        f"(ratio {last / first:.2f}); snapshots {snapshots / 1e6:.2f} MB for "
        f"{events / 1e6:.2f} MB of events (ratio {snapshots / events:.2f})"
    )


def mix_cpu(n: int) -> str:
    """CPU per command of bench/commands.py's plan on the in-memory store (no I/O at all)."""
    from commands import make_plan

    app = Registry(Settings(store="memory"))
    executor = Executor(app, seed=1)
    cpu = 0.0
    for op in make_plan(n, 500, seed=1):
        c0 = thread_time()
        executor.calls[op.kind](op)
        cpu += thread_time() - c0
    return f"The commands.py mix, N={n:,}, in-memory store: CPU {1000 * cpu / n:.3f} ms/command"


def report(kind: str, runs: list[SizeRun]) -> str:
    first = runs[0]
    lines = [
        f"The same command mix against gminas of different sizes ({kind}); CPU = thread time",
        "   size  commands  CPU ms/cmd  wall ms/cmd  loads/cmd  saves/cmd  CPU ratio to first"
        "  first add CPU ms",
    ]
    for r in runs:
        ratio = r.per_command(r.cpu) / first.per_command(first.cpu)
        lines.append(
            f"{r.size:7,}  {r.commands:8,}  {1000 * r.per_command(r.cpu):10.3f}  "
            f"{1000 * r.per_command(r.wall):11.3f}  {r.per_command(r.loads):9.2f}  "
            f"{r.per_command(r.saves):9.2f}  {ratio:18.2f}"
            f"  {1000 * r.first_add:16.1f}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 5_000])
    parser.add_argument("--commands", type=int, default=400, help="commands per size")
    parser.add_argument("--postgres", action="store_true", help="also on PostgreSQL")
    parser.add_argument("--grow", type=int, default=0, help="also grow a catalogue to N")
    parser.add_argument("--mix", type=int, default=0, help="also CPU of N mixed commands")
    parser.add_argument("--dir", type=Path, default=None, help="where the temp files go")
    args = parser.parse_args()
    kinds = ["sqlite", "postgres"] if args.postgres else ["sqlite"]
    with tempfile.TemporaryDirectory(prefix="mlw-sizes-", dir=args.dir) as tmp:
        for kind in kinds:
            print(report(kind, run_sizes(kind, args.sizes, args.commands, Path(tmp))), flush=True)
        if args.grow:
            print(grow(args.grow, Path(tmp)), flush=True)
    if args.mix:
        print(mix_cpu(args.mix), flush=True)


if __name__ == "__main__":
    main()
