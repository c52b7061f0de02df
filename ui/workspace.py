"""The workspace: what the window shows and the one way to change it.

One :class:`Workspace` is made in ``ui.app`` and handed to the window, its panes and the
action modules. It owns the store, the trip shown, the undo stack, the day filter, the
zone choice and the travel assumptions. Every write is a data-layer
:class:`~data.edits.Edit` run by :meth:`Workspace.perform`, which applies it in one store
transaction and pushes it on the undo stack; an edit the store refuses leaves the store
and the stack as they were. Whatever changes, the workspace emits one ``changed`` signal
with a :class:`Changes`, and each view decides what to redraw.

Signals:
    changed(Changes): the trip shown, its contents, the view, the assumptions, the
        warnings or the planned legs changed.
    refused(str, str): an edit (its label) was refused by the store, with the reason.
    select_requested(list): an action asks the views to select these meeting ids.
    message(str, int): a status-bar message and how long to show it (ms; 0 until replaced).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from data import store as data_store
from data.edits import Edit
from data.gazetteer import Gazetteer
from data.model import Trip
from data.store import ASSUMPTIONS_SETTING, Store, StoreError, TripRows, TripSummary
from data.travel import DEFAULT_ASSUMPTIONS, PlannedLeg, TravelAssumptions, derive_legs
from data.warnings import TripWarning, check_trip, warnings_by_meeting
from ui.background import Task
from ui.zone_choice import ZoneMode, display_zone

ZONE_SETTING = "view/zone"
CHECK_DELAY_MS = 1000  # the longest an opened trip's warnings wait for the window to draw it
# From this many meetings an opened trip's legs are planned on a worker thread once the
# window has drawn it: measuring thousands of place pairs takes tenths of a second
# (README, Benchmarks). Smaller trips are planned at once, as the views ask.
PLAN_LATER_FROM = 1000
# From this many meetings an opened trip's rows are turned into a trip on a worker thread
# (a tenth of a second per 3,000 meetings); what was shown stays until it arrives.
READ_LATER_FROM = 1000


@dataclass(frozen=True, slots=True)
class Changes:
    """What changed in the workspace, for each view to decide whether to redraw."""

    shown: bool = False  # another trip (or none) is shown: redraw all, fit the map
    contents: data_store.Changes | None = None  # what an edit changed in the trip shown
    trips: bool = False  # the list of trips (names, how many)
    view: bool = False  # the zone choice
    day: bool = False  # the day filter alone: only the agenda's rows change
    assumptions: bool = False  # the travel assumptions, so estimates and warnings
    warnings: bool = False  # the warnings checked off the GUI thread have arrived
    legs: bool = False  # the legs planned off the GUI thread have arrived


class _EditCommand(QUndoCommand):
    """One applied edit on the stack; redo re-applies it, undo applies its inverse."""

    def __init__(self, workspace: Workspace, edit: Edit, inverse: Edit) -> None:
        super().__init__(edit.label)
        self.workspace = workspace
        self.edit, self.inverse = edit, inverse
        self.done = True  # pushed after it was applied: the first redo() is a no-op

    def redo(self) -> None:
        if self.done:
            self.done = False
            return
        inverse = self.workspace.run(self.edit)
        if inverse is None:
            self.setObsolete(True)  # the store refused: the stack drops this step
        else:
            self.inverse = inverse

    def undo(self) -> None:
        edit = self.workspace.run(self.inverse)
        if edit is None:
            self.setObsolete(True)
        else:
            self.edit = edit


class Workspace(QObject):
    changed = Signal(object)
    refused = Signal(str, str)
    select_requested = Signal(list)
    message = Signal(str, int)

    def __init__(
        self,
        store: Store,
        settings: QSettings,
        gazetteer: Gazetteer | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.settings = settings
        self._gazetteer = gazetteer
        self.undo_stack = QUndoStack(self)
        self._trip: Trip | None = None
        self._trip_id: int | None = None
        self._day_filter: date | None = None
        self._zone_mode = _zone_mode(settings.value(ZONE_SETTING, ZoneMode.VENUE))
        self._assumptions = DEFAULT_ASSUMPTIONS
        self.assumptions_problem = ""  # why the stored assumptions were not used
        self._read_assumptions()
        self._warnings: dict[str, list[TripWarning]] = {}
        self._checking: Task | None = None  # the shown trip's warnings, being checked
        self._planned: list[PlannedLeg] | None = None  # derive_legs of the trip shown
        self._planning: Task | None = None  # the shown trip's legs, being planned
        self._reading: Task | None = None  # a big trip being opened, read off the GUI thread
        self._reading_id: int | None = None
        # What the views want made from a big trip on the worker that reads it (the map's
        # data): made there, the first drawing after it arrives runs alone.
        self._preparers: dict[str, Callable[[Trip], object]] = {}
        self._prepared: dict[str, object] = {}
        self._selection: Callable[[], list[str]] = list

    def set_selection_source(self, source: Callable[[], list[str]]) -> None:
        """Where :attr:`selection` reads from (the agenda's selected meetings)."""
        self._selection = source

    # -- what is shown ----------------------------------------------------------------

    @property
    def store(self) -> Store:
        """For reading; every write goes through :meth:`perform`."""
        return self._store

    @property
    def trip(self) -> Trip | None:
        return self._trip

    @property
    def trip_id(self) -> int | None:
        return self._trip_id

    @property
    def selection(self) -> list[str]:
        """The ids of the meetings selected in the views, first one first."""
        return self._selection()

    @property
    def day_filter(self) -> date | None:
        return self._day_filter

    @property
    def zone_mode(self) -> ZoneMode:
        return self._zone_mode

    @property
    def assumptions(self) -> TravelAssumptions:
        return self._assumptions

    @property
    def warnings(self) -> dict[str, list[TripWarning]]:
        """The shown trip's warnings by meeting id (empty while :attr:`checking`)."""
        return self._warnings

    @property
    def checking(self) -> bool:
        """The warnings of the trip just opened are still being checked (off the GUI
        thread); ``changed`` with ``warnings`` set follows."""
        return self._checking is not None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer()
        return self._gazetteer

    def display_zone(self) -> ZoneInfo | None:
        """The zone times are shown in (None: each venue's own)."""
        return display_zone(self._zone_mode, self._trip)

    def trips(self) -> list[TripSummary]:
        return self._store.trips()

    def planned_legs(self) -> list[PlannedLeg]:
        """The shown trip's legs as the assumptions plan them.

        Kept until the trip or the assumptions change: selecting a meeting asks for them,
        and a trip of thousands of meetings takes tens of milliseconds to plan.
        """
        if self._trip is None:
            return []
        if self._planned is None:
            self._stop_planning()  # asked for now (an action): planned here, not awaited
            self._planned = derive_legs(self._trip, self._assumptions)
        return list(self._planned)

    def legs_if_planned(self) -> list[PlannedLeg] | None:
        """:meth:`planned_legs` without waiting: None while a big trip's legs are being
        planned off the GUI thread (``changed`` with ``legs`` set follows)."""
        if self._planning is not None:
            return None
        return self.planned_legs()

    @property
    def planning(self) -> bool:
        """The legs of the trip just opened are still being planned (off the GUI thread)."""
        return self._planning is not None

    def open_trip(self, trip_id: int | None) -> bool:
        """Show trip ``trip_id``, or the most recently opened one, or none if there is none.

        False (and ``refused``) when the store cannot give it; what was shown stays. A big
        trip is shown once read off the GUI thread (:attr:`opening`); what was shown
        stays meanwhile, and a trip that turns out unreadable is refused then.
        """
        try:
            if trip_id is None and not self._store.trips():
                self._show(None)
            else:
                target = self._store.resolve(trip_id) if trip_id is None else trip_id
                trip = self._store.kept_trip(target)
                if trip is None:
                    rows = self._store.trip_rows(target)
                    if rows.meeting_count >= READ_LATER_FROM:
                        self._read_later(rows)
                        return True
                    trip = self._store.keep_read(rows, rows.trip())
                self._show(target, trip)
        except StoreError as exc:
            self.refused.emit(self.tr("Cannot open trip"), str(exc))
            return False
        self.changed.emit(Changes(shown=True, trips=True))
        return True

    def prepare_when_reading(self, name: str, prepare: Callable[[Trip], object]) -> None:
        """Run ``prepare(trip)`` on the worker that reads a big trip being opened; its
        result is :meth:`prepared` ``(name)`` while that trip is shown."""
        self._preparers[name] = prepare

    def prepared(self, name: str) -> object | None:
        """What ``name``'s preparer made of the trip shown (None: it was not read by a
        worker, or has been edited since)."""
        return self._prepared.get(name)

    @property
    def opening(self) -> int | None:
        """The id of the big trip being read off the GUI thread to be shown, if any."""
        return self._reading_id

    def set_day_filter(self, day: date | None) -> None:
        """Show one day's meetings (None: the whole trip)."""
        self._day_filter = day
        self.changed.emit(Changes(day=True))

    def set_zone_mode(self, mode: ZoneMode) -> None:
        self._zone_mode = mode
        self.settings.setValue(ZONE_SETTING, str(mode))
        self.changed.emit(Changes(view=True))

    def select(self, meeting_ids: list[str]) -> None:
        self.select_requested.emit(list(meeting_ids))

    def say(self, text: str, timeout_ms: int = 5000) -> None:
        self.message.emit(text, timeout_ms)

    # -- the write path ---------------------------------------------------------------

    def perform(self, edit: Edit) -> data_store.Changes | None:
        """Apply ``edit`` now and make it undoable; None (and ``refused``) if refused.

        A refused edit leaves the store and the undo stack as they were.
        """
        result = self._apply(edit)
        if result is None:
            return None
        changes, inverse = result
        self.undo_stack.push(_EditCommand(self, edit, inverse))
        self._follow(changes)
        return changes

    def run(self, edit: Edit) -> Edit | None:
        """Apply ``edit`` without touching the stack (the stack's own undo and redo)."""
        result = self._apply(edit)
        if result is None:
            return None
        changes, inverse = result
        self._follow(changes)
        return inverse

    def _apply(self, edit: Edit) -> tuple[data_store.Changes, Edit] | None:
        try:
            return edit.apply(self._store)
        except StoreError as exc:
            self.refused.emit(edit.label, str(exc))
            return None

    def _follow(self, changes: data_store.Changes) -> None:
        """Bring the workspace up to date after an edit, then tell the views."""
        assumptions = ASSUMPTIONS_SETTING in changes.settings
        if assumptions:
            self._read_assumptions()
        self._planned = None
        self._prepared = {}
        self._stop_planning()  # the views plan the edited trip as they ask
        if changes.removed and changes.trip_id == self._trip_id:
            self._trip, self._trip_id = None, None
            self.open_trip(None)
            return
        if changes.trip_id != self._trip_id:
            self.open_trip(changes.trip_id)  # another trip was made or changed: show it
            return
        try:
            self._trip = self._store.load_trip(changes.trip_id)
        except StoreError as exc:
            self.refused.emit("Cannot read the trip back", str(exc))
            self.open_trip(None)
            return
        self._check()
        self.changed.emit(
            Changes(
                contents=changes,
                trips=changes.trip or bool(changes.meetings),
                assumptions=assumptions,
            )
        )

    # -- internals --------------------------------------------------------------------

    def _show(self, trip_id: int | None, trip: Trip | None = None) -> None:
        """Show ``trip`` (None: none), read from the store as trip ``trip_id``."""
        self._stop_reading()
        self._prepared = {}
        if trip_id is not None and trip is not None:
            self._store.mark_opened(trip_id)
            self._trip, self._trip_id = trip, trip_id
        else:
            self._trip, self._trip_id = None, None
        self._day_filter = None
        self._planned = None
        self._plan_later()
        self._check_later()

    def _read_later(self, rows: TripRows) -> None:
        """Turn a big trip's rows into a trip on a worker thread, then show it."""
        self._stop_reading()
        preparers = dict(self._preparers)

        def read(_cancelled: object) -> tuple[Trip, dict[str, object]]:
            trip = rows.trip()
            return trip, {name: prepare(trip) for name, prepare in preparers.items()}

        task = Task(read)
        task.finished.connect(lambda made: self._read_arrived(task, rows, *made))
        task.failed.connect(lambda exc: self._reading_failed(task, exc))
        self._reading, self._reading_id = task, rows.trip_id
        task.start()
        self.say(self.tr("Opening “{name}”…").format(name=rows.fields["name"]), 0)
        if self._trip is None:
            self.changed.emit(Changes(shown=True, trips=True))  # nothing to act on meanwhile

    def _read_arrived(
        self, task: Task, rows: TripRows, trip: Trip, prepared: dict[str, object]
    ) -> None:
        if task is not self._reading:
            return  # another trip was opened meanwhile
        try:
            self._show(rows.trip_id, self._store.keep_read(rows, trip))
        except StoreError as exc:
            self._refuse_reading(exc)
            return
        self._prepared = prepared
        self.say("", 1)
        self.changed.emit(Changes(shown=True, trips=True))

    def _reading_failed(self, task: Task, exc: BaseException) -> None:
        if task is self._reading:
            self._refuse_reading(exc)

    def _refuse_reading(self, exc: BaseException) -> None:
        """The trip being opened cannot be shown: the one shown stays."""
        self._stop_reading()
        self.say("", 1)
        if not isinstance(exc, StoreError):
            raise exc  # a bug in the reading: the excepthook reports it
        self.refused.emit(self.tr("Cannot open trip"), str(exc))
        # The trip list goes back to the trip shown (none at start-up: the empty window).
        self.changed.emit(Changes(shown=self._trip is None, trips=True))

    def _stop_reading(self) -> None:
        if self._reading is not None:
            self._reading.cancel()
            self._reading, self._reading_id = None, None

    def _check(self) -> None:
        """Check the warnings after an edit: at once, so the views redraw with them; a big
        trip's (a fifth of a second for 10,000 meetings) on a worker thread once the views
        have redrawn, its earlier warnings shown until ``changed`` says they arrived."""
        self._stop_checking()
        trip = self._trip
        if trip is None or len(trip.meetings) < PLAN_LATER_FROM:
            self._warnings = (
                warnings_by_meeting(check_trip(trip, self._assumptions)) if trip else {}
            )
            return
        self._checking = self._check_task(trip)
        QTimer.singleShot(0, self.start_pending_check)

    def _check_later(self) -> None:
        """Check the warnings of the trip just opened on a worker thread.

        A trip of thousands of meetings takes a second to check; the window shows it
        meanwhile and adds the warnings when ``changed`` says they arrived.
        """
        self._stop_checking()
        self._warnings = {}
        trip = self._trip
        if trip is None:
            return
        self._checking = self._check_task(trip)
        # Started once the window has drawn the trip (start_pending_check), at the latest
        # after CHECK_DELAY_MS: Python runs one thread at a time, so a check running beside
        # the drawing would only slow it down.
        QTimer.singleShot(CHECK_DELAY_MS, self.start_pending_check)

    def _check_task(self, trip: Trip) -> Task:
        assumptions = self._assumptions
        task = Task(lambda _cancelled: warnings_by_meeting(check_trip(trip, assumptions)))
        task.finished.connect(lambda found: self._checked(task, found))
        task.failed.connect(lambda exc: self._check_failed(task, exc))
        return task

    def start_pending_check(self) -> None:
        """Start planning the legs of the trip just opened, then checking its warnings,
        if not started yet."""
        planning, checking = self._planning, self._checking
        if planning is not None:
            if not planning.running:
                planning.start()
            return  # checked once the legs have arrived: Python runs one thread at a time
        if checking is not None and not checking.running:
            checking.start()

    def _plan_later(self) -> None:
        """Plan the legs of a big trip just opened on a worker thread, started with the
        warnings' check (:meth:`start_pending_check`): the window draws the stops first."""
        self._stop_planning()
        trip = self._trip
        if trip is None or len(trip.meetings) < PLAN_LATER_FROM:
            return
        assumptions = self._assumptions
        task = Task(lambda _cancelled: derive_legs(trip, assumptions))
        task.finished.connect(lambda planned: self._planned_arrived(task, planned))
        task.failed.connect(lambda exc: self._planning_failed(task, exc))
        self._planning = task

    def _planned_arrived(self, task: Task, planned: list[PlannedLeg]) -> None:
        if task is not self._planning:
            return  # planned again meanwhile (an edit or an action), or another trip shown
        self._planning = None
        self._planned = planned
        self.changed.emit(Changes(legs=True))
        self.start_pending_check()

    def _planning_failed(self, task: Task, exc: BaseException) -> None:
        if task is not self._planning:
            return
        self._planning = None
        self.start_pending_check()
        raise exc  # a bug in the planning: the excepthook reports it

    def _stop_planning(self) -> None:
        if self._planning is not None:
            self._planning.cancel()
            self._planning = None

    def _checked(self, task: Task, found: dict[str, list[TripWarning]]) -> None:
        if task is not self._checking:
            return  # an edit checked the trip again meanwhile, or another trip is shown
        self._checking = None
        self._warnings = found
        self.changed.emit(Changes(warnings=True))

    def _check_failed(self, task: Task, exc: BaseException) -> None:
        if task is not self._checking:
            return
        self._checking = None
        raise exc  # a bug in the checks: the excepthook reports it

    def _stop_checking(self) -> None:
        if self._checking is not None:
            self._checking.cancel()
            self._checking = None

    def _read_assumptions(self) -> None:
        try:
            self._assumptions = self._store.travel_assumptions()
            self.assumptions_problem = ""
        except StoreError as exc:
            # Shown to the user (the window says so); estimates use the defaults meanwhile.
            self._assumptions = DEFAULT_ASSUMPTIONS
            self.assumptions_problem = str(exc)


def _zone_mode(value: object) -> ZoneMode:
    try:
        return ZoneMode(str(value))
    except ValueError:
        return ZoneMode.VENUE
