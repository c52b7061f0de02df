"""The main window (minimal: the trip's agenda; the map and calendar come next)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QPlainTextEdit

from data.agenda import render_text
from data.store import Store


class MainWindow(QMainWindow):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store
        self.setWindowTitle("Shuttle")
        self.resize(1100, 750)
        self.agenda = QPlainTextEdit(readOnly=True)
        self.agenda.setAccessibleName("Agenda")
        self.setCentralWidget(self.agenda)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.menuBar().addMenu("&File").addAction(quit_action)
        if store.trips():
            self.show_trip(store.resolve(None))
        else:
            self.statusBar().showMessage("No trips in the store")

    def show_trip(self, trip_id: int) -> None:
        trip = self._store.load_trip(trip_id)
        self._store.mark_opened(trip_id)
        self.setWindowTitle(f"{trip.name} — Shuttle")
        self.agenda.setPlainText(render_text(trip))
        self.statusBar().showMessage(f"{len(trip.meetings)} meetings")
