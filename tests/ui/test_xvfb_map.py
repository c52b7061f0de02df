"""The map as a user meets it on a real display: the real app launched under Xvfb.

Offscreen, a widget has its final size the moment it is shown; on an X server the web view
is laid out later, after its page may have run. So these tests start their own Xvfb
(tests/ui/xvfb.py) and the real app (tests/ui/window_probe.py, as a subprocess), and
read back from the page where every stop lies once the view has settled.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from data import trip_file
from data.files import CACHE_DIR_ENV
from data.model import Leg, Meeting, Place, TimeTBC, Trip
from data.store import SAMPLE_TRIP, Store
from tests.conftest import ROOT
from tests.ui import xvfb

pytestmark = pytest.mark.skipif(not xvfb.available(), reason="Xvfb is not installed")

SAMPLE = trip_file.read(SAMPLE_TRIP)
PROBE = ROOT / "tests" / "ui" / "window_probe.py"


def levant_trip() -> Trip:
    """A second trip, far from the first, with two places in one city (Amman)."""
    places = (
        Place("cairo", "Cairo", "Cairo", "Egypt", 30.0444, 31.2357, "Africa/Cairo"),
        Place("hotel", "Le Royal Hotel", "Amman", "Jordan", 31.9539, 35.9106, "Asia/Amman"),
        Place("ministry", "Foreign Ministry", "Amman", "Jordan", 31.9722, 35.8672, "Asia/Amman"),
        Place("jerusalem", "Jerusalem", "Jerusalem", "Israel", 31.7683, 35.2137, "Asia/Jerusalem"),
    )
    day = date(2015, 3, 2)
    meetings = tuple(
        Meeting(place.id + "-m", f"Talks in {place.name}", place.id, TimeTBC(day))
        for place in places
    )
    legs = (Leg("hotel", "ministry", day, mode="road"),)
    return Trip("Levant shuttle", "A. Planner", "UTC", places, meetings, legs)


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """A store holding the sample trip (last opened, so the window starts on it) and another."""
    folder = tmp_path / "store"
    with Store.open(folder) as store:
        store.add_trip(levant_trip())
        store.mark_opened(store.resolve(SAMPLE.name))
    return folder


def run_probe(size: tuple[int, int], store_dir: Path, home: Path, *steps: str) -> list[dict]:
    """The real app on an Xvfb screen of ``size``, its window that size; one report a step."""
    width, height = size
    with xvfb.display(width, height) as name:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_RUNTIME_DIR": str(home),
            "DISPLAY": name,
            "QT_QPA_PLATFORM": "xcb",  # the real display, not the tests' offscreen default
            "LANG": "C.UTF-8",
            "QTWEBENGINE_DISABLE_SANDBOX": "1",
        }
        if CACHE_DIR_ENV in os.environ:  # the session's page cache (tests/conftest)
            env[CACHE_DIR_ENV] = os.environ[CACHE_DIR_ENV]
        command = [sys.executable, str(PROBE), "--data-dir", str(store_dir)]
        done = subprocess.run(
            [*command, "--size", f"{width}x{height}", *steps],
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
            check=False,
        )
    reports = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0, (reports[-1:], done.stderr[-3000:])
    assert [r["step"] for r in reports] == list(steps)
    return reports


def outside(report: dict[str, Any]) -> list[str]:
    return [p["place"] for p in report["view"]["places"] if not p["inside"]]


def places_of(report: dict[str, Any]) -> set[str]:
    return {p["place"] for p in report["view"]["places"]}


@pytest.mark.parametrize("size", [(1600, 1000), (1024, 768)], ids=["1600x1000", "1024x768"])
def test_every_stop_is_in_view_at_launch_after_resizes_and_a_trip_switch(
    size: tuple[int, int], store_dir: Path, tmp_path: Path
) -> None:
    width, height = size
    smaller = f"{width * 3 // 4}x{height * 3 // 4}"
    launch, resized, switched, back = run_probe(
        size,
        store_dir,
        tmp_path,
        "launch",
        f"resize:{smaller}",
        "trip:Levant shuttle",
        f"resize:{width}x{height}",
    )
    assert launch["trip"] == SAMPLE.name and places_of(launch) == {p.id for p in SAMPLE.places}
    for report in (launch, resized, switched, back):
        # The map fills its pane (it was fitted at its real size, not at 0x0)...
        assert report["view"]["size"] == report["pane"], report["step"]
        assert report["view"]["leafletSize"] == report["pane"], report["step"]
        # ...and shows every stop of the trip shown.
        assert outside(report) == [], (report["step"], report["view"])
    assert launch["window"] == [width, height]
    assert resized["pane"][0] < launch["pane"][0]
    assert switched["trip"] == "Levant shuttle"
    assert places_of(switched) == {"cairo", "hotel", "ministry", "jerusalem"}
    # Fitted to the trip, not left at a zoom chosen for a dot: zoomed in on the smaller trip.
    assert switched["view"]["zoom"] > launch["view"]["zoom"]
    assert back["view"]["zoom"] >= switched["view"]["zoom"]


def test_a_resize_keeps_the_users_view_until_fit_map(store_dir: Path, tmp_path: Path) -> None:
    size = (1600, 1000)
    launch, panned, resized, fitted = run_probe(
        size, store_dir, tmp_path, "launch", "pan", "resize:1200x800", "fit"
    )
    assert launch["view"]["page"]["userMoved"] is False
    # A real drag moved the map: from then on the view is the user's.
    assert panned["view"]["center"] != launch["view"]["center"]
    assert panned["view"]["page"]["userMoved"] is True
    assert resized["view"]["zoom"] == panned["view"]["zoom"]
    assert resized["view"]["page"]["userMoved"] is True
    # View → Fit Map to Trip gives it back to the trip.
    assert fitted["view"]["page"]["userMoved"] is False
    assert outside(fitted) == []
    assert fitted["view"]["center"] != resized["view"]["center"]
