"""API latency and throughput with concurrent clients on loopback (not part of the tests).

Starts the application with uvicorn over an SQLite file in a temporary folder, with the
demo gmina loaded, then runs a bounded number of requests per endpoint from N client
threads (httpx) and prints the median, the 99th percentile and requests per second.

    .venv/bin/python bench/api_latency.py --clients 8 --requests 400
"""

from __future__ import annotations

import argparse
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


def rows(quick: bool) -> list[tuple[str, str, float | None, str, str, float | None]]:
    """The suite's rows (bench/run.py): median and p99 latency, and throughput per endpoint."""
    clients = 8
    found = run(clients, 100 if quick else 400, 10.0 if quick else 30.0)
    out: list[tuple[str, str, float | None, str, str, float | None]] = []
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
    args = parser.parse_args()
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
