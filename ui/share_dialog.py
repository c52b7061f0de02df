"""Trip → Share on Calendar Server…: the server's URL, the user, the password, a test.

The password goes to the system keyring when asked to (never to the store or settings);
where there is no keyring the dialog says to use SHUTTLE_CALDAV_PASSWORD instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from data.caldav_sync import SyncError, check_connection


@dataclass(frozen=True, slots=True)
class ShareDetails:
    url: str
    user: str
    password: str  # "" when not given here (then from the environment or keyring)
    remember: bool  # keep the password in the system keyring
    every_minutes: int  # 0: only when asked


class _Probe(QThread):
    """Test Connection, off the GUI thread."""

    answered = Signal(bool, str)

    def __init__(self, url: str, user: str, password: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.url, self.user, self.password = url, user, password

    def run(self) -> None:
        try:
            self.answered.emit(True, check_connection(self.url, self.user, self.password))
        except SyncError as exc:
            self.answered.emit(False, str(exc))


class ShareDialog(QDialog):
    def __init__(
        self,
        url: str,
        user: str,
        every_minutes: int,
        known_password: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share on Calendar Server"))
        self.known_password = known_password
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "The trip's meetings are kept in one calendar on a CalDAV server (Nextcloud, "
                "SOGo, Radicale, Fastmail, iCloud…), named after the trip. Give the server's "
                "address or the calendar's own."
            )
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.url = QLineEdit(url)
        self.url.setPlaceholderText("https://cal.example.org/dav/")
        self.user = QLineEdit(user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("from SHUTTLE_CALDAV_PASSWORD or the keyring"))
        self.remember = QCheckBox(self.tr("Keep the password in the system keyring"))
        self.every = QSpinBox()
        self.every.setRange(0, 24 * 60)
        self.every.setSuffix(" min")
        self.every.setSpecialValueText(self.tr("only when asked"))
        self.every.setValue(every_minutes)
        form.addRow(self.tr("Server &URL:"), self.url)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Password:"), self.password)
        form.addRow("", self.remember)
        form.addRow(self.tr("Sync &every:"), self.every)
        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("&Test Connection"))
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        row.addWidget(self.test_button)
        row.addWidget(self.test_result, 1)
        form.addRow(row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.test_button.clicked.connect(self.test_connection)
        self._probe: _Probe | None = None

    def details(self) -> ShareDetails:
        return ShareDetails(
            self.url.text().strip(),
            self.user.text().strip(),
            self.password.text(),
            self.remember.isChecked(),
            self.every.value(),
        )

    def test_connection(self) -> None:
        given = self.details()
        if self._probe is not None and self._probe.isRunning():
            return
        self.test_result.setText(self.tr("Connecting…"))
        self.test_button.setEnabled(False)
        self._probe = _Probe(
            given.url, given.user, given.password or self.known_password, parent=self
        )
        self._probe.answered.connect(self._answered)
        self._probe.start()

    def _answered(self, ok: bool, text: str) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("" if ok else "color: #b03a2e;")
        self.test_result.setText(text)

    def _accept(self) -> None:
        given = self.details()
        if not given.url.startswith(("http://", "https://")):
            self._answered(False, self.tr("The server URL starts with https:// (or http://)."))
            return
        if not given.user:
            self._answered(False, self.tr("A user name is needed."))
            return
        self.accept()

    def done(self, result: int) -> None:
        if self._probe is not None:
            self._probe.wait()
        super().done(result)
