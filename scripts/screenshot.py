"""Save screenshots of Shuttle on the sample trip (for docs/ and for a look).

Run under a display, e.g.:
    xvfb-run -a -s '-screen 0 1600x1000x24' \\
        .venv/bin/python scripts/screenshot.py docs/main-window.png
    ... scripts/screenshot.py --editor docs/meeting-editor.png
    ... scripts/screenshot.py --language ar docs/main-window-ar.png
    xvfb-run -a -s '-screen 0 1024x768x24' \\
        .venv/bin/python scripts/screenshot.py --size 1024x768 --no-selection \\
        docs/main-window-1024.png

The window is given ``--size`` (default 1600x1000); run it on a screen at least that big.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ui.app import prepare_environment


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path, help="PNG file to write")
    parser.add_argument("--editor", action="store_true", help="the meeting editor, not the window")
    parser.add_argument(
        "--language", choices=("en", "fr", "ar"), default="en", help="the window's language"
    )
    parser.add_argument(
        "--no-selection", action="store_true", help="no meeting selected (no popup open)"
    )
    parser.add_argument(
        "--size", default="1600x1000", help="the window's size, WIDTHxHEIGHT (default 1600x1000)"
    )
    args = parser.parse_args()
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
    except ValueError:
        parser.error(f"--size: WIDTHxHEIGHT, not {args.size!r}")
    problem = prepare_environment()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.app import start_window
    from ui.map_pane import register_scheme

    register_scheme()
    app = QApplication([])
    from ui import i18n

    i18n.install(app, args.language)
    scratch = tempfile.mkdtemp()
    settings = QSettings(str(Path(scratch) / "settings.ini"), QSettings.Format.IniFormat)
    window = start_window(Path(scratch), settings)
    window.move(0, 0)
    window.resize(width, height)
    window.show()
    assert window.workspace.trip is not None

    def shoot(widget: QWidget) -> None:
        widget.grab().save(str(args.target))
        if window.planner.editor is not None:
            window.planner.editor.reject()
        window.close()
        app.quit()

    def fill_editor() -> None:
        """A new meeting as typed: a city picked from the completion, then the venue."""
        from PySide6.QtCore import QTime

        editor = window.planner.editor
        if editor is None:
            return
        editor.title.setText("Press briefing")
        editor.place_edit.setText("Amman, Jordan, Le Royal Hotel")
        editor.exact_radio.setChecked(True)
        editor.start_edit.setTime(QTime(18, 0))
        editor.end_edit.setTime(QTime(18, 45))

    def stage() -> None:
        if args.editor:
            window.planner.new_action.trigger()
            QTimer.singleShot(300, fill_editor)
            QTimer.singleShot(1000, lambda: shoot(window.planner.editor or window))
        else:
            if not args.no_selection:
                window.agenda.select([window.workspace.trip.meetings[2].id])  # Netanyahu
            QTimer.singleShot(1200, lambda: shoot(window))

    window.map.map_ready.connect(lambda: QTimer.singleShot(500, stage))
    QTimer.singleShot(30000, app.quit)
    app.exec()
    window.workspace.store.close()
    print(f"wrote {args.target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
