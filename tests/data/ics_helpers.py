"""Trips and tools the .ics tests share: a trip on both sides of DST changes, with
emails, Arabic and accented names; an order-insensitive view of a calendar; and the
three readers (icalendar, vobject, ical.js through node)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from data.model import (
    AllDay,
    Attendance,
    ExactTime,
    Meeting,
    Participant,
    PartOfDay,
    Place,
    PlaceKind,
    Status,
    TimeTBC,
    Trip,
)

GOLDEN = Path(__file__).with_name("golden")
JS_DIR = Path(__file__).resolve().parents[1] / "js"
PINNED = datetime(2014, 12, 1, 9, 30, tzinfo=UTC)

ROME, PARIS, LONDON = ZoneInfo("Europe/Rome"), ZoneInfo("Europe/Paris"), ZoneInfo("Europe/London")
ELARABY = "نبيل العربي"


def at(tz: ZoneInfo, *parts: int) -> datetime:
    return datetime(*parts, tzinfo=tz)


def dst_trip() -> Trip:
    """Meetings in summer Rome and Paris, winter London, and across both 2014 changes."""
    places = (
        Place("farnesina", "Farnesina", "Rome", "Italy", 41.9283, 12.4662, "Europe/Rome"),
        Place(
            "quai",
            "Quai d'Orsay, Salon de l'Horloge",
            "Paris",
            "France",
            48.8625,
            2.3153,
            "Europe/Paris",
        ),
        Place(
            "lancaster",
            "Lancaster House; State Room",
            "London",
            "United Kingdom",
            51.5040,
            -0.1385,
            "Europe/London",
        ),
        Place(
            "cairo",
            "مقر جامعة الدول العربية",
            "Cairo",
            "Egypt",
            30.0452,
            31.2336,
            "Africa/Cairo",
            PlaceKind.VENUE,
        ),
    )
    jane = Participant(
        "Doe, Jane", "Deputy; Envoy", "Ministère des Affaires étrangères", "jane.doe@example.org"
    )
    elaraby = Participant(ELARABY, "الأمين العام", "جامعة الدول العربية", "elaraby@example.org")
    renee = Participant(
        "Renée Ørsted", "Adviser", email="renee@example.org", attendance=Attendance.UNCERTAIN
    )
    aide = Participant("An aide without email", "note-taker")
    meetings = (
        Meeting(
            "rome-summer",
            "Working lunch, Rome",
            "farnesina",
            ExactTime(at(ROME, 2014, 7, 10, 12, 30), at(ROME, 2014, 7, 10, 14)),
            (jane, aide),
            topic="Line one\nLine two, with a comma; and a semicolon \\ slash",
        ),
        Meeting(
            "paris-spring-forward",
            "Night talks across the spring change",
            "quai",
            ExactTime(at(PARIS, 2014, 3, 30, 1, 30), at(PARIS, 2014, 3, 30, 4, 0)),
            (renee,),
            status=Status.TENTATIVE,
        ),
        Meeting(
            "paris-summer",
            "Salon de l'Horloge: réunion",
            "quai",
            ExactTime(at(PARIS, 2014, 10, 25, 10), at(PARIS, 2014, 10, 25, 11, 15)),
            (jane, renee),
            sequence=3,
        ),
        Meeting(
            "paris-after-fall-back",
            "Après le changement d'heure",
            "quai",
            ExactTime(at(PARIS, 2014, 10, 26, 10), at(PARIS, 2014, 10, 26, 11)),
            (jane,),
        ),
        Meeting(
            "london-winter",
            "Talks at Lancaster House",
            "lancaster",
            ExactTime(at(LONDON, 2014, 12, 16, 15), at(LONDON, 2014, 12, 16, 16, 30)),
            (jane, elaraby),
            notes='Room: "State Room", 1st floor',
        ),
        Meeting(
            "cairo-tbc",
            f"لقاء مع {ELARABY}",
            "cairo",
            TimeTBC(date(2014, 12, 17), PartOfDay.EVENING, timedelta(hours=3)),
            (elaraby, aide),
        ),
        Meeting(
            "london-cancelled",
            "Cancelled breakfast",
            "lancaster",
            ExactTime(at(LONDON, 2014, 12, 17, 8), at(LONDON, 2014, 12, 17, 9)),
            (jane,),
            status=Status.CANCELLED,
            sequence=1,
        ),
        Meeting(
            "rome-all-day",
            "Rome: free day",
            "farnesina",
            AllDay(date(2014, 7, 11), date(2014, 7, 12)),
            (),
        ),
    )
    return Trip("DST test trip, 2014", "Jane Doe", "Europe/Paris", places, meetings)


# -- order-insensitive comparison --------------------------------------------------------------


def unfold(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def normalised(data: bytes) -> tuple:
    """A calendar as (name, sorted property lines, sorted children), order-insensitive."""
    stack: list[tuple[str, list, list]] = [("", [], [])]
    for line in unfold(data):
        if line.startswith("BEGIN:"):
            stack.append((line[6:], [], []))
        elif line.startswith("END:"):
            name, props, children = stack.pop()
            stack[-1][2].append((name, tuple(sorted(props)), tuple(sorted(children))))
        else:
            stack[-1][1].append(line)
    return stack[0][2][0]


def assert_matches_golden(data: bytes, name: str) -> None:
    path = GOLDEN / name
    if os.environ.get("SHUTTLE_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.exists(), f"no golden file {path}: run with SHUTTLE_UPDATE_GOLDEN=1 once"
    assert normalised(data) == normalised(path.read_bytes())


# -- the readers -------------------------------------------------------------------------------


def _when(value: date) -> str:
    if isinstance(value, datetime):
        assert value.tzinfo is not None, "a reader returned a floating time"
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return value.isoformat()


def _end(start: date, end: date | None, length: timedelta | None) -> date:
    """RFC 5545 3.6.1: no DTEND or DURATION ends a date-time where it starts, a date a day on."""
    if end is not None:
        return end
    if length is not None:
        return start + length
    return start if isinstance(start, datetime) else start + timedelta(days=1)


def _key(uid: str, recurrence: date | None) -> str:
    return uid if recurrence is None else f"{uid}#{_when(recurrence)}"


def read_with_icalendar(data: bytes) -> dict[str, dict]:
    from icalendar import Calendar

    out = {}
    for event in Calendar.from_ical(data).walk("VEVENT"):
        start = event["DTSTART"].dt
        end = event["DTEND"].dt if "DTEND" in event else None
        length = event["DURATION"].dt if "DURATION" in event else None
        rid = event["RECURRENCE-ID"].dt if "RECURRENCE-ID" in event else None
        out[_key(str(event["UID"]), rid)] = {
            "summary": str(event["SUMMARY"]),
            "location": str(event.get("LOCATION", "")),
            "description": str(event.get("DESCRIPTION", "")),
            "start": _when(start),
            "end": _when(_end(start, end, length)),
        }
    return out


def read_with_vobject(data: bytes) -> dict[str, dict]:
    import vobject

    # vobject keeps every VTIMEZONE it has read in one process-wide map by TZID, and
    # would read this file's times with another file's zone of the same name (each
    # export describes only the years it uses): forget them, as a fresh reader would.
    vars(vobject.icalendar)["__tzidMap"].clear()
    out = {}
    for event in vobject.readOne(data.decode("utf-8")).vevent_list:
        contents = event.contents
        start = event.dtstart.value
        end = event.dtend.value if "dtend" in contents else None
        length = event.duration.value if "duration" in contents else None
        rid = event.recurrence_id.value if "recurrence-id" in contents else None
        out[_key(event.uid.value, rid)] = {
            "summary": event.summary.value,
            "location": event.location.value if "location" in contents else "",
            "description": event.description.value if "description" in contents else "",
            "start": _when(start),
            "end": _when(_end(start, end, length)),
        }
    return out


def read_with_icaljs(path: Path) -> dict[str, dict]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: ical.js (Thunderbird's parser) not checked")
    if not (JS_DIR / "node_modules" / "ical.js").is_dir():
        pytest.skip("ical.js is not installed: run `npm ci` in tests/js (scripts/test.sh does)")
    result = subprocess.run(
        [node, str(JS_DIR / "read_ics.mjs"), str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=JS_DIR,
    )
    out = {}
    for event in json.loads(result.stdout):
        key = event["uid"] if not event["recurrence"] else f"{event['uid']}#{event['recurrence']}"
        out[key] = {
            key: event[key] or "" for key in ("summary", "location", "description", "start", "end")
        }
        # ical.js prints dates as 2014-12-17; keep the same shape as the Python readers.
    return out


def edge_trip() -> Trip:
    """A meeting at every kind of DST edge, 2026: London's spring gap and both passes of
    its autumn hour, Dublin's negative DST, Sydney (southern hemisphere, both changes),
    Kathmandu (+05:45), and a meeting whose place is not given."""
    london, dublin = ZoneInfo("Europe/London"), ZoneInfo("Europe/Dublin")
    sydney, kathmandu = ZoneInfo("Australia/Sydney"), ZoneInfo("Asia/Kathmandu")
    places = (
        Place("lancaster", "Lancaster House", "London", "United Kingdom", 51.504, -0.1385,
              "Europe/London"),
        Place("iveagh", "Iveagh House", "Dublin", "Ireland", 53.3375, -6.2597, "Europe/Dublin"),
        Place("dfat", "DFAT, R.G. Casey Building", "Canberra", "Australia", -35.3, 149.13,
              "Australia/Sydney"),
        Place("mofa-np", "Ministry of Foreign Affairs", "Kathmandu", "Nepal", 27.7, 85.32,
              "Asia/Kathmandu"),
    )  # fmt: skip

    def exact(tz: ZoneInfo, start: tuple[int, ...], end: tuple[int, ...], folds=(0, 0)):
        return ExactTime(
            datetime(*start, tzinfo=tz, fold=folds[0]), datetime(*end, tzinfo=tz, fold=folds[1])
        )

    def m(ident: str, title: str, place: str | None, time) -> Meeting:
        return Meeting(ident, title, place, time)

    meetings = (
        m("gap", "Across the spring gap", "lancaster",
          exact(london, (2026, 3, 29, 0, 30), (2026, 3, 29, 3, 0))),
        m("first-pass", "Autumn hour, first pass", "lancaster",
          exact(london, (2026, 10, 25, 1, 5), (2026, 10, 25, 1, 50))),
        m("second-pass", "Autumn hour, second pass", "lancaster",
          exact(london, (2026, 10, 25, 1, 15), (2026, 10, 25, 1, 45), (1, 1))),
        m("both-passes", "From the first pass to the second", "lancaster",
          exact(london, (2026, 10, 25, 1, 30), (2026, 10, 25, 1, 30), (0, 1))),
        m("dublin-summer", "Dublin in summer (IST)", "iveagh",
          exact(dublin, (2026, 7, 1, 10, 0), (2026, 7, 1, 11, 0))),
        m("dublin-winter", "Dublin in winter (GMT, tzdata's negative DST)", "iveagh",
          exact(dublin, (2026, 12, 1, 10, 0), (2026, 12, 1, 11, 0))),
        m("dublin-second-pass", "Dublin, repeated hour, second pass", "iveagh",
          exact(dublin, (2026, 10, 25, 1, 10), (2026, 10, 25, 1, 40), (1, 1))),
        m("sydney-second-pass", "Canberra, April's repeated hour, second pass", "dfat",
          exact(sydney, (2026, 4, 5, 2, 15), (2026, 4, 5, 2, 45), (1, 1))),
        m("sydney-gap", "Canberra, across October's gap", "dfat",
          exact(sydney, (2026, 10, 4, 1, 30), (2026, 10, 4, 3, 30))),
        m("kathmandu", "Kathmandu, UTC+05:45", "mofa-np",
          exact(kathmandu, (2026, 6, 1, 9, 0), (2026, 6, 1, 10, 15))),
        m("no-place", "Call, place not given", None,
          exact(london, (2026, 10, 25, 1, 20), (2026, 10, 25, 1, 40), (1, 1))),
    )  # fmt: skip
    return Trip("DST edges, 2026", "Jane Doe", "Europe/London", places, meetings)
