"""The one place an unexpected error ends: logged, and shown with details to copy.

Expected failures (a refused edit, a bad file) are reported where they happen, in
words; anything else that escapes a Qt slot reaches :func:`report`, installed as
``sys.excepthook`` by :func:`install`, instead of vanishing to stderr.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("shuttle")

LOG_FILE = "shuttle.log"
_open: list[QMessageBox] = []


def setup_logging(folder: Path | None) -> Path | None:
    """Warnings and errors to stderr and, when ``folder`` can hold it, to its log file."""
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    path = None
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / LOG_FILE
            handlers.append(logging.FileHandler(path, encoding="utf-8"))
        except OSError:
            path = None
    logging.basicConfig(
        level=logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s: %(message)s",
        handlers=handlers,
    )
    return path


def install(parent: QWidget | None = None) -> None:
    """Route every uncaught exception (Qt slots included) to :func:`report`."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        report(kind, value, tb, parent)

    sys.excepthook = hook


def report(
    kind: type[BaseException],
    value: BaseException,
    tb: TracebackType | None,
    parent: QWidget | None = None,
) -> QMessageBox | None:
    """Log the error and show it in a dialog whose details can be copied.

    The dialog is not modal: the window stays usable, and nothing unsaved is at stake
    (every change is saved as it is made). None when there is no QApplication.
    """
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return None
    details = "".join(traceback.format_exception(kind, value, tb))
    log.error("unexpected error: %s", value, exc_info=(kind, value, tb))
    if QApplication.instance() is None:
        return None
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle("Shuttle: unexpected error")
    box.setText(
        f"Something went wrong: {value or kind.__name__}.\n\n"
        "Your trips are safe: every change was saved as it was made. The details below "
        "can be copied into a bug report."
    )
    box.setDetailedText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setModal(False)
    _open.append(box)  # a box without a parent lives as long as it is shown
    box.finished.connect(lambda _code: _open.remove(box))
    box.show()
    return box
