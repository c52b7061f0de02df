"""The meeting editor's place field: one line for a trip place, a city, or a venue and
its city in any order, with completion; :mod:`data.place_entry` reads the text.

Signals:
    choice_changed(PlaceChoice): the text now names another place (or none).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from data.gazetteer import Gazetteer
from data.model import Place
from data.place_entry import PlaceChoice, place_label, place_suggestions, resolve_place
from ui.suggesting_field import SuggestingField


class PlaceField(SuggestingField):
    choice_changed = Signal(object)

    def __init__(
        self, places: Sequence[Place], gazetteer: Gazetteer, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent=parent)
        self.gazetteer = gazetteer
        self.places = list(places)
        self.taken = [p.id for p in places]
        # A place made by a map click or an online lookup, and the text it was made for:
        # while the text is unchanged it names that place, wherever the text alone points.
        self._pinned: tuple[str, Place] | None = None
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

    def suggestions(self, typed: str) -> list[str]:
        return place_suggestions(typed, self.places, self.gazetteer)
