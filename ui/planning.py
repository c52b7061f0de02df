"""Planning from the window: new trips, the meeting editor, undo and redo.

Every change is a data-layer :class:`~data.edits.Edit`, applied to the store at once and
pushed on a QUndoStack; undoing applies the inverse the edit returned. The window only
hears about the resulting ``Changes`` (:meth:`MainWindow.apply_changes`).
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox

from data.edits import (
    ChangeTrip,
    CreateTrip,
    DeleteMeeting,
    DuplicateMeeting,
    Edit,
    save_meeting_with,
)
from data.gazetteer import Gazetteer
from data.model import Meeting
from data.store import StoreError
from data.travel import DEFAULT_ASSUMPTIONS, TravelAssumptions
from ui.meeting_editor import EditorResult, MeetingEditor
from ui.trip_dialog import TripDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow

ASSUMPTIONS_SETTING = "travel_assumptions"


class EditCommand(QUndoCommand):
    """One applied edit on the undo stack; redo re-applies, undo applies the inverse."""

    def __init__(self, planner: Planner, edit: Edit, inverse: Edit) -> None:
        super().__init__(edit.label)
        self.planner = planner
        self.edit, self.inverse = edit, inverse
        self.done = True  # pushed after it was applied: the first redo() is a no-op

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        self.inverse = self.planner.run(self.edit) or self.inverse

    def undo(self) -> None:
        self.edit = self.planner.run(self.inverse) or self.edit


class Planner:
    """Owns the undo stack and the planning actions of one window."""

    def __init__(self, window: MainWindow, gazetteer: Gazetteer) -> None:
        self.window = window
        self.gazetteer = gazetteer
        self.undo_stack = QUndoStack(window)
        self.editor: MeetingEditor | None = None
        self.undo_action = self.undo_stack.createUndoAction(window, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(window, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.new_trip_action = self._action("New &Trip…", "Ctrl+Shift+N", self.new_trip)
        self.new_action = self._action("&New Meeting…", "Ctrl+N", self.new_meeting)
        self.edit_action = self._action("&Edit Meeting…", "Ctrl+Return", self.edit_meeting)
        self.duplicate_action = self._action("D&uplicate Meeting", "Ctrl+D", self.duplicate)
        self.delete_action = self._action(
            "&Delete Meeting", QKeySequence.StandardKey.Delete, self.delete
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.agenda.table.addAction(self.delete_action)
        self.assumptions_action = self._action("Travel &Assumptions…", None, self.edit_assumptions)
        window.agenda.table.doubleClicked.connect(lambda _index: self.edit_meeting())
        window.map.point_picked.connect(self._on_point_picked)

    def _action(self, text: str, key: object, slot: object) -> QAction:
        action = QAction(text, self.window)
        if key is not None:
            action.setShortcut(QKeySequence(key))  # type: ignore[call-overload]
        action.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
        return action

    def meeting_actions(self) -> list[QAction]:
        return [self.new_action, self.edit_action, self.duplicate_action, self.delete_action]

    def update_actions(self) -> None:
        has_trip = self.window.trip is not None
        chosen = bool(self.window.agenda.selected_ids())
        self.new_action.setEnabled(has_trip)
        for action in (self.edit_action, self.duplicate_action, self.delete_action):
            action.setEnabled(has_trip and chosen)

    # -- running edits ----------------------------------------------------------------

    def perform(self, edit: Edit) -> bool:
        """Apply ``edit`` now and make it undoable; False (and a message) if refused."""
        inverse = self.run(edit)
        if inverse is None:
            return False
        self.undo_stack.push(EditCommand(self, edit, inverse))
        return True

    def run(self, edit: Edit) -> Edit | None:
        try:
            changes, inverse = edit.apply(self.window.store)
        except StoreError as exc:
            QMessageBox.warning(self.window, edit.label, str(exc))
            return None
        self.window.apply_changes(changes)
        return inverse

    # -- trips ------------------------------------------------------------------------

    def new_trip(self) -> None:
        taken = {t.name for t in self.window.store.trips()}
        home = self.window.trip.home_timezone if self.window.trip else "UTC"
        dialog = TripDialog(taken, home, self.window)
        if dialog.exec() and dialog.details is not None:
            d = dialog.details
            self.perform(CreateTrip(d.name, d.traveller, d.home_timezone, d.start_day, d.end_day))

    # -- meetings ---------------------------------------------------------------------

    def new_meeting(self) -> None:
        self._open_editor(None)

    def edit_meeting(self) -> None:
        chosen = self.window.agenda.selected_ids()
        if chosen and self.window.trip is not None:
            self._open_editor(self.window.trip.meeting(chosen[0]))

    def duplicate(self) -> None:
        trip = self.window.trip
        chosen = self.window.agenda.selected_ids()
        if trip is None or not chosen:
            return
        original = trip.meeting(chosen[0])
        edit = DuplicateMeeting(self.window.trip_id or 0, original.id, original.title)
        if self.perform(edit):
            self.window.select_meetings([edit.new_id])

    def delete(self) -> None:
        trip = self.window.trip
        chosen = self.window.agenda.selected_ids()
        if trip is None or not chosen:
            return
        self.undo_stack.beginMacro(
            f"Delete {len(chosen)} meetings"
            if len(chosen) > 1
            else f"Delete meeting “{trip.meeting(chosen[0]).title}”"
        )
        for meeting_id in chosen:
            self.perform(
                DeleteMeeting(self.window.trip_id or 0, meeting_id, trip.meeting(meeting_id).title)
            )
        self.undo_stack.endMacro()

    def _open_editor(self, meeting: Meeting | None) -> None:
        trip = self.window.trip
        if trip is None:
            return
        if self.editor is not None:
            self.editor.raise_()
            return
        day = self.window.calendar.selected_day()
        editor = MeetingEditor(trip, meeting, self.gazetteer, day, self.window)
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.finished.connect(lambda code: self._on_editor_done(editor, code))
        editor.pick_on_map_requested.connect(self._start_picking)
        self.editor = editor
        editor.show()

    def _on_editor_done(self, editor: MeetingEditor, code: int) -> None:
        self.editor = None
        self.window.map.pick_point(False)
        result: EditorResult | None = editor.result_value
        editor.deleteLater()
        if not code or result is None or self.window.trip_id is None:
            return
        verb = "Edit" if editor.original is not None else "Add"
        edit = ChangeTrip(
            self.window.trip_id,
            lambda trip: save_meeting_with(
                trip, result.meeting, result.new_place, result.new_sources
            ),
            f"{verb} meeting “{result.meeting.title}”",
        )
        if self.perform(edit):
            self.window.select_meetings([result.meeting.id])

    def _start_picking(self) -> None:
        editor = self.editor
        if editor is None:
            return
        editor.hide()
        editor.setWindowModality(Qt.WindowModality.NonModal)
        self.window.map.pick_point(True)
        self.window.statusBar().showMessage("Click the map where the meeting is held.")

    def _on_point_picked(self, lat: float, lon: float) -> None:
        editor = self.editor
        if editor is None:
            return
        self.window.statusBar().clearMessage()
        editor.set_coordinates(lat, lon)
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.show()
        editor.raise_()

    # -- travel -----------------------------------------------------------------------

    def assumptions(self) -> TravelAssumptions:
        raw = self.window.store.get_setting(ASSUMPTIONS_SETTING)
        if not raw:
            return DEFAULT_ASSUMPTIONS
        try:
            values = json.loads(raw)
            return TravelAssumptions(
                cruise_kmh=float(values["cruise_kmh"]),
                airport_time=timedelta(minutes=float(values["airport_minutes"])),
                train_kmh=float(values["train_kmh"]),
                road_kmh=float(values["road_kmh"]),
                flight_from_km=float(values["flight_from_km"]),
            )
        except (ValueError, KeyError, TypeError):
            return DEFAULT_ASSUMPTIONS

    def edit_assumptions(self) -> None:
        from ui.travel_dialog import TravelDialog

        dialog = TravelDialog(self.assumptions(), self.window)
        if dialog.exec() and dialog.value is not None:
            value = dialog.value
            self.window.store.set_setting(
                ASSUMPTIONS_SETTING,
                json.dumps(
                    {
                        "cruise_kmh": value.cruise_kmh,
                        "airport_minutes": value.airport_time.total_seconds() / 60,
                        "train_kmh": value.train_kmh,
                        "road_kmh": value.road_kmh,
                        "flight_from_km": value.flight_from_km,
                    }
                ),
            )
            self.window.refresh()
