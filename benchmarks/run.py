"""Shuttle's benchmarks: one command, one table (figure, same-run baseline, ratio, target).

    python benchmarks/run.py           # full sizes, medians of several runs
    python benchmarks/run.py --quick   # small sizes, one run each: proves they still work
    python benchmarks/run.py --only window cli --readme --force   # into README.md's table

Cold starts run in fresh processes (``probe.py``, offscreen Qt), and so do the command
lines (``main.py``, as a user runs them); the .ics figures run in this process. Data sets
are generated here from a fixed seed (``datasets.py``). A second table shows how the
commands and the window grow with the number of meetings.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks import datasets  # noqa: E402
from benchmarks.bare_page import write_bare_page  # noqa: E402
from benchmarks.ics_baseline import STAMP, plain_export, plain_parse  # noqa: E402
from data import trip_file  # noqa: E402
from data.files import CACHE_DIR_ENV  # noqa: E402
from data.gazetteer import Gazetteer  # noqa: E402
from data.ics_export import export_calendar  # noqa: E402
from data.ics_import import import_ics  # noqa: E402
from data.model import Trip  # noqa: E402
from data.store import SAMPLE_TRIP, Store  # noqa: E402

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
    cli_runs: int  # runs of each command line
    big_trips: tuple[int, int]  # "window ready" trips: within 2x and within 4x the sample's
    growth: tuple[int, ...]  # meetings in the growth table's trips
    growth_runs: int
    file_meetings: int  # meetings per .ics file: the importer takes files up to 10 MB


FULL = Sizes(runs=5, ics_runs=5, ics_meetings=10_000, ics_places=300, ics_zones=40,
             store_meetings=5_000, store_trips=200, big_places=500, cli_runs=7,
             big_trips=(2_000, 10_000), growth=(1_000, 10_000, 50_000), growth_runs=3,
             file_meetings=10_000)  # fmt: skip
QUICK = Sizes(runs=1, ics_runs=1, ics_meetings=300, ics_places=30, ics_zones=10,
              store_meetings=300, store_trips=10, big_places=60, cli_runs=1,
              big_trips=(100, 200), growth=(100, 400), growth_runs=1,
              file_meetings=200)  # fmt: skip
PLACES_PER_TRIP = 300  # places of the big trips (fewer when they have fewer meetings)


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
    "memory, map settled (USS)",
    "window ready, big trip",
    "window ready, huge trip",
    "window's longest stall opening, huge trip",
    "filter agenda to a day, big trip",
    "select meeting until highlighted, big trip",
    "delete a meeting until redrawn, big trip",
    "open 50-meeting trip, big store",
    "filter agenda to a day",
    "select meeting until highlighted",
    "map ready, many places",
    "`trips`",
    "`agenda`",
    "`export-ics`",
    "`import-ics`, many meetings",
    ".ics export",
    ".ics import",
    "500 invites by SMTP (STARTTLS, AUTH)",
    "CalDAV first sync",
    "CalDAV no-change sync",
)
GROUP_ROWS = {
    "ics": (".ics export", ".ics import"),
    "window": ROW_NAMES[:13],
    "cli": ROW_NAMES[13:17],
    "growth": (),
    "invites": ("500 invites by SMTP (STARTTLS, AUTH)",),
    "caldav": ("CalDAV first sync", "CalDAV no-change sync"),
}
GROWTH_HEADER = "| meetings | `agenda` | `export-ics` | `import-ics` | window ready |"


README = ROOT / "README.md"
TABLE_HEADER = "| figure | value | baseline | ratio | target | met | baseline is |"
MACHINE_PREFIX = "Machine: "


class ReadmeError(Exception):
    """The README's table cannot take this run's figures (already there without --force,
    or no table to write into)."""


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


def invite_rows(quick: bool) -> list[Row]:
    from benchmarks.invites import measure

    count = 20 if quick else 500
    ours, plain, calls = measure(count, 1 if quick else 5)
    assert calls == count, "progress was not reported for every message"
    return [
        Row("500 invites by SMTP (STARTTLS, AUTH)", "s", ours, plain,
            f"smtplib alone, the same {count} messages built beforehand", "≤ 1.5×",
            ours <= 1.5 * plain),
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


def big_trip(meetings: int) -> Trip:
    """A trip of ``meetings`` meetings over up to PLACES_PER_TRIP places in 40 zones."""
    places = min(PLACES_PER_TRIP, max(10, meetings // 5))
    return datasets.trip(f"{meetings:,} meetings", meetings, places, 40)


def window_rows(sizes: Sizes, work: Path) -> list[Row]:
    target = datasets.trip("Fifty meetings", 50, 10, 10)
    small = datasets.store_with(work / "small", [target])
    big = datasets.store_with(
        work / "big", datasets.many_trips(sizes.store_meetings, sizes.store_trips, target)
    )
    many = datasets.trip("Many places", sizes.big_places, sizes.big_places, 40)
    wide = datasets.store_with(work / "wide", [many])
    sample = datasets.store_with(work / "sample", [trip_file.read(SAMPLE_TRIP)])
    large, huge = (big_trip(n) for n in sizes.big_trips)
    stores = {"large": datasets.store_with(work / "large", [large]),
              "huge": datasets.store_with(work / "huge", [huge])}  # fmt: skip
    page = write_bare_page(target, work / "bare.html")
    runs: dict[str, list[dict[str, Any]]] = {
        "small": [], "bare": [], "big": [], "wide": [], "first": [], "sample": [],
        "large": [], "huge": [],
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
        runs["sample"].append(cold_start(["app", str(sample)], cache))
        runs["large"].append(cold_start(["app", str(stores["large"]), "--interact"], cache))
        runs["huge"].append(cold_start(["app", str(stores["huge"])], cache))
    app_s, bare_s = med(runs["small"], "ready_s"), med(runs["bare"], "ready_s")
    first_s = med(runs["first"], "ready_s")
    app_mb, bare_mb = med(runs["small"], "uss_kb") / 1024, med(runs["bare"], "uss_kb") / 1024
    big_s = med(runs["big"], "ready_s")
    filt, filt0 = med(runs["big"], "filter_ms"), med(runs["small"], "filter_ms")
    sel, sel0 = med(runs["big"], "select_ms"), med(runs["small"], "select_ms")
    wide_s = med(runs["wide"], "ready_s")
    sample_s = med(runs["sample"], "ready_s")
    large_s, huge_s = med(runs["large"], "ready_s"), med(runs["huge"], "ready_s")
    stall, stall0 = med(runs["huge"], "stall_ms"), med(runs["sample"], "stall_ms")
    large_filt, large_sel = med(runs["large"], "filter_ms"), med(runs["large"], "select_ms")
    large_del, small_del = med(runs["large"], "delete_ms"), med(runs["small"], "delete_ms")
    store = f"{sizes.store_meetings:,} meetings in {sizes.store_trips} trips"
    n_large, n_huge = (f"{n:,} meetings, {len(t.places)} places"
                       for n, t in zip(sizes.big_trips, (large, huge), strict=True))  # fmt: skip
    return [
        Row("cold start to map ready", "s", app_s, bare_s, "bare QWebEngineView + Leaflet",
            "≤ 1.6×", app_s <= 1.6 * bare_s),
        Row("first launch (page not cached yet)", "s", first_s, bare_s, "same; folium builds "
            "the page", "—", None),
        Row("memory, map settled (USS)", "MB", app_mb, bare_mb, "bare QWebEngineView + Leaflet",
            "+ < 40 MB", app_mb - bare_mb < 40),
        Row("window ready, big trip", "s", large_s, sample_s, f"the sample trip; big: {n_large}",
            "≤ 2×", large_s <= 2 * sample_s),
        Row("window ready, huge trip", "s", huge_s, sample_s, f"the sample trip; huge: {n_huge}",
            "≤ 4×", huge_s <= 4 * sample_s),
        Row("window's longest stall opening, huge trip", "ms", stall, stall0, "the sample trip; "
            "from the first show until legs and warnings are in", "< 100 ms", stall < 100),
        Row("filter agenda to a day, big trip", "ms", large_filt, filt0, "50-meeting trip",
            "< 50 ms", large_filt < 50),
        Row("select meeting until highlighted, big trip", "ms", large_sel, sel0,
            "50-meeting trip", "< 50 ms", large_sel < 50),
        Row("delete a meeting until redrawn, big trip", "ms", large_del, small_del,
            "50-meeting trip", "—", None),
        Row("open 50-meeting trip, big store", "s", big_s, app_s, f"store of that trip only; "
            f"big: {store}", "≤ 1.2×", big_s <= 1.2 * app_s),
        Row("filter agenda to a day", "ms", filt, filt0, "same, one-trip store",
            "< 50 ms", filt < 50),
        Row("select meeting until highlighted", "ms", sel, sel0, "same, one-trip store",
            "< 50 ms", sel < 50),
        Row("map ready, many places", "s", wide_s, app_s,
            f"{sizes.big_places} places vs 10 places", "≤ 2×", wide_s <= 2 * app_s),
    ]  # fmt: skip


def run_process(command: list[str]) -> None:
    done = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True, check=False)  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"{command[1:]} failed: {done.stderr[-500:]}")


def shuttle(store: Path, *args: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "--data-dir", str(store), *args]


def ics_files(trip: Trip, per_file: int, folder: Path) -> list[Path]:
    """The trip exported as calendars of ``per_file`` meetings each (one calendar name, so
    every file imports into the same trip)."""
    folder.mkdir(parents=True, exist_ok=True)
    ids = [m.id for m in trip.meetings]
    files = []
    for start in range(0, len(ids), per_file):
        path = folder / f"part-{start // per_file}.ics"
        path.write_bytes(export_calendar(trip, ids[start : start + per_file], now=STAMP))
        files.append(path)
    return files


def cli_import(files: list[Path], work: Path, runs: int) -> float:
    """Median time to import ``files`` one after another into a new store, by the CLI."""
    times = []
    for run in range(runs):
        store = work / f"import-{len(files)}-{run}"
        start = time.perf_counter()
        for path in files:
            run_process(shuttle(store, "import-ics", str(path)))
        times.append(time.perf_counter() - start)
        shutil.rmtree(store)
    return statistics.median(times)


def icalendar_parse(files: list[Path], runs: int) -> float:
    """The baseline: icalendar imported and parsing each file, a process per file."""
    code = (
        "import sys; from icalendar import Calendar; "
        "Calendar.from_ical(open(sys.argv[1], 'rb').read())"
    )

    def parse_all() -> None:
        for path in files:
            run_process([sys.executable, "-c", code, str(path)])

    return median_time(parse_all, runs)


def cli_rows(sizes: Sizes, work: Path) -> list[Row]:
    sample = work / "cli-sample"
    run_process(shuttle(sample, "trips"))  # seeds the sample trip (not timed)
    commands = {
        "baseline": [sys.executable, "-c", "import icalendar"],
        "`trips`": shuttle(sample, "trips"),
        "`agenda`": shuttle(sample, "agenda"),
        "`export-ics`": shuttle(sample, "export-ics", "--force", "-o", str(work / "sample.ics")),
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(sizes.cli_runs):  # interleaved, so drift hits every command alike
        for name, command in commands.items():
            times[name].append(median_time(partial(run_process, command), 1))
    bare = statistics.median(times.pop("baseline"))
    rows = []
    for name, spans in times.items():
        figure = statistics.median(spans)
        rows.append(
            Row(name, "s", figure, bare, '`python -c "import icalendar"`; the sample trip',
                "≤ 1.5×", figure <= 1.5 * bare)
        )  # fmt: skip
    meetings = sizes.growth[-1]
    files = ics_files(big_trip(meetings), sizes.file_meetings, work / "many-ics")
    imported = cli_import(files, work, sizes.growth_runs)
    parsed = icalendar_parse(files, sizes.growth_runs)
    rows.append(
        Row("`import-ics`, many meetings", "s", imported, parsed,
            f"icalendar's parse; {meetings:,} meetings in {len(files)} files of "
            f"{sizes.file_meetings:,}", "≤ 1.5×", imported <= 1.5 * parsed)
    )  # fmt: skip
    return rows


def growth_table(sizes: Sizes, work: Path) -> str:
    """`agenda`, `export-ics`, `import-ics` and window ready for trips of growing size."""
    lines = [GROWTH_HEADER, "| ---: | ---: | ---: | ---: | ---: |"]
    runs = sizes.growth_runs
    cache = work / "cache"
    # Build the cached map page once, as any earlier launch has.
    cold_start(["app", str(datasets.store_with(work / "growth-warm", [big_trip(10)]))], cache)
    for meetings in sizes.growth:
        trip = big_trip(meetings)
        store = datasets.store_with(work / f"growth-{meetings}", [trip])
        out = str(work / f"growth-{meetings}.ics")
        agenda = median_time(partial(run_process, shuttle(store, "agenda")), runs)
        export = median_time(
            partial(run_process, shuttle(store, "export-ics", "--force", "-o", out)), runs
        )
        files = ics_files(trip, sizes.file_meetings, work / f"growth-{meetings}-ics")
        imported = cli_import(files, work, runs)
        ready = statistics.median(
            cold_start(["app", str(store)], cache)["ready_s"] for _ in range(runs)
        )
        lines.append(
            f"| {meetings:,} | {agenda:.2f} s | {export:.2f} s | {imported:.2f} s | {ready:.2f} s |"
        )
    return "\n".join(lines)


def render(rows: list[Row]) -> str:
    lines = [TABLE_HEADER, "| --- | ---: | ---: | ---: | --- | --- | --- |"]
    lines += [render_row(row) for row in sorted(rows, key=lambda r: ROW_NAMES.index(r.name))]
    return "\n".join(lines)


def render_row(row: Row) -> str:
    digits = 0 if row.unit == "MB" else 1 if row.unit == "ms" else 3
    base = f"{row.baseline:.{digits}f} {row.unit}" if row.baseline is not None else "—"
    ratio = f"{row.ratio:.2f}×" if row.ratio is not None else "—"
    return (
        f"| {row.name} | {row.figure:.{digits}f} {row.unit} | {base} | {ratio} | "
        f"{row.target} | {_met(row.met)} | {row.baseline_name} |"
    )


def _table_span(lines: list[str], header: str) -> tuple[int, int] | None:
    """Where the table under ``header`` is: its first line and the line after its last."""
    if header not in lines:
        return None
    start = lines.index(header)
    end = start
    while end < len(lines) and lines[end].startswith("|"):
        end += 1
    return start, end


def write_readme(text: str, rows: list[Row], growth: str, machine_name: str, force: bool) -> str:
    """``text`` (the README) with this run's rows, growth table and machine written in.

    Rows this run did not measure stay as they are. Figures already in the table are
    replaced only with ``force``: a quick or partial run must not silently overwrite a
    full run's figures. Raises ReadmeError.
    """
    lines = text.split("\n")
    span = _table_span(lines, TABLE_HEADER)
    if span is None:
        raise ReadmeError(f"no benchmark table (a line {TABLE_HEADER!r}) to write into")
    start, end = span
    kept: dict[str, str] = {}
    for line in lines[start + 2 : end]:
        name = line.split("|")[1].strip()
        kept[name] = line
    measured = {row.name: render_row(row) for row in rows}
    taken = sorted(name for name in measured if name in kept)
    if growth and GROWTH_HEADER in lines:
        taken.append("the growth table")
    if taken and not force:
        raise ReadmeError(
            "README.md already has figures for " + ", ".join(taken) + "; --force replaces them"
        )
    merged = {**kept, **measured}
    # Rows the benchmarks no longer measure (renamed or dropped) go.
    order = [name for name in ROW_NAMES if name in merged]
    table = lines[start : start + 2] + [merged[name] for name in order]
    machine_line = f"{MACHINE_PREFIX}{machine_name}."
    before = lines[:start]
    if len(before) >= 2 and before[-2].startswith(MACHINE_PREFIX):
        before[-2] = machine_line
    else:
        before += [machine_line, ""]
    lines = before + table + lines[end:]
    if growth:
        new_growth = growth.split("\n")
        span = _table_span(lines, GROWTH_HEADER)
        if span is None:
            at = len(before) + len(table)
            lines[at:at] = ["", *new_growth]
        else:
            lines[span[0] : span[1]] = new_growth
    return "\n".join(lines)


def _met(met: bool | None) -> str:
    return "—" if met is None else "yes" if met else "NO"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="small sizes, one run each")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=("ics", "window", "cli", "growth", "invites", "caldav"),
        help="these groups only",
    )
    parser.add_argument(
        "--readme",
        action="store_true",
        help="also write the figures into README.md's benchmark table (rows not measured "
        "stay); figures already there are replaced only with --force",
    )
    parser.add_argument("--force", action="store_true", help="with --readme: replace figures")
    args = parser.parse_args(argv)
    groups = set(args.only or GROUP_ROWS)
    if args.readme and not args.force:
        # Refused before the run, not after minutes of it.
        expected = [Row(n, "s", 0.0, None, "", "", None) for g in groups for n in GROUP_ROWS[g]]
        try:
            growth_marker = GROWTH_HEADER if "growth" in groups else ""
            text = README.read_text(encoding="utf-8")
            write_readme(text, expected, growth_marker, machine(), False)
        except ReadmeError as exc:
            parser.error(str(exc))
    sizes = QUICK if args.quick else FULL
    rows: list[Row] = []
    growth = ""
    with tempfile.TemporaryDirectory(prefix="shuttle-bench-") as tmp:
        if "ics" in groups:
            rows += ics_rows(sizes, Path(tmp))
        if "window" in groups:
            rows += window_rows(sizes, Path(tmp))
        if "cli" in groups:
            rows += cli_rows(sizes, Path(tmp))
        if "growth" in groups:
            growth = growth_table(sizes, Path(tmp))
        if "invites" in groups:
            rows += invite_rows(args.quick)
        if "caldav" in groups:
            from benchmarks import caldav_bench

            rows += caldav_bench.rows(args.quick, Path(tmp))
    print(f"Machine: {machine()}")
    if rows:
        print(render(rows))
    if growth:
        print()
        print(growth)
    if args.readme:
        try:
            text = write_readme(
                README.read_text(encoding="utf-8"), rows, growth, machine(), args.force
            )
        except ReadmeError as exc:
            print(f"run.py: {exc}", file=sys.stderr)
            return 2
        README.write_text(text, encoding="utf-8")
        print(f"Written into {README}")
    return 0


def machine() -> str:
    """The CPU as /proc/cpuinfo names it, the cores and the memory."""
    model, memory = "unknown CPU", 0.0
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return f"{model}, nproc {os.cpu_count()}, {memory:.1f} GiB RAM"


if __name__ == "__main__":
    sys.exit(main())
