"""Start the Qt application: environment checks, then the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from data.store import Store, StoreError

NO_DISPLAY = (
    "shuttle: no display found (DISPLAY and WAYLAND_DISPLAY are unset). Run it on a desktop, "
    "or headless with: xvfb-run -a -s '-screen 0 1600x1000x24' bash scripts/run.sh"
)


def prepare_environment() -> str | None:
    """Set what Qt WebEngine needs before Qt starts; an error line if it cannot start."""
    if os.name == "posix" and os.geteuid() == 0:
        # Chromium refuses to run as root with its sandbox on (see PLATFORM.md).
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    has_display = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and not has_display and platform in ("", "xcb", "wayland"):
        return NO_DISPLAY
    return None


def prepare_headless() -> None:
    """For commands that render without a window: offscreen unless a display is there."""
    if prepare_environment() == NO_DISPLAY:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def run_app(data_dir: Path | None) -> int:
    problem = prepare_environment()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    try:
        store = Store.open(data_dir)
    except StoreError as exc:
        print(f"shuttle: error: {exc}", file=sys.stderr)
        return 1

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.map_pane import register_scheme

    register_scheme()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Shuttle")
    app.setApplicationDisplayName("Shuttle")
    app.setOrganizationName("Shuttle")
    app.setDesktopFileName("shuttle")
    window = MainWindow(store, QSettings())
    window.show()
    try:
        return app.exec()
    finally:
        store.close()
