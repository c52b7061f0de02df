"""The questions the actions ask: file choosers, choices, a line of text, print preview.

One object per window, handed to the action modules, so they need no window and the
tests can answer for the user by replacing its methods.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

if TYPE_CHECKING:  # QtPrintSupport loads on first use, not at start-up
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog


class Dialogs:
    def __init__(self, parent: QWidget, settings: QSettings) -> None:
        self.parent = parent
        self.settings = settings

    def ask_open_path(
        self, caption: str = "Open Trip", filters: str = "Shuttle trips (*.json);;All files (*)"
    ) -> str:
        path, _ = QFileDialog.getOpenFileName(self.parent, caption, self._last_folder(), filters)
        return self._remember_folder(path)

    def ask_save_path(self, caption: str, suggested: str, filters: str) -> str:
        start = str(Path(self._last_folder()) / suggested)
        # Replacing a file is asked once, by the action (confirm_overwrite).
        options = QFileDialog.Option.DontConfirmOverwrite
        path, _ = QFileDialog.getSaveFileName(self.parent, caption, start, filters, options=options)
        return self._remember_folder(path)

    def confirm_overwrite(self, title: str, paths: list[Path]) -> bool:
        """True when nothing would be replaced, or the user agreed to replace it."""
        existing = [p for p in paths if p.exists() or p.is_symlink()]
        if not existing:
            return True
        names = "\n".join(f"• {p.name}" for p in existing[:10])
        more = ""
        if len(existing) > 10:
            more = "\n" + QCoreApplication.translate("Dialogs", "… and {count} more").format(
                count=len(existing) - 10
            )
        return self.ask_yes(
            title,
            QCoreApplication.translate(
                "Dialogs", "Replace %n existing file(s) in {folder}?", None, len(existing)
            ).format(folder=existing[0].parent)
            + f"\n{names}{more}",
        )

    def ask_directory(self, caption: str) -> str:
        return self._remember_folder(
            QFileDialog.getExistingDirectory(self.parent, caption, self._last_folder()),
            folder=True,
        )

    def ask_choice(self, title: str, text: str, options: list[str]) -> int | None:
        """A question with one button per option (and Cancel): the option's index or None."""
        box = QMessageBox(self.parent)
        box.setWindowTitle(title)
        box.setText(text)
        buttons = [box.addButton(o, QMessageBox.ButtonRole.AcceptRole) for o in options]
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return next((i for i, b in enumerate(buttons) if b is clicked), None)

    def ask_yes(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self.parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(self, title: str, label: str) -> str:
        text, ok = QInputDialog.getText(self.parent, title, label)
        return text.strip() if ok else ""

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def _last_folder(self) -> str:
        return str(self.settings.value("files/last_folder", str(Path.home())))

    def _remember_folder(self, path: str, folder: bool = False) -> str:
        if path:
            self.settings.setValue("files/last_folder", path if folder else str(Path(path).parent))
        return path

    def make_print_preview(self, printer: QPrinter) -> QPrintPreviewDialog:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        dialog = QPrintPreviewDialog(printer, self.parent)
        dialog.setWindowTitle(
            QCoreApplication.translate("Dialogs", "Print — {name}").format(
                name=printer.docName() or "Shuttle"
            )
        )
        dialog.resize(900, 1000)
        return dialog
