"""Edit → Find…: meetings of every trip, found as the user types.

A small window beside the main one (not modal: the trips stay usable). Each word finds
meetings whose title, people, place, topic or notes have a word starting with it
(data/search.py). Enter or a double click shows the meeting: its trip is opened through
the workspace, as the trip list does, and the meeting selected in the agenda.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from data.locale_format import short_day
from data.markup import html_text
from data.search import Hit
from data.store import StoreError
from ui.i18n import plural
from ui.workspace import Changes, Workspace

TYPING_PAUSE_MS = 150  # search once typing pauses, not on every key
HIT_ROLE = Qt.ItemDataRole.UserRole


class SearchDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Find Meetings"))
        self.setObjectName("search-dialog")
        self.resize(560, 420)
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Title, person, place or topic"))
        self.query.setAccessibleName(self.tr("Find meetings in every trip"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setAccessibleName(self.tr("Meetings found"))
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self.open_current)
        self.query.installEventFilter(self)
        self.results.itemActivated.connect(lambda _item: self.open_current())
        QShortcut(QKeySequence.StandardKey.Find, self, self.present)
        workspace.changed.connect(self._on_changed)
        self.run_search()

    def present(self) -> None:
        """Show the dialog with its text selected, ready for new words."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query.selectAll()

    def run_search(self) -> None:
        self._timer.stop()
        self.results.clear()
        text = self.query.text()
        if not text.strip():
            self.status.setText(self.tr("Type words to find meetings in every trip."))
            return
        try:
            hits = self.workspace.store.find_meetings(text)
        except StoreError as exc:
            self.status.setText(str(exc))
            return
        for hit in hits:
            self.results.addItem(self._item(hit))
        if hits:
            self.results.setCurrentRow(0)
            found = self.tr("%n meeting(s) found", "", len(hits))
            self.status.setText(plural(found, len(hits)))
        else:
            self.status.setText(self.tr("No meeting matches."))

    def current_hit(self) -> Hit | None:
        item = self.results.currentItem()
        hit = item.data(HIT_ROLE) if item is not None else None
        return hit if isinstance(hit, Hit) else None

    def open_current(self) -> None:
        """Show the chosen meeting: open its trip if another is shown, then select it."""
        if self._timer.isActive():
            self.run_search()  # Enter typed before the pause: search what is typed
        hit = self.current_hit()
        if hit is None:
            return
        ws = self.workspace
        if hit.trip_id != ws.trip_id and not ws.open_trip(hit.trip_id):
            return  # the workspace said why
        ws.select([hit.meeting_id])
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down and Up in the text box move through the results."""
        if watched is self.query and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            if step is not None and event.type() == QEvent.Type.KeyPress:
                row = self.results.currentRow() + step
                if 0 <= row < self.results.count():
                    self.results.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def _on_changed(self, changes: Changes) -> None:
        if self.isVisible() and (changes.contents is not None or changes.trips):
            self.run_search()  # an edit may have changed what matches

    def _item(self, hit: Hit) -> QListWidgetItem:
        when = ", ".join(part for part in (short_day(hit.day, year=True), hit.when) if part)
        lines = [hit.title, " · ".join(part for part in (when, hit.place, hit.trip_name) if part)]
        title = hit.title.casefold()
        if not any(matched and text.casefold() in title for text, matched in hit.snippet):
            lines.append(hit.snippet_text)  # why it matched, when the title does not say
        item = QListWidgetItem("\n".join(lines))
        item.setData(HIT_ROLE, hit)
        # The best-matching words, the matches in bold; all of it escaped trip text.
        runs = "".join(
            f"<b>{html_text(text)}</b>" if matched else html_text(text)
            for text, matched in hit.snippet
        )
        item.setToolTip(f"<p>{runs}</p>")
        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, hit.snippet_text)
        return item
