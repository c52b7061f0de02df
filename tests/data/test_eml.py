"""The calendar inside a saved email: its text/calendar part, else an .ics attachment."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from data.eml import calendar_from_email, read_calendar_file
from data.ics_common import IcsError

CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REPLY\r\nEND:VCALENDAR\r\n"


def test_the_text_calendar_part_is_taken():
    mail = EmailMessage()
    mail.set_content("Accepted")
    mail.add_alternative(CALENDAR, subtype="calendar", params={"method": "REPLY"})
    data = calendar_from_email(mail.as_bytes(), "reply.eml")
    assert data.replace(b"\r\n", b"\n") == CALENDAR.replace("\r\n", "\n").encode()


def test_an_ics_attachment_serves_when_there_is_no_calendar_part(tmp_path):
    mail = EmailMessage()
    mail.set_content("See attached")
    mail.add_attachment(
        CALENDAR.encode(), maintype="application", subtype="octet-stream", filename="invite.ics"
    )
    path = tmp_path / "fwd.EML"
    path.write_bytes(mail.as_bytes())
    assert read_calendar_file(path) == CALENDAR.encode()


def test_an_email_without_a_calendar_and_a_missing_file_are_refused(tmp_path):
    mail = EmailMessage()
    mail.set_content("Hello")
    with pytest.raises(IcsError, match=r"^note\.eml: this email carries no calendar"):
        calendar_from_email(mail.as_bytes(), "note.eml")
    with pytest.raises(IcsError, match=r"gone\.eml"):
        read_calendar_file(tmp_path / "gone.eml")
