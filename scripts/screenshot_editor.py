"""Save a screenshot of the meeting editor on a sample meeting (for docs/ and a look).

Run under a display, e.g.:
    xvfb-run -a -s '-screen 0 1600x1000x24' \\
        .venv/bin/python scripts/screenshot_editor.py docs/meeting-editor.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ui.app import prepare_environment


def main() -> int:
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/meeting-editor.png")
    problem = prepare_environment()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from data.store import Store
    from ui.main_window import MainWindow
    from ui.map_pane import register_scheme

    register_scheme()
    app = QApplication([])
    scratch = tempfile.mkdtemp()
    settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
    store = Store.open(scratch)
    window = MainWindow(store, settings)
    window.resize(1440, 900)
    window.show()

    def shoot() -> None:
        editor = window.planner.editor
        assert editor is not None
        editor.grab().save(str(target))
        editor.reject()
        window.close()
        app.quit()

    def open_editor() -> None:
        window.agenda.select([window.trip.meetings[3].id])  # the Orly dinner
        window.planner.edit_action.trigger()
        QTimer.singleShot(800, shoot)

    window.map.map_ready.connect(lambda: QTimer.singleShot(300, open_editor))
    QTimer.singleShot(30000, app.quit)
    app.exec()
    store.close()
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
