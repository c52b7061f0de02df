"""Online lookups: one rate limit for the whole process, against a local server."""

from __future__ import annotations

import itertools
import threading

import pytest

from data.geocoding import NOMINATIM_URL_ENV, LookupCancelled, RateLimit, geocode_online
from tests.nominatim_server import nominatim


def test_each_caller_gets_the_next_free_second():
    now = [100.0]
    limit = RateLimit(1.0, clock=lambda: now[0])
    assert [limit.reserve() for _ in range(3)] == [0.0, 1.0, 2.0]
    now[0] += 10
    assert limit.reserve() == 0.0


def test_a_cancelled_wait_raises_before_anything_is_sent():
    limit = RateLimit(60.0)
    limit.reserve()  # the next turn is a minute away
    cancelled = threading.Event()
    cancelled.set()
    with pytest.raises(LookupCancelled):
        limit.wait(cancelled)


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
    assert all(b - a >= 0.99 for a, b in itertools.pairwise(times))
    assert all(agent.startswith("Shuttle/") for _t, _path, agent in server.requests)
