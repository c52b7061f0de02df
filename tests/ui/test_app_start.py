import subprocess
import sys

from tests.conftest import ROOT


def test_the_window_opens_on_the_last_opened_trip(qtbot, tmp_path):
    from data.store import Store
    from ui.main_window import MainWindow

    store = Store.open(tmp_path)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().endswith("Shuttle")
    assert "Kerry" in window.windowTitle()
    assert "Erakat" in window.agenda.toPlainText()
    store.close()


def test_no_display_gives_one_clear_line():
    env = {"PATH": "/usr/bin:/bin", "HOME": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "main.py"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "xvfb-run" in lines[0]
