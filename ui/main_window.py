"""The main window: calendar and agenda on the left, the map and details on the right.

The window lays out the panes and the menus and wires them to the :class:`Workspace`,
which holds the trip shown and makes every change. The panes never talk to each other:
the window redraws them when the workspace says what ``changed`` (the map page is
updated in place, reloaded only when another trip is shown).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QByteArray, QMimeData, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from data.agenda import display_day
from data.locale_format import whole_number
from data.markup import html_text
from data.model import Leg, Meeting
from data.travel import LOCAL_KM, leg_summary
from resources import resource_path
from ui.agenda import AgendaPane
from ui.calendar_pane import CalendarPane
from ui.details_pane import DetailsPane
from ui.dialogs import Dialogs
from ui.help import ShortcutsDialog, UserGuide, action_keys, menu_path
from ui.i18n import plural
from ui.map_pane import MapPane, page_data
from ui.planning import Planner
from ui.workspace import Changes, Workspace
from ui.zone_choice import ZoneMode, mode_label


class MainWindow(QMainWindow):
    def __init__(
        self, workspace: Workspace, settings: QSettings, map_pane: MapPane | None = None
    ) -> None:
        """``map_pane`` may come ready-made, its page already loading (see ui.app).

        Shows the most recently opened trip (a store that cannot give it says why).
        """
        super().__init__()
        self.workspace = workspace
        self.settings = settings
        self.setWindowTitle(self.tr("Shuttle"))
        self.setMinimumSize(900, 600)
        self.setAcceptDrops(True)  # .ics and .eml files: see dropEvent

        self.calendar = CalendarPane()
        self.agenda = AgendaPane()
        self.map = map_pane or MapPane()
        self.details = DetailsPane()
        self.summary = QLabel()
        self.summary.setAccessibleName(self.tr("Trip summary"))
        self.statusBar().addPermanentWidget(self.summary)
        self.summary_text = ""
        self.dialogs = Dialogs(self, settings)
        workspace.set_selection_source(self.agenda.selected_ids)
        self._build_layout()
        self.planner = Planner(workspace, self, self.map, self.calendar.selected_day)
        self._build_actions()
        self._connect()
        self._restore_settings()
        # A big trip's legs are planned after it is shown: its stops alone are drawn first.
        workspace.prepare_when_reading("map", lambda trip: page_data(trip, []))
        workspace.open_trip(None)
        if workspace.trip is None and workspace.opening is None:
            self.statusBar().showMessage(self.tr("No trips yet: File → Open Trip… adds one."))
        if workspace.store.notice:  # e.g. a read-only store: viewing works, changes are refused
            self._warn_later("Shuttle", workspace.store.notice)
        if workspace.assumptions_problem:
            self._warn_later(
                "Travel assumptions",
                f"{workspace.assumptions_problem}\n\nEstimates use the default assumptions "
                "until new ones are set (Edit → Travel Assumptions…).",
            )

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
        # Two fifths for calendar and agenda, three for map and details, at any width:
        # the splitter shares a resize by these factors.
        self.main_split.setStretchFactor(0, 2)
        self.main_split.setStretchFactor(1, 3)
        self.main_split.setSizes([560, 840])
        self.right_split.setSizes([600, 260])
        self.setCentralWidget(self.main_split)

    def _build_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.open_action = _action(self, self.tr("&Open Trip…"), QKeySequence.StandardKey.Open)
        self.open_action.setStatusTip(
            self.tr("Add a Shuttle trip file (.json) to the store and show it")
        )
        self.open_action.triggered.connect(
            lambda: _files().open_trip_file(self.workspace, self.dialogs)
        )
        self.import_ics_action = _action(self, self.tr("&Import .ics…"), "Ctrl+I")
        self.import_ics_action.setStatusTip(self.tr("Add the events of a calendar file to a trip"))
        self.import_ics_action.triggered.connect(
            lambda: _ics().import_ics_file(self.workspace, self.dialogs)
        )
        self.export_ics_action = _action(self, self.tr("&Export .ics…"), "Ctrl+E")
        self.export_ics_action.setStatusTip(
            self.tr("Write the trip, or the selected meetings, as .ics")
        )
        self.export_ics_action.triggered.connect(
            lambda: _ics().export_ics(self.workspace, self.dialogs)
        )
        self.invites_action = _action(self, self.tr("Send In&vites…"), "Ctrl+Shift+E")
        self.invites_action.setStatusTip(self.tr("Write one invite (.ics) per meeting to a folder"))
        self.invites_action.triggered.connect(
            lambda: _ics().send_invites(self.workspace, self.dialogs)
        )
        self.print_action = _action(self, self.tr("&Print…"), QKeySequence.StandardKey.Print)
        self.print_action.setStatusTip(self.tr("Print the itinerary, with a preview first"))
        self.print_action.triggered.connect(
            lambda: _printing().print_itinerary(self.workspace, self.dialogs)
        )
        self.pdf_action = _action(self, self.tr("Export P&DF…"), "Ctrl+Shift+P")
        self.pdf_action.setStatusTip(self.tr("Save the printable itinerary as a PDF"))
        self.pdf_action.triggered.connect(
            lambda: _printing().export_pdf(self.workspace, self.dialogs)
        )
        quit_action = _action(self, self.tr("&Quit"), QKeySequence.StandardKey.Quit)
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
            self.planner.trip_details_action,
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

        edit_menu = menu.addMenu(self.tr("&Edit"))
        planner = self.planner
        for item in (
            planner.undo_action,
            planner.redo_action,
            None,
            *planner.meeting_actions(),
            None,
            planner.leg_action,
            planner.assumptions_action,
        ):
            edit_menu.addSeparator() if item is None else edit_menu.addAction(item)
        self.find_action = _action(self, self.tr("&Find…"), QKeySequence.StandardKey.Find)
        self.find_action.setStatusTip(
            self.tr("Find meetings in every trip by title, person, place or topic")
        )
        self.find_action.triggered.connect(self.show_search)
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)

        view = menu.addMenu(self.tr("&View"))
        times = view.addMenu(self.tr("&Times In"))
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
        self.whole_trip_action = _action(self, self.tr("&Whole Trip"), "Ctrl+0")
        self.whole_trip_action.triggered.connect(self.show_whole_trip)
        self.fit_action = _action(self, self.tr("&Fit Map to Trip"), "Ctrl+Shift+F")
        self.fit_action.triggered.connect(lambda: self.map.call("fit"))
        self.tiles_action = _action(self, self.tr("Online Map &Tiles"))
        self.tiles_action.setCheckable(True)
        self.tiles_action.setStatusTip(
            self.tr("Show OpenStreetMap tiles when the network is there")
        )
        self.tiles_action.toggled.connect(self.set_online_tiles)
        view.addAction(self.whole_trip_action)
        view.addSeparator()
        view.addAction(self.fit_action)
        view.addAction(self.tiles_action)
        view.addSeparator()
        for text, key, widget in (
            (self.tr("Go to &Calendar"), "Ctrl+1", self.calendar),
            (self.tr("Go to &Agenda"), "Ctrl+2", self.agenda.table),
            (self.tr("Go to &Details"), "Ctrl+3", self.details),
            (self.tr("Go to &Map"), "Ctrl+4", self.map),
        ):
            action = _action(self, text, key)
            action.triggered.connect(lambda _=False, w=widget: w.setFocus())
            view.addAction(action)
        from ui.i18n import language_menu

        view.addSeparator()
        view.addMenu(language_menu(self, self.settings))

        from ui.sync_actions import SyncActions

        self.sync_actions = SyncActions(self.workspace, self, self.dialogs, self.settings)
        # The store's trips first (see refresh_trip_list), then sharing and sync.
        self.trip_menu = menu.addMenu(self.tr("T&rip"))
        self.trip_group = QActionGroup(self)
        self.trip_group.triggered.connect(self._on_trip_action)
        self.trips_end = self.trip_menu.addSeparator()
        self.sync_actions.install(self.trip_menu)

        help_menu = menu.addMenu(self.tr("&Help"))
        self.guide_action = _action(
            self, self.tr("&User Guide"), QKeySequence.StandardKey.HelpContents
        )
        self.guide_action.triggered.connect(self.show_user_guide)
        self.shortcuts_action = _action(self, self.tr("&Keyboard Shortcuts"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.guide: UserGuide | None = None
        self.shortcuts: ShortcutsDialog | None = None
        about = _action(self, self.tr("&About Shuttle"))
        about.triggered.connect(self.show_about)
        for item in (self.guide_action, self.shortcuts_action, None, about):
            help_menu.addSeparator() if item is None else help_menu.addAction(item)

        toolbar = QToolBar(self.tr("Trip"))
        toolbar.setObjectName("trip-toolbar")
        toolbar.setMovable(False)
        self.trip_label = QLabel(self.tr(" Trip: "))
        self.trip_list = QComboBox()
        self.trip_list.setAccessibleName(self.tr("Trip"))
        self.trip_list.setMinimumContentsLength(28)
        self.trip_list.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.trip_list.activated.connect(self._on_trip_chosen)
        self.trip_label_action = toolbar.addWidget(self.trip_label)
        self.trip_list_action = toolbar.addWidget(self.trip_list)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr(" Times: ")))
        self.zone_box = QComboBox()
        self.zone_box.setAccessibleName(self.tr("Show times in"))
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
        self._chain_focus()
        new = self.planner.new_action
        self.agenda.set_no_meetings_hint(
            self.tr("No meetings yet: {path} ({keys}) adds one.").format(
                path=menu_path(self.menuBar(), new), keys=action_keys(new)
            )
        )

    def _chain_focus(self) -> None:
        """Tab follows the screen: toolbar boxes, calendar, agenda, details, then the map
        (last, as Tab steps through its markers before leaving the page)."""
        chain = [
            self.trip_list,
            self.zone_box,
            self.calendar,
            self.agenda.whole_trip_button,
            self.agenda.table,
            self.details,
            self.map,
        ]
        for widget in chain:
            if widget.focusPolicy() in (Qt.FocusPolicy.NoFocus, Qt.FocusPolicy.ClickFocus):
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)
        self.setStyleSheet(resource_path("focus.qss").read_text(encoding="utf-8"))

    def _connect(self) -> None:
        ws = self.workspace
        ws.changed.connect(self._on_changed)
        ws.refused.connect(self._on_refused)
        ws.select_requested.connect(self.select_meetings)
        ws.message.connect(self.statusBar().showMessage)
        self.agenda.table.addAction(self.planner.delete_action)
        self.agenda.table.doubleClicked.connect(lambda _index: self.planner.edit_meeting())
        self.calendar.day_chosen.connect(self.show_day)
        self.calendar.activated.connect(lambda _qdate: self.agenda.table.setFocus())
        self.agenda.selection_changed.connect(self._on_agenda_selection)
        self.agenda.whole_trip_requested.connect(self.show_whole_trip)
        self.agenda.table.activated.connect(lambda _index: self.details.setFocus())
        self.map.place_clicked.connect(self._on_place_clicked)
        self.map.map_ready.connect(lambda: self.statusBar().showMessage(self.tr("Map ready"), 2000))
        # The trip is drawn: its warnings may be checked now (ui/workspace.py).
        self.map.map_ready.connect(lambda: QTimer.singleShot(0, self.workspace.start_pending_check))
        self.map.tiles_failed.connect(
            lambda: self.statusBar().showMessage(
                self.tr("Online tiles could not be loaded; the offline basemap is shown."), 8000
            )
        )

    # -- following the workspace --------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        """Redraw what ``changes`` touched; the map page is updated in place."""
        if changes.trips:
            self.refresh_trip_list()
        trip = self.workspace.trip
        if changes.shown:
            self.setWindowTitle(f"{trip.name} — Shuttle" if trip else "Shuttle")
            for action in self.trip_actions:
                action.setEnabled(trip is not None)
            for action in self.trip_group.actions():
                action.setChecked(action.data() == self.workspace.trip_id)
            self._sync_zone_controls()
            self._refresh_views()
            if trip is not None:
                # A big trip's legs are planned off the GUI thread: stops first, legs after.
                # After the views: a big trip's map data is built on a worker thread, which
                # would slow the views' Python down (one thread runs at a time).
                legs = self._route_legs()
                self.map.show_trip(trip, legs, None if legs else self.workspace.prepared("map"))
            if trip is not None and trip.first_day:
                self.calendar.show_day(trip.first_day)
            self._show_details(None)
            self._update_edit_actions()
            return
        if changes.contents is not None or changes.assumptions:
            self.refresh()
            if trip is not None:
                self.setWindowTitle(f"{trip.name} — Shuttle")
                # After the views, as on opening: a big trip's map data is built on a worker.
                self.map.update_trip(trip, self._route_legs())
        elif changes.view:
            self._sync_zone_controls()
            self._refresh_views()
        elif changes.day:  # the same trip and zone: the calendar, map and summary stand
            ws = self.workspace
            self.agenda.show_rows(trip, ws.display_zone(), ws.day_filter, ws.warnings)
        if changes.warnings:
            self._show_warnings()
        if changes.legs:
            self._show_legs()

    def _show_warnings(self) -> None:
        """The warnings checked off the GUI thread: icons, summary and details."""
        self.agenda.model.set_warnings(self.workspace.warnings)
        self._show_summary()
        chosen = self.agenda.selected_ids()
        trip = self.workspace.trip
        self._show_details(trip.meeting(chosen[0]) if trip and chosen else None)

    def _show_legs(self) -> None:
        """The legs planned off the GUI thread: the map's lines, summary and details."""
        trip = self.workspace.trip
        if trip is not None:
            self.map.add_legs(trip, self._route_legs())
        self._show_summary()
        chosen = self.agenda.selected_ids()
        self._show_details(trip.meeting(chosen[0]) if trip and chosen else None)

    def _route_legs(self) -> list[Leg]:
        """route_plan's legs, from the workspace's kept plan; none while being planned."""
        planned = self.workspace.legs_if_planned() or []
        return [p.leg for p in planned if p.stored or p.km >= LOCAL_KM]

    def refresh(self) -> None:
        """Redraw the views from the workspace's trip, keeping the selection."""
        self._refresh_views()
        chosen = self.agenda.selected_ids()
        trip = self.workspace.trip
        self._show_details(trip.meeting(chosen[0]) if trip and chosen else None)
        self._update_edit_actions()

    def refresh_trip_list(self) -> None:
        """The toolbar's Trip box and the Trip menu's list, in step with the store."""
        trips = self.workspace.trips()
        self.trip_list.clear()
        for action in self.trip_group.actions():
            self.trip_group.removeAction(action)
            self.trip_menu.removeAction(action)
            action.deleteLater()
        for summary in trips:
            self.trip_list.addItem(summary.name, summary.id)
            action = QAction(summary.name.replace("&", "&&"), self.trip_group)
            action.setCheckable(True)
            action.setData(summary.id)
            action.setChecked(summary.id == self.workspace.trip_id)
            self.trip_menu.insertAction(self.trips_end, action)
        several = len(trips) > 1
        self.trip_list_action.setVisible(several)
        self.trip_label_action.setVisible(several)
        if self.workspace.trip_id is not None:
            self.trip_list.setCurrentIndex(self.trip_list.findData(self.workspace.trip_id))

    def trip_menu_actions(self) -> list[QAction]:
        return self.trip_group.actions()

    def select_meetings(self, meeting_ids: list[str]) -> None:
        """Select meetings in the agenda (showing the whole trip if a day hides them)."""
        rows = {r.meeting.id for r in self.agenda.model.rows}
        if not set(meeting_ids) <= rows:
            self.workspace.set_day_filter(None)
        self.agenda.select(meeting_ids)

    def show_search(self) -> None:
        """Edit → Find…: the search of every trip's meetings (ui/search_dialog.py)."""
        from ui.search_dialog import SearchDialog

        dialog = self.findChild(SearchDialog) or SearchDialog(self.workspace, self)
        dialog.present()

    def _update_edit_actions(self) -> None:
        self.planner.update_actions()

    def _on_trip_chosen(self, index: int) -> None:
        trip_id = self.trip_list.itemData(index)
        chosen = trip_id is not None and trip_id != self.workspace.trip_id
        if chosen and not self.workspace.open_trip(int(trip_id)):
            self.refresh_trip_list()  # back to the trip still shown

    def _on_trip_action(self, action: QAction) -> None:
        trip_id = action.data()
        if trip_id != self.workspace.trip_id and not self.workspace.open_trip(int(trip_id)):
            self.refresh_trip_list()  # back to the trip still shown

    def _on_refused(self, label: str, reason: str) -> None:
        self.dialogs.warn(label, reason)

    def _warn_later(self, title: str, text: str) -> None:
        """A warning that does not block (shown while the window starts)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # -- view state -------------------------------------------------------------------

    def set_zone_mode(self, mode: ZoneMode) -> None:
        self.workspace.set_zone_mode(mode)
        self.statusBar().showMessage(
            self.tr("Times: {mode}").format(mode=mode_label(mode, self.workspace.trip)), 3000
        )

    def set_online_tiles(self, on: bool) -> None:
        self.settings.setValue("view/online_tiles", on)
        self.map.set_online_tiles(on)

    def show_whole_trip(self) -> None:
        self.workspace.set_day_filter(None)

    def show_day(self, day: date) -> None:
        """The calendar's choice: that day's meetings, their places lit on the map."""
        self.workspace.set_day_filter(day)
        meetings = self.agenda.model.rows
        places = _unique(row.place.id for row in meetings if row.place is not None)
        self.map.highlight(places, places[0] if places else None)
        if meetings:
            self.agenda.select([meetings[0].meeting.id], announce=False)
            self._show_details(meetings[0].meeting)
            self._update_edit_actions()

    def _refresh_views(self) -> None:
        ws = self.workspace
        trip = ws.trip
        tz = ws.display_zone()
        self.agenda.show_rows(trip, tz, ws.day_filter, ws.warnings)
        counts: dict[date, int] = {}
        for meeting in trip.meetings if trip else ():
            day = display_day(meeting, tz)
            counts[day] = counts.get(day, 0) + 1
        span = (min(counts), max(counts)) if counts else None
        self.calendar.mark(counts, span)
        self._show_summary()

    def _sync_zone_controls(self) -> None:
        mode, trip = self.workspace.zone_mode, self.workspace.trip
        self.zone_actions[mode].setChecked(True)
        for each, action in self.zone_actions.items():
            action.setText(mode_label(each, trip))
            self.zone_box.setItemText(self.zone_box.findData(str(each)), mode_label(each, trip))
        self.zone_box.setCurrentIndex(self.zone_box.findData(str(mode)))

    def _show_summary(self) -> None:
        ws = self.workspace
        trip = ws.trip
        if trip is None:
            return
        days = (trip.last_day - trip.first_day).days + 1 if trip.first_day and trip.last_day else 0
        parts = [
            plural(self.tr("%n meeting(s)", "", len(trip.meetings)), len(trip.meetings)),
            plural(self.tr("%n day(s)", "", days), days),
            plural(self.tr("%n place(s)", "", len(trip.places)), len(trip.places)),
        ]
        # route_plan's legs, from the workspace's kept plan (not planned again here).
        planned = ws.legs_if_planned()
        mode = mode_label(ws.zone_mode, trip)
        if planned is None:  # a big trip's legs, still being planned off the GUI thread
            distance = self.tr("legs being measured… · times: {mode}").format(mode=mode)
        else:
            legs = [p for p in planned if p.stored or p.km >= LOCAL_KM]
            parts.append(plural(self.tr("%n leg(s)", "", len(legs)), len(legs)))
            distance = self.tr("{km} km · times: {mode}").format(
                km=whole_number(sum(p.km for p in legs)), mode=mode
            )
        counts = " · ".join(parts)
        self.summary_text = f"{counts}, {distance}"
        if ws.warnings:
            count = len(ws.warnings)
            warned = plural(self.tr("⚠ %n meeting(s) with warnings", "", count), count)
            self.summary_text += f" · {warned}"
        self.summary.setText(self.summary_text)

    # -- selection --------------------------------------------------------------------

    def _on_agenda_selection(self, meeting_ids: list[str]) -> None:
        trip = self.workspace.trip
        self._update_edit_actions()
        if trip is None or not meeting_ids:
            self._show_details(None)
            self.map.highlight([], None)
            return
        meetings = [trip.meeting(mid) for mid in meeting_ids]
        first = meetings[0]
        self._show_details(first)
        places = _unique(m.place_id for m in meetings if m.place_id is not None)
        self.map.highlight(places, first.place_id)
        self.calendar.show_day(display_day(first, self.workspace.display_zone()))

    def _on_place_clicked(self, place_id: str) -> None:
        trip = self.workspace.trip
        if trip is None:
            return
        rows = [r for r in self.agenda.model.rows if r.place and r.place.id == place_id]
        held_here = [m for m in trip.meetings if m.place_id == place_id]
        if len(rows) < len(held_here):
            self.workspace.set_day_filter(None)  # some are on other days: show them all
            rows = [r for r in self.agenda.model.rows if r.place and r.place.id == place_id]
        self.agenda.select([r.meeting.id for r in rows], announce=False)
        if rows:
            self._show_details(rows[0].meeting)
            self.calendar.show_day(rows[0].day)
        self.map.highlight([place_id], place_id)
        self._update_edit_actions()

    def _show_details(self, meeting: Meeting | None) -> None:
        ws = self.workspace
        trip = ws.trip
        if trip is None or meeting is None:
            self.details.show_meeting(trip, None)
            return
        problems = [w.message for w in ws.warnings.get(meeting.id, [])]
        travel = [
            leg_summary(planned)
            for planned in ws.legs_if_planned() or ()  # none yet: shown when they arrive
            if meeting.id in (planned.before_meeting, planned.after_meeting)
        ]
        if travel:
            travel.append(ws.assumptions.describe())
        self.details.show_meeting(trip, meeting, problems, travel)

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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _calendar_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Dropped .ics or .eml files (an invite's answer) are imported one by one."""
        paths = _calendar_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            for path in paths:
                _ics().import_ics_file(self.workspace, self.dialogs, path)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        for name, splitter in self._splitters().items():
            self.settings.setValue(f"window/{name}", splitter.saveState())
        self.settings.sync()
        self.sync_actions.shutdown()
        self.map.shutdown()
        super().closeEvent(event)

    def show_user_guide(self) -> None:
        """The guide beside the window (one, raised again if open), made on first use."""
        if self.guide is None:
            self.guide = UserGuide(self)
        self.guide.show()
        self.guide.raise_()
        self.guide.activateWindow()

    def show_shortcuts(self) -> None:
        """The shortcuts as the menus have them now (a fresh list each time)."""
        if self.shortcuts is not None:
            self.shortcuts.close()
            self.shortcuts.deleteLater()
        self.shortcuts = ShortcutsDialog(self.menuBar(), self)
        self.shortcuts.show()

    def show_about(self) -> None:
        from data.version import version  # importlib.metadata: not worth its time at start

        QMessageBox.about(
            self,
            "About Shuttle",
            f"<h3>Shuttle {html_text(version())}</h3>"
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


def _files() -> ModuleType:
    from ui import file_actions

    return file_actions


def _ics() -> ModuleType:
    from ui import ics_actions

    return ics_actions


def _printing() -> ModuleType:
    from ui import print_actions

    return print_actions


def _calendar_files(data: QMimeData) -> list[str]:
    """The local .ics and .eml files among dropped URLs."""
    paths = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
    return [p for p in paths if Path(p).suffix.lower() in (".ics", ".eml")]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _unique(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for value in values:
        if value not in out:
            out.append(value)
    return out
