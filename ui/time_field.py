"""A time edit that takes a time typed whole: select all, type "1430" or "9:05"."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QTimeEdit, QWidget

from data.meeting_form import parse_clock


class TimeEdit(QTimeEdit):
    """QTimeEdit refuses a time typed over its whole text (after Ctrl+A or a double
    click it checks "1" against "HH:mm" and drops the key). Here, typing over the whole
    text starts a time of one's own, read by :func:`data.meeting_form.parse_clock` at
    every key; the arrows and typing into one section work as in any time edit."""

    def __init__(self, value: QTime, parent: QWidget | None = None) -> None:
        super().__init__(value, parent)
        self.setDisplayFormat("HH:mm")
        self._typed = ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        line = self.lineEdit()
        whole = bool(line.text()) and line.selectedText() == line.text()
        if text and (text.isdigit() or text in ":.") and (whole or self._typed):
            typed = self._typed + text if self._typed else text
            value = parse_clock(typed)
            if len(typed) <= 5:  # "0905" passes through "090", no time yet: keep going
                self._typed = typed
                if value is not None:
                    self.setTime(QTime(value.hour, value.minute))
            event.accept()
            return
        if self._typed and text == "\b":
            self._typed = self._typed[:-1]
            value = parse_clock(self._typed)
            if value is not None:
                self.setTime(QTime(value.hour, value.minute))
            event.accept()
            return
        self._typed = ""
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._typed = ""
        super().focusOutEvent(event)
