"""The main window: calendar and agenda on the left, the map and details on the right.

The window owns the current trip and the selection; the panes never talk to each other,
only to it. Store operations return ``Changes``; :meth:`MainWindow.apply_changes` decides
what to redraw (the map page reloads only when places or legs changed).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from data import trip_file
from data.agenda import display_day
from data.distances import leg_km
from data.edits import SetLegs, edit_leg
from data.gazetteer import Gazetteer
from data.model import Meeting, Trip
from data.store import Changes, Store, StoreError
from data.travel import derive_legs, leg_summary, route_legs
from data.warnings import TripWarning, check_trip, warnings_by_meeting
from ui.agenda import AgendaPane
from ui.calendar_pane import CalendarPane
from ui.details_pane import DetailsPane
from ui.map_pane import MapPane
from ui.planning import Planner
from ui.travel_dialog import LegDialog
from ui.zone_choice import ZoneMode, display_zone, mode_label

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

APP_VERSION = "0.1.0"


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        settings: QSettings,
        gazetteer: Gazetteer | None = None,
        map_pane: MapPane | None = None,
    ) -> None:
        """``map_pane`` may come ready-made, its page already loading (see ui.app)."""
        super().__init__()
        self.store = store
        self.settings = settings
        self.warnings: dict[str, list[TripWarning]] = {}
        self.trip: Trip | None = None
        self.trip_id: int | None = None
        self.day_filter: date | None = None
        self.zone_mode = _zone_mode(settings.value("view/zone", ZoneMode.VENUE))
        self.setWindowTitle("Shuttle")
        self.setMinimumSize(900, 600)

        self.calendar = CalendarPane()
        self.agenda = AgendaPane()
        self.map = map_pane or MapPane()
        self.details = DetailsPane()
        self.summary = QLabel()
        self.summary.setAccessibleName("Trip summary")
        self.statusBar().addPermanentWidget(self.summary)
        self.summary_text = ""
        self._build_layout()
        self.planner = Planner(self, gazetteer or Gazetteer())
        self._build_actions()
        self._connect()
        self._restore_settings()
        self.refresh_trip_list()
        for action in self.trip_actions:
            action.setEnabled(False)
        if self.trip_list.count():
            self.open_trip(self.store.resolve(None))
        else:
            self.statusBar().showMessage("No trips yet: File → Open Trip… adds one.")

    # -- construction -----------------------------------------------------------------

    def _build_layout(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(6, 6, 0, 6)
        self.left_split = QSplitter(Qt.Orientation.Vertical)
        self.left_split.addWidget(self.calendar)
        self.left_split.addWidget(self.agenda)
        self.left_split.setStretchFactor(1, 1)
        self.left_split.setChildrenCollapsible(False)
        column.addWidget(self.left_split)
        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.addWidget(self.map)
        self.right_split.addWidget(self.details)
        self.right_split.setStretchFactor(0, 3)
        self.right_split.setStretchFactor(1, 1)
        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.addWidget(left)
        self.main_split.addWidget(self.right_split)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([620, 820])
        self.right_split.setSizes([600, 260])
        self.setCentralWidget(self.main_split)
        self.setTabOrder(self.calendar, self.agenda.table)
        self.setTabOrder(self.agenda.table, self.details)
        self.setTabOrder(self.details, self.map)

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        self.open_action = _action(self, "&Open Trip…", QKeySequence.StandardKey.Open)
        self.open_action.setStatusTip("Add a Shuttle trip file (.json) to the store and show it")
        self.open_action.triggered.connect(self.open_trip_file)
        self.import_ics_action = _action(self, "&Import .ics…", "Ctrl+I")
        self.import_ics_action.setStatusTip("Add the events of a calendar file to a trip")
        self.import_ics_action.triggered.connect(lambda: _ics().import_ics_file(self))
        self.export_ics_action = _action(self, "&Export .ics…", "Ctrl+E")
        self.export_ics_action.setStatusTip("Write the trip, or the selected meetings, as .ics")
        self.export_ics_action.triggered.connect(lambda: _ics().export_ics(self))
        self.invites_action = _action(self, "Send In&vites…", "Ctrl+Shift+E")
        self.invites_action.setStatusTip("Write one invite (.ics) per meeting to a folder")
        self.invites_action.triggered.connect(lambda: _ics().send_invites(self))
        self.print_action = _action(self, "&Print…", QKeySequence.StandardKey.Print)
        self.print_action.setStatusTip("Print the itinerary, with a preview first")
        self.print_action.triggered.connect(lambda: _printing().print_itinerary(self))
        self.pdf_action = _action(self, "Export P&DF…", "Ctrl+Shift+P")
        self.pdf_action.setStatusTip("Save the printable itinerary as a PDF")
        self.pdf_action.triggered.connect(lambda: _printing().export_pdf(self))
        quit_action = _action(self, "&Quit", QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        # Enabled while a trip is shown.
        self.trip_actions = [
            self.export_ics_action,
            self.invites_action,
            self.print_action,
            self.pdf_action,
        ]
        for item in (
            self.planner.new_trip_action,
            self.open_action,
            None,
            self.import_ics_action,
            self.export_ics_action,
            self.invites_action,
            None,
            self.print_action,
            self.pdf_action,
            None,
            quit_action,
        ):
            file_menu.addSeparator() if item is None else file_menu.addAction(item)

        edit_menu = menu.addMenu("&Edit")
        planner = self.planner
        self.leg_action = _action(self, "Travel to &Here…", "Ctrl+T")
        self.leg_action.setStatusTip("Mode and times of the journey to the selected meeting")
        self.leg_action.triggered.connect(self.edit_leg_to_selected)
        for item in (
            planner.undo_action,
            planner.redo_action,
            None,
            *planner.meeting_actions(),
            None,
            self.leg_action,
            planner.assumptions_action,
        ):
            edit_menu.addSeparator() if item is None else edit_menu.addAction(item)

        view = menu.addMenu("&View")
        times = view.addMenu("&Times In")
        self.zone_group = QActionGroup(self)
        self.zone_actions: dict[ZoneMode, QAction] = {}
        for mode, key in (
            (ZoneMode.VENUE, "Ctrl+Shift+1"),
            (ZoneMode.HOME, "Ctrl+Shift+2"),
            (ZoneMode.SYSTEM, "Ctrl+Shift+3"),
        ):
            action = _action(self, mode_label(mode, None), key)
            action.setCheckable(True)
            action.setData(str(mode))
            action.triggered.connect(lambda _=False, m=mode: self.set_zone_mode(m))
            self.zone_group.addAction(action)
            times.addAction(action)
            self.zone_actions[mode] = action
        self.whole_trip_action = _action(self, "&Whole Trip", "Ctrl+0")
        self.whole_trip_action.triggered.connect(self.show_whole_trip)
        self.fit_action = _action(self, "&Fit Map to Trip", "Ctrl+Shift+F")
        self.fit_action.triggered.connect(lambda: self.map.call("fit"))
        self.tiles_action = _action(self, "Online Map &Tiles")
        self.tiles_action.setCheckable(True)
        self.tiles_action.setStatusTip("Show OpenStreetMap tiles when the network is there")
        self.tiles_action.toggled.connect(self.set_online_tiles)
        view.addAction(self.whole_trip_action)
        view.addSeparator()
        view.addAction(self.fit_action)
        view.addAction(self.tiles_action)
        view.addSeparator()
        for text, key, widget in (
            ("Go to &Calendar", "Ctrl+1", self.calendar),
            ("Go to &Agenda", "Ctrl+2", self.agenda.table),
            ("Go to &Details", "Ctrl+3", self.details),
            ("Go to &Map", "Ctrl+4", self.map),
        ):
            action = _action(self, text, key)
            action.triggered.connect(lambda _=False, w=widget: w.setFocus())
            view.addAction(action)

        help_menu = menu.addMenu("&Help")
        about = _action(self, "&About Shuttle")
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

        toolbar = QToolBar("Trip")
        toolbar.setObjectName("trip-toolbar")
        toolbar.setMovable(False)
        self.trip_label = QLabel(" Trip: ")
        self.trip_list = QComboBox()
        self.trip_list.setAccessibleName("Trip")
        self.trip_list.setMinimumContentsLength(28)
        self.trip_list.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.trip_list.activated.connect(self._on_trip_chosen)
        self.trip_label_action = toolbar.addWidget(self.trip_label)
        self.trip_list_action = toolbar.addWidget(self.trip_list)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(" Times: "))
        self.zone_box = QComboBox()
        self.zone_box.setAccessibleName("Show times in")
        for mode in ZoneMode:
            self.zone_box.addItem(mode_label(mode, None), str(mode))
        self.zone_box.activated.connect(
            lambda i: self.set_zone_mode(ZoneMode(self.zone_box.itemData(i)))
        )
        toolbar.addWidget(self.zone_box)
        toolbar.addSeparator()
        toolbar.addAction(self.whole_trip_action)
        toolbar.addAction(self.fit_action)
        toolbar.addAction(self.tiles_action)
        self.addToolBar(toolbar)
        self._sync_zone_controls()

    def _connect(self) -> None:
        self.calendar.day_chosen.connect(self.show_day)
        self.calendar.activated.connect(lambda _qdate: self.agenda.table.setFocus())
        self.agenda.selection_changed.connect(self._on_agenda_selection)
        self.agenda.selection_changed.connect(lambda _ids: self._update_edit_actions())
        self.agenda.whole_trip_requested.connect(self.show_whole_trip)
        self.agenda.table.activated.connect(lambda _index: self.details.setFocus())
        self.map.place_clicked.connect(self._on_place_clicked)
        self.map.map_ready.connect(lambda: self.statusBar().showMessage("Map ready", 2000))
        self.map.tiles_failed.connect(
            lambda: self.statusBar().showMessage(
                "Online tiles could not be loaded; the offline basemap is shown.", 8000
            )
        )

    # -- trips ------------------------------------------------------------------------

    def refresh_trip_list(self) -> None:
        trips = self.store.trips()
        self.trip_list.clear()
        for summary in trips:
            self.trip_list.addItem(summary.name, summary.id)
        several = len(trips) > 1
        self.trip_list_action.setVisible(several)
        self.trip_label_action.setVisible(several)
        if self.trip_id is not None:
            self.trip_list.setCurrentIndex(self.trip_list.findData(self.trip_id))

    def open_trip(self, trip_id: int) -> None:
        self.trip = self.store.load_trip(trip_id)
        self.trip_id = trip_id
        self.store.mark_opened(trip_id)
        for action in self.trip_actions:
            action.setEnabled(True)
        self.trip_list.setCurrentIndex(self.trip_list.findData(trip_id))
        self.setWindowTitle(f"{self.trip.name} — Shuttle")
        self._sync_zone_controls()
        self.day_filter = None
        self.map.show_trip(self.trip)
        self._refresh_views()
        if self.trip.first_day:
            self.calendar.show_day(self.trip.first_day)
        self._show_details(None)
        self._update_edit_actions()

    def apply_changes(self, changes: Changes) -> None:
        """Redraw what ``changes`` touched; the map page is updated in place, not reloaded."""
        self.refresh_trip_list()
        if changes.removed:
            if changes.trip_id == self.trip_id:
                self.trip, self.trip_id = None, None
                if self.trip_list.count():
                    self.open_trip(self.store.resolve(None))
                else:
                    self._show_empty()
            return
        if changes.trip_id != self.trip_id:
            self.open_trip(changes.trip_id)  # another trip was made or changed: show it
            return
        self.trip = self.store.load_trip(changes.trip_id)
        self.setWindowTitle(f"{self.trip.name} — Shuttle")
        self.map.update_trip(self.trip)
        self.refresh()

    def refresh(self) -> None:
        """Redraw the views from ``self.trip`` (after an edit or a change of assumptions)."""
        self._refresh_views()
        chosen = self.agenda.selected_ids()
        trip = self.trip
        self._show_details(trip.meeting(chosen[0]) if trip and chosen else None)
        self._update_edit_actions()

    def select_meetings(self, meeting_ids: list[str]) -> None:
        """Select meetings in the agenda (showing the whole trip if a day hides them)."""
        rows = {r.meeting.id for r in self.agenda.model.rows}
        if not set(meeting_ids) <= rows:
            self.show_whole_trip()
        self.agenda.select(meeting_ids)

    def _show_empty(self) -> None:
        self.setWindowTitle("Shuttle")
        self._refresh_views()
        self._show_details(None)
        for action in self.trip_actions:
            action.setEnabled(False)
        self._update_edit_actions()

    def _update_edit_actions(self) -> None:
        self.planner.update_actions()
        self.leg_action.setEnabled(bool(self.agenda.selected_ids()))

    def open_trip_file(self) -> None:
        path = self.ask_open_path()
        if not path:
            return
        try:
            trip = trip_file.read(path)
        except trip_file.TripFileError as exc:
            QMessageBox.warning(self, "Cannot open trip", str(exc))
            return
        existing = {t.name: t.id for t in self.store.trips()}
        try:
            if trip.name in existing:
                answer = QMessageBox.question(
                    self,
                    "Trip already in the store",
                    f"“{trip.name}” is already in the store. Replace it with the file's version?",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                )
                if answer != QMessageBox.StandardButton.Yes:
                    self.open_trip(existing[trip.name])
                    return
                changes = self.store.replace_trip(existing[trip.name], trip)
            else:
                changes = self.store.add_trip(trip)
        except StoreError as exc:
            QMessageBox.warning(self, "Cannot open trip", str(exc))
            return
        self.refresh_trip_list()
        self.open_trip(changes.trip_id)
        self.statusBar().showMessage(f"Opened {Path(path).name}", 5000)

    # File dialogs, kept apart so tests can replace them.

    def ask_open_path(
        self, caption: str = "Open Trip", filters: str = "Shuttle trips (*.json);;All files (*)"
    ) -> str:
        path, _ = QFileDialog.getOpenFileName(self, caption, self._last_folder(), filters)
        return self._remember_folder(path)

    def ask_save_path(self, caption: str, suggested: str, filters: str) -> str:
        start = str(Path(self._last_folder()) / suggested)
        path, _ = QFileDialog.getSaveFileName(self, caption, start, filters)
        return self._remember_folder(path)

    def ask_directory(self, caption: str) -> str:
        return self._remember_folder(
            QFileDialog.getExistingDirectory(self, caption, self._last_folder()), folder=True
        )

    def ask_choice(self, title: str, text: str, options: list[str]) -> int | None:
        """A question with one button per option (and Cancel): the option's index or None."""
        box = QMessageBox(self)
        box.setWindowTitle(title)
        box.setText(text)
        buttons = [box.addButton(o, QMessageBox.ButtonRole.AcceptRole) for o in options]
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        return next((i for i, b in enumerate(buttons) if b is clicked), None)

    def make_print_preview(self, printer: QPrinter) -> QPrintPreviewDialog:
        return _printing().make_preview(self, printer)

    def ask_text(self, title: str, label: str) -> str:
        text, ok = QInputDialog.getText(self, title, label)
        return text.strip() if ok else ""

    def _last_folder(self) -> str:
        return str(self.settings.value("files/last_folder", str(Path.home())))

    def _remember_folder(self, path: str, folder: bool = False) -> str:
        if path:
            self.settings.setValue("files/last_folder", path if folder else str(Path(path).parent))
        return path

    def _on_trip_chosen(self, index: int) -> None:
        trip_id = self.trip_list.itemData(index)
        if trip_id is not None and trip_id != self.trip_id:
            self.open_trip(int(trip_id))

    # -- view state -------------------------------------------------------------------

    def set_zone_mode(self, mode: ZoneMode) -> None:
        self.zone_mode = mode
        self.settings.setValue("view/zone", str(mode))
        self._sync_zone_controls()
        self._refresh_views()
        self.statusBar().showMessage(f"Times: {mode_label(mode, self.trip)}", 3000)

    def set_online_tiles(self, on: bool) -> None:
        self.settings.setValue("view/online_tiles", on)
        self.map.set_online_tiles(on)

    def show_whole_trip(self) -> None:
        self.day_filter = None
        self._refresh_views()

    def show_day(self, day: date) -> None:
        """The calendar's choice: that day's meetings, their places lit on the map."""
        self.day_filter = day
        self._refresh_views()
        meetings = self.agenda.model.rows
        places = _unique(row.place.id for row in meetings)
        self.map.highlight(places, places[0] if places else None)
        if meetings:
            self.agenda.select([meetings[0].meeting.id], announce=False)
            self._show_details(meetings[0].meeting)

    def _refresh_views(self) -> None:
        trip = self.trip
        tz = display_zone(self.zone_mode, trip)
        self.warnings = (
            warnings_by_meeting(check_trip(trip, self.planner.assumptions())) if trip else {}
        )
        self.agenda.show_rows(trip, tz, self.day_filter, self.warnings)
        counts: dict[date, int] = {}
        for meeting in trip.meetings if trip else ():
            day = display_day(meeting, tz)
            counts[day] = counts.get(day, 0) + 1
        span = (min(counts), max(counts)) if counts else None
        self.calendar.mark(counts, span)
        self._show_summary()

    def _sync_zone_controls(self) -> None:
        self.zone_actions[self.zone_mode].setChecked(True)
        for mode, action in self.zone_actions.items():
            action.setText(mode_label(mode, self.trip))
            self.zone_box.setItemText(
                self.zone_box.findData(str(mode)), mode_label(mode, self.trip)
            )
        self.zone_box.setCurrentIndex(self.zone_box.findData(str(self.zone_mode)))

    def _show_summary(self) -> None:
        trip = self.trip
        if trip is None:
            return
        legs = route_legs(trip, self.planner.assumptions())
        km = sum(leg_km(trip, leg) for leg in legs)
        days = (trip.last_day - trip.first_day).days + 1 if trip.first_day and trip.last_day else 0
        self.summary_text = (
            f"{_count(len(trip.meetings), 'meeting')} · {_count(days, 'day')} · "
            f"{_count(len(trip.places), 'place')} · {_count(len(legs), 'leg')}, "
            f"{km:,.0f} km · times: {mode_label(self.zone_mode, trip)}"
        )
        problems = sum(len(w) for w in self.warnings.values())
        if problems:
            self.summary_text += f" · ⚠ {_count(len(self.warnings), 'meeting')} with warnings"
        self.summary.setText(self.summary_text)

    # -- selection --------------------------------------------------------------------

    def _on_agenda_selection(self, meeting_ids: list[str]) -> None:
        trip = self.trip
        if trip is None or not meeting_ids:
            self._show_details(None)
            self.map.highlight([], None)
            return
        meetings = [trip.meeting(mid) for mid in meeting_ids]
        first = meetings[0]
        self._show_details(first)
        places = _unique(m.place_id for m in meetings if m.place_id is not None)
        self.map.highlight(places, first.place_id)
        self.calendar.show_day(display_day(first, display_zone(self.zone_mode, trip)))

    def _on_place_clicked(self, place_id: str) -> None:
        trip = self.trip
        if trip is None:
            return
        rows = [r for r in self.agenda.model.rows if r.place and r.place.id == place_id]
        held_here = [m for m in trip.meetings if m.place_id == place_id]
        if len(rows) < len(held_here):
            self.day_filter = None  # some are on other days: show them all
            self._refresh_views()
            rows = [r for r in self.agenda.model.rows if r.place and r.place.id == place_id]
        self.agenda.select([r.meeting.id for r in rows], announce=False)
        if rows:
            self._show_details(rows[0].meeting)
            self.calendar.show_day(rows[0].day)
        self.map.highlight([place_id], place_id)

    def _show_details(self, meeting: Meeting | None) -> None:
        trip = self.trip
        if trip is None or meeting is None:
            self.details.show_meeting(trip, None)
            return
        problems = [w.message for w in self.warnings.get(meeting.id, [])]
        assumptions = self.planner.assumptions()
        travel = [
            leg_summary(planned)
            for planned in derive_legs(trip, assumptions)
            if meeting.id in (planned.before_meeting, planned.after_meeting)
        ]
        if travel:
            travel.append(assumptions.describe())
        self.details.show_meeting(trip, meeting, problems, travel)

    def edit_leg_to_selected(self) -> None:
        """Mode and times of the journey that ends at the selected meeting."""
        trip, chosen = self.trip, self.agenda.selected_ids()
        if trip is None or not chosen or self.trip_id is None:
            return
        planned = next(
            (
                p
                for p in derive_legs(trip, self.planner.assumptions())
                if p.before_meeting == chosen[0]
            ),
            None,
        )
        if planned is None:
            self.statusBar().showMessage("No travel leads to this meeting.", 5000)
            return
        dialog = LegDialog(planned.leg, planned.origin, planned.destination, self)
        if not dialog.exec() or dialog.value is None:
            return
        if planned.stored:
            edit = edit_leg(self.trip_id, trip, trip.legs.index(planned.leg), dialog.value)
        else:
            edit = SetLegs(
                self.trip_id,
                (*trip.legs, dialog.value),
                f"Set travel {planned.origin.city} → {planned.destination.city}",
            )
        self.planner.perform(edit)

    # -- settings and about -----------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 880)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        for name, splitter in self._splitters().items():
            sizes = self.settings.value(f"window/{name}")
            if isinstance(sizes, QByteArray):
                splitter.restoreState(sizes)
        tiles = self.settings.value("view/online_tiles", False)
        self.tiles_action.setChecked(tiles in (True, "true"))

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.main_split, "left": self.left_split, "right": self.right_split}

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        for name, splitter in self._splitters().items():
            self.settings.setValue(f"window/{name}", splitter.saveState())
        self.settings.sync()
        self.map.shutdown()
        super().closeEvent(event)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            "About Shuttle",
            f"<h3>Shuttle {APP_VERSION}</h3>"
            "<p>The meetings of a diplomatic trip on a calendar and a map.</p>"
            "<p>Basemap: Natural Earth (public domain). Gazetteer: GeoNames (CC BY 4.0). "
            "Map: Leaflet, folium. Online tiles © OpenStreetMap contributors.</p>",
        )


def _action(
    parent: QWidget, text: str, shortcut: QKeySequence.StandardKey | str | None = None
) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    return action


# The .ics and printing modules (icalendar, QtPrintSupport) load on first use, not at start-up.


def _ics() -> ModuleType:
    from ui import ics_actions

    return ics_actions


def _printing() -> ModuleType:
    from ui import print_actions

    return print_actions


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _unique(values: object) -> list[str]:
    out: list[str] = []
    for value in values:  # type: ignore[attr-defined]
        if value not in out:
            out.append(value)
    return out


def _zone_mode(value: object) -> ZoneMode:
    try:
        return ZoneMode(str(value))
    except ValueError:
        return ZoneMode.VENUE
