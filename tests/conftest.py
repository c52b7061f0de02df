"""Test set-up: Qt offscreen, never the user's own data, no network needed."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from data.files import CACHE_DIR_ENV

ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    # Before any Qt import: render offscreen (no X server needed) unless told otherwise.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # English dates and numbers whatever the machine's locale; tests of other languages
    # set LANG themselves.
    for name in ("LC_ALL", "LC_TIME", "LC_MESSAGES", "LANGUAGE"):
        os.environ.pop(name, None)
    os.environ["LANG"] = "C.UTF-8"
    # The map page is cached; one folder for the session keeps it out of the user's cache.
    os.environ[CACHE_DIR_ENV] = tempfile.mkdtemp(prefix="shuttle-test-cache-")
    if os.name == "posix" and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Every test gets its own empty store folder, so a real user's trips are never touched."""
    folder = tmp_path_factory.mktemp("shuttle-data")
    monkeypatch.setenv("SHUTTLE_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def data_dir(_isolated_data_dir: Path) -> Path:
    return _isolated_data_dir


def pytest_sessionstart(session: pytest.Session) -> None:
    # The shuttle: URL scheme must be declared before the QApplication exists.
    from ui.map_pane import register_scheme

    register_scheme()


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(os.environ.get(CACHE_DIR_ENV, ""), ignore_errors=True)


@pytest.fixture
def radicale(tmp_path_factory: pytest.TempPathFactory):
    """A real Radicale CalDAV server on a free local port (see tests/radicale.py)."""
    from tests.radicale import running

    yield from running(tmp_path_factory.mktemp("radicale"))


@pytest.fixture
def small_disk(tmp_path: Path):
    """A real full disk for the tests that need one: a small tmpfs (see tests/full_disk.py)."""
    from tests.full_disk import mounted

    yield from mounted(tmp_path)
