"""The window's one question before a file is replaced (the command line wants --force)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_overwrite(parent: QWidget, title: str, paths: list[Path]) -> bool:
    """True when nothing would be replaced, or the user agreed to replace it."""
    existing = [p for p in paths if p.exists() or p.is_symlink()]
    if not existing:
        return True
    names = "\n".join(f"• {p.name}" for p in existing[:10])
    more = f"\n… and {len(existing) - 10} more" if len(existing) > 10 else ""
    answer = QMessageBox.question(
        parent,
        title,
        f"Replace {len(existing)} existing file(s) in {existing[0].parent}?\n{names}{more}",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes
