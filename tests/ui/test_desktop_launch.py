"""Opening .ics files from the desktop: `shuttle FILE.ics` imports it, and a second launch
hands its file to the window already open instead of opening another."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtGui import QGuiApplication

from data.desktop import ICON
from data.ics_export import export_calendar
from resources import resource_path
from tests.conftest import ROOT
from tests.ui.test_main_window import timed_trip
from ui.app import open_files
from ui.single_instance import Instance, hand_over, server_name

# The first instance, as `shuttle` runs it, except that the import dialog prints the file it
# was opened for (the real dialog is tested in-process below) and the window quits after two.
FIRST = """
import sys
from PySide6.QtWidgets import QApplication
import ui.ics_actions
opened = []
def import_ics_file(ws, dialogs, path=None):
    opened.append(path)
    print("IMPORT", path, flush=True)
    if len(opened) == 2:
        QApplication.closeAllWindows()
ui.ics_actions.import_ics_file = import_ics_file
import main
sys.exit(main.main(sys.argv[1:]))
"""


def test_a_second_launch_hands_its_file_to_the_first(tmp_path):
    first_file, second_file = tmp_path / "first.ics", tmp_path / "second.ics"
    for file in (first_file, second_file):
        file.write_bytes(export_calendar(timed_trip()))
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
        "SHUTTLE_DATA_DIR": str(tmp_path / "store"),
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_DISABLE_SANDBOX": "1",
    }
    first = subprocess.Popen(
        [sys.executable, "-c", FIRST, str(first_file)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert first.stdout is not None
        assert first.stdout.readline().split() == ["IMPORT", str(first_file)]
        # Relative to its own folder, as a file manager may pass it.
        second = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "second.ics"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert second.returncode == 0, second.stderr
        assert first.stdout.readline().split() == ["IMPORT", str(second_file)]
        assert first.wait(timeout=60) == 0, first.stderr.read() if first.stderr else ""
    finally:
        first.kill()
        first.communicate()


def test_a_launch_without_a_window_to_join_finds_none(qtbot, tmp_path):
    name = server_name(tmp_path)
    assert not hand_over(name, [tmp_path / "x.ics"])
    instance = Instance(name)
    assert instance.listening()
    assert server_name(tmp_path / "other") != name


def test_opening_a_file_asks_only_where_to_import_it(qtbot, window, tmp_path, monkeypatch):
    calendar = tmp_path / "talks.ics"
    calendar.write_bytes(export_calendar(timed_trip()))
    asked = []
    monkeypatch.setattr(window.dialogs, "ask_open_path", lambda *a: asked.append(a) or "")
    monkeypatch.setattr(
        window.dialogs, "ask_choice", lambda title, text, options: asked.append(text) or 1
    )
    before = len(window.workspace.store.trips())
    open_files(window, [calendar])
    assert len(asked) == 1 and "talks.ics" in asked[0]  # no file dialog, just where to
    assert len(window.workspace.store.trips()) == before + 1
    assert "talks.ics" in window.statusBar().currentMessage()


def test_the_icon_is_a_scalable_image_qt_can_draw(qtbot):
    from PySide6.QtGui import QIcon

    icon = QIcon(str(resource_path(ICON)))
    assert not icon.isNull()
    assert not icon.pixmap(64, 64).toImage().isNull()
    assert QGuiApplication.instance() is not None
