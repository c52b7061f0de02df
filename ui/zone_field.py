"""A time zone typed by city or zone name ("Paris", "New York", "Europe/Paris"), with
completion; :mod:`data.zone_names` finds the IANA zone.

Signals:
    zone_changed(str): the IANA zone the text now names ("" for none).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from data.gazetteer import Gazetteer
from data.zone_names import resolve_zone, zone_options
from ui.suggesting_field import SuggestingField


class ZoneField(SuggestingField):
    zone_changed = Signal(str)

    def __init__(self, text: str, gazetteer: Gazetteer, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.gazetteer = gazetteer
        self.setPlaceholderText(self.tr("A city or a zone, e.g. New York or Europe/Paris"))
        self.textChanged.connect(lambda _text: self.zone_changed.emit(self.zone_name() or ""))

    def zone_name(self) -> str | None:
        """The IANA zone the text names, or None."""
        return resolve_zone(self.text(), self.gazetteer)

    def suggestions(self, typed: str) -> list[str]:
        return [option.label for option in zone_options(typed, self.gazetteer)]
