"""What .ics export and import share: names, identifiers and the organizer.

Shuttle writes a few ``X-SHUTTLE-*`` properties beside the standard ones so that a file
it exported reads back without loss (a time still to be confirmed, participants without
email, the place as stored). Other clients keep them untouched and ignore them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PRODID = "-//Shuttle//Shuttle 0.1//EN"
UID_DOMAIN = "@shuttle"
# A trip the store can hold (50,000 meetings) exported with --internal is about 40 MB.
MAX_ICS_BYTES = 100 * 1024 * 1024

X_TIME_TBC = "X-SHUTTLE-TIME-TBC"  # TRUE on an all-day event that is really "time TBC"
X_PART_OF_DAY = "X-SHUTTLE-TBC-PART-OF-DAY"
X_DURATION = "X-SHUTTLE-TBC-DURATION"
X_STATUS = "X-SHUTTLE-STATUS"  # the meeting's own status (STATUS is TENTATIVE while TBC)
X_TOPIC = "X-SHUTTLE-TOPIC"
X_NOTES = "X-SHUTTLE-NOTES"
X_PARTICIPANT = "X-SHUTTLE-PARTICIPANT"  # JSON, one per participant, in order
X_PLACE = "X-SHUTTLE-PLACE"  # on the VCALENDAR, JSON of a place as stored, one per place
X_PLACE_ID = "X-SHUTTLE-PLACE-ID"  # on an event: which of the calendar's places it is at

_UNSAFE_ID = re.compile(r"[^A-Za-z0-9._@+-]+")
MAX_ID_LENGTH = 200


class IcsError(ValueError):
    """An .ics file that cannot be imported; ``str()`` says which file, where and what."""

    def __init__(self, source: str, what: str, line: int | None = None) -> None:
        self.source, self.what, self.line = source, what, line
        where = f", line {line}" if line is not None else ""
        super().__init__(f"{source}{where}: {what}")


@dataclass(frozen=True, slots=True)
class Organizer:
    """Who sends invites: the ORGANIZER of every REQUEST and CANCEL."""

    name: str
    email: str

    def __str__(self) -> str:
        from email.utils import formataddr  # imports socket: only for an organizer

        return formataddr((self.name, self.email))


def parse_organizer(text: str) -> Organizer:
    """``"Jane Doe <jane@example.org>"``; ValueError saying what is wrong."""
    from email.utils import parseaddr

    name, email = parseaddr(text.strip())
    if not email or "@" not in email or any(c.isspace() for c in email):
        raise ValueError(f'{text!r} is not of the form "NAME <EMAIL>"')
    if not name.strip():
        raise ValueError(f'{text!r} lacks a name: write "NAME <EMAIL>"')
    return Organizer(name.strip(), email)


def meeting_uid(meeting_id: str) -> str:
    """The UID every export of a meeting carries; ids that came from a foreign UID keep it."""
    return meeting_id if "@" in meeting_id else f"{meeting_id}{UID_DOMAIN}"


def meeting_id_from_uid(uid: str) -> str:
    """Inverse of :func:`meeting_uid`; a foreign UID becomes a safe id of its own."""
    text = uid.strip()
    if text.endswith(UID_DOMAIN) and len(text) > len(UID_DOMAIN):
        text = text[: -len(UID_DOMAIN)]
    safe = _UNSAFE_ID.sub("-", text).strip("-")[:MAX_ID_LENGTH]
    if not safe:
        raise ValueError(f"UID {uid!r} has no usable characters")
    return safe


def file_stem_for(meeting_id: str) -> str:
    """A file name for a meeting's invite that is safe on every file system."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", meeting_id).strip("-.") or "meeting"
