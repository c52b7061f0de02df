"""Send Invites: review who receives what, send (.eml files or SMTP), see and retry failures.

The dialog plans with :func:`data.invitations.plan_invites` and sends with
:func:`data.mail_out.send_plan` on a worker thread, so the window stays responsive and
the progress bar moves. The record is written by ``send_plan`` as each message is
accepted; a retry plans again and so offers only what has not gone out. Sending edits
no trip, so it is not on the undo stack: what went out cannot be unsent.

Signals: ``sending_finished(object)`` with the :class:`data.mail_out.SendReport`.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QSettings, QThread, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from data.ics_common import Organizer
from data.invitations import InvitePlan, Kind, plan_invites
from data.mail_out import (
    PASSWORD_ENV,
    EmlFolder,
    Outbox,
    Security,
    SendReport,
    SmtpOutbox,
    parse_server,
    send_plan,
)
from data.store import Store

_WHAT = {
    Kind.NEW: "new invitation",
    Kind.UPDATE: "update",
    Kind.CANCEL: "cancellation",
    Kind.RESEND: "invitation sent again",
}
_SECURITY: list[tuple[str, Security]] = [
    ("STARTTLS", "starttls"),
    ("SSL/TLS", "ssl"),
    ("None (no encryption)", "none"),
]
# Kept in the window's settings between runs (never the password).
EML_FOLDER, SMTP_SERVER, SMTP_USER, SMTP_SECURITY = (
    "invites/eml_folder",
    "invites/smtp_server",
    "invites/smtp_user",
    "invites/smtp_security",
)


class _Sender(QThread):
    progressed = Signal(int, int)
    done = Signal(object)

    def __init__(
        self,
        store: Store,
        trip_id: int,
        plan: InvitePlan,
        organizer: Organizer,
        outbox: Outbox,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._args = (store, trip_id, plan, organizer, outbox)

    def run(self) -> None:
        store, trip_id, plan, organizer, outbox = self._args
        try:
            report = send_plan(
                store, trip_id, plan, organizer, outbox, progress=self.progressed.emit
            )
        finally:
            outbox.close()
        self.done.emit(report)


class InviteDialog(QDialog):
    sending_finished = Signal(object)

    def __init__(
        self,
        store: Store,
        trip_id: int,
        organizer: Organizer,
        meeting_ids: list[str] | None = None,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        """``settings`` keeps the folder, server, security and user chosen last."""
        super().__init__(parent)
        self.store, self.trip_id, self.organizer = store, trip_id, organizer
        self.settings = settings
        self.meeting_ids = meeting_ids
        self.trip = store.load_trip(trip_id)
        self.plan: InvitePlan | None = None
        self.report: SendReport | None = None
        self._sender: _Sender | None = None
        self.setWindowTitle(self.tr("Send Invites"))
        self.resize(760, 620)

        self.scope = QLabel()
        self.scope.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Meeting", "What", "To"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("Who receives what"))
        self.tree.setColumnWidth(0, 300)
        self.tree.setColumnWidth(1, 170)
        self.resend = QCheckBox(self.tr("Send &unchanged invites again too"))
        self.resend.toggled.connect(self.replan)

        self.eml = QRadioButton("Save as .&eml files (open or send them from your mail program)")
        self.smtp = QRadioButton("Send by &SMTP")
        ways = QButtonGroup(self)
        ways.addButton(self.eml)
        ways.addButton(self.smtp)
        self.folder = QLineEdit(self._saved(EML_FOLDER))
        self.folder.setAccessibleName(self.tr("Folder for .eml files"))
        choose = QPushButton(self.tr("&Choose…"))
        choose.clicked.connect(self._choose_folder)
        self.server = QLineEdit(self._saved(SMTP_SERVER))
        self.server.setPlaceholderText("smtp.example.org:587")
        self.server.setAccessibleName(self.tr("SMTP server"))
        self.user = QLineEdit(self._saved(SMTP_USER))
        self.user.setAccessibleName(self.tr("SMTP user"))
        self.security = QComboBox()
        for label, value in _SECURITY:
            self.security.addItem(label, value)
        saved = self._saved(SMTP_SECURITY)
        found = [i for i, (_, value) in enumerate(_SECURITY) if value == saved]
        self.security.setCurrentIndex(found[0] if found else 0)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(f"from ${PASSWORD_ENV} or the keyring if empty")
        self.password.setAccessibleName(self.tr("SMTP password (not kept)"))
        (self.smtp if self.server.text() else self.eml).setChecked(True)

        way = QGroupBox(self.tr("How"))
        form = QFormLayout(way)
        form.addRow(self.eml)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder)
        folder_row.addWidget(choose)
        form.addRow(self.tr("Folder:"), folder_row)
        form.addRow(self.smtp)
        form.addRow(self.tr("Server:"), self.server)
        form.addRow(self.tr("Security:"), self.security)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)

        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Sending progress"))
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.failures = QListWidget()
        self.failures.setAccessibleName(self.tr("Not sent"))
        self.failures.setMaximumHeight(96)
        self.failures.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.send_button = self.buttons.addButton(
            self.tr("&Send"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.retry_button = self.buttons.addButton(
            self.tr("&Retry Failed"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.retry_button.hide()
        self.send_button.clicked.connect(self.send)
        self.retry_button.clicked.connect(self.retry)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.scope)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.resend)
        layout.addWidget(way)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.failures)
        layout.addWidget(self.buttons)
        self.replan()

    def _saved(self, key: str) -> str:
        return str(self.settings.value(key, "")) if self.settings is not None else ""

    def _keep(self, key: str, value: str) -> None:
        if self.settings is not None:
            self.settings.setValue(key, value)

    # -- review -----------------------------------------------------------------------

    def replan(self) -> None:
        """Plan again from the record: what is still to send."""
        self.plan = plan_invites(
            self.trip,
            self.store.sent_invitations(self.trip_id),
            self.organizer,
            self.meeting_ids,
            resend=self.resend.isChecked(),
        )
        plan = self.plan
        if self.meeting_ids is None:
            count = len(self.trip.meetings)
            where = (
                f"Invites for the whole trip “{self.trip.name}” "
                f"({count} meeting{'s' if count != 1 else ''})."
            )
        else:
            where = (
                f"Invites for only the {plan.scope} in the agenda, not the whole trip "
                f"“{self.trip.name}”."
            )
        count = len(plan.deliveries)
        self.scope.setText(
            f"{where} From {self.organizer}. "
            + (
                f"{count} message{'s' if count != 1 else ''} to "
                f"{plan.recipient_count} recipient{'s' if plan.recipient_count != 1 else ''}."
                if count
                else "Nothing to send: every invitee holds the meeting as it is."
            )
        )
        self.tree.clear()
        for delivery in plan.deliveries:
            people = ", ".join(f"{r.name} <{r.email}>" for r in delivery.recipients)
            self._row(delivery.summary.title, _WHAT[delivery.kind], people)
        for held in plan.unchanged:
            people = ", ".join(r.name for r in held.recipients)
            self._row(held.title, "unchanged, not sent", people)
        for missing in plan.no_email:
            self._row(missing.title, "no email address", ", ".join(missing.names))
        self.send_button.setEnabled(bool(plan.deliveries))

    def _row(self, title: str, what: str, who: str) -> None:
        item = QTreeWidgetItem([title, what, who])
        item.setToolTip(2, who)
        self.tree.addTopLevelItem(item)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Save .eml files in", self.folder.text())
        if folder:
            self.folder.setText(folder)
            self.eml.setChecked(True)

    # -- sending ----------------------------------------------------------------------

    def outbox(self) -> Outbox | None:
        """The chosen way out, or None (with the reason shown) when it is incomplete."""
        if self.eml.isChecked():
            folder = self.folder.text().strip()
            if not folder:
                self.status.setText(self.tr("Choose a folder for the .eml files."))
                return None
            self._keep(EML_FOLDER, folder)
            return EmlFolder(Path(folder).expanduser())
        security: Security = self.security.currentData()
        try:
            settings = parse_server(self.server.text(), security)
        except ValueError as exc:
            self.status.setText(f"Server: {exc}")
            return None
        user = self.user.text().strip() or None
        if user and security == "none":
            self.status.setText(
                self.tr("Choose STARTTLS or SSL/TLS: the password must not go unencrypted.")
            )
            return None
        self._keep(SMTP_SERVER, self.server.text().strip())
        self._keep(SMTP_USER, user or "")
        self._keep(SMTP_SECURITY, security)
        password = self.password.text() or None
        return SmtpOutbox(dataclasses.replace(settings, user=user), password)

    def send(self) -> None:
        plan = self.plan
        if plan is None or not plan.deliveries or self._sender is not None:
            return
        outbox = self.outbox()
        if outbox is None:
            return
        self.failures.clear()
        self.failures.hide()
        self.retry_button.hide()
        self.progress.setRange(0, len(plan.deliveries))
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(f"Sending {len(plan.deliveries)} messages…")
        self.send_button.setEnabled(False)
        self.resend.setEnabled(False)
        sender = _Sender(self.store, self.trip_id, plan, self.organizer, outbox, self)
        sender.progressed.connect(self._progressed)
        sender.done.connect(self._finished)
        self._sender = sender
        sender.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(done)
        self.status.setText(f"Sent {done} of {total} messages…")

    def _finished(self, report: SendReport) -> None:
        if self._sender is not None:
            self._sender.wait()
            self._sender.deleteLater()
        self._sender = None
        self.report = report
        self.resend.setEnabled(True)
        sent = report.recipient_count
        if report.failures:
            self.status.setText(
                f"Sent to {sent} recipient{'s' if sent != 1 else ''}; "
                f"{len(report.failures)} not sent (below). Nothing unsent is marked as sent: "
                "Retry Failed sends only these."
            )
            for failure in report.failures:
                self.failures.addItem(str(failure))
            self.failures.show()
            self.retry_button.show()
        else:
            self.status.setText(f"Sent to {sent} recipient{'s' if sent != 1 else ''}.")
        self.resend.setChecked(False)
        self.replan()
        self.sending_finished.emit(report)

    def retry(self) -> None:
        self.replan()
        self.send()

    def reject(self) -> None:
        if self._sender is not None:
            self.status.setText(self.tr("Wait for the messages under way to finish."))
            return
        super().reject()
