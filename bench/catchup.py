"""How fast the read models catch up with a long history, beside the raw reading rate.

Writes a synthetic history of about a million facts across many gminas into one SQLite
file, then times, over the same notifications:
  raw      select_notifications in batches (rows/s)
  decoded  the same, each turned back into a domain event (events/s)
  <model>  each read model caught up from zero into its own SQLite file (events/s)

The history is made by building each gmina's aggregates in memory (catalogue, pact,
joins, commitments, declared cooperation) and saving one gmina's ~1,000 facts in one
transaction, which is how a bulk import would write them; the use cases would add
their checks and a load per command, which this benchmark is not about.

    .venv/bin/python bench/catchup.py [--gminas 1000] [--dir /tmp/mlw-bench] [--keep]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from uuid import uuid4

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from domain.cooperation import Cooperation
from domain.gmina import Gmina
from domain.pact import Pact
from domain.partnership import Partnership
from domain.stakeholder import Stakeholder
from domain.values import (
    CooperationForm,
    Identifiers,
    ParticipantRole,
    ResourceKind,
    StakeholderKind,
    StakeholderStatus,
    SubType,
)
from projections.read_models import ReadModels
from registry.application import Registry
from registry.settings import Settings

BY = "bench"
INSTITUTIONS = [s for s in SubType if s is not SubType.SOCIAL_LEADER]
START = date(2024, 1, 1)


def one_gmina(i: int, rng: random.Random) -> list[object]:
    """About 1,000 facts: 150 stakeholders, 100 signatories, 200 commitments, 300 ties."""
    day = START + timedelta(days=i % 300)
    gmina = Gmina(f"02{i:05d}", f"Gmina {i}", "powiat", "dolnośląskie", day, BY)
    partnership = Partnership.open(gmina.id, day, "prezentacja", BY)
    pact = Pact.draft(gmina.id, gmina.name, day, BY)
    people = []
    for k in range(150):
        s = Stakeholder.catalogue(
            gmina_id=gmina.id, kind=StakeholderKind.INSTITUTION, name=f"Podmiot {i}-{k}",
            subtype=rng.choice(INSTITUTIONS), legal_form="", identifiers=Identifiers(),
            seat="", area="", resources_offered=[], contact="", person=None,
            effective_on=day, recorded_by=BY,
        )  # fmt: skip
        gmina.catalogue(s.id, day, BY)
        people.append(s)
    later = day + timedelta(days=30)
    for s in people[:100]:
        pact.join(s.id, s.name, None, CooperationForm.LASTING,
                  ParticipantRole.ASSOCIATED_INSTITUTION, later, BY)  # fmt: skip
        s.set_status(StakeholderStatus.SIGNATORY, later, BY)
    for _ in range(200):
        giver, taker = rng.sample(people[:100], 2)
        pact.make_commitment(uuid4(), giver.id, giver.name, ResourceKind.TIME, "godziny",
                             None, "", "", taker.id, [], None, later, BY)  # fmt: skip
    ties = [
        Cooperation.declare(
            gmina_id=gmina.id,
            stakeholder_id=a.id,
            partner_id=b.id,
            form=CooperationForm.AD_HOC,
            subject="wspólne działanie",
            effective_on=later + timedelta(days=rng.randrange(300)),
            recorded_by=BY,
        )
        for a, b in (rng.sample(people, 2) for _ in range(300))
    ]
    return [gmina, partnership, pact, *people, *ties]


def generate(app: Registry, gminas: int) -> float:
    rng = random.Random(4)
    t0 = time.perf_counter()
    for i in range(gminas):
        app.save(*one_gmina(i, rng))  # type: ignore[arg-type]
    return time.perf_counter() - t0


def read_raw(app: Registry, decode: bool, batch: int = 1000) -> tuple[int, float]:
    t0, start, n = time.perf_counter(), 1, 0
    while True:
        rows = app.recorder.select_notifications(start=start, limit=batch)
        if not rows:
            return n, time.perf_counter() - t0
        if decode:
            for row in rows:
                app.mapper.to_domain_event(row)
        n += len(rows)
        start = rows[-1].id + 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gminas", type=int, default=1000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/mlw-bench-catchup"))
    parser.add_argument("--keep", action="store_true", help="reuse a history made before")
    args = parser.parse_args()
    if not args.keep and args.dir.exists():
        shutil.rmtree(args.dir)
    args.dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(store="sqlite", sqlite_path=args.dir / "registry.sqlite")
    app = Registry(settings)
    if not app.recorder.max_notification_id():
        took = generate(app, args.gminas)
        total = app.recorder.max_notification_id()
        print(f"history: {total:,} facts in {args.gminas} gminas, written in {took:.1f} s "
              f"({total / took:,.0f} facts/s, one transaction per gmina)")  # fmt: skip
    for view_file in args.dir.glob("registry.sqlite.*.sqlite*"):
        view_file.unlink()
    n, t = read_raw(app, decode=False)
    raw = n / t
    print(f"raw       select_notifications: {n:,} rows in {t:.1f} s = {raw:,.0f} rows/s")
    n, t = read_raw(app, decode=True)
    print(f"decoded   + mapper.to_domain_event: {n / t:,.0f} events/s ({n / t / raw:.2f} of raw)")
    with ReadModels(app, batch_size=1000) as models:
        for name, runner in models.runners.items():
            t0 = time.perf_counter()
            done = runner.run()
            t = time.perf_counter() - t0
            print(f"{name:9s} catch-up from zero: {done:,} events in {t:.1f} s = "
                  f"{done / t:,.0f} events/s ({done / t / raw:.2f} of raw)")  # fmt: skip
        t0 = time.perf_counter()
        again = models.catch_up()
        print(f"resume    with nothing new: {sum(again.values())} events, "
              f"{(time.perf_counter() - t0) * 1000:.1f} ms")  # fmt: skip
    app.close()


if __name__ == "__main__":
    main()
