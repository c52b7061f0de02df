"""Errors never escape a slot: store errors become a dialog, the rest the excepthook's."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QMessageBox

from tests.ui.test_main_window import SAMPLE, timed_trip
from ui import errors


def test_a_store_error_in_a_slot_is_a_dialog_and_the_trip_stays(
    qtbot, store, make_window, monkeypatch
):
    broken_id = store.add_trip(timed_trip()).trip_id
    store.mark_opened(store.resolve(SAMPLE.name))
    store._db.execute("UPDATE meetings SET body = '{}' WHERE trip_id = ?", (broken_id,))
    window = make_window()
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(window.dialogs, "warn", lambda *a: warnings.append(a))
    index = window.trip_list.findData(broken_id)
    window.trip_list.setCurrentIndex(index)
    window.trip_list.activated.emit(index)
    assert warnings and warnings[0][0] == "Cannot open trip"
    assert f"trip {broken_id} in the store" in warnings[0][1]
    assert window.workspace.trip.name == SAMPLE.name
    assert window.trip_list.currentData() == window.workspace.trip_id


def test_an_unexpected_error_is_logged_and_shown_with_its_details(qtbot, caplog, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    errors.install(None)
    assert sys.excepthook is not sys.__excepthook__
    try:
        raise ZeroDivisionError("the estimate divided by zero")
    except ZeroDivisionError as exc:
        with caplog.at_level(logging.ERROR, logger="shuttle"):
            box = errors.report(type(exc), exc, exc.__traceback__)
    assert box is not None and box.isVisible() and not box.isModal()
    assert "the estimate divided by zero" in box.text()
    assert "Traceback" in box.detailedText() and "ZeroDivisionError" in box.detailedText()
    assert box.icon() == QMessageBox.Icon.Critical
    assert any("the estimate divided by zero" in r.getMessage() for r in caplog.records)
    box.close()
    box.done(0)
    assert box not in errors._open


def test_the_log_goes_to_the_data_folder(tmp_path, monkeypatch):
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [])
    monkeypatch.setattr(root, "level", root.level)
    path = errors.setup_logging(tmp_path / "data")
    logging.getLogger("shuttle").error("written down")
    for handler in root.handlers:
        handler.flush()
    assert path is not None and "written down" in path.read_text()
    for handler in root.handlers:
        handler.close()
