"""Planning actions: new trips, the meeting editor, travel, undo and redo.

Each action builds a data-layer :class:`~data.edits.Edit` and hands it to the
:class:`~ui.workspace.Workspace`, which applies it and keeps it on its undo stack; the
views follow the workspace's ``changed`` signal, never this module.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from data.edits import (
    ChangeTrip,
    ChangeTripDetails,
    CreateTrip,
    DeleteMeetings,
    DuplicateMeeting,
    SetLegs,
    edit_leg,
    save_meeting_with,
    set_travel_assumptions,
)
from data.meeting_form import FormResult
from data.model import Meeting
from ui.map_pane import MapPane
from ui.meeting_editor import MeetingEditor
from ui.travel_dialog import LegDialog, TravelDialog
from ui.trip_dialog import TripDetails, TripDialog
from ui.workspace import Workspace


class Planner:
    """The planning actions of one window, all writing through the workspace."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget,
        map_pane: MapPane,
        chosen_day: Callable[[], date],
    ) -> None:
        """``chosen_day`` gives the day a new meeting starts on (the calendar's)."""
        self.workspace = workspace
        self.parent = parent
        self.map = map_pane
        self.chosen_day = chosen_day
        self.editor: MeetingEditor | None = None
        stack = workspace.undo_stack
        self.undo_action = stack.createUndoAction(parent, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(parent, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.new_trip_action = self._action(
            QCoreApplication.translate("Planner", "New &Trip…"), "Ctrl+Shift+N", self.new_trip
        )
        self.trip_details_action = self._action(
            QCoreApplication.translate("Planner", "Trip &Details…"), None, self.edit_trip
        )
        self.trip_details_action.setStatusTip(
            QCoreApplication.translate(
                "Planner", "Name, traveller, home zone and dates of the trip"
            )
        )
        self.new_action = self._action(
            QCoreApplication.translate("Planner", "&New Meeting…"), "Ctrl+N", self.new_meeting
        )
        self.edit_action = self._action(
            QCoreApplication.translate("Planner", "&Edit Meeting…"),
            "Ctrl+Return",
            self.edit_meeting,
        )
        self.duplicate_action = self._action(
            QCoreApplication.translate("Planner", "D&uplicate Meeting"), "Ctrl+D", self.duplicate
        )
        self.delete_action = self._action(
            QCoreApplication.translate("Planner", "&Delete Meeting"),
            QKeySequence.StandardKey.Delete,
            self.delete,
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.leg_action = self._action(
            QCoreApplication.translate("Planner", "Travel to &Here…"),
            "Ctrl+T",
            self.edit_leg_to_selected,
        )
        self.leg_action.setStatusTip(
            QCoreApplication.translate(
                "Planner", "Mode and times of the journey to the selected meeting"
            )
        )
        self.assumptions_action = self._action(
            QCoreApplication.translate("Planner", "Travel &Assumptions…"),
            None,
            self.edit_assumptions,
        )
        map_pane.point_picked.connect(self._on_point_picked)

    def _action(
        self, text: str, key: QKeySequence.StandardKey | str | None, slot: Callable[[], None]
    ) -> QAction:
        action = QAction(text, self.parent)
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _=False: slot())
        return action

    def meeting_actions(self) -> list[QAction]:
        return [self.new_action, self.edit_action, self.duplicate_action, self.delete_action]

    def update_actions(self) -> None:
        has_trip = self.workspace.trip is not None
        chosen = bool(self.workspace.selection)
        self.new_action.setEnabled(has_trip)
        self.trip_details_action.setEnabled(has_trip)
        self.assumptions_action.setEnabled(has_trip)
        for action in (self.edit_action, self.duplicate_action, self.delete_action):
            action.setEnabled(has_trip and chosen)
        self.leg_action.setEnabled(has_trip and chosen)

    # -- trips ------------------------------------------------------------------------

    def new_trip(self) -> None:
        ws = self.workspace
        taken = {t.name for t in ws.trips()}
        home = ws.trip.home_timezone if ws.trip else "UTC"
        dialog = TripDialog(taken, home, self.parent)
        if dialog.exec() and dialog.details is not None:
            d = dialog.details
            ws.perform(CreateTrip(d.name, d.traveller, d.home_timezone, d.start_day, d.end_day))

    def edit_trip(self) -> None:
        ws = self.workspace
        trip, trip_id = ws.trip, ws.trip_id
        if trip is None or trip_id is None:
            return
        taken = {t.name for t in ws.trips()} - {trip.name}
        current = TripDetails(
            trip.name, trip.traveller, trip.home_timezone, trip.start_day, trip.end_day
        )
        dialog = TripDialog(taken, trip.home_timezone, self.parent, current)
        if dialog.exec() and dialog.details is not None and dialog.details != current:
            d = dialog.details
            ws.perform(
                ChangeTripDetails(
                    trip_id, d.name, d.traveller, d.home_timezone, d.start_day, d.end_day
                )
            )

    # -- meetings ---------------------------------------------------------------------

    def new_meeting(self) -> None:
        self._open_editor(None)

    def edit_meeting(self) -> None:
        chosen, trip = self.workspace.selection, self.workspace.trip
        if chosen and trip is not None:
            self._open_editor(trip.meeting(chosen[0]))

    def duplicate(self) -> None:
        ws = self.workspace
        if ws.trip is None or ws.trip_id is None or not ws.selection:
            return
        original = ws.trip.meeting(ws.selection[0])
        edit = DuplicateMeeting(ws.trip_id, original.id, original.title)
        if ws.perform(edit):
            ws.select([edit.new_id])

    def delete(self) -> None:
        ws = self.workspace
        trip, chosen = ws.trip, list(ws.selection)
        if trip is None or ws.trip_id is None or not chosen:
            return
        label = (
            f"Delete {len(chosen)} meetings"
            if len(chosen) > 1
            else f"Delete meeting “{trip.meeting(chosen[0]).title}”"
        )
        ws.perform(DeleteMeetings(ws.trip_id, tuple(chosen), label))

    def _open_editor(self, meeting: Meeting | None) -> None:
        trip = self.workspace.trip
        if trip is None:
            return
        if self.editor is not None:
            self.editor.raise_()
            return
        editor = MeetingEditor(
            trip, meeting, self.workspace.gazetteer, self.chosen_day(), self.parent
        )
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.finished.connect(lambda code: self._on_editor_done(editor, code))
        editor.pick_on_map_requested.connect(self._start_picking)
        self.editor = editor
        editor.show()

    def _on_editor_done(self, editor: MeetingEditor, code: int) -> None:
        self.editor = None
        self.map.pick_point(False)
        result: FormResult | None = editor.result_value
        editor.deleteLater()
        ws = self.workspace
        if not code or result is None or ws.trip_id is None:
            return
        verb = "Edit" if editor.original is not None else "Add"
        edit = ChangeTrip(
            ws.trip_id,
            lambda trip: save_meeting_with(
                trip, result.meeting, result.new_place, result.new_sources
            ),
            f"{verb} meeting “{result.meeting.title}”",
        )
        if ws.perform(edit):
            ws.select([result.meeting.id])

    def _start_picking(self) -> None:
        editor = self.editor
        if editor is None:
            return
        editor.hide()
        editor.setWindowModality(Qt.WindowModality.NonModal)
        self.map.pick_point(True)
        self.workspace.say(
            QCoreApplication.translate("Planner", "Click the map where the meeting is held."), 0
        )

    def _on_point_picked(self, lat: float, lon: float) -> None:
        editor = self.editor
        if editor is None:
            return
        self.workspace.say("", 1)
        editor.set_coordinates(lat, lon)
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.show()
        editor.raise_()

    # -- travel -----------------------------------------------------------------------

    def edit_leg_to_selected(self) -> None:
        """Mode and times of the journey that ends at the selected meeting."""
        ws = self.workspace
        trip, chosen, trip_id = ws.trip, ws.selection, ws.trip_id
        if trip is None or not chosen or trip_id is None:
            return
        planned = next((p for p in ws.planned_legs() if p.before_meeting == chosen[0]), None)
        if planned is None:
            ws.say(QCoreApplication.translate("Planner", "No travel leads to this meeting."))
            return
        dialog = LegDialog(planned.leg, planned.origin, planned.destination, self.parent)
        if not dialog.exec() or dialog.value is None:
            return
        if planned.stored:
            edit = edit_leg(trip_id, trip, trip.legs.index(planned.leg), dialog.value)
        else:
            edit = SetLegs(
                trip_id,
                (*trip.legs, dialog.value),
                f"Set travel {planned.origin.city} → {planned.destination.city}",
            )
        ws.perform(edit)

    def edit_assumptions(self) -> None:
        ws = self.workspace
        if ws.trip_id is None:
            return
        dialog = TravelDialog(ws.assumptions, self.parent)
        if dialog.exec() and dialog.value is not None:
            ws.perform(set_travel_assumptions(ws.trip_id, dialog.value))
