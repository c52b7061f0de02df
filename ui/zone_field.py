"""A time zone typed by city or zone name ("Paris", "New York", "Europe/Paris"), with
completion; :mod:`data.zone_names` finds the IANA zone.

Signals:
    zone_changed(str): the IANA zone the text now names ("" for none).
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from data.gazetteer import Gazetteer
from data.zone_names import resolve_zone, zone_options
from ui.place_field import wide_enough


class ZoneField(QLineEdit):
    zone_changed = Signal(str)

    def __init__(self, text: str, gazetteer: Gazetteer, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.gazetteer = gazetteer
        self.model = QStringListModel(self)
        completer = QCompleter(self.model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(completer)
        self._completer = completer
        self.setPlaceholderText(self.tr("A city or a zone, e.g. New York or Europe/Paris"))
        self.textEdited.connect(self._suggest)
        self.textChanged.connect(lambda _text: self.zone_changed.emit(self.zone_name() or ""))

    def zone_name(self) -> str | None:
        """The IANA zone the text names, or None."""
        return resolve_zone(self.text(), self.gazetteer)

    def _suggest(self, text: str) -> None:
        labels = [option.label for option in zone_options(text, self.gazetteer)]
        self.model.setStringList(labels)
        if labels and self.hasFocus():
            self._completer.complete(wide_enough(self, self._completer))
        else:
            popup = self._completer.popup()
            if popup is not None:
                popup.hide()
