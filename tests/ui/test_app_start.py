import subprocess
import sys

from tests.conftest import ROOT


def run_python(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Python in a bare environment (no display unless ``env`` says offscreen)."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def test_no_display_gives_one_clear_line(tmp_path):
    result = run_python(["main.py"], {"HOME": str(tmp_path), "SHUTTLE_DATA_DIR": str(tmp_path)})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "xvfb-run" in lines[0]


def test_the_app_starts_and_quits_under_a_display(tmp_path):
    """The real entry point, offscreen: window up, map ready, clean exit."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "import ui.main_window as mw\n"
        "original = mw.MainWindow.__init__\n"
        "def init(self, *a, **k):\n"
        "    original(self, *a, **k)\n"
        "    done = lambda: (print('READY', self.windowTitle()), self.close())\n"
        "    self.map.map_ready.connect(done)\n"
        "    QTimer.singleShot(30000, QApplication.quit)\n"
        "mw.MainWindow.__init__ = init\n"
        "import main\n"
        "sys.exit(main.main([]))\n"
    )
    env = {
        "HOME": str(tmp_path),
        "SHUTTLE_DATA_DIR": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path),
    }
    result = run_python(["-c", script], env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "READY Kerry: Rome – Paris – London, December 2014 — Shuttle" in result.stdout
    assert "Release of profile requested" not in result.stderr


def test_a_store_that_cannot_open_gives_one_clear_line(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    env = {"HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    result = run_python(["main.py", "--data-dir", str(blocked / "store")], env)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("shuttle:")]
    assert len(errors) == 1 and "cannot create the data folder" in errors[0], result.stderr
    assert "Release of profile requested" not in result.stderr
