"""A line edit that offers suggestions the caller computes as the user types (not
Qt's prefix filtering), in a list wide enough to tell its entries apart."""

from __future__ import annotations

from PySide6.QtCore import QRect, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


class SuggestingField(QLineEdit):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.model = QStringListModel(self)
        completer = QCompleter(self.model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(completer)
        self._completer = completer
        self.textEdited.connect(lambda typed: self.offer(self.suggestions(typed)))

    def suggestions(self, typed: str) -> list[str]:
        """The entries to offer for the text typed so far."""
        return []

    def offer(self, entries: list[str]) -> None:
        self.model.setStringList(entries)
        if entries and self.hasFocus():
            self._completer.complete(self._list_rect())
        else:
            popup = self._completer.popup()
            if popup is not None:
                popup.hide()

    def _list_rect(self) -> QRect:
        """Under the field, wide enough for the longest entry (a list as narrow as the
        field cuts off what tells "Washington, United States" apart)."""
        popup = self._completer.popup()
        width = self.width()
        if popup is not None:
            frame = 2 * popup.frameWidth() + popup.verticalScrollBar().sizeHint().width()
            width = max(width, popup.sizeHintForColumn(0) + frame)
        return QRect(0, 0, width, self.height())
