"""Mutated trip files and calendars fed to the importers: every outcome is an import or
a clean refusal (TripFileError, IcsError, StoreError), the store always passes SQLite's
integrity_check, and what was imported can be shown and exported, and read back.

Example counts are modest so the suite stays fast; SHUTTLE_FUZZ_EXAMPLES=2000 hunts longer.
"""

import json
import os
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data import trip_file
from data.agenda import render_text
from data.gazetteer import Gazetteer
from data.ics_common import IcsError
from data.ics_export import export_calendar
from data.ics_import import import_ics, parse_ics
from data.store import SAMPLE_TRIP, Store, StoreError
from data.trip_file import TripFileError

FUZZ = settings(
    max_examples=int(os.environ.get("SHUTTLE_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SAMPLE_BYTES = SAMPLE_TRIP.read_bytes()
SAMPLE_ICS = export_calendar(trip_file.read(SAMPLE_TRIP))

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**80), 2**80)
    | st.floats(allow_nan=True)
    | st.text(max_size=12)
    | st.sampled_from(["9999-12-31", "1900-01-01", "P99999D", "Europe/Atlantis", "\x1b[2J"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=6,
)


@st.composite
def mutated_bytes(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data)))
        how = draw(st.sampled_from(["delete", "insert", "replace", "repeat"]))
        size = draw(st.integers(1, 64))
        if how == "delete":
            del data[where : where + size]
        elif how == "insert":
            data[where:where] = draw(st.binary(min_size=1, max_size=size))
        elif how == "replace":
            data[where : where + size] = draw(st.binary(min_size=1, max_size=size))
        else:
            data[where:where] = data[where : where + size] * draw(st.integers(1, 50))
    return bytes(data)


@st.composite
def mutated_documents(draw: st.DrawFn) -> bytes:
    """A trip file with one value somewhere replaced by any JSON (structure-aware)."""
    document = json.loads(SAMPLE_BYTES)
    node = document
    while isinstance(node, (dict, list)) and node and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node))))
        if not isinstance(node[key], (dict, list)) or draw(st.integers(0, 3)) == 0:
            node[key] = draw(json_values)
            break
        node = node[key]
    else:
        if isinstance(node, dict):
            node[draw(st.text(max_size=8))] = draw(json_values)
    return json.dumps(document, ensure_ascii=draw(st.booleans())).encode()


@st.composite
def mutated_calendars(draw: st.DrawFn) -> bytes:
    """The sample's calendar with lines dropped, repeated, rewritten or invented."""
    lines = SAMPLE_ICS.decode().split("\r\n")
    for _ in range(draw(st.integers(1, 4))):
        index = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["drop", "repeat", "value", "invent"]))
        if how == "drop":
            del lines[index]
        elif how == "repeat":
            lines.insert(index, lines[index])
        elif how == "value":
            name = lines[index].partition(":")[0] or "X"
            value = draw(
                st.text(max_size=30)
                | st.sampled_from(
                    ["99991231T235959Z", "-1", "4294967296", "P99999W", "19000101", "\\n;,"]
                )
            )
            lines[index] = f"{name}:{value}"
        else:
            name = draw(st.sampled_from(["DTSTART", "DTEND", "DURATION", "SEQUENCE", "GEO"]))
            lines.insert(index, f"{name}:{draw(st.text(max_size=20))}")
    return "\r\n".join(lines).encode("utf-8", "surrogatepass")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store.open(tmp_path_factory.mktemp("fuzz-store")) as store:
        yield store


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer()


def check_usable(store: Store, trip_id: int) -> None:
    """What was imported can be shown in any zone, exported, and read back."""
    trip = store.load_trip(trip_id)
    for zone in (None, "Pacific/Kiritimati", "Pacific/Pago_Pago"):
        render_text(trip, ZoneInfo(zone) if zone else None)
    if trip.meetings:
        parse_ics(export_calendar(trip), "re-export.ics")
    assert trip_file.loads(trip_file.dumps(trip)) == trip
    assert store.integrity_check() == []


def import_trip_bytes(store: Store, data: bytes) -> None:
    try:
        trip = trip_file.loads(data, "fuzz.json")
        trip_id = store.add_trip(trip.replace(name=f"fuzz {len(store.trips())}")).trip_id
    except (TripFileError, StoreError):
        assert store.integrity_check() == []
        return
    check_usable(store, trip_id)


@FUZZ
@given(data=mutated_bytes(SAMPLE_BYTES))
def test_mutated_trip_file_bytes_import_or_are_refused(store, data):
    import_trip_bytes(store, data)


@FUZZ
@given(data=mutated_documents())
def test_mutated_trip_documents_import_or_are_refused(store, data):
    import_trip_bytes(store, data)


@FUZZ
@given(data=mutated_calendars() | mutated_bytes(SAMPLE_ICS))
def test_mutated_calendars_import_or_are_refused(store, gazetteer, data):
    try:
        result = import_ics(store, data, "fuzz.ics", gazetteer=gazetteer)
    except (IcsError, StoreError):
        assert store.integrity_check() == []
        return
    check_usable(store, result.changes.trip_id)
