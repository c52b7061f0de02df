"""A real Radicale for the sync tests: its own folder, a free local port, a users file.

Started the way ``serve-calendar`` starts it (data/calendar_server.py), stopped and
waited for at the end of each test.
"""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from data import calendar_server

USERS = {"alice": "alice-secret", "bob": "bob-secret"}


@dataclass
class Radicale:
    url: str
    port: int
    folder: calendar_server.ServerFolder
    process: subprocess.Popen[bytes]

    def client(self, user: str = "bob") -> Any:
        """A second team member: the caldav library used directly."""
        from caldav.davclient import DAVClient

        return DAVClient(url=self.url, username=user, password=USERS[user], auth_type="basic")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(root: Path) -> Radicale:
    port = free_port()
    folder = calendar_server.prepare(root, port)
    for user, password in USERS.items():
        calendar_server.add_user(folder.users, user, password, rounds=4)  # quick to check
    with (root / "radicale.log").open("wb") as log:
        process = subprocess.Popen(calendar_server.command(folder), stdout=log, stderr=log)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError((root / "radicale.log").read_text()) from None
            time.sleep(0.05)
    return Radicale(f"http://127.0.0.1:{port}/", port, folder, process)


def stop(server: Radicale) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


def running(root: Path) -> Iterator[Radicale]:
    server = start(root)
    try:
        yield server
    finally:
        stop(server)
