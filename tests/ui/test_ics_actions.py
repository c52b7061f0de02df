"""File → Import/Export .ics and Send Invites, through the real window."""

from __future__ import annotations

import icalendar

from data.ics_export import export_calendar
from tests.ui.test_main_window import timed_trip


def events(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


def test_export_writes_the_whole_trip(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "kerry.ics"
    monkeypatch.setattr(window.dialogs, "ask_save_path", lambda *a: str(target))
    window.export_ics_action.trigger()
    found = events(target)
    assert len(found) == 6
    assert {str(e["SUMMARY"]) for e in found} == {m.title for m in window.workspace.trip.meetings}
    assert "kerry.ics" in window.statusBar().currentMessage()


def test_export_of_the_selected_meetings_only(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "two.ics"
    chosen = [m.id for m in window.workspace.trip.meetings[4:]]
    window.agenda.select(chosen)
    monkeypatch.setattr(window.dialogs, "ask_save_path", lambda *a: str(target))
    monkeypatch.setattr(window.dialogs, "ask_choice", lambda title, text, options: 0)
    window.export_ics_action.trigger()
    assert [str(e["SUMMARY"]) for e in events(target)] == [
        m.title for m in window.workspace.trip.meetings[4:]
    ]


def test_invites_ask_for_the_organizer_once_and_name_who_has_no_email(qtbot, window, monkeypatch):
    from ui.invite_dialog import InviteDialog

    asked, opened = [], []
    monkeypatch.setattr(
        window.dialogs, "ask_text", lambda *a: asked.append(a) or "Jane Doe <jane@example.org>"
    )
    monkeypatch.setattr(InviteDialog, "exec", lambda self: opened.append(self) or 0)
    window.invites_action.trigger()
    assert len(asked) == 1
    assert window.workspace.store.get_setting("organizer") == "Jane Doe <jane@example.org>"
    assert "Nothing to send" in opened[0].scope.text()
    what = {
        opened[0].tree.topLevelItem(i).text(1) for i in range(opened[0].tree.topLevelItemCount())
    }
    assert what == {"no email address"}
    window.invites_action.trigger()
    assert len(asked) == 1  # kept in the settings


def test_invites_for_a_trip_with_emails(qtbot, store, make_window, tmp_path, monkeypatch):
    from ui.invite_dialog import InviteDialog

    store.set_setting("organizer", "Jane Doe <jane@example.org>")
    store.add_trip(timed_trip())
    window = make_window()

    def run(dialog):
        dialog.eml.setChecked(True)
        dialog.folder.setText(str(tmp_path / "out"))
        with qtbot.waitSignal(dialog.sending_finished, timeout=30000):
            dialog.send_button.click()
        return 0

    monkeypatch.setattr(InviteDialog, "exec", run)
    window.invites_action.trigger()
    [mail] = list((tmp_path / "out").glob("*.eml"))
    assert mail.name == "2014-12-15-Late-talks.eml"
    from data.eml import calendar_from_email

    calendar = icalendar.Calendar.from_ical(calendar_from_email(mail.read_bytes(), mail.name))
    assert str(calendar["METHOD"]) == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert "mailto:a@example.org" in str(event["ATTENDEE"]).lower()


def test_import_as_a_new_trip_and_a_bad_file(qtbot, window, tmp_path, monkeypatch):
    good = tmp_path / "planning.ics"
    good.write_bytes(export_calendar(timed_trip()))
    monkeypatch.setattr(window.dialogs, "ask_open_path", lambda *a: str(good))
    monkeypatch.setattr(window.dialogs, "ask_choice", lambda title, text, options: 1)
    with qtbot.waitSignal(window.map.map_ready, timeout=30000):
        window.import_ics_action.trigger()
    assert window.workspace.trip.meetings[0].title == "Late talks"
    assert window.trip_list.count() == 2

    bad = tmp_path / "broken.ics"
    bad.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\n")
    warnings = []
    before = window.workspace.store.trips()
    monkeypatch.setattr(window.dialogs, "ask_open_path", lambda *a: str(bad))
    monkeypatch.setattr(window.dialogs, "warn", lambda *a: warnings.append(a[1]))
    window.import_ics_action.trigger()
    assert warnings and "broken.ics" in warnings[0]
    assert window.workspace.store.trips() == before


def test_import_into_this_trip_applies_a_cancel_and_lists_what_it_ignored(
    qtbot, window, tmp_path, monkeypatch
):
    lavrov = window.workspace.trip.meetings[0]
    message = tmp_path / "cancel.ics"
    message.write_bytes(
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//EN\r\nMETHOD:CANCEL\r\n"
        b"BEGIN:VEVENT\r\nUID:" + f"{lavrov.id}@shuttle".encode() + b"\r\n"
        b"DTSTAMP:20141213T000000Z\r\nSEQUENCE:1\r\nEND:VEVENT\r\n"
        b"BEGIN:VEVENT\r\nUID:ghost@elsewhere\r\nDTSTAMP:20141213T000000Z\r\nEND:VEVENT\r\n"
        b"END:VCALENDAR\r\n"
    )
    shown = []
    monkeypatch.setattr(window.dialogs, "ask_open_path", lambda *a: str(message))
    monkeypatch.setattr(window.dialogs, "ask_choice", lambda title, text, options: 0)
    monkeypatch.setattr(window.dialogs, "inform", lambda *a: shown.append(a[1]))
    window.import_ics_action.trigger()
    assert window.workspace.trip.meeting(lavrov.id).status == "cancelled"
    assert shown == [
        "cancel.ics, line 10 (ghost@elsewhere): ignored CANCEL for a meeting this trip "
        "does not have"
    ]
    window.planner.undo_action.trigger()  # one step takes the import back
    assert window.workspace.trip.meeting(lavrov.id).status == "confirmed"
