"""The participants table's name cell: the trip's people offered as one types."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)


class NameDelegate(QStyledItemDelegate):
    """Edits a name in a line edit that completes from ``names`` (any part, any case)."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = names

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName(self.tr("Participant name"))
        completer = QCompleter(self.names, editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        editor.setCompleter(completer)
        popup = completer.popup()
        if popup is not None and self.names:
            # Wider than the cell: names like "Cardinal Pietro Parolin" must show whole.
            longest = max(popup.fontMetrics().horizontalAdvance(n) for n in self.names)
            popup.setMinimumWidth(min(longest + 40, 520))
        return editor
