"""Invites as email (iMIP, RFC 6047), built with the standard library's ``email`` package.

One message per :class:`data.invitations.Delivery`::

    multipart/mixed
      multipart/alternative
        text/plain                      the summary for people
        text/html                       the same, every trip text escaped
        text/calendar; method=REQUEST   what calendar programs act on (or CANCEL)
      application/ics  invite.ics       the same calendar, as an attachment
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from email.charset import QP, Charset
from email.errors import HeaderParseError
from email.header import Header
from email.headerregistry import Address
from email.message import Message
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.policy import compat32
from email.utils import format_datetime, formataddr, make_msgid

from data.ics_common import Organizer
from data.invitations import Delivery, Kind, Recipient
from data.markup import html_text

_PREFIX = {Kind.NEW: "Invitation", Kind.RESEND: "Invitation", Kind.UPDATE: "Updated"}
_PREFIX[Kind.CANCEL] = "Cancelled"
_LEAD = {
    Kind.NEW: "You are invited to this meeting.",
    Kind.RESEND: "You are invited to this meeting.",
    Kind.UPDATE: "This meeting has changed; the details below replace the earlier ones.",
    Kind.CANCEL: "This meeting is cancelled.",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")
_UTF8 = Charset("utf-8")
_UTF8.header_encoding = _UTF8.body_encoding = QP
_FILE_POLICY = compat32.clone(linesep="\r\n")


class AddressError(ValueError):
    """An email address the message cannot carry."""


def address(name: str, email: str) -> Address:
    """A header address; AddressError saying which address is malformed."""
    try:
        return Address(display_name=_one_line(name), addr_spec=email.strip())
    except (ValueError, IndexError, HeaderParseError) as exc:
        raise AddressError(f"{email!r} is not a valid email address") from exc


def subject(delivery: Delivery) -> str:
    """'Updated: Talks at Lancaster House (Tue 16 Dec 2014, Lancaster House, London)'."""
    summary = delivery.summary
    return _one_line(
        f"{_PREFIX[delivery.kind]}: {summary.title} ({summary.day:%a %d %b %Y}, "
        f"{summary.short_place})"
    )


def build_message(
    delivery: Delivery,
    organizer: Organizer,
    now: datetime,
    recipients: Sequence[Recipient] | None = None,
) -> Message:
    """The email for ``delivery`` (to ``recipients``, default all of its own).

    Built with ``email.mime`` rather than ``EmailMessage``: the latter parses every header
    it is given and made building a message 13 times slower (see benchmarks/invites.py).
    Addresses are checked with :func:`address` first.
    """
    people = delivery.recipients if recipients is None else tuple(recipients)
    message = MIMEMultipart("mixed")
    message["From"] = _header_address(organizer.name, organizer.email)
    message["To"] = ", ".join(_header_address(p.name, p.email) for p in people)
    message["Subject"] = _header_text(subject(delivery))
    message["Date"] = format_datetime(now)
    domain = organizer.email.rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    body = MIMEMultipart("alternative")
    body.attach(_text_part(plain_text(delivery, organizer), "plain"))
    body.attach(_text_part(html_body(delivery, organizer), "html"))
    calendar = _text_part(delivery.calendar.decode("utf-8"), "calendar")
    calendar.set_param("method", delivery.method)
    body.attach(calendar)
    message.attach(body)
    attachment = MIMEApplication(delivery.calendar, "ics")
    attachment.add_header("Content-Disposition", "attachment", filename="invite.ics")
    message.attach(attachment)
    return message


def as_bytes(message: Message) -> bytes:
    """The message as a file or SMTP carries it: CRLF line ends."""
    return message.as_bytes(policy=_FILE_POLICY)


def _text_part(text: str, subtype: str) -> Message:
    """A UTF-8 text part, quoted-printable: readable raw, and safe for any mail server."""
    part = MIMENonMultipart("text", subtype, charset="utf-8")
    part.set_payload(text, _UTF8)
    return part


def _header_address(name: str, email: str) -> str:
    return formataddr((_one_line(name), email.strip()), charset="utf-8")


def _header_text(text: str) -> str:
    """ASCII as it is, anything else as RFC 2047 encoded words."""
    return text if text.isascii() else Header(text, "utf-8").encode()


def plain_text(delivery: Delivery, organizer: Organizer) -> str:
    summary = delivery.summary
    lines = [
        summary.title,
        "",
        _LEAD[delivery.kind],
        "",
        f"When: {summary.when}",
        f"At home ({summary.home_zone}): {summary.home}",
        f"Where: {summary.place}",
        f"Organizer: {organizer}",
    ]
    if summary.participants:
        lines += ["", "Participants:", *(f"- {p}" for p in summary.participants)]
    lines += ["", _closing(delivery)]
    return "\n".join(lines) + "\n"


def html_body(delivery: Delivery, organizer: Organizer) -> str:
    summary = delivery.summary
    rows = [
        ("When", summary.when),
        (f"At home ({summary.home_zone})", summary.home),
        ("Where", summary.place),
        ("Organizer", str(organizer)),
    ]
    table = "".join(
        f"<tr><th align=left>{html_text(k)}</th><td>{html_text(v)}</td></tr>" for k, v in rows
    )
    people = "".join(f"<li>{html_text(p)}</li>" for p in summary.participants)
    parts = [
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>',
        f"<h2>{html_text(summary.title)}</h2>",
        f"<p>{html_text(_LEAD[delivery.kind])}</p>",
        f"<table>{table}</table>",
    ]
    if people:
        parts.append(f"<p>Participants:</p><ul>{people}</ul>")
    parts += [f"<p>{html_text(_closing(delivery))}</p>", "</body></html>"]
    return "\n".join(parts) + "\n"


def _closing(delivery: Delivery) -> str:
    if delivery.kind is Kind.CANCEL:
        return "Your calendar program removes the meeting; invite.ics holds the same notice."
    return (
        "Your calendar program shows this invitation with buttons to answer it; "
        "invite.ics holds the same event."
    )


def _one_line(text: str) -> str:
    """Header text: control characters (line breaks above all) become one space."""
    return _CONTROL.sub(" ", text).strip()
