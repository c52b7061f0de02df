"""Start the Qt application: environment checks, then the main window.

Imports are deferred on purpose: start-up time is a benchmark (README, Benchmarks).
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow

NO_DISPLAY = (
    "shuttle: no display found (DISPLAY and WAYLAND_DISPLAY are unset). Run it on a desktop, "
    "or headless with: xvfb-run -a -s '-screen 0 1600x1000x24' bash scripts/run.sh"
)


def prepare_environment() -> str | None:
    """Set what Qt WebEngine needs before Qt starts; an error line if it cannot start."""
    if os.name == "posix" and os.geteuid() == 0:
        # Chromium refuses to run as root with its sandbox on (docs/platform.md).
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    # Only Qt's and Chromium's real problems reach the terminal (ui/qt_messages.py).
    from ui import qt_messages

    qt_messages.quiet_chromium()
    qt_messages.install()
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    has_display = bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if sys.platform.startswith("linux") and not has_display and platform in ("", "xcb", "wayland"):
        return NO_DISPLAY
    return None


def prepare_headless() -> None:
    """For commands that render without a window: offscreen unless a display is there."""
    if prepare_environment() == NO_DISPLAY:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def start_window(
    data_dir: Path | None,
    settings: QSettings | None = None,
    seed: bool = True,
    trip: str | None = None,
) -> MainWindow:
    """The main window on the store in ``data_dir``; a QApplication must exist.

    It shows ``trip`` (an id, a name or a unique part of one, as ``--trip`` reads it),
    else the most recently opened trip.

    The map pane comes first, so the web engine loads its page while Python imports and
    builds the rest (on two cores, that work overlaps). Raises StoreError.
    """
    from ui.map_pane import MapPane

    # Worker threads build a big trip's data while this thread draws it, and every call
    # Qt makes into Python (each agenda cell it paints) waits for the running thread to
    # hand over: every millisecond rather than every five keeps those waits short.
    sys.setswitchinterval(0.001)
    map_pane = MapPane()
    import_while_serving(("data.store", "ui.main_window"))
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings

    from data.store import Store
    from ui.main_window import MainWindow
    from ui.workspace import Workspace

    settings = settings or QSettings()
    store: Store | None = None
    try:
        store = Store.open(data_dir, seed=seed)
        chosen = None if trip is None else store.resolve(trip)
        if chosen is not None:
            store.mark_opened(chosen)  # the window opens the most recently opened trip
        window = MainWindow(Workspace(store, settings), settings, map_pane=map_pane)
        shown = (window.workspace.trip_id, window.workspace.opening)
        if chosen is not None and chosen not in shown:
            window.workspace.open_trip(chosen)  # a read-only store keeps no opening order
        return window
    except BaseException:
        if store is not None:
            store.close()
        # The page must go before its profile, or Qt warns at exit (docs/platform.md).
        map_pane.shutdown()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        raise


def open_files(window: MainWindow, files: Sequence[Path]) -> None:
    """Bring the window forward and import each file, asking where as Import .ics does."""
    from ui import ics_actions

    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    for file in files:
        ics_actions.import_ics_file(window.workspace, window.dialogs, str(file))


def import_while_serving(modules: tuple[str, ...]) -> None:
    """Import ``modules`` on a worker thread while this thread runs Qt's event loop.

    The map page's requests are answered on this thread (scheme handler, interceptor,
    web channel), so without the loop running the page would wait for the imports. A
    failed import is left for the caller's own import to raise, with its usual traceback.
    """
    import importlib

    from PySide6.QtCore import QEventLoop, QObject, Qt, Signal

    class Worker(QObject):
        done = Signal()  # emitted on the worker thread, delivered on this one

    worker = Worker()
    loop = QEventLoop()
    worker.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            for name in modules:
                importlib.import_module(name)
        except Exception:  # the caller's own import raises it again
            pass
        finally:
            worker.done.emit()

    threading.Thread(target=work, name="shuttle-imports", daemon=True).start()
    loop.exec()


def run_app(data_dir: Path | None, files: Sequence[Path] = (), trip: str | None = None) -> int:
    """The window on ``trip`` (see :func:`start_window`), importing ``files`` (.ics); or
    hand the files to the window already open."""
    problem = prepare_environment()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from data.desktop import APP_ID, ICON
    from data.files import default_data_dir
    from resources import resource_path
    from ui.map_pane import register_scheme
    from ui.single_instance import Instance, hand_over, server_name

    register_scheme()
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Shuttle")
    app.setApplicationDisplayName("Shuttle")
    app.setOrganizationName("Shuttle")
    app.setDesktopFileName(APP_ID)
    name = server_name(data_dir or default_data_dir())
    if hand_over(name, list(files)):
        return 0
    instance = Instance(name, app)
    from PySide6.QtCore import QSettings

    from ui import errors, i18n

    i18n.install(app, i18n.chosen_language(QSettings()))
    errors.setup_logging(data_dir or default_data_dir())
    app.setWindowIcon(QIcon(str(resource_path(ICON))))
    try:
        window = start_window(data_dir, trip=trip)
    except Exception as exc:
        from data.store import StoreError  # loaded by start_window, after the map started

        if not isinstance(exc, StoreError):
            raise
        print(f"shuttle: error: {exc}", file=sys.stderr)
        return 1
    errors.install(window)
    instance.files_received.connect(lambda paths: open_files(window, paths))
    window.show()
    # The editor's city completion and Pick on Map need the gazetteer's index (a second
    # or two to build): build it now, off the GUI thread, rather than on the first keypress.
    threading.Thread(target=window.workspace.gazetteer.warm, name="gazetteer", daemon=True).start()
    if files:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: open_files(window, files))
    try:
        return app.exec()
    finally:
        window.workspace.store.close()
