"""Send Invites in the window: the review dialog, the progress bar, failures and Retry,
against a real SMTP server (aiosmtpd with STARTTLS and AUTH); .eml files dropped in."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from data.ics_export import export_calendar
from tests.data.invite_helpers import ORGANIZER, email_for, sample_store
from tests.smtp_server import PASSWORD, USER, LocalSmtp
from tests.ui.test_main_window import timed_trip
from ui.invite_dialog import InviteDialog


@pytest.fixture
def server(monkeypatch):
    with LocalSmtp() as running:
        monkeypatch.setenv("SSL_CERT_FILE", str(running.cert))  # trust the test's certificate
        monkeypatch.delenv("SHUTTLE_SMTP_PASSWORD", raising=False)
        yield running


@pytest.fixture
def dialog(qtbot, store, settings):
    trip_id = sample_store(store)
    opened = InviteDialog(store, trip_id, ORGANIZER, settings=settings)
    qtbot.addWidget(opened)
    return opened


def rows(dialog: InviteDialog) -> list[tuple[str, str, str]]:
    tree = dialog.tree
    return [
        tuple(tree.topLevelItem(i).text(c) for c in range(3))
        for i in range(tree.topLevelItemCount())
    ]


def over_smtp(dialog: InviteDialog, server: LocalSmtp) -> None:
    dialog.smtp.setChecked(True)
    dialog.server.setText(server.address)
    dialog.user.setText(USER)
    dialog.password.setText(PASSWORD)
    dialog.security.setCurrentIndex(dialog.security.findData("starttls"))


def send(qtbot, dialog: InviteDialog):
    with qtbot.waitSignal(dialog.sending_finished, timeout=30000) as finished:
        dialog.send_button.click()
    return finished.args[0]


def test_the_review_says_which_meetings_who_receives_what_and_who_has_no_email(dialog):
    assert "Invites for the whole trip “Kerry: Rome" in dialog.scope.text()
    assert "6 messages to 16 recipients" in dialog.scope.text()
    found = rows(dialog)
    assert [r[1] for r in found].count("new invitation") == 6
    assert [r[1] for r in found].count("no email address") == 3
    lavrov = next(r for r in found if "Lavrov" in r[0] and r[1] == "new invitation")
    assert f"Sergei Lavrov <{email_for('Sergei Lavrov')}>" in lavrov[2]
    assert ORGANIZER.email not in " ".join(r[2] for r in found)


def test_a_selection_is_said_plainly(qtbot, store):
    trip_id = sample_store(store)
    chosen = [m.id for m in store.load_trip(trip_id).meetings[:2]]
    dialog = InviteDialog(store, trip_id, ORGANIZER, chosen)
    qtbot.addWidget(dialog)
    assert "only the 2 selected meetings in the agenda, not the whole trip" in dialog.scope.text()
    assert [r[1] for r in rows(dialog)].count("new invitation") == 2


def test_sending_over_smtp_moves_the_progress_bar_and_nothing_is_left(qtbot, dialog, server):
    over_smtp(dialog, server)
    report = send(qtbot, dialog)
    assert report.failures == ()
    assert len(server.received) == 6
    assert dialog.progress.value() == dialog.progress.maximum() == 6
    assert dialog.status.text() == "Sent to 16 recipients."
    assert "Nothing to send" in dialog.scope.text()
    assert {r[1] for r in rows(dialog)} == {"unchanged, not sent", "no email address"}
    assert not dialog.send_button.isEnabled()
    # The server and user are kept for next time; the password never is.
    settings = dialog.settings
    assert settings.value("invites/smtp_user") == USER
    assert settings.value("invites/smtp_server") == server.address
    assert PASSWORD not in str({k: settings.value(k) for k in settings.allKeys()})
    assert PASSWORD not in str(dialog.store.sent_invitations(dialog.trip_id))
    again = InviteDialog(dialog.store, dialog.trip_id, ORGANIZER, settings=settings)
    qtbot.addWidget(again)
    assert again.smtp.isChecked() and again.server.text() == server.address
    assert again.user.text() == USER and again.password.text() == ""


def test_a_refused_recipient_is_listed_and_retry_sends_only_it(qtbot, dialog, server):
    refused = email_for("Philip Hammond")
    server.handler.refuse = {refused}
    over_smtp(dialog, server)
    report = send(qtbot, dialog)
    assert [f.email for f in report.failures] == [refused]
    assert dialog.failures.isVisible() or not dialog.isVisible()
    assert dialog.failures.count() == 1 and refused in dialog.failures.item(0).text()
    assert "550" in dialog.failures.item(0).text()
    assert not dialog.retry_button.isHidden()
    server.handler.refuse = set()
    with qtbot.waitSignal(dialog.sending_finished, timeout=30000) as finished:
        dialog.retry_button.click()
    assert finished.args[0].failures == ()
    assert len(server.received) == 7 and server.received[-1].recipients == [refused]
    assert dialog.failures.isHidden() and dialog.retry_button.isHidden()


def test_a_wrong_password_fails_every_recipient_and_records_nothing(qtbot, dialog, server):
    over_smtp(dialog, server)
    dialog.password.setText("wrong")
    report = send(qtbot, dialog)
    assert len(report.failures) == 16
    assert "refused the login" in dialog.failures.item(0).text()
    assert dialog.store.sent_invitations(dialog.trip_id) == []
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.sending_finished, timeout=30000):
        dialog.retry_button.click()
    assert len(server.received) == 6


def test_eml_files_into_a_new_folder(qtbot, dialog, tmp_path):
    folder = tmp_path / "made" / "for-me"
    dialog.eml.setChecked(True)
    dialog.folder.setText(str(folder))
    send(qtbot, dialog)
    assert len(list(folder.glob("*.eml"))) == 6


def test_the_window_opens_the_review_for_the_selection_or_the_whole_trip(
    qtbot, store, make_window, monkeypatch
):
    sample_store(store)
    store.set_setting("organizer", str(ORGANIZER))
    window = make_window()
    opened: list[InviteDialog] = []
    monkeypatch.setattr(InviteDialog, "exec", lambda self: opened.append(self) or 0)
    window.agenda.select([window.workspace.trip.meetings[0].id])
    monkeypatch.setattr(window.dialogs, "ask_choice", lambda title, text, options: 0)
    window.invites_action.trigger()
    assert "only the 1 selected meeting in the agenda" in opened[0].scope.text()
    monkeypatch.setattr(window.dialogs, "ask_choice", lambda title, text, options: 1)
    window.invites_action.trigger()
    assert "the whole trip" in opened[1].scope.text()


def test_dropping_an_eml_imports_its_calendar(qtbot, store, make_window, tmp_path, monkeypatch):
    mail = EmailMessage()
    mail["Subject"] = "Planning"
    mail.set_content("See the calendar.")
    calendar = export_calendar(timed_trip("Dropped talks")).decode("utf-8")
    mail.add_alternative(calendar, subtype="calendar", params={"method": "PUBLISH"})
    path = tmp_path / "planning.eml"
    path.write_bytes(mail.as_bytes())
    window = make_window()
    monkeypatch.setattr(window.dialogs, "ask_choice", lambda title, text, options: 1)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(QPoint(10, 10)),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.map.map_ready, timeout=30000):
        window.dropEvent(event)
    assert window.workspace.trip.meetings[0].title == "Dropped talks"


def test_dropping_a_reply_eml_sets_the_answer(qtbot, store, settings, make_window, tmp_path):
    from data.model import Reply
    from tests.data.invite_helpers import reply_email

    trip_id = sample_store(store)
    dialog = InviteDialog(store, trip_id, ORGANIZER, settings=settings)
    qtbot.addWidget(dialog)
    dialog.eml.setChecked(True)
    dialog.folder.setText(str(tmp_path / "sent"))
    send(qtbot, dialog)
    [sent] = (tmp_path / "sent").glob("2014-12-14-*.eml")
    lavrov = email_for("Sergei Lavrov")
    invite = BytesParser(policy=policy.default).parsebytes(sent.read_bytes())
    path = tmp_path / "Accepted.eml"
    path.write_bytes(reply_email(invite, lavrov, "DECLINED"))
    window = make_window()
    window.dialogs.ask_choice = lambda title, text, options: 0  # into this trip
    data = urls_of(path)  # kept alive: the event holds only a pointer to it
    window.dropEvent(drop_of(data))
    meeting = window.workspace.trip.meeting("kerry-2014-12-m1-lavrov")
    assert {p.email: p.reply for p in meeting.participants}[lavrov] is Reply.DECLINED


def urls_of(path) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    return data


def drop_of(data: QMimeData) -> QDropEvent:
    return QDropEvent(
        QPointF(QPoint(10, 10)),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
