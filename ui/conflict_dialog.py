"""A sync conflict side by side: this computer's version and the server's, field by field.

The user keeps one side whole, or ticks the fields to take from the server and merges.
The dialog only chooses; ``ui.sync_actions`` applies the choice through the workspace.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from data.agenda import local_time_label, participant_with_role, place_label, status_label
from data.caldav_sync import MERGE_FIELDS, Choice, ConflictView, merged
from data.model import Meeting, Trip

FIELD_NAMES = {
    "title": "Title",
    "time": "Time",
    "place_id": "Place",
    "participants": "Participants",
    "topic": "Topic",
    "notes": "Notes",
    "status": "Status",
}


def field_text(trip: Trip, meeting: Meeting, name: str) -> str:
    """One field as the user reads it."""
    if name == "time":
        return local_time_label(meeting)
    if name == "place_id":
        return place_label(trip.place(meeting.place_id))
    if name == "participants":
        return "\n".join(participant_with_role(p) for p in meeting.participants) or "—"
    if name == "status":
        return status_label(meeting.status)
    return str(getattr(meeting, name)) or "—"


class ConflictDialog(QDialog):
    """Shows one conflict; after ``exec()``, :attr:`choice` is what the user picked."""

    def __init__(self, view: ConflictView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.choice: Choice | Meeting | None = None
        shown = view.local or view.server
        title = shown.title if shown is not None else ""
        self.setWindowTitle(f"Sync Conflict — {title}")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "This meeting was changed here and on the calendar server since the last sync. "
            "Keep one version, or tick what to take from the server and merge."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.addWidget(_bold("Here"), 0, 1)
        grid.addWidget(_bold("On the server"), 0, 2)
        grid.addWidget(_bold("Take the server's"), 0, 3)
        self.ticks: dict[str, QCheckBox] = {}
        both = view.local is not None and view.server is not None
        for row, name in enumerate(MERGE_FIELDS, start=1):
            mine = field_text(view.trip, view.local, name) if view.local else "(deleted here)"
            theirs = (
                field_text(view.trip, view.server, name)
                if view.server
                else "(deleted on the server)"
            )
            grid.addWidget(QLabel(FIELD_NAMES[name]), row, 0)
            for column, text in ((1, mine), (2, theirs)):
                label = QLabel(text)
                label.setTextFormat(Qt.TextFormat.PlainText)  # meeting text is data
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                if mine != theirs:
                    label.setStyleSheet("font-weight: bold;")
                grid.addWidget(label, row, column)
            tick = QCheckBox()
            tick.setAccessibleName(f"Take the server's {FIELD_NAMES[name].lower()}")
            tick.setEnabled(both and mine != theirs)
            self.ticks[name] = tick
            grid.addWidget(tick, row, 3, Qt.AlignmentFlag.AlignCenter)
        layout.addLayout(grid)
        buttons = QDialogButtonBox()
        self.keep_local = QPushButton("Keep &Mine")
        self.take_server = QPushButton("Take the &Server's")
        self.merge = QPushButton("&Merge Ticked Fields")
        self.merge.setEnabled(both)
        for button in (self.keep_local, self.take_server, self.merge):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        self.keep_local.clicked.connect(lambda: self._pick("local"))
        self.take_server.clicked.connect(lambda: self._pick("server"))
        self.merge.clicked.connect(self._merge)
        layout.addWidget(buttons)

    def _pick(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()

    def _merge(self) -> None:
        chosen = {name for name, tick in self.ticks.items() if tick.isChecked()}
        self.choice = merged(self.view, chosen)
        self.accept()


def _bold(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold;")
    return label
