"""Benchmark: facilitator commands through the registry vs the raw eventsourcing recorder.

Records N commands (register gmina, open partnership, add / edit stakeholder, join pact,
make / revise / fulfil commitment) through ``Registry`` on a fresh SQLite file, then
inserts exactly the same stored events into a fresh ``SQLiteApplicationRecorder`` with the
same grouping (one ``insert_events`` call per command), so that the ratio of the two rates
shows what the registry adds on top of the storage layer.

Run it from the repository root:

    .venv/bin/python bench/commands.py              # N = 10,000 and 100,000
    .venv/bin/python bench/commands.py --quick      # N = 2,000
    .venv/bin/python bench/commands.py --profile    # also cProfile a small run

Progress lines go to stderr; the report goes to stdout.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import random
import shlex
import sqlite3
import sys
import sysconfig
import tempfile
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path
from time import perf_counter
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore

from registry import invented
from registry.application import Registry
from registry.settings import Settings

REPO_ROOT = Path(__file__).resolve().parent.parent
BASE_DATE = date(2024, 1, 8)
FACILITATORS = ("ania.nowak", "piotr.wisniewski", "ewa.zielinska", "tomasz.wojcik")
INSTITUTION_SUBTYPES = (
    "local_government_unit",
    "ngo",
    "social_cooperative",
    "church_organisation",
    "education",
    "culture",
    "health",
    "other_business",
    "finance_banking",
)
RESOURCES = ("time", "premises", "staff", "equipment", "know_how", "in_kind", "money")
UNITS = {
    "time": "h",
    "premises": "m²",
    "staff": "etat",
    "equipment": "szt.",
    "know_how": "h",
    "in_kind": "szt.",
    "money": "zł",
}

# The share of each kind of command in a gmina's block (register + open take from "add").
MIX = {"add": 0.40, "edit": 0.20, "join": 0.15, "commit": 0.20, "revise_or_fulfil": 0.05}
PERSON_SHARE = 0.15  # stakeholders who are natural persons (social leaders)
REPRESENTATIVE_SHARE = 0.6  # institutions that name a representative when joining
CALLS = {  # the kinds of command and the registry method each one calls
    "register": "register_gmina",
    "open": "open_partnership",
    "add": "add_stakeholder",
    "edit": "edit_stakeholder",
    "join": "join_pact",
    "commit": "make_commitment",
    "revise": "revise_commitment",
    "fulfil": "fulfil_commitment",
}


# --- the plan: which command, on what, in what order -----------------------------------


@dataclass(frozen=True, slots=True)
class Op:
    """One planned command; ``target`` is a global stakeholder or commitment index."""

    kind: str
    gmina: int
    target: int = -1
    day: int = 0
    flag: bool = False  # add: a natural person; join: names a representative
    by: int = -1  # commit: the stakeholder who commits


def block_counts(size: int) -> dict[str, int]:
    """How many commands of each kind a gmina block of ``size`` commands gets."""
    rest = max(size - 2, 0)
    counts = {k: round(share * size) for k, share in MIX.items() if k != "add"}
    while sum(counts.values()) > rest:  # tiny blocks: trim the later stages first
        for k in ("revise_or_fulfil", "commit", "join", "edit"):
            if counts[k] and sum(counts.values()) > rest:
                counts[k] -= 1
    counts["add"] = rest - sum(counts.values())
    return counts


class BlockPlanner:
    """Plans one gmina's block: shuffled kinds, each placed once it has what it needs."""

    def __init__(
        self, rng: random.Random, gmina: int, first_stakeholder: int, first_commitment: int
    ):
        self.rng = rng
        self.gmina = gmina
        self.next_stakeholder = first_stakeholder
        self.next_commitment = first_commitment
        self.ops: list[Op] = []
        self.stakeholders: list[int] = []
        self.outsiders: list[int] = []  # catalogued, not (yet) in the pact
        self.members: list[int] = []
        self.open_commitments: list[int] = []
        self.pending: deque[str] = deque()

    def feasible(self, kind: str) -> bool:
        if kind == "edit":
            return bool(self.stakeholders)
        if kind == "join":
            return bool(self.outsiders)
        if kind == "commit":
            return bool(self.members)
        if kind == "revise_or_fulfil":
            return bool(self.open_commitments)
        return True

    def emit(self, kind: str) -> None:
        rng, gmina, day = self.rng, self.gmina, len(self.ops) // 5
        if kind == "add":
            who = self.next_stakeholder
            self.next_stakeholder += 1
            self.ops.append(Op("add", gmina, who, day, rng.random() < PERSON_SHARE))
            self.stakeholders.append(who)
            self.outsiders.append(who)
        elif kind == "edit":
            self.ops.append(Op("edit", gmina, rng.choice(self.stakeholders), day))
        elif kind == "join":
            who = self.outsiders.pop(rng.randrange(len(self.outsiders)))
            self.members.append(who)
            self.ops.append(Op("join", gmina, who, day, rng.random() < REPRESENTATIVE_SHARE))
        elif kind == "commit":
            cid = self.next_commitment
            self.next_commitment += 1
            self.ops.append(Op("commit", gmina, cid, day, by=rng.choice(self.members)))
            self.open_commitments.append(cid)
        else:
            i = rng.randrange(len(self.open_commitments))
            if rng.random() < 0.5:
                self.ops.append(Op("revise", gmina, self.open_commitments[i], day))
            else:
                self.ops.append(Op("fulfil", gmina, self.open_commitments.pop(i), day))

    def drain(self) -> None:
        progress = True
        while progress:
            progress = False
            for kind in list(self.pending):
                if self.feasible(kind):
                    self.pending.remove(kind)
                    self.emit(kind)
                    progress = True

    def plan(self, size: int) -> list[Op]:
        self.ops.append(Op("register", self.gmina))
        if size >= 2:
            self.ops.append(Op("open", self.gmina))
        kinds = [k for k, c in block_counts(size).items() for _ in range(c)]
        self.rng.shuffle(kinds)
        for kind in kinds:
            if self.feasible(kind):
                self.emit(kind)
                self.drain()
            else:
                self.pending.append(kind)
        self.drain()
        while self.pending:  # only in tiny blocks: what can never happen becomes an addition
            self.pending.popleft()
            self.emit("add")
            self.drain()
        return self.ops


def make_plan(n: int, per_gmina: int, seed: int) -> list[Op]:
    """N commands in blocks of ``per_gmina`` commands, one gmina per block."""
    rng = random.Random(seed)
    plan: list[Op] = []
    stakeholders = commitments = gmina = 0
    while len(plan) < n:
        planner = BlockPlanner(rng, gmina, stakeholders, commitments)
        plan.extend(planner.plan(min(per_gmina, n - len(plan))))
        stakeholders, commitments = planner.next_stakeholder, planner.next_commitment
        gmina += 1
    return plan


# --- executing the plan against the registry -------------------------------------------


class Executor:
    """Turns planned ops into registry calls, remembering the ids the registry returns."""

    def __init__(self, app: Registry, seed: int) -> None:
        self.app = app
        self.rng = random.Random(seed + 1)
        self.gminas: list[UUID] = []
        self.stakeholders: list[UUID] = []
        self.is_person: list[bool] = []
        self.commitments: list[UUID] = []
        self.quantities: list[int] = []
        self.counter = 0
        self.calls: dict[str, Callable[[Op], None]] = {
            "register": self.register_gmina,
            "open": self.open_partnership,
            "add": self.add_stakeholder,
            "edit": self.edit_stakeholder,
            "join": self.join_pact,
            "commit": self.make_commitment,
            "revise": self.revise_commitment,
            "fulfil": self.fulfil_commitment,
        }

    def who(self) -> str:
        return self.rng.choice(FACILITATORS)

    def register_gmina(self, op: Op) -> None:
        gmina_id = self.app.register_gmina(
            invented.terc(op.gmina),
            f"Gmina Testowa {op.gmina}",
            f"powiat testowy {op.gmina // 10}",
            recorded_by=self.who(),
            effective_on=BASE_DATE,
        )
        self.gminas.append(gmina_id)

    def open_partnership(self, op: Op) -> None:
        self.app.open_partnership(
            self.gminas[op.gmina],
            reason="Prezentacja Modelu MLW na sesji rady gminy",
            recorded_by=self.who(),
            effective_on=BASE_DATE,
        )

    def add_stakeholder(self, op: Op) -> None:
        rng = self.rng
        on = BASE_DATE + timedelta(days=op.day)
        if op.flag:
            sid = self.app.add_stakeholder(
                self.gminas[op.gmina],
                name=f"Jan Kowalski {op.target}",
                kind="person",
                subtype="social_leader",
                contact=f"jan.kowalski{op.target}@example.pl",
                area="sołectwo Górki",
                recorded_by=self.who(),
                effective_on=on,
            )
        else:
            sid = self.app.add_stakeholder(
                self.gminas[op.gmina],
                name=f"Stowarzyszenie Rozwoju Wsi nr {op.target}",
                subtype=rng.choice(INSTITUTION_SUBTYPES),
                legal_form="stowarzyszenie",
                nip=invented.random_nip(rng) if rng.random() < 0.5 else None,
                regon=invented.random_regon(rng) if rng.random() < 0.3 else None,
                krs=invented.random_krs(rng) if rng.random() < 0.3 else None,
                seat=f"ul. Polna {op.target}",
                area="cała gmina",
                resources_offered=["sala spotkań", "wolontariusze"],
                contact=f"biuro{op.target}@example.pl",
                recorded_by=self.who(),
                effective_on=on,
            )
        self.stakeholders.append(sid)
        self.is_person.append(op.flag)

    def edit_stakeholder(self, op: Op) -> None:
        self.counter += 1
        changes: dict[str, object]
        if self.is_person[op.target]:
            changes = {"contact": f"tel. 600 {self.counter:06d}"}
        elif self.counter % 3:
            changes = {"seat": f"ul. Szkolna {self.counter}"}
        else:
            changes = {"resources_offered": ["sala spotkań", f"bus {self.counter}"]}
        self.app.edit_stakeholder(
            self.stakeholders[op.target],
            recorded_by=self.who(),
            effective_on=BASE_DATE + timedelta(days=op.day),
            **changes,
        )

    def join_pact(self, op: Op) -> None:
        named = op.flag and not self.is_person[op.target]
        self.app.join_pact(
            self.gminas[op.gmina],
            self.stakeholders[op.target],
            representative=f"Maria Lewandowska {op.target}" if named else None,
            representative_contact="m.lewandowska@example.pl" if named else "",
            representative_function="prezes zarządu" if named else "",
            form=self.rng.choice(("lasting", "lasting", "ad_hoc")),
            recorded_by=self.who(),
            effective_on=BASE_DATE + timedelta(days=op.day),
        )

    def make_commitment(self, op: Op) -> None:
        resource = self.rng.choice(RESOURCES)
        quantity = self.rng.randint(2, 200)
        on = BASE_DATE + timedelta(days=op.day)
        cid = self.app.make_commitment(
            self.gminas[op.gmina],
            self.stakeholders[op.by],
            resource=resource,
            description=f"Wkład w działania partnerstwa ({resource})",
            quantity=Decimal(quantity),
            unit=UNITS[resource],
            beneficiary="Klub Integracji Społecznej",
            due_on=on + timedelta(days=180),
            recorded_by=self.who(),
            effective_on=on,
        )
        self.commitments.append(cid)
        self.quantities.append(quantity)

    def revise_commitment(self, op: Op) -> None:
        self.quantities[op.target] += 1
        self.app.revise_commitment(
            self.gminas[op.gmina],
            self.commitments[op.target],
            quantity=Decimal(self.quantities[op.target]),
            note="korekta po spotkaniu zespołu",
            recorded_by=self.who(),
            effective_on=BASE_DATE + timedelta(days=op.day),
        )

    def fulfil_commitment(self, op: Op) -> None:
        self.app.fulfil_commitment(
            self.gminas[op.gmina],
            self.commitments[op.target],
            note="potwierdzone protokołem",
            recorded_by=self.who(),
            effective_on=BASE_DATE + timedelta(days=op.day),
        )


# --- the measurements ------------------------------------------------------------------


@dataclass
class KindStats:
    count: int = 0
    events: int = 0
    seconds: float = 0.0
    worst: float = 0.0


@dataclass
class RegistryRun:
    n: int
    gminas: int
    events: int
    seconds: float
    group_sizes: list[int]
    kinds: dict[str, KindStats]
    snapshots: int
    snapshot_bytes: int
    event_bytes: int
    person_keys: int
    stored: list[StoredEvent] = field(default_factory=list)


def progress(label: str, done: int, total: int, started: float, unit: str) -> None:
    elapsed = perf_counter() - started
    rate = done / elapsed if elapsed else 0.0
    print(
        f"{label}: {done:,}/{total:,} {unit} ({100 * done // total}%), "
        f"{elapsed:.1f} s, {rate:,.0f} {unit}/s",
        file=sys.stderr,
        flush=True,
    )


def count_rows(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        try:
            return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        except sqlite3.OperationalError:
            return 0


def state_bytes(path: Path, table: str) -> int:
    """The bytes of stored state in one of the store's tables."""
    with sqlite3.connect(path) as conn:
        try:
            return int(
                conn.execute(f"SELECT COALESCE(SUM(LENGTH(state)), 0) FROM {table}").fetchone()[0]
            )
        except sqlite3.OperationalError:
            return 0


def run_registry(
    n: int, per_gmina: int, seed: int, workdir: Path, *, read_back: bool = True
) -> RegistryRun:
    """Record the plan through the registry; time only the application calls."""
    plan = make_plan(n, per_gmina, seed)
    path = workdir / f"registry-{n}.sqlite"
    app = Registry(Settings(store="sqlite", sqlite_path=path))
    executor = Executor(app, seed)
    kinds = {k: KindStats() for k in CALLS}
    group_sizes: list[int] = []
    busy = 0.0
    last = app.recorder.max_notification_id() or 0
    first_id = last + 1
    step = max(n // 10, 1)
    started = perf_counter()
    label = f"[N={n:,}] registry"
    for i, op in enumerate(plan, 1):
        call = executor.calls[op.kind]
        t0 = perf_counter()
        call(op)
        took = perf_counter() - t0
        busy += took
        now = app.recorder.max_notification_id() or 0
        appended = now - last
        last = now
        group_sizes.append(appended)
        stats = kinds[op.kind]
        stats.count += 1
        stats.events += appended
        stats.seconds += took
        stats.worst = max(stats.worst, took)
        if i % step == 0 or i == n:
            progress(label, i, n, started, "commands")
    stored: list[StoredEvent] = []
    if read_back:
        stored = read_events(app, first_id)
        if len(stored) != sum(group_sizes):
            raise RuntimeError(f"read {len(stored)} events back, expected {sum(group_sizes)}")
    app.close()
    return RegistryRun(
        n=n,
        gminas=len(executor.gminas),
        events=sum(group_sizes),
        seconds=busy,
        group_sizes=group_sizes,
        kinds=kinds,
        snapshots=count_rows(path, "stored_snapshots"),
        snapshot_bytes=state_bytes(path, "stored_snapshots"),
        event_bytes=state_bytes(path, "stored_events"),
        person_keys=count_rows(path, "person_keys"),
        stored=stored,
    )


def read_events(app: Registry, first_id: int, batch: int = 5_000) -> list[StoredEvent]:
    """The run's stored events, in notification order, as plain StoredEvent objects."""
    out: list[StoredEvent] = []
    start = first_id
    while True:
        rows = app.recorder.select_notifications(start=start, limit=batch, inclusive_of_start=True)
        if not rows:
            return out
        out.extend(
            StoredEvent(
                originator_id=r.originator_id,
                originator_version=r.originator_version,
                topic=r.topic,
                state=r.state,
            )
            for r in rows
        )
        start = rows[-1].id + 1


def group(events: Sequence[StoredEvent], sizes: Sequence[int]) -> list[list[StoredEvent]]:
    out: list[list[StoredEvent]] = []
    at = 0
    for size in sizes:
        if size:
            out.append(list(events[at : at + size]))
        at += size
    return out


def run_raw(groups: list[list[StoredEvent]], path: Path, label: str) -> float:
    """Insert the groups into a fresh SQLite application recorder, one call per group."""
    datastore = SQLiteDatastore(db_name=str(path))
    recorder = SQLiteApplicationRecorder(datastore)
    recorder.create_table()
    total = len(groups)
    step = max(total // 10, 1)
    busy = 0.0
    started = perf_counter()
    for i, events in enumerate(groups, 1):
        t0 = perf_counter()
        recorder.insert_events(events)
        busy += perf_counter() - t0
        if i % step == 0 or i == total:
            progress(label, i, total, started, "inserts")
    datastore.close()
    return busy


@dataclass
class Result:
    run: RegistryRun
    raw_seconds: float
    batched_seconds: float
    batched_calls: int


def measure(n: int, per_gmina: int, seed: int, base: Path | None) -> Result:
    with tempfile.TemporaryDirectory(prefix="mlw-bench-", dir=base) as tmp:
        workdir = Path(tmp)
        run = run_registry(n, per_gmina, seed, workdir)
        same = group(run.stored, run.group_sizes)
        raw = run_raw(same, workdir / "raw-same.sqlite", f"[N={n:,}] raw, 1 call/command")
        per100 = [sum(run.group_sizes[i : i + 100]) for i in range(0, len(run.group_sizes), 100)]
        batches = group(run.stored, per100)
        batched = run_raw(batches, workdir / "raw-batched.sqlite", f"[N={n:,}] raw, batched")
        run.stored = []
        return Result(run, raw, batched, len(batches))


# --- the report ------------------------------------------------------------------------


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds else float("nan")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], left: int = 0) -> str:
    """Right-aligned columns (the first ``left`` columns left-aligned)."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(w) if i < left else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def machine(base: Path | None) -> str:
    where = Path(base or tempfile.gettempdir()).resolve()
    lines = [
        f"date          {datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"command       {shlex.join(sys.orig_argv)}",
        f"platform      {platform.platform()}",
        f"machine       {platform.machine()}, {os.cpu_count()} CPUs",
        f"python        {platform.python_implementation()} {platform.python_version()}",
        f"eventsourcing {version('eventsourcing')}",
        f"sqlite        {sqlite3.sqlite_version} (WAL, set by eventsourcing)",
        f"temp files    {where} ({filesystem_of(where)})",
    ]
    return "\n".join(lines)


def filesystem_of(path: Path) -> str:
    """The file system type of the mount holding ``path`` (Linux), or 'unknown'."""
    try:
        mounts = [line.split() for line in Path("/proc/mounts").read_text().splitlines()]
    except OSError:
        return "unknown"
    best, kind = "", "unknown"
    for parts in mounts:
        if len(parts) >= 3 and str(path).startswith(parts[1]) and len(parts[1]) > len(best):
            best, kind = parts[1], parts[2]
    return kind


def report(results: list[Result], per_gmina: int) -> str:
    out: list[str] = []
    reg_rows = []
    raw_rows = []
    for r in results:
        run = r.run
        reg_eps = rate(run.events, run.seconds)
        raw_eps = rate(run.events, r.raw_seconds)
        reg_rows.append(
            [
                f"{run.n:,}",
                f"{run.n:,}",
                f"{run.events:,}",
                f"{run.events / run.n:.2f}",
                f"{run.seconds:.1f}",
                f"{rate(run.n, run.seconds):,.0f}",
                f"{reg_eps:,.0f}",
            ]
        )
        raw_rows.append(
            [
                f"{run.n:,}",
                f"{run.events:,}",
                f"{r.raw_seconds:.1f}",
                f"{raw_eps:,.0f}",
                f"{reg_eps / raw_eps:.3f}",
                f"{raw_eps / reg_eps:.1f}x",
                f"{r.batched_calls:,}",
                f"{r.batched_seconds:.2f}",
                f"{rate(run.events, r.batched_seconds):,.0f}",
            ]
        )
    out.append("Registry: one application call = one command; seconds = time inside the calls")
    out.append(
        table(["N", "commands", "events", "ev/cmd", "seconds", "commands/s", "events/s"], reg_rows)
    )
    out.append("")
    out.append(
        "Raw SQLiteApplicationRecorder.insert_events, the same stored events, fresh file\n"
        "  same grouping = one insert_events call (one transaction) per registry command\n"
        "  ratio = registry events/s / raw events/s (same grouping); slowdown = its inverse\n"
        "  batched = one insert_events call per 100 commands (for context)"
    )
    out.append(
        table(
            [
                "N",
                "events",
                "raw s",
                "raw events/s",
                "ratio",
                "slowdown",
                "batches",
                "batched s",
                "batched events/s",
            ],
            raw_rows,
        )
    )
    for r in results:
        run = r.run
        out.append("")
        out.append(
            f"N={run.n:,}: {run.gminas} gminas (~{per_gmina} commands each); besides the events "
            f"the registry wrote {run.snapshots:,} snapshots and {run.person_keys:,} person "
            "keys (each in the transaction of the facts it goes with); snapshots hold "
            f"{run.snapshot_bytes / 1e6:.1f} MB for {run.event_bytes / 1e6:.1f} MB of events"
        )
        rows = []
        for kind, s in run.kinds.items():
            if not s.count:
                continue
            rows.append(
                [
                    CALLS[kind],
                    f"{s.count:,}",
                    f"{100 * s.count / run.n:.1f}%",
                    f"{s.events:,}",
                    f"{s.seconds:.1f}",
                    f"{1000 * s.seconds / s.count:.2f}",
                    f"{1000 * s.worst:.1f}",
                    f"{100 * s.seconds / run.seconds:.1f}%",
                ]
            )
        out.append(
            table(
                ["command", "count", "share", "events", "seconds", "mean ms", "max ms", "time"],
                rows,
                left=1,
            )
        )
    return "\n".join(out)


def profile(n: int, per_gmina: int, seed: int, base: Path | None, top: int = 15) -> str:
    """cProfile of the registry phase alone, top entries by cumulative and by own time."""
    with tempfile.TemporaryDirectory(prefix="mlw-profile-", dir=base) as tmp:
        profiler = cProfile.Profile()
        profiler.enable()
        run = run_registry(n, per_gmina, seed, Path(tmp), read_back=False)
        profiler.disable()
    parts = [
        f"cProfile of the registry phase, N={n:,} ({run.events:,} events, {run.seconds:.1f} s "
        "inside the calls under the profiler; profiling inflates Python time relative to I/O)"
    ]
    for key, title in (("cumulative", "cumulative time"), ("tottime", "own time")):
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats(key).print_stats(top)
        parts.append(f"\nTop {top} by {title}:")
        parts.append(tidy(stream.getvalue()))
    return "\n".join(parts)


def tidy(text: str) -> str:
    """Shorter paths in pstats output; drop its preamble."""
    paths = sysconfig.get_paths()
    for prefix in (paths["purelib"], paths["stdlib"], str(REPO_ROOT)):
        text = text.replace(prefix + "/", "")
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    return "\n".join(line.rstrip() for line in lines[start:] if line.strip())


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--n", type=int, nargs="+", default=[10_000, 100_000], help="command counts"
    )
    parser.add_argument("--quick", action="store_true", help="N = 2,000 only")
    parser.add_argument("--per-gmina", type=int, default=500, help="commands per gmina")
    parser.add_argument("--seed", type=int, default=20240108)
    parser.add_argument("--dir", type=Path, default=None, help="where the temp files go")
    parser.add_argument("--profile", action="store_true", help="also cProfile a small run")
    parser.add_argument("--profile-n", type=int, default=2_000, help="N for --profile")
    args = parser.parse_args(argv)
    sizes = [2_000] if args.quick else args.n

    print("MLW registry: facilitator commands vs the raw eventsourcing recorder (SQLite file)")
    print(machine(args.dir))
    print(
        f"mix per gmina block: register 1, open partnership 1, then of the block "
        f"{', '.join(f'{k} {v:.0%}' for k, v in MIX.items())}; "
        f"{PERSON_SHARE:.0%} of stakeholders are persons"
    )
    print("", flush=True)
    results = [measure(n, args.per_gmina, args.seed, args.dir) for n in sizes]
    print(report(results, args.per_gmina), flush=True)
    if args.profile:
        print("")
        print(profile(args.profile_n, args.per_gmina, args.seed, args.dir), flush=True)


if __name__ == "__main__":
    main()
