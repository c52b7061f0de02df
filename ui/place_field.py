"""The meeting editor's place field: one line for a trip place, a city, or a venue and
its city in any order, with completion; :mod:`data.place_entry` reads the text.

Signals:
    choice_changed(PlaceChoice): the text now names another place (or none).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from data.gazetteer import Gazetteer
from data.model import Place
from data.place_entry import PlaceChoice, place_label, place_suggestions, resolve_place


class PlaceField(QLineEdit):
    choice_changed = Signal(object)

    def __init__(
        self, places: Sequence[Place], gazetteer: Gazetteer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.gazetteer = gazetteer
        self.places = list(places)
        self.taken = [p.id for p in places]
        # A place made by a map click or an online lookup, and the text it was made for:
        # while the text is unchanged it names that place, wherever the text alone points.
        self._pinned: tuple[str, Place] | None = None
        self.model = QStringListModel(self)
        completer = QCompleter(self.model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(completer)
        self._completer = completer
        self.textEdited.connect(self._suggest)
        self.textChanged.connect(lambda _text: self.choice_changed.emit(self.choice()))

    def choice(self) -> PlaceChoice:
        """What the text names now (read afresh: nothing typed is ever left out)."""
        places = list(self.places)
        if self._pinned is not None:
            text, place = self._pinned
            if " ".join(self.text().split()) == text:
                return resolve_place(place_label(place), [place], self.gazetteer)
            places.append(place)
        return resolve_place(self.text(), places, self.gazetteer, self.taken)

    def pin(self, place: Place) -> None:
        """Use ``place`` (from the map or online) for the text as it is, or its label."""
        if not self.text().strip():
            self.setText(place_label(place))
        self._pinned = (" ".join(self.text().split()), place)
        self.choice_changed.emit(self.choice())

    def _suggest(self, text: str) -> None:
        suggestions = place_suggestions(text, self.places, self.gazetteer)
        self.model.setStringList(suggestions)
        if suggestions and self.hasFocus():
            self._completer.complete(wide_enough(self, self._completer))
        else:
            popup = self._completer.popup()
            if popup is not None:
                popup.hide()


def wide_enough(field: QLineEdit, completer: QCompleter) -> QRect:
    """Where the completion list opens: under the field, wide enough for its longest entry
    (a list as narrow as the field cuts off what tells "Washington, United States" apart)."""
    popup = completer.popup()
    width = field.width()
    if popup is not None:
        frame = 2 * popup.frameWidth() + popup.verticalScrollBar().sizeHint().width()
        width = max(width, popup.sizeHintForColumn(0) + frame)
    return QRect(0, 0, width, field.height())
