"""How long rendering the demo gmina's pact and minutes takes in each format.

Builds each document's content once per run from the registry (in memory) and renders
it as HTML, PDF and DOCX; prints the median of several runs and the ratio to HTML.

    .venv/bin/python bench/documents.py [--repeat 5] [--save bench/RESULTS-documents.txt]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from projections.documents.build import build_document
from projections.documents.render import FORMATS, render
from projections.read_side import with_reads
from registry.application import Registry
from registry.demo import load_demo
from registry.demo_meetings import load_demo_meetings
from registry.settings import Settings

CASES = (
    ("pact (as signed)", "pact", "", "signed"),
    ("minutes 2/2026 (as approved)", "minutes", "zsl 2/2026", "approved"),
)


def median_ms(action: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()  # type: ignore[operator]
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def demo_registry() -> tuple[Registry, object]:
    app = with_reads(Registry(Settings(store="memory")))
    gmina = load_demo(app)
    load_demo_meetings(app, gmina)
    render(build_document(app, "pact", gmina), "pdf")  # fonts and templates warmed up
    return app, gmina


def rows(quick: bool) -> list[tuple[str, str, float | None, str, str, float | None]]:
    """The suite's rows (bench/run.py): each format's render time against HTML's."""
    repeat = 2 if quick else 5
    app, gmina = demo_registry()
    out: list[tuple[str, str, float | None, str, str, float | None]] = []
    for label, kind, subject, as_of in CASES:
        built = build_document(app, kind, gmina, subject=subject, as_of=as_of)  # type: ignore[arg-type]
        times = {f: median_ms(lambda f=f, b=built: render(b, f), repeat) for f in FORMATS}
        for f in FORMATS:
            if f != "html":
                out.append((f"render {label}", f, times[f], "ms", "render as HTML", times["html"]))
    app.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--save", type=Path)
    args = parser.parse_args()
    app, gmina = demo_registry()
    lines = [
        f"Rendering documents of the demo gmina: median of {args.repeat} runs, "
        f"Python {platform.python_version()}, {platform.machine()}",
        "",
        f"{'document':32} {'build (ms)':>10} "
        + " ".join(f"{f + ' (ms)':>11} {'x html':>6}" for f in FORMATS),
    ]
    for label, kind, subject, as_of in CASES:
        built = build_document(app, kind, gmina, subject=subject, as_of=as_of)
        build = median_ms(
            lambda k=kind, s=subject, a=as_of: build_document(app, k, gmina, subject=s, as_of=a),
            args.repeat,
        )
        times = {f: median_ms(lambda f=f, b=built: render(b, f), args.repeat) for f in FORMATS}
        cells = " ".join(f"{times[f]:11.1f} {times[f] / times['html']:6.1f}" for f in FORMATS)
        lines.append(f"{label:32} {build:10.1f} {cells}")
    report = "\n".join(lines)
    print(report)
    if args.save:
        args.save.write_text(report + "\n")
    app.close()


if __name__ == "__main__":
    main()
