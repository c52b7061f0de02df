"""A real full disk for tests: a small tmpfs (needs root; skipped with the reason otherwise)."""

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def mounted(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs: a real full disk, without filling the machine's."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill needs root; the full-disk tests run as root")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\1" * 4096)
        except OSError:
            pass
    return filler
