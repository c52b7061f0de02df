"""CalDAV sync figures against a local Radicale started here (as serve-calendar starts it).

First sync: a trip's meetings all go up into a new calendar; its baseline makes a
calendar and PUTs the same objects with the caldav library alone (what any client must
send). No-change sync: the trip synced again with nothing changed; its baseline is one
sync-collection REPORT made with the caldav library alone, the least a client can ask.
"""

from __future__ import annotations

import socket
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

from benchmarks import datasets
from data import caldav_sync, calendar_server
from data.caldav_sync import calendar_object
from data.store import Store

USER, PASSWORD = "bench", "bench-secret"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(root: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    folder = calendar_server.prepare(root / "server", port)
    calendar_server.add_user(folder.users, USER, PASSWORD)
    process = subprocess.Popen(
        calendar_server.command(folder), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return process, f"http://127.0.0.1:{port}/"
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("Radicale did not start") from None
            time.sleep(0.05)


def measure(meetings: int, runs: int, work: Path) -> dict[str, Any]:
    """Seconds (medians of ``runs``) and request counts for the two syncs and baselines."""
    from caldav.davclient import DAVClient

    process, url = _start(work)
    try:
        firsts, again, puts, reports, requests = [], [], [], [], 0
        for run in range(runs):
            trip = datasets.trip(f"Sync bench {run}", meetings, min(50, meetings), 10)
            with Store.connect(":memory:", seed=False) as store:
                trip_id = store.add_trip(trip).trip_id
                caldav_sync.share(store, trip_id, url, USER)
                start = time.perf_counter()
                caldav_sync.sync(store, trip_id, PASSWORD)
                firsts.append(time.perf_counter() - start)
                start = time.perf_counter()
                report = caldav_sync.sync(store, trip_id, PASSWORD)
                again.append(time.perf_counter() - start)
                requests = report.requests
            now = caldav_sync.sync_state.now()
            bodies = [(m.id, calendar_object(trip, m, now)) for m in trip.meetings]
            start = time.perf_counter()
            client = DAVClient(url=url, username=USER, password=PASSWORD, auth_type="basic")
            calendar = client.principal().make_calendar(name=f"Plain bench {run}")
            for meeting_id, body in bodies:
                client.put(
                    str(calendar.url.join(f"{meeting_id}.ics")),
                    body,
                    {"Content-Type": "text/calendar; charset=utf-8", "If-None-Match": "*"},
                )
            puts.append(time.perf_counter() - start)
            token = calendar.get_objects_by_sync_token(None, disable_fallback=True).sync_token
            start = time.perf_counter()
            calendar.get_objects_by_sync_token(token, disable_fallback=True)
            reports.append(time.perf_counter() - start)
            client.close()
    finally:
        process.terminate()
        process.wait()
    return {
        "first": statistics.median(firsts),
        "plain_puts": statistics.median(puts),
        "again": statistics.median(again),
        "report": statistics.median(reports),
        "again_requests": requests,
    }


def rows(quick: bool, work: Path) -> list[Any]:
    """The table's two sync rows (1,000 meetings; 20 with --quick)."""
    from benchmarks.run import Row

    meetings = 20 if quick else 1_000
    got = measure(meetings, 1, work)  # Radicale stores ~10 objects a second here: one run
    first, plain = got["first"], got["plain_puts"]
    again, report = got["again"] * 1000, got["report"] * 1000
    n = f"{meetings:,} meetings"
    return [
        Row("CalDAV first sync", "s", first, plain,
            f"a calendar made and the same objects PUT with caldav alone ({n})",
            "≤ 1.2×", first <= 1.2 * plain),
        Row("CalDAV no-change sync", "ms", again, report,
            f"one sync-collection REPORT with caldav alone; ours made {got['again_requests']}",
            "≤ 2×, 1 request", again <= 2 * report and got["again_requests"] == 1),
    ]  # fmt: skip
