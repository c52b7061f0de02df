"""Trip-menu work for CalDAV sync: share, Sync Now, sync every N minutes, conflicts.

The network half of a sync (:func:`data.caldav_sync.exchange`) runs on a worker thread
with progress and Cancel in the status bar; what it brings back is applied through the
workspace's write path (:class:`data.caldav_sync.ApplySync`), on the GUI thread, so the
views redraw as for any edit. A permanent status-bar label shows the sync state.
"""

from __future__ import annotations

import threading
from datetime import datetime
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QThread, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QProgressBar,
    QPushButton,
)

from data import sync_state
from ui.dialogs import Dialogs
from ui.workspace import Changes, Workspace

if TYPE_CHECKING:
    from data.caldav_sync import Outcome, Snapshot

EVERY_SETTING = "sync/every_minutes/{trip_id}"


class SyncThread(QThread):
    """One exchange with the server, off the GUI thread.

    Signals:
        progressed(int, int, str): done, total, what is being done.
        succeeded(object): the Outcome, to apply on the GUI thread.
        failed(str): one line saying why nothing changed.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, snap: Snapshot, password: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.snap, self.password = snap, password
        self.stop = threading.Event()

    def run(self) -> None:
        sync = _sync()
        try:
            outcome = sync.exchange(
                self.snap, self.password, self.progressed.emit, self.stop.is_set
            )
        except sync.SyncError as exc:
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(outcome)


class SyncActions(QObject):
    """The Trip menu's sync actions and the status bar's sync indicator.

    Signals:
        started(SyncThread): a sync's worker is about to start.
        finished(str): a sync ended; the text is what the indicator shows.
    """

    started = Signal(object)
    finished = Signal(str)

    def __init__(
        self, workspace: Workspace, window: QMainWindow, dialogs: Dialogs, settings: QSettings
    ) -> None:
        super().__init__(window)
        self.ws, self.window, self.dialogs, self.settings = workspace, window, dialogs, settings
        self.share_action = QAction(self.tr("&Share on Calendar Server…"), window)
        self.share_action.setStatusTip(self.tr("Keep the trip in a calendar on a CalDAV server"))
        self.share_action.triggered.connect(self.share)
        self.sync_action = QAction(self.tr("S&ync Now"), window)
        self.sync_action.setShortcut("F5")
        self.sync_action.setStatusTip(
            self.tr("Send changes to the calendar server and fetch its own")
        )
        self.sync_action.triggered.connect(self.sync_now)
        self.conflicts_action = QAction(self.tr("Resolve Sync &Conflicts…"), window)
        self.conflicts_action.triggered.connect(self.resolve_conflicts)
        self.indicator = QLabel()
        self.indicator.setAccessibleName(self.tr("Calendar sync"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop the sync; nothing changes here"))
        self.cancel_button.clicked.connect(self.cancel)
        bar = window.statusBar()
        for widget in (self.progress, self.cancel_button, self.indicator):
            bar.addPermanentWidget(widget)
        self.progress.hide()
        self.cancel_button.hide()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self._on_timer)
        self.worker: SyncThread | None = None
        self._passwords: dict[tuple[str, str], str] = {}  # this session only, in memory
        self._outcome_text: str | None = None
        self._outcome_tip: str | None = None
        workspace.changed.connect(self._on_changed)
        self.refresh()

    def install(self, menu: QMenu) -> None:
        for action in (self.share_action, self.sync_action, self.conflicts_action):
            menu.addAction(action)

    # -- state ------------------------------------------------------------------------

    def _account(self) -> sync_state.Account | None:
        trip_id = self.ws.trip_id
        return None if trip_id is None else sync_state.account(self.ws.store, trip_id)

    def refresh(self, text: str | None = None, tip: str | None = None) -> None:
        """Bring the indicator and the actions up to date (``text``: a sync's outcome,
        ``tip``: the whole line when it failed)."""
        trip_id = self.ws.trip_id
        account = self._account()
        busy = self.worker is not None
        self.share_action.setEnabled(trip_id is not None and not busy)
        self.sync_action.setEnabled(account is not None and not busy)
        conflicts = sync_state.conflicts(self.ws.store, trip_id) if trip_id is not None else {}
        self.conflicts_action.setEnabled(bool(conflicts) and not busy)
        if text is None:
            if account is None:
                text = self.tr("Calendar: not shared")
            elif conflicts:
                text = self.tr("Calendar: {count} in conflict").format(count=len(conflicts))
            elif account.synced_at is not None:
                local = account.synced_at.astimezone()
                text = self.tr("Calendar: synced {time}").format(time=f"{local:%H:%M}")
            else:
                text = self.tr("Calendar: not synced yet")
        self.indicator.setText(text)
        if tip is not None:
            self.indicator.setToolTip(tip)
        elif account is not None:
            self.indicator.setToolTip(f"{account.user} at {account.collection or account.url}")
        else:
            self.indicator.setToolTip(
                self.tr("Trip → Share on Calendar Server… to share this trip")
            )
        every = self._every(trip_id)
        if account is not None and every > 0:
            if self.timer.interval() != every * 60_000 or not self.timer.isActive():
                self.timer.start(every * 60_000)
        else:
            self.timer.stop()

    def _every(self, trip_id: int | None) -> int:
        if trip_id is None:
            return 0
        value = self.settings.value(EVERY_SETTING.format(trip_id=trip_id), 0)
        try:
            return max(0, int(str(value)))
        except ValueError:
            return 0

    def _on_changed(self, changes: Changes) -> None:
        if changes.shown or changes.contents is not None:
            self.refresh()

    # -- actions ----------------------------------------------------------------------

    def share(self) -> None:
        trip_id = self.ws.trip_id
        if trip_id is None:
            return
        account = self._account()
        url, user = (account.url, account.user) if account else ("", "")
        known = self._passwords.get((url, user), "")
        from ui.share_dialog import ShareDialog

        sync = _sync()
        dialog = ShareDialog(url, user, self._every(trip_id), known, self.window)
        if not dialog.exec():
            return
        given = dialog.details()
        try:
            sync.share(self.ws.store, trip_id, given.url, given.user)
            if given.password:
                self._passwords[(given.url, given.user)] = given.password
                if given.remember:
                    sync.remember_password(given.url, given.user, given.password)
        except sync.SyncError as exc:
            self.dialogs.warn(self.tr("Share on Calendar Server"), str(exc))
        self.settings.setValue(EVERY_SETTING.format(trip_id=trip_id), given.every_minutes)
        self.refresh()
        self.sync_now()

    def _password(self, account: sync_state.Account, ask: bool) -> str | None:
        key = (account.url, account.user)
        if key in self._passwords:
            return self._passwords[key]
        sync = _sync()
        try:
            return str(sync.password_for(account.url, account.user))
        except sync.SyncError as exc:
            if not ask:
                self.refresh(self.tr("Calendar: {reason}").format(reason=exc))
                return None
        text, ok = QInputDialog.getText(
            self.window,
            self.tr("Calendar Server Password"),
            self.tr("Password for {user} at {url}:").format(user=account.user, url=account.url),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not text:
            return None
        self._passwords[key] = text
        return text

    def sync_now(self, ask: bool = True) -> bool:
        """Start a sync of the trip shown; False when none could start."""
        trip_id = self.ws.trip_id
        account = self._account()
        if trip_id is None or account is None or self.worker is not None:
            return False
        password = self._password(account, ask)
        if password is None:
            return False
        sync = _sync()
        self._outcome_text = self._outcome_tip = None
        try:
            snap = sync.snapshot(self.ws.store, trip_id, self.ws.trip)  # as shown, as stored
        except sync.SyncError as exc:
            self.refresh(self.tr("Calendar: {reason}").format(reason=exc))
            return False
        self.worker = SyncThread(snap, password, self)
        self.worker.progressed.connect(self._on_progress)
        self.worker.succeeded.connect(self._on_success)
        self.worker.failed.connect(self._on_failure)
        self.worker.finished.connect(self._on_thread_done)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.refresh(self.tr("Calendar: syncing…"))
        self.started.emit(self.worker)
        self.worker.start()
        return True

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.stop.set()

    def shutdown(self) -> None:
        """Stop a running sync and wait for its thread (the window is closing)."""
        self.timer.stop()
        if self.worker is not None:
            self.worker.stop.set()
            self.worker.wait()

    def _on_timer(self) -> None:
        self.sync_now(ask=False)

    def _on_progress(self, done: int, total: int, what: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setToolTip(what)

    def _on_success(self, outcome: Outcome) -> None:
        sync = _sync()
        if self.ws.trip_id == outcome.trip_id:
            if (
                self.ws.run(sync.ApplySync(outcome, self.ws.gazetteer)) is None
            ):  # refused: the window said why
                self._outcome_text = self.tr("Calendar: sync failed")
                self._outcome_tip = self.tr("the server's changes could not be applied here")
                return
        else:  # another trip is shown now: nothing on screen to redraw
            try:
                sync.commit(self.ws.store, outcome, self.ws.gazetteer)
            except sync.SyncError as exc:
                self._on_failure(str(exc))
                return
        report = outcome.report
        conflicts = len(report.conflicts)
        when = datetime.now().strftime("%H:%M")
        text = self.tr("Calendar: synced {time}").format(time=when)
        if conflicts:
            text = self.tr("Calendar: {count} in conflict").format(count=conflicts)
            changed_twice = self.tr(
                "%n meeting(s) changed here and on the server: Trip → Resolve Sync Conflicts…",
                "",
                conflicts,
            )
            self.ws.say(f"{report.summary()}; {changed_twice}", 0)
        else:
            self.ws.say(report.summary(), 5000)
        self._outcome_text = text

    def _on_failure(self, text: str) -> None:
        if "cancelled" in text:
            self._outcome_text = self.tr("Calendar: sync cancelled")
        else:
            self._outcome_text = self.tr("Calendar: sync failed")
            self.ws.say(self.tr("Sync failed: {reason}").format(reason=text), 0)
        self._outcome_tip = text

    def _on_thread_done(self) -> None:
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None
        self.progress.hide()
        self.cancel_button.hide()
        self.refresh(self._outcome_text, self._outcome_tip)
        self.finished.emit(self.indicator.text())

    def resolve_conflicts(self) -> None:
        """Each conflict side by side; each choice is applied, then the trip syncs."""
        trip_id = self.ws.trip_id
        if trip_id is None:
            return
        from ui.conflict_dialog import ConflictDialog

        sync = _sync()
        settled = 0
        for meeting_id in sync_state.conflicts(self.ws.store, trip_id):
            try:
                view = sync.view_conflict(self.ws.store, trip_id, meeting_id)
            except (sync.SyncError, ValueError) as exc:
                self.dialogs.warn(self.tr("Sync Conflict"), str(exc))
                continue
            dialog = ConflictDialog(view, self.window)
            if not dialog.exec() or dialog.choice is None:
                break
            if self.ws.run(sync.ResolveConflict(trip_id, meeting_id, dialog.choice)) is not None:
                settled += 1
        self.refresh()
        if settled:
            self.sync_now()


def _sync() -> ModuleType:
    """data.caldav_sync (icalendar, the caldav library) loads on first use, not at start-up."""
    from data import caldav_sync

    return caldav_sync
