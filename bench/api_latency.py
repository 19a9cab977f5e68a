"""API latency and throughput with concurrent clients on loopback (not part of the tests).

Starts the application with uvicorn over an SQLite file in a temporary folder, with the
demo gmina loaded, then runs a bounded number of requests per endpoint from N client
threads (httpx) and prints the median, the 99th percentile and requests per second.

    .venv/bin/python bench/api_latency.py --clients 8 --requests 400
    .venv/bin/python bench/api_latency.py --floor 2000

``--floor`` measures the framework's own cost per request instead: the same requests sent
straight to the ASGI application in one process, one after another (no sockets, no
client), against a bare ASGI application answering the same bytes in the same run. The
difference is what the middleware, routing and dependencies add to every request.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import uvicorn

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from api.app import create_app
from registry.accounts import open_demo_accounts
from registry.application import Registry
from registry.demo import load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings

G = "/api/gminas/2640013"
# Each request's log line is written, as in service, but to nowhere rather than the screen.
logging.getLogger("mlw").addHandler(logging.StreamHandler(open(os.devnull, "w")))  # noqa: SIM115


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def measure(
    name: str,
    clients: int,
    count: int,
    limit: float,
    call: Callable[[httpx.Client, int], bool],
    make_client: Callable[[], httpx.Client],
) -> tuple[int, float, float, float, int]:
    """Requests done, median and p99 latency (s), requests/s, refusals (409)."""
    latencies: list[float] = []
    conflicts = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + limit
    counter = iter(range(count))

    def worker() -> None:
        with make_client() as client:
            while time.perf_counter() < deadline:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                t = time.perf_counter()
                done = call(client, i)
                with lock:
                    latencies.append(time.perf_counter() - t)
                    if not done:
                        conflicts[0] += 1

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        for f in [pool.submit(worker) for _ in range(clients)]:
            f.result()
    wall = time.perf_counter() - start
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return len(latencies), statistics.median(latencies), p99, len(latencies) / wall, conflicts[0]


def demo_registry() -> tuple[Registry, UUID]:
    """The demo gmina with its year of sittings and its accounts, in an SQLite file."""
    folder = Path(tempfile.mkdtemp(prefix="mlw-bench-"))
    registry = Registry(Settings(store="sqlite", sqlite_path=folder / "mlw.sqlite"))
    gid = load_demo(registry)
    load_demo_meetings(registry, gid)
    open_demo_accounts(registry, gid, registry.get_gmina(gid).voivodeship)
    return registry, gid


def serve(app: Any) -> tuple[uvicorn.Server, Callable[[], httpx.Client]]:
    """The application on loopback, and clients logged in as the demo's moderator."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    token = httpx.post(
        f"{base}/api/token", json={"username": "moderator", "password": "zielony-jar-demo"}
    ).json()["access_token"]

    def make_client() -> httpx.Client:
        return httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"})

    return server, make_client


def get(path: str) -> Callable[[httpx.Client, int], bool]:
    def call(c: httpx.Client, i: int) -> bool:
        c.get(path).raise_for_status()
        return True

    return call


def run(
    clients: int, requests: int, seconds: float
) -> list[tuple[str, int, float, float, float, int]]:
    """Serve the demo gmina on loopback and load each endpoint with concurrent clients."""
    registry, _ = demo_registry()
    server, make_client = serve(create_app(registry=registry))
    added: list[str] = []

    def answered(r: httpx.Response) -> bool:
        # Two clients adding to one gmina's catalogue at once: one is refused with 409.
        if r.status_code == 409:
            return False
        r.raise_for_status()
        return True

    def add(c: httpx.Client, i: int) -> bool:
        r = c.post(f"{G}/stakeholders", json={"name": f"Stowarzyszenie nr {i}", "subtype": "ngo"})
        if answered(r):
            added.append(r.json()["id"])
            return True
        return False

    def edit(c: httpx.Client, i: int) -> bool:
        sid = added[i % len(added)]
        return answered(c.patch(f"{G}/stakeholders/{sid}", json={"area": f"obszar {i}"}))

    results = []
    for name, call in [
        ("GET dashboard (JSON)", get(f"{G}/dashboard")),
        ("GET catalogue", get(f"{G}/stakeholders")),
        ("GET pact", get(f"{G}/pact")),
        ("POST add stakeholder", add),
        ("PATCH edit stakeholder", edit),
    ]:
        results.append((name, *measure(name, clients, requests, seconds, call, make_client)))
    server.should_exit = True
    registry.close()
    return results


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
    registry = Registry(Settings(store="sqlite", sqlite_path=folder / "mlw.sqlite"))
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


def rows(quick: bool) -> list[tuple[str, str, float | None, str, str, float | None]]:
    """The suite's rows (bench/run.py): median and p99 latency, and throughput per endpoint."""
    clients = 8
    found = run(clients, 100 if quick else 400, 10.0 if quick else 30.0)
    out: list[tuple[str, str, float | None, str, str, float | None]] = []
    for name, full, bare, cpu, bare_cpu in floor(300 if quick else 2000):
        out.append((f"API floor {name}", "1 client", full, "ms", "bare ASGI app", bare))
        out.append((f"API floor {name} CPU", "1 client", cpu, "ms", "bare ASGI app", bare_cpu))
    for name, _count, median, p99, rate, _refused in found:
        size = f"{clients} clients"
        out.append((f"API {name} p99", size, p99 * 1000, "ms", "median", median * 1000))
        out.append(
            (
                f"API {name} throughput",
                size,
                rate,
                "req/s",
                "1 / median x clients",
                clients / median,
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=400, help="per endpoint")
    parser.add_argument("--seconds", type=float, default=30.0, help="at most, per endpoint")
    parser.add_argument("--floor", type=int, default=0, help="measure the floor: N requests")
    args = parser.parse_args()
    if args.floor:
        print(f"The framework floor: {args.floor} requests one after another, in process")
        print("(best of 5 rounds; wall-clock, and CPU time of every thread)")
        print(
            f"{'route':<30} {'wall ms':>8} {'bare ms':>8} {'floor ms':>9} "
            f"{'CPU ms':>8} {'bare CPU':>9} {'floor CPU':>9}"
        )
        for name, full, bare, cpu, bare_cpu in floor(args.floor):
            print(
                f"{name:<30} {full:>8.3f} {bare:>8.4f} {full - bare:>9.3f} "
                f"{cpu:>8.3f} {bare_cpu:>9.4f} {cpu - bare_cpu:>9.3f}"
            )
        return
    print(f"MLW Registry API on loopback, SQLite, {args.clients} concurrent clients, ")
    print(f"at most {args.requests} requests or {args.seconds:.0f} s per endpoint")
    print(f"{'endpoint':<28} {'count':>6} {'median ms':>9} {'p99 ms':>9} {'req/s':>9} {'409s':>9}")
    for name, count, median, p99, rate, refused in run(args.clients, args.requests, args.seconds):
        print(
            f"{name:<28} {count:>6} {median * 1000:>9.1f} {p99 * 1000:>9.1f} "
            f"{rate:>9.1f} {refused:>9}"
        )


if __name__ == "__main__":
    main()
