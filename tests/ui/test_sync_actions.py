"""Sync from the window against a real Radicale: status bar, progress, cancel, conflicts."""

from __future__ import annotations

from typing import Any

import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from data import caldav_sync, sync_state
from data.ics_common import meeting_uid
from tests.radicale import USERS, Radicale, free_port
from ui.conflict_dialog import ConflictDialog
from ui.main_window import MainWindow
from ui.sync_actions import SyncThread

pytestmark = pytest.mark.gui


@pytest.fixture
def shared_window(make_window, store, radicale, monkeypatch) -> MainWindow:
    monkeypatch.setenv(caldav_sync.PASSWORD_ENV, USERS["alice"])
    caldav_sync.share(store, store.resolve(None), radicale.url, "alice")
    return make_window(wait_for_map=False)


def sync_in_window(qtbot, window: MainWindow) -> str:
    actions = window.sync_actions
    with qtbot.waitSignal(actions.finished, timeout=60000) as done:
        assert actions.sync_now()
    return str(done.args[0])


def server_object(radicale: Radicale, store, meeting_id: str) -> Any:
    account = sync_state.account(store, store.resolve(None))
    assert account is not None and account.collection
    calendar = radicale.client().calendar(url=account.collection)
    return next(
        o
        for o in calendar.search(event=True)
        if str(Calendar.from_ical(o.data).walk("VEVENT")[0]["UID"]) == meeting_uid(meeting_id)
    )


def retitle_on_server(obj: Any, title: str) -> None:
    calendar = Calendar.from_ical(obj.data)
    calendar.walk("VEVENT")[0]["SUMMARY"] = title
    obj.data = calendar.to_ical().decode()
    obj.save()


def test_sync_now_shows_its_state_and_brings_remote_edits_into_the_views(
    qtbot, shared_window, store, radicale
):
    window = shared_window
    assert window.sync_actions.indicator.text() == "Calendar: not synced yet"
    assert window.sync_actions.sync_action.isEnabled()
    assert sync_in_window(qtbot, window).startswith("Calendar: synced ")
    meeting = window.workspace.trip.meetings[0]
    retitle_on_server(server_object(radicale, store, meeting.id), "Lavrov, from Bob")
    sync_in_window(qtbot, window)
    # Through the workspace: the trip shown and the agenda have the server's title.
    assert window.workspace.trip.meeting(meeting.id).title == "Lavrov, from Bob"
    model = window.agenda.table.model()
    shown = [
        model.index(row, column).data()
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]
    assert "Lavrov, from Bob" in shown
    assert not window.sync_actions.progress.isVisible()


def test_a_conflict_is_resolved_in_the_window_field_by_field_and_syncs(
    qtbot, shared_window, store, radicale, monkeypatch
):
    window = shared_window
    sync_in_window(qtbot, window)
    meeting = window.workspace.trip.meetings[0]
    retitle_on_server(server_object(radicale, store, meeting.id), "Server title")
    trip_id = store.resolve(None)
    store.save_meeting(trip_id, meeting.replace(title="Local title", notes="Local notes"))
    assert sync_in_window(qtbot, window) == "Calendar: 1 in conflict"
    assert window.sync_actions.conflicts_action.isEnabled()

    shown: list[tuple[str, str]] = []

    def pick(dialog: ConflictDialog) -> int:
        # Both versions side by side, then the server's title ticked and merged.
        shown.extend(
            (label.text(), "") for label in dialog.findChildren(type(window.sync_actions.indicator))
        )
        dialog.ticks["title"].setChecked(True)
        qtbot.mouseClick(dialog.merge, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(ConflictDialog, "exec", pick)
    with qtbot.waitSignal(window.sync_actions.finished, timeout=60000) as done:
        window.sync_actions.conflicts_action.trigger()
    assert str(done.args[0]).startswith("Calendar: synced ")
    texts = [text for text, _ in shown]
    assert "Local title" in texts and "Server title" in texts
    assert "Local notes" in texts
    local = window.workspace.trip.meeting(meeting.id)
    assert (local.title, local.notes) == ("Server title", "Local notes")
    on_server = Calendar.from_ical(server_object(radicale, store, meeting.id).data)
    event = on_server.walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Server title"
    assert "Local notes" in event["DESCRIPTION"]
    assert sync_state.conflicts(store, trip_id) == {}


def test_a_cancelled_sync_changes_nothing_and_says_so(qtbot, shared_window, store):
    window = shared_window
    trip_id = store.resolve(None)
    before = (store.load_trip(trip_id), sync_state.synced(store, trip_id))

    def stop_at_once(worker: SyncThread) -> None:
        # On the worker's own thread, so the very next step sees it.
        worker.progressed.connect(lambda *_: worker.stop.set(), Qt.ConnectionType.DirectConnection)

    window.sync_actions.started.connect(stop_at_once)
    assert sync_in_window(qtbot, window) == "Calendar: sync cancelled"
    assert (store.load_trip(trip_id), sync_state.synced(store, trip_id)) == before


def test_server_down_leaves_the_trip_and_shows_one_line(qtbot, make_window, store, monkeypatch):
    monkeypatch.setenv(caldav_sync.PASSWORD_ENV, "whatever")
    url = f"http://127.0.0.1:{free_port()}/"
    caldav_sync.share(store, store.resolve(None), url, "alice")
    window = make_window(wait_for_map=False)
    before = store.load_trip(store.resolve(None))
    assert sync_in_window(qtbot, window) == "Calendar: sync failed"
    assert window.sync_actions.indicator.toolTip() == (
        f"cannot reach the calendar server at {url}: Connection refused"
    )
    assert store.load_trip(store.resolve(None)) == before
    assert window.workspace.trip == before


def test_share_dialog_tests_the_connection_off_the_gui_thread(qtbot, radicale):
    from ui.share_dialog import ShareDialog

    dialog = ShareDialog(radicale.url, "alice", 0, "")
    qtbot.addWidget(dialog)
    dialog.password.setText(USERS["alice"])
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=60000)
    assert dialog.test_result.text().startswith("connected as alice")
    dialog.password.setText("wrong")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=60000)
    assert "refused user 'alice'" in dialog.test_result.text()
    details = dialog.details()
    assert (details.url, details.user, details.every_minutes) == (radicale.url, "alice", 0)
    dialog.reject()


def test_the_trip_menu_offers_sharing_and_syncs_every_n_minutes_when_asked(
    make_window, store, settings, monkeypatch
):
    window = make_window(wait_for_map=False)
    actions = window.sync_actions
    menus = {m.title(): m for m in window.menuBar().findChildren(QMenu)}
    trip_menu = menus["T&rip"]
    shown = [a.text() for a in trip_menu.actions() if not a.isSeparator()]
    assert shown == [t.name for t in store.trips()] + [  # the trips to switch to, then sync
        "&Share on Calendar Server…",
        "S&ync Now",
        "Resolve Sync &Conflicts…",
    ]
    assert actions.indicator.text() == "Calendar: not shared"
    assert not actions.sync_action.isEnabled() and not actions.timer.isActive()
    trip_id = store.resolve(None)
    caldav_sync.share(store, trip_id, f"http://127.0.0.1:{free_port()}/", "alice")
    settings.setValue(f"sync/every_minutes/{trip_id}", 15)
    actions.refresh()
    assert actions.timer.isActive() and actions.timer.interval() == 15 * 60_000
    settings.setValue(f"sync/every_minutes/{trip_id}", 0)
    actions.refresh()
    assert not actions.timer.isActive()
