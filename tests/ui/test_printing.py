"""The itinerary on paper: the print command, Export PDF and the print path."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtPrintSupport import QPrinter

from data.model import ExactTime, Meeting, Place, Trip
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed"
)


def pdf_text(path, first=None, last=None) -> str:
    args = ["pdftotext", "-layout"]
    if first:
        args += ["-f", str(first), "-l", str(last or first)]
    return subprocess.run(
        [*args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def images_on_page(path, page: int) -> int:
    out = subprocess.run(
        ["pdfimages", "-list", "-f", str(page), "-l", str(page), str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return len(out.strip().splitlines()) - 2  # two header lines


def run_print(*args):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "print", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )


def test_the_print_command_writes_the_itinerary(tmp_path):
    target = tmp_path / "kerry.pdf"
    result = run_print("--pdf", str(target), "--paper", "A4")
    assert result.returncode == 0, result.stderr[-2000:]
    text = pdf_text(target)
    days = ["Sunday 14 December 2014", "Monday 15 December 2014", "Tuesday 16 December 2014"]
    order = [
        days[0],
        "Sergei Lavrov",
        days[1],
        "Cardinal Pietro Parolin",
        "Benjamin Netanyahu",
        "foreign ministers",
        days[2],
        "Saeb Erakat",
        "Nabil Elaraby",
        "Sources",
    ]
    lines = [line.strip() for line in text.splitlines()]
    # Day headings are lines of their own; titles are found inside their lines.
    positions = [
        lines.index(t)
        if t in [*days, "Sources"]
        else next(i for i, line in enumerate(lines) if t in line)
        for t in order
    ]
    assert positions == sorted(positions), positions
    assert "London is one hour behind Paris" in text
    assert "time to be confirmed," in text and "evening, about 3 hours" in text
    assert images_on_page(target, 1) == 1  # the route map is on the first page
    pages = int(re.search(r"Page 1 of (\d+)", text).group(1))
    for page in range(1, pages + 1):
        footer = pdf_text(target, page)
        assert f"Page {page} of {pages}" in footer
        assert "Kerry: Rome – Paris – London, December 2014" in footer
    assert target.stat().st_mode & 0o044  # not Chromium's private 0600


def test_print_command_errors_are_one_line(tmp_path):
    bad = run_print("--pdf", str(tmp_path / "missing" / "x.pdf"))
    assert bad.returncode == 1 and "no folder" in bad.stderr
    zone = run_print("--pdf", str(tmp_path / "x.pdf"), "--tz", "Nowhere/Land")
    assert zone.returncode == 1 and "unknown time zone" in zone.stderr


def hostile_trip():
    rome = ZoneInfo("Europe/Rome")
    place = Place("r", "Palazzo Chigi", "Rome", "Italy", 41.9, 12.48, "Europe/Rome")
    meeting = Meeting(
        "m",
        "<b>Bold</b> & <img src=x>",
        "r",
        ExactTime(datetime(2014, 12, 15, 10, tzinfo=rome), datetime(2014, 12, 15, 11, tzinfo=rome)),
    )
    return Trip("Hostile", "X", "America/New_York", (place,), (meeting,))


def test_export_pdf_from_the_window_prints_markup_as_text(
    qtbot, store, make_window, tmp_path, monkeypatch
):
    store.add_trip(hostile_trip())
    window = make_window()
    target = tmp_path / "hostile.pdf"
    monkeypatch.setattr(window.dialogs, "ask_save_path", lambda *a: str(target))
    window.pdf_action.trigger()
    text = pdf_text(target)
    assert "<b>Bold</b> & <img src=x>" in text
    assert "10:00–11:00 CET" in text and "04:00–05:00 EST at home" in text


def test_print_goes_through_the_preview_to_a_printer(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "printed.pdf"

    class Preview:
        """Stands in for QPrintPreviewDialog: asks for one rendering, to a PDF printer."""

        def __init__(self, printer):
            self.printer = printer
            from PySide6.QtCore import QObject, Signal

            class Hub(QObject):
                paint = Signal(object)

            self.hub = Hub()
            self.paintRequested = self.hub.paint

        def exec(self):
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(target))
            self.paintRequested.emit(self.printer)

    monkeypatch.setattr(window.dialogs, "make_print_preview", Preview)
    window.print_action.trigger()
    # Qt hands a printer Chromium's pages as pictures: as many pages as the PDF route, none blank.
    reference = tmp_path / "reference.pdf"
    monkeypatch.setattr(window.dialogs, "ask_save_path", lambda *a: str(reference))
    window.pdf_action.trigger()
    pages = pdf_text(reference).count("\f")
    assert pdf_text(target).count("\f") == pages >= 3
    assert all(images_on_page(target, page) >= 1 for page in range(1, pages + 1))
