"""Shuttle's benchmarks: one command, one table (figure, same-run baseline, ratio, target).

    python benchmarks/run.py           # full sizes, medians of several runs
    python benchmarks/run.py --quick   # small sizes, one run each: proves they still work

Cold starts run in fresh processes (``probe.py``, offscreen Qt); the .ics figures run in
this process. Data sets are generated here from a fixed seed (``datasets.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import datasets  # noqa: E402
from benchmarks.bare_page import write_bare_page  # noqa: E402
from benchmarks.ics_baseline import STAMP, plain_export, plain_parse  # noqa: E402
from data.files import CACHE_DIR_ENV  # noqa: E402
from data.gazetteer import Gazetteer  # noqa: E402
from data.ics_export import export_calendar  # noqa: E402
from data.ics_import import import_ics  # noqa: E402
from data.store import Store  # noqa: E402

PROBE = Path(__file__).with_name("probe.py")


@dataclass(frozen=True)
class Sizes:
    runs: int  # cold starts per variant
    ics_runs: int
    ics_meetings: int
    ics_places: int
    ics_zones: int
    store_meetings: int
    store_trips: int
    big_places: int


FULL = Sizes(runs=5, ics_runs=5, ics_meetings=10_000, ics_places=300, ics_zones=40,
             store_meetings=5_000, store_trips=200, big_places=500)  # fmt: skip
QUICK = Sizes(runs=1, ics_runs=1, ics_meetings=300, ics_places=30, ics_zones=10,
              store_meetings=300, store_trips=10, big_places=60)  # fmt: skip


@dataclass(frozen=True)
class Row:
    name: str
    unit: str
    figure: float
    baseline: float | None
    baseline_name: str
    target: str
    met: bool | None  # None: a figure shown for context, with no target

    @property
    def ratio(self) -> float | None:
        return self.figure / self.baseline if self.baseline else None


ROW_NAMES = (
    "cold start to map ready",
    "first launch (page not cached yet)",
    "memory, map settled (PSS)",
    ".ics export",
    ".ics import",
    "open 50-meeting trip, big store",
    "filter agenda to a day",
    "select meeting until highlighted",
    "map ready, many places",
)


def median_time(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ics_rows(sizes: Sizes, work: Path) -> list[Row]:
    trip = datasets.trip("Ten thousand", sizes.ics_meetings, sizes.ics_places, sizes.ics_zones)
    data = export_calendar(trip, now=STAMP, internal=True)
    ours = median_time(lambda: export_calendar(trip, now=STAMP, internal=True), sizes.ics_runs)
    plain = median_time(lambda: plain_export(trip, STAMP), sizes.ics_runs)
    gazetteer = Gazetteer()

    def do_import() -> None:
        with Store.connect(":memory:", seed=False) as store:
            import_ics(store, data, "trip.ics", gazetteer=gazetteer)

    imported = median_time(do_import, sizes.ics_runs)
    parsed = median_time(lambda: plain_parse(data), sizes.ics_runs)
    n = f"{sizes.ics_meetings:,} meetings"
    return [
        Row(".ics export", "s", ours, plain, f"icalendar, fewest lines ({n})",
            "≤ 1.2×, < 2 s", ours <= 1.2 * plain and ours < 2.0),
        Row(".ics import", "s", imported, parsed, "icalendar's parse",
            "≤ 1.5×", imported <= 1.5 * parsed),
    ]  # fmt: skip


def cold_start(args: list[str], cache: Path) -> dict[str, Any]:
    """One probe process; ``cache`` is its SHUTTLE_CACHE_DIR (where the map page is kept)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, str(PROBE), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # Chromium's headless log noise
        text=True,
        cwd=ROOT,
        env={**os.environ, CACHE_DIR_ENV: str(cache)},
    )
    assert process.stdout is not None
    ready = None
    result: dict[str, Any] = {}
    for line in process.stdout:
        if line.startswith("READY") and ready is None:
            ready = time.perf_counter() - start
        elif line.startswith("RESULT "):
            result = json.loads(line[len("RESULT ") :])
    if process.wait(timeout=120) != 0 or ready is None:
        raise RuntimeError(f"probe {args} failed (exit {process.returncode})")
    result["ready_s"] = ready
    return result


def med(results: list[dict[str, Any]], key: str) -> float:
    return float(statistics.median(r[key] for r in results))


def window_rows(sizes: Sizes, work: Path) -> list[Row]:
    target = datasets.trip("Fifty meetings", 50, 10, 10)
    small = datasets.store_with(work / "small", [target])
    big = datasets.store_with(
        work / "big", datasets.many_trips(sizes.store_meetings, sizes.store_trips, target)
    )
    many = datasets.trip("Many places", sizes.big_places, sizes.big_places, 40)
    wide = datasets.store_with(work / "wide", [many])
    page = write_bare_page(target, work / "bare.html")
    runs: dict[str, list[dict[str, Any]]] = {
        "small": [], "bare": [], "big": [], "wide": [], "first": []
    }  # fmt: skip
    cache = work / "cache"
    # Warm the disk cache and build the cached map page once, as any earlier launch has.
    cold_start(["bare", str(page)], cache)
    cold_start(["app", str(small)], cache)
    for run in range(sizes.runs):  # interleaved, so drift hits every variant alike
        runs["small"].append(cold_start(["app", str(small), "--interact"], cache))
        runs["bare"].append(cold_start(["bare", str(page)], cache))
        runs["big"].append(cold_start(["app", str(big), "--interact"], cache))
        runs["wide"].append(cold_start(["app", str(wide)], cache))
        runs["first"].append(cold_start(["app", str(small)], work / f"empty-cache-{run}"))
    app_s, bare_s = med(runs["small"], "ready_s"), med(runs["bare"], "ready_s")
    first_s = med(runs["first"], "ready_s")
    app_mb, bare_mb = med(runs["small"], "pss_kb") / 1024, med(runs["bare"], "pss_kb") / 1024
    big_s = med(runs["big"], "ready_s")
    filt, filt0 = med(runs["big"], "filter_ms"), med(runs["small"], "filter_ms")
    sel, sel0 = med(runs["big"], "select_ms"), med(runs["small"], "select_ms")
    wide_s = med(runs["wide"], "ready_s")
    store = f"{sizes.store_meetings:,} meetings in {sizes.store_trips} trips"
    return [
        Row("cold start to map ready", "s", app_s, bare_s, "bare QWebEngineView + Leaflet",
            "≤ 1.3×", app_s <= 1.3 * bare_s),
        Row("first launch (page not cached yet)", "s", first_s, bare_s, "same; folium builds "
            "the page", "—", None),
        Row("memory, map settled (PSS)", "MB", app_mb, bare_mb, "bare QWebEngineView + Leaflet",
            "≤ 1.2×", app_mb <= 1.2 * bare_mb),
        Row("open 50-meeting trip, big store", "s", big_s, app_s, f"store of that trip only; "
            f"big: {store}", "≤ 1.2×", big_s <= 1.2 * app_s),
        Row("filter agenda to a day", "ms", filt, filt0, "same, one-trip store",
            "< 50 ms", filt < 50),
        Row("select meeting until highlighted", "ms", sel, sel0, "same, one-trip store",
            "< 50 ms", sel < 50),
        Row("map ready, many places", "s", wide_s, app_s,
            f"{sizes.big_places} places vs 10 places", "≤ 2×", wide_s <= 2 * app_s),
    ]  # fmt: skip


def render(rows: list[Row]) -> str:
    lines = [
        "| figure | value | baseline | ratio | target | met | baseline is |",
        "| --- | ---: | ---: | ---: | --- | --- | --- |",
    ]
    for row in sorted(rows, key=lambda r: ROW_NAMES.index(r.name)):
        digits = 0 if row.unit == "MB" else 1 if row.unit == "ms" else 3
        base = f"{row.baseline:.{digits}f} {row.unit}" if row.baseline is not None else "—"
        ratio = f"{row.ratio:.2f}×" if row.ratio is not None else "—"
        lines.append(
            f"| {row.name} | {row.figure:.{digits}f} {row.unit} | {base} | {ratio} | "
            f"{row.target} | {_met(row.met)} | {row.baseline_name} |"
        )
    return "\n".join(lines)


def _met(met: bool | None) -> str:
    return "—" if met is None else "yes" if met else "NO"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument("--only", choices=("ics", "window"), help="run one group")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="shuttle-bench-") as tmp:
        if args.only in (None, "ics"):
            rows += ics_rows(sizes, Path(tmp))
        if args.only in (None, "window"):
            rows += window_rows(sizes, Path(tmp))
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
