"""A read-only store opens read-only in the window, with a notice, instead of failing."""

import pytest
from PySide6.QtWidgets import QMessageBox

from data.store import STORE_FILE, Store

pytestmark = pytest.mark.gui


@pytest.fixture
def store(tmp_path):
    folder = tmp_path / "store"
    Store.open(folder).close()
    (folder / STORE_FILE).chmod(0o444)
    with Store.open(folder) as opened:
        yield opened


def test_the_window_opens_a_read_only_store_and_says_so(qtbot, make_window, store):
    assert store.read_only
    window = make_window(wait_for_map=False)
    assert window.workspace.trip is not None  # the trips are there to view
    qtbot.waitUntil(lambda: bool(notices(window)))
    [box] = notices(window)
    assert "read-only" in box.text()
    box.close()


def notices(window):
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]
