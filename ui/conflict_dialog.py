"""A sync conflict side by side: this computer's version and the server's, field by field.

The user keeps one side whole, or ticks the fields to take from the server and merges.
The dialog only chooses; ``ui.sync_actions`` applies the choice through the workspace.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
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

from data.agenda import (
    local_time_label,
    participant_with_role,
    place_label,
    status_label,
    where_label,
)
from data.caldav_sync import MERGE_FIELDS, Choice, ConflictView, merged
from data.model import Meeting, Trip

FIELD_NAMES = {  # shown through QCoreApplication.translate("ConflictDialog", ...)
    "title": QT_TRANSLATE_NOOP("ConflictDialog", "Title"),
    "time": QT_TRANSLATE_NOOP("ConflictDialog", "Time"),
    "place_id": QT_TRANSLATE_NOOP("ConflictDialog", "Place"),
    "participants": QT_TRANSLATE_NOOP("ConflictDialog", "Participants"),
    "topic": QT_TRANSLATE_NOOP("ConflictDialog", "Topic"),
    "notes": QT_TRANSLATE_NOOP("ConflictDialog", "Notes"),
    "status": QT_TRANSLATE_NOOP("ConflictDialog", "Status"),
}


def field_text(trip: Trip, meeting: Meeting, name: str) -> str:
    """One field as the user reads it."""
    if name == "time":
        return local_time_label(meeting)
    if name == "place_id":
        place = trip.place_of(meeting)
        return place_label(place) if place is not None else where_label(None)
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
        self.setWindowTitle(self.tr("Sync Conflict — {title}").format(title=title))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "This meeting was changed here and on the calendar server since the last sync. "
                "Keep one version, or tick what to take from the server and merge."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.addWidget(_bold(self.tr("Here")), 0, 1)
        grid.addWidget(_bold(self.tr("On the server")), 0, 2)
        grid.addWidget(_bold(self.tr("Take the server's")), 0, 3)
        self.ticks: dict[str, QCheckBox] = {}
        both = view.local is not None and view.server is not None
        for row, name in enumerate(MERGE_FIELDS, start=1):
            deleted_here, deleted_there = (
                self.tr("(deleted here)"),
                self.tr("(deleted on the server)"),
            )
            mine = field_text(view.trip, view.local, name) if view.local else deleted_here
            theirs = field_text(view.trip, view.server, name) if view.server else deleted_there
            field = QCoreApplication.translate("ConflictDialog", str(FIELD_NAMES[name]))
            grid.addWidget(QLabel(field), row, 0)
            for column, text in ((1, mine), (2, theirs)):
                label = QLabel(text)
                label.setTextFormat(Qt.TextFormat.PlainText)  # meeting text is data
                label.setWordWrap(True)
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                if mine != theirs:
                    label.setStyleSheet("font-weight: bold;")
                grid.addWidget(label, row, column)
            tick = QCheckBox()
            tick.setAccessibleName(self.tr("Take the server's {field}").format(field=field.lower()))
            tick.setEnabled(both and mine != theirs)
            self.ticks[name] = tick
            grid.addWidget(tick, row, 3, Qt.AlignmentFlag.AlignCenter)
        layout.addLayout(grid)
        buttons = QDialogButtonBox()
        self.keep_local = QPushButton(self.tr("Keep &Mine"))
        self.take_server = QPushButton(self.tr("Take the &Server's"))
        self.merge = QPushButton(self.tr("&Merge Ticked Fields"))
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
