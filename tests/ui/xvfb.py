"""A private X server for tests that need a real display (the offscreen platform lays
widgets out at once, a real one later: some bugs show only there, see docs/platform.md).

    with xvfb.display(1600, 1000) as name:   # ":5"
        subprocess.run([...], env={..., "DISPLAY": name})

Xvfb picks a free display number itself (``-displayfd``), so parallel tests and a
desktop session already running never collide. Colour depth is 24: QtWebEngine needs it.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

START_TIMEOUT_S = 20.0


class XvfbError(RuntimeError):
    """Xvfb is missing or did not start."""


def available() -> bool:
    return shutil.which("Xvfb") is not None


@contextmanager
def display(width: int, height: int, depth: int = 24) -> Iterator[str]:
    """An Xvfb screen of ``width`` x ``height``, as a DISPLAY value; stopped on exit."""
    program = shutil.which("Xvfb")
    if program is None:
        raise XvfbError("Xvfb is not installed (apt-get install xvfb)")
    read_end, write_end = os.pipe()
    try:
        server = subprocess.Popen(
            [
                program,
                "-displayfd",
                str(write_end),
                "-screen",
                "0",
                f"{width}x{height}x{depth}",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            pass_fds=(write_end,),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
    finally:
        os.close(write_end)
    try:
        number = _read_display_number(read_end, server)
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        if server.stderr is not None:
            server.stderr.close()


def _read_display_number(fd: int, server: subprocess.Popen[bytes]) -> int:
    """Xvfb writes its display number and a newline to ``fd`` once it accepts clients."""
    text = b""
    while not text.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], START_TIMEOUT_S)
        chunk = os.read(fd, 16) if ready else b""
        if not chunk:
            server.kill()
            _, errors = server.communicate()
            raise XvfbError(f"Xvfb did not start: {errors.decode(errors='replace')[-500:]}")
        text += chunk
    return int(text)
