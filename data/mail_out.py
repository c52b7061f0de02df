"""Sending invites: .eml files into a folder, or SMTP; the record follows what got through.

:func:`send_plan` writes each planned message through an *outbox* and records, per
recipient, only what the outbox accepted, one message at a time: a failure or a crash
half-way leaves the record true, so sending again finishes the job without duplicates.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import Message
from pathlib import Path
from typing import Literal, Protocol

from data.files import FileRefused, file_stem, write_atomically
from data.ics_common import Organizer
from data.imip import AddressError, address, as_bytes, build_message
from data.invitations import Delivery, InvitePlan, Kind, Recipient
from data.passwords import SecretMissing, secret
from data.store import Store

PASSWORD_ENV = "SHUTTLE_SMTP_PASSWORD"
KEYRING_SERVICE = "Shuttle SMTP"
TIMEOUT_SECONDS = 30.0

Security = Literal["starttls", "ssl", "none"]


class SendError(RuntimeError):
    """A failure that stops the whole send (server unreachable, login refused): one line."""


class MessageRefused(RuntimeError):
    """The server or folder refused one message; the others may still go."""


class Outbox(Protocol):
    def deliver(
        self, message: Message, sender: str, recipients: Sequence[str], delivery: Delivery
    ) -> dict[str, str]:
        """Hand over one message (of ``delivery``); returns the refused recipients with
        the reason for each."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Failure:
    meeting_id: str
    title: str
    email: str | None  # None: the message as a whole
    reason: str

    def __str__(self) -> str:
        to = f" to {self.email}" if self.email else ""
        return f"{self.title!r}{to}: {self.reason}"


@dataclass(frozen=True, slots=True)
class SendReport:
    sent: tuple[tuple[Delivery, tuple[Recipient, ...]], ...]
    failures: tuple[Failure, ...]

    @property
    def recipient_count(self) -> int:
        return sum(len(people) for _, people in self.sent)


Progress = Callable[[int, int], None]


def send_plan(
    store: Store,
    trip_id: int,
    plan: InvitePlan,
    organizer: Organizer,
    outbox: Outbox,
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> SendReport:
    """Send every planned message; record each accepted recipient as it is accepted."""
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    sent: list[tuple[Delivery, tuple[Recipient, ...]]] = []
    failures: list[Failure] = []
    total = len(plan.deliveries)
    for index, delivery in enumerate(plan.deliveries):
        title = delivery.summary.title
        good: list[Recipient] = []
        for person in delivery.recipients:
            try:
                address(person.name, person.email)
                good.append(person)
            except AddressError as exc:
                failures.append(Failure(delivery.meeting_id, title, person.email, str(exc)))
        if good:
            try:
                message = build_message(delivery, organizer, moment, good)
                to = [p.email for p in good]
                refused = outbox.deliver(message, organizer.email, to, delivery)
            except MessageRefused as exc:
                failures += [Failure(delivery.meeting_id, title, p.email, str(exc)) for p in good]
            except SendError as exc:
                for later in plan.deliveries[index:]:
                    failures += [
                        Failure(later.meeting_id, later.summary.title, p.email, str(exc))
                        for p in later.recipients
                        if later is not delivery or p in good
                    ]
                break
            else:
                accepted = tuple(p for p in good if p.email not in refused)
                failures += [
                    Failure(delivery.meeting_id, title, p.email, refused[p.email])
                    for p in good
                    if p.email in refused
                ]
                if accepted:
                    store.record_invitations(
                        trip_id, delivery.records((p.email for p in accepted), moment)
                    )
                    sent.append((delivery, accepted))
        if progress is not None:
            progress(index + 1, total)
    return SendReport(tuple(sent), tuple(failures))


class EmlFolder:
    """Writes each message as ``<day>-<title>.eml`` (made unique) into a folder."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.written: list[Path] = []

    def deliver(
        self, message: Message, sender: str, recipients: Sequence[str], delivery: Delivery
    ) -> dict[str, str]:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SendError(f"cannot create {self.folder}: {exc.strerror or exc}") from None
        path = self._free_path(eml_stem(delivery))
        try:
            write_atomically(as_bytes(message), path, overwrite=False)
        except FileRefused as exc:
            raise SendError(f"cannot write {exc}") from None
        except OSError as exc:
            raise SendError(f"cannot write {path}: {exc.strerror or exc}") from None
        self.written.append(path)
        return {}

    def _free_path(self, stem: str) -> Path:
        path = self.folder / f"{stem}.eml"
        number = 2
        while path.exists() or path in self.written:
            path = self.folder / f"{stem}-{number}.eml"
            number += 1
        return path

    def close(self) -> None:
        pass


def eml_stem(delivery: Delivery) -> str:
    """'2014-12-15-Dinner-with-the-French-German-and-British-foreign-update'."""
    stem = file_stem(f"{delivery.summary.day} {delivery.summary.title}", "invite")
    stem = stem.rstrip("-_") or "invite"
    return stem if delivery.kind in (Kind.NEW, Kind.RESEND) else f"{stem}-{delivery.kind}"


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int
    security: Security = "starttls"
    user: str | None = None

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


def parse_server(text: str, security: Security) -> SmtpSettings:
    """``HOST[:PORT]``; the port defaults by security (465 for SSL, else 587, or 25)."""
    host, _, port_text = text.strip().rpartition(":") if ":" in text else (text.strip(), "", "")
    if not host:
        raise ValueError(f"{text!r} is not HOST[:PORT]")
    if port_text:
        if not port_text.isdigit() or not 0 < int(port_text) < 65536:
            raise ValueError(f"{text!r}: the port must be a number from 1 to 65535")
        port = int(port_text)
    else:
        port = {"ssl": 465, "starttls": 587}.get(security, 25)
    return SmtpSettings(host, port, security)


def smtp_password(settings: SmtpSettings) -> str:
    """The password from ``$SHUTTLE_SMTP_PASSWORD``, else the system keyring.

    The keyring entry is service "Shuttle SMTP", user ``USER@HOST``.
    """
    try:
        return secret(PASSWORD_ENV, KEYRING_SERVICE, f"{settings.user}@{settings.host}")
    except SecretMissing as exc:
        raise SendError(str(exc)) from None


class SmtpOutbox:
    """One SMTP connection, opened at the first message (or by :meth:`connect`)."""

    def __init__(
        self,
        settings: SmtpSettings,
        password: str | None = None,
        context: ssl.SSLContext | None = None,
    ) -> None:
        self.settings = settings
        self._password = password
        self._context = context
        self._client: smtplib.SMTP | None = None

    def connect(self) -> None:
        if self._client is not None:
            return
        s = self.settings
        context = self._context or ssl.create_default_context()
        client: smtplib.SMTP | None = None
        try:
            if s.security == "ssl":
                client = smtplib.SMTP_SSL(s.host, s.port, timeout=TIMEOUT_SECONDS, context=context)
            else:
                client = smtplib.SMTP(s.host, s.port, timeout=TIMEOUT_SECONDS)
                if s.security == "starttls":
                    client.starttls(context=context)
            if s.user:
                password = self._password if self._password is not None else smtp_password(s)
                client.login(s.user, password)
        except smtplib.SMTPAuthenticationError as exc:
            _quit(client)
            raise SendError(f"{s} refused the login for {s.user}: {_reply(exc)}") from None
        except smtplib.SMTPNotSupportedError as exc:
            _quit(client)
            raise SendError(f"{s} does not offer what is needed: {exc}") from None
        except smtplib.SMTPException as exc:
            _quit(client)
            raise SendError(f"{s}: {_reply(exc)}") from None
        except ssl.SSLError as exc:
            _quit(client)
            raise SendError(f"{s}: secure connection failed: {exc.reason or exc}") from None
        except OSError as exc:  # refused, unknown host, timed out
            _quit(client)
            raise SendError(f"cannot reach {s}: {exc.strerror or exc}") from None
        except SendError:
            _quit(client)
            raise
        self._client = client

    def deliver(
        self, message: Message, sender: str, recipients: Sequence[str], delivery: Delivery
    ) -> dict[str, str]:
        self.connect()
        assert self._client is not None
        try:
            refused = self._client.send_message(message, sender, list(recipients))
        except smtplib.SMTPRecipientsRefused as exc:
            return {str(k): _code(v) for k, v in exc.recipients.items()}
        except smtplib.SMTPSenderRefused as exc:
            raise SendError(f"{self.settings} refused the sender {sender}: {_reply(exc)}") from None
        except smtplib.SMTPServerDisconnected as exc:
            self._client = None
            raise SendError(f"{self.settings} closed the connection: {exc}") from None
        except smtplib.SMTPResponseException as exc:
            raise MessageRefused(f"{self.settings} refused the message: {_reply(exc)}") from None
        except smtplib.SMTPException as exc:
            raise MessageRefused(f"{self.settings}: {exc}") from None
        except OSError as exc:
            self._client = None
            raise SendError(f"lost {self.settings}: {exc.strerror or exc}") from None
        return {str(k): _code(v) for k, v in refused.items()}

    def close(self) -> None:
        _quit(self._client)
        self._client = None


def _quit(client: smtplib.SMTP | None) -> None:
    if client is None:
        return
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()


def _code(value: tuple[int, bytes]) -> str:
    code, text = value
    return f"refused by the server ({code} {text.decode('utf-8', 'replace').strip()})"


def _reply(exc: smtplib.SMTPException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error
        words = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return f"{exc.smtp_code} {' '.join(words.split())}"
    return str(exc)
