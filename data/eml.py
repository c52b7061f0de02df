"""Calendar files that arrive as email: the text/calendar part of an .eml (an iMIP reply).

Import reads a saved message like an .ics file: the first ``text/calendar`` part (or an
``application/ics`` / ``.ics`` attachment when there is none) is the calendar.
"""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from data.files import FileRefused, read_file
from data.ics_common import MAX_ICS_BYTES, IcsError

EMAIL_SUFFIXES = (".eml",)


def is_email_file(path: str | Path) -> bool:
    return Path(path).suffix.lower() in EMAIL_SUFFIXES


def read_calendar_file(path: str | Path) -> bytes:
    """An .ics file's bytes, or the calendar inside an .eml file."""
    try:  # the same reader and cap as for .ics files
        data = read_file(path, MAX_ICS_BYTES, "calendar file")
    except FileRefused as exc:
        raise IcsError(exc.path, exc.what) from None
    return calendar_from_email(data, str(path)) if is_email_file(path) else data


def calendar_from_email(data: bytes, source: str) -> bytes:
    """The calendar a message carries; IcsError when it carries none."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(message, EmailMessage):  # pragma: no cover - policy.default makes one
        raise IcsError(source, "not an email message")
    parts = list(message.walk())
    found = [p for p in parts if p.get_content_type() == "text/calendar"]
    found += [
        p
        for p in parts
        if p.get_content_type() == "application/ics"
        or (p.get_filename() or "").lower().endswith(".ics")
    ]
    for part in found:
        try:
            content = part.get_content()
        except (LookupError, ValueError) as exc:
            raise IcsError(source, f"its calendar part cannot be decoded: {exc}") from exc
        raw = content.encode("utf-8") if isinstance(content, str) else bytes(content)
        if len(raw) > MAX_ICS_BYTES:
            raise IcsError(source, f"its calendar part of {len(raw):,} bytes is too large")
        return raw
    raise IcsError(source, "this email carries no calendar (no text/calendar part)")
