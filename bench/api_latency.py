"""API latency and throughput with concurrent clients on loopback (not part of the tests).

Issue 12's goal, measured as stated: the demo gmina (with its year of sittings) in an
SQLite file; the server run as in service, uvicorn with ``--workers`` = the machine's cores,
every process sharing the SQLite file and the read models' store; ``mlw worker`` beside it
keeping the read models and the stored reports current; a warm-up; then N concurrent
clients on loopback, each with one keep-alive connection, for each read route in turn.
Prints p50, p99 and requests/s per route against the goal (p99 < 50 ms), and the
framework floor.

    .venv/bin/python bench/api_latency.py --clients 16 --seconds 10
    .venv/bin/python bench/api_latency.py --floor 2000

The clients run in a process of their own (threads, each with one ``http.client``
connection: far cheaper per request than a full-featured client), and the CPU that
process takes per request is printed: on a machine of few cores it competes with the
server for them.

``--floor`` measures the framework's own cost per request instead: the same requests sent
straight to the ASGI application in one process, one after another (no sockets, no
client), against a bare ASGI application answering the same bytes in the same run. The
difference is what the middleware, routing and dependencies add to every request.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.client
import logging
import multiprocessing
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api.app import create_app
from projections.read_side import with_reads
from registry.accounts import open_demo_accounts
from registry.application import Registry
from registry.demo import load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
G = "/api/gminas/2640013"
GOAL_MS = 50.0
# Each request's log line is written, as in service, but to nowhere rather than the screen.
logging.getLogger("mlw").addHandler(logging.StreamHandler(open(os.devnull, "w")))  # noqa: SIM115
# The read routes of issue 12's goal, JSON API.
ROUTES = [
    ("dashboard (JSON)", f"{G}/dashboard"),
    ("catalogue", f"{G}/stakeholders"),
    ("pact", f"{G}/pact"),
    ("meetings", f"{G}/meetings"),
    ("network", f"{G}/network"),
    ("risks", f"{G}/risks"),
]


@dataclass(frozen=True)
class Load:
    """One route under load: requests answered, p50 and p99 (ms), requests/s, and the CPU
    the clients' process and the server's processes (uvicorn's and the worker) took per
    request (ms)."""

    route: str
    count: int
    p50: float
    p99: float
    rate: float
    client_cpu: float
    server_cpu: float = 0.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def demo_store(folder: Path) -> tuple[Path, str]:
    """The demo gmina with its year of sittings and its accounts in an SQLite file, and a
    token of the demo's moderator."""
    path = folder / "mlw.sqlite"
    registry = with_reads(Registry(Settings(store="sqlite", sqlite_path=path)))
    try:
        gid = load_demo(registry)
        load_demo_meetings(registry, gid)
        open_demo_accounts(registry, gid, registry.get_gmina(gid).voivodeship)
        token = registry.issue_token("moderator", recorded_by="moderator")
    finally:
        registry.close()
    return path, token


class Service:
    """uvicorn with ``workers`` processes on one port and ``mlw worker`` beside it, over one
    SQLite file; their request logs go to nowhere rather than the screen."""

    def __init__(self, path: Path, workers: int) -> None:
        self.port = free_port()
        env = {
            **os.environ,
            "MLW_STORE": "sqlite",
            "MLW_SQLITE_PATH": str(path),
            "MLW_CREATE_TABLES": "no",
            "PYTHONPATH": str(ROOT),
        }
        quiet: dict[str, Any] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        mlw = [sys.executable, "-c", "from api.cli import main; main()"]
        # The tables once, as the README says for many processes on one store.
        subprocess.run([*mlw, "init-db"], cwd=path.parent, env=env, check=True, **quiet)
        self.worker = subprocess.Popen(
            [*mlw, "worker", "--poll", "0.2"],
            cwd=path.parent,
            env=env,
            **quiet,
        )
        self.server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "uvicorn",
                "api.app:create_app",
                "--factory",
                "--port",
                str(self.port),
                "--workers",
                str(workers),
                "--log-level",
                "warning",
                "--no-access-log",
            ],
            cwd=path.parent,
            env=env,
            **quiet,
        )
        try:
            self.wait_ready()
        except BaseException:
            self.close()
            raise

    def wait_ready(self, limit: float = 120.0) -> None:
        """Until /readyz answers 200: the store answers and the read models caught up."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                c.request("GET", "/readyz")
                if c.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("the server did not become ready")

    def close(self) -> None:
        for p in (self.server, self.worker):
            p.terminate()
        for p in (self.server, self.worker):
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                p.kill()


def clients_run(port: int, token: str, path: str, clients: int, seconds: float, out: Any) -> None:
    """In a process of its own: ``clients`` threads, each one keep-alive connection sending
    GET ``path`` one after another for ``seconds``; puts the latencies and the CPU taken."""
    headers = {"Authorization": f"Bearer {token}"}
    latencies: list[list[float]] = [[] for _ in range(clients)]
    failures: list[str] = []
    start = threading.Barrier(clients + 1)
    stop = [0.0]

    def client(mine: list[float]) -> None:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        start.wait()
        while time.perf_counter() < stop[0]:
            t = time.perf_counter()
            c.request("GET", path, headers=headers)
            r = c.getresponse()
            r.read()
            mine.append(time.perf_counter() - t)
            if r.status != 200:
                failures.append(f"{path} answered {r.status}")
                return
        c.close()

    threads = [threading.Thread(target=client, args=(m,)) for m in latencies]
    for t in threads:
        t.start()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    stop[0] = wall0 + seconds
    start.wait()
    for t in threads:
        t.join()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    out.put(([x for m in latencies for x in m], wall, cpu, failures))


def cpu_seconds(pids: list[int]) -> float:
    """CPU time (user and system) these processes and their children have taken so far."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        kids = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
        for each in [pid, *map(int, kids.stdout.split())]:
            with contextlib.suppress(OSError):
                fields = Path(f"/proc/{each}/stat").read_text().rpartition(")")[2].split()
                total += int(fields[11]) + int(fields[12])
    return total / ticks


def load(
    port: int,
    token: str,
    name: str,
    path: str,
    clients: int,
    seconds: float,
    server: list[int] | None = None,
) -> Load:
    """``clients`` concurrent clients on one route for ``seconds``, from another process;
    the CPU the ``server`` processes take meanwhile is counted too."""
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    p = ctx.Process(target=clients_run, args=(port, token, path, clients, seconds, out))
    server_before = cpu_seconds(server or [])
    p.start()
    found, wall, cpu, failures = out.get()
    server_cpu = cpu_seconds(server or []) - server_before
    p.join()
    if failures:
        raise RuntimeError(failures[0])
    found.sort()
    n = len(found)
    p50 = found[n // 2]
    p99 = found[min(n - 1, int(n * 0.99))]
    return Load(name, n, p50 * 1000, p99 * 1000, n / wall, cpu / n * 1000, server_cpu / n * 1000)


def run(clients: int, seconds: float, workers: int, warmup: float = 2.0) -> list[Load]:
    """Serve the demo gmina as in service and load each read route with concurrent clients."""
    folder = Path(tempfile.mkdtemp(prefix="mlw-bench-"))
    try:
        path, token = demo_store(folder)
        service = Service(path, workers)
        try:
            for _name, route in ROUTES:  # every process, its caches and read models warm
                load(service.port, token, "warm-up", route, clients, warmup)
            server = [service.server.pid, service.worker.pid]
            return [
                load(service.port, token, name, route, clients, seconds, server)
                for name, route in ROUTES
            ]
        finally:
            service.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


async def bare_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The reference: an ASGI application that answers every request with the same bytes."""
    headers = [(b"content-type", b"application/json"), (b"content-length", b"15")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": b'{"status":"ok"}'})


async def per_request(
    app: Any, path: str, headers: dict[str, str], count: int, rounds: int = 5
) -> tuple[float, float]:
    """Seconds per request of ``app`` answering GET ``path``, one request after another:
    wall-clock and CPU time (all threads), each the best of ``rounds`` rounds (on a busy
    machine the best round is the one least disturbed by other processes)."""
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    status: list[int] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])

    def scope() -> dict[str, Any]:
        return {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "root_path": "",
            "query_string": b"",
            "headers": [(b"host", b"127.0.0.1"), *raw],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 8000),
            "state": {},
        }

    for _ in range(max(20, count // 10)):  # warm up caches and the thread pool
        await app(scope(), receive, send)
    assert status[-1] == 200, f"{path} answered {status[-1]}"
    walls, cpus = [], []
    each = max(1, count // rounds)
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(each):
            await app(scope(), receive, send)
        walls.append((time.perf_counter() - t0) / each)
        cpus.append((time.process_time() - c0) / each)
    return min(walls), min(cpus)


def floor(count: int) -> list[tuple[str, float, float, float, float]]:
    """Milliseconds per request through the whole application against the bare ASGI app:
    wall-clock and CPU time of each.

    Routes: the cheapest one (the health check; before it existed, a route of its shape
    added here), the account behind a token (/api/me), and one gmina's record (the scope:
    the token, the gmina looked up, the access rule).
    """
    folder = Path(tempfile.mkdtemp(prefix="mlw-bench-"))
    registry = with_reads(Registry(Settings(store="sqlite", sqlite_path=folder / "mlw.sqlite")))
    gid = load_demo(registry)
    open_demo_accounts(registry, gid, registry.get_gmina(gid).voivodeship)
    token = registry.issue_token("moderator", recorded_by="moderator")
    app = create_app(registry=registry)
    trivial = "/healthz"
    if not any(getattr(r, "path", "") == trivial for r in app.routes):
        trivial = "/bench-trivial"
        app.add_api_route(trivial, lambda: {"status": "ok"}, methods=["GET"])
    bearer = {"Authorization": f"Bearer {token}"}

    async def measure() -> list[tuple[str, float, float, float, float]]:
        async with app.router.lifespan_context(app):
            found = []
            for name, path, headers in [
                ("trivial route (health check)", trivial, {}),
                ("GET /api/me (token)", "/api/me", bearer),
                ("GET one gmina (scope)", G, bearer),
            ]:
                bare, bare_cpu = await per_request(bare_app, path, headers, count)
                full, full_cpu = await per_request(app, path, headers, count)
                found.append((name, full * 1000, bare * 1000, full_cpu * 1000, bare_cpu * 1000))
            return found

    try:
        return asyncio.run(measure())
    finally:
        registry.close()


def how_run(clients: int, seconds: float, workers: int) -> str:
    return (
        f"uvicorn api.app:create_app --workers {workers} (os.cpu_count() = {os.cpu_count()}) "
        f"and mlw worker, one SQLite file; {clients} clients on loopback (one process, "
        f"a keep-alive connection each), {seconds:g} s per route after a warm-up"
    )


def rows(quick: bool) -> list[tuple[str, str, float | None, str, str, float | None]]:
    """The suite's rows (bench/run.py): p99 per read route against the goal, throughput,
    and the framework floor against a bare ASGI app."""
    clients, workers = 16, os.cpu_count() or 1
    found = run(clients, 3.0 if quick else 10.0, workers, 1.0 if quick else 2.0)
    out: list[tuple[str, str, float | None, str, str, float | None]] = []
    for name, full, bare, cpu, bare_cpu in floor(300 if quick else 2000):
        out.append((f"API floor {name}", "1 client", full, "ms", "bare ASGI app", bare))
        out.append((f"API floor {name} CPU", "1 client", cpu, "ms", "bare ASGI app", bare_cpu))
    size = f"{clients} clients, {workers} workers"
    for r in found:
        out.append((f"API GET {r.route} p99", size, r.p99, "ms", "goal", GOAL_MS))
        out.append((f"API GET {r.route} p50", size, r.p50, "ms", "goal", GOAL_MS))
        out.append((f"API GET {r.route} throughput", size, r.rate, "req/s", "", None))
        out.append((f"API GET {r.route} client CPU", size, r.client_cpu, "ms/req", "", None))
        out.append((f"API GET {r.route} server CPU", size, r.server_cpu, "ms/req", "", None))
    return out


def print_floor(count: int) -> None:
    print(f"The framework floor: {count} requests one after another, in process")
    print("(best of 5 rounds; wall-clock, and CPU time of every thread)")
    print(
        f"{'route':<30} {'wall ms':>8} {'bare ms':>8} {'floor ms':>9} "
        f"{'CPU ms':>8} {'bare CPU':>9} {'floor CPU':>9}"
    )
    for name, full, bare, cpu, bare_cpu in floor(count):
        print(
            f"{name:<30} {full:>8.3f} {bare:>8.4f} {full - bare:>9.3f} "
            f"{cpu:>8.3f} {bare_cpu:>9.4f} {cpu - bare_cpu:>9.3f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0, help="per route")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds per route")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--floor", type=int, default=0, help="only the floor: N requests")
    args = parser.parse_args()
    if args.floor:
        print_floor(args.floor)
        return
    print("MLW Registry API reads under load: " + how_run(args.clients, args.seconds, args.workers))
    print(
        f"{'route':<18} {'count':>6} {'p50 ms':>7} {'p99 ms':>7} {'goal':>5} {'p99/goal':>8} "
        f"{'req/s':>7} {'client CPU ms/req':>18} {'server CPU ms/req':>18}"
    )
    for r in run(args.clients, args.seconds, args.workers, args.warmup):
        print(
            f"{r.route:<18} {r.count:>6} {r.p50:>7.1f} {r.p99:>7.1f} {GOAL_MS:>5.0f} "
            f"{r.p99 / GOAL_MS:>8.2f} {r.rate:>7.1f} {r.client_cpu:>18.2f} {r.server_cpu:>18.2f}"
        )
    print("The clients' process competes with the server for the same cores: its CPU per")
    print("request is in the client column (x req/s = the share of a core it takes). The")
    print("server column is the CPU of uvicorn's processes and the worker per request: on")
    print("a quiet machine of C cores the server answers at most C x 1000 / it requests/s.")
    print()
    print_floor(300)


if __name__ == "__main__":
    main()
