"""Online lookups: one rate limit for the whole process, against a local server."""

from __future__ import annotations

import itertools
import threading

import pytest

from data.geocoding import NOMINATIM_URL_ENV, LookupCancelled, RateLimit, geocode_online
from tests.nominatim_server import nominatim


def test_a_cancelled_turn_raises_before_anything_is_sent():
    limit = RateLimit(60.0)
    with limit.turn():
        pass  # the next turn is a minute after this one ended
    cancelled = threading.Event()
    cancelled.set()
    sent = []
    with pytest.raises(LookupCancelled), limit.turn(cancelled):
        sent.append(True)
    assert not sent


def test_lookups_share_one_limit_and_say_who_asks(monkeypatch):
    with nominatim() as server:
        monkeypatch.setenv(NOMINATIM_URL_ENV, server.url)
        threads = [threading.Thread(target=geocode_online, args=("Geneva",)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        [found] = geocode_online("Palais des Nations", limit=1)
    assert (found.lat, found.lon) == (46.2267, 6.1408)
    times = sorted(t for t, _path, _agent in server.requests)
    assert len(times) == 3
    assert all(b - a >= 1.0 for a, b in itertools.pairwise(times))  # by construction
    assert all(agent.startswith("Shuttle/") for _t, _path, agent in server.requests)
