"""A local stand-in for Nominatim's /search on a free port (real HTTP, no network)."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GENEVA = {
    "place_id": 1,
    "lat": "46.2267",
    "lon": "6.1408",
    "display_name": "Palais des Nations, Geneva, Switzerland",
    "boundingbox": ["46.22", "46.23", "6.13", "6.15"],
}


@dataclass
class Nominatim:
    url: str
    requests: list[tuple[float, str, str]] = field(default_factory=list)  # time, path, agent
    gate: threading.Event = field(default_factory=threading.Event)  # answers wait for it


@contextmanager
def nominatim(answer_at_once: bool = True) -> Iterator[Nominatim]:
    state = Nominatim("")
    if answer_at_once:
        state.gate.set()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((time.monotonic(), self.path, self.headers["User-Agent"]))
            state.gate.wait(30)
            body = json.dumps([GENEVA]).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.gate.set()
        server.shutdown()
        server.server_close()
        thread.join()
