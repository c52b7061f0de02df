"""File → Print… (with preview) and File → Export PDF…, for the workspace's trip."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from data.files import FileRefused, file_stem
from data.report import default_paper
from ui.dialogs import Dialogs
from ui.printing import ItineraryRenderer, PrintError, page_layout
from ui.workspace import Workspace
from ui.zone_choice import ZoneMode


@contextmanager
def _busy(ws: Workspace, message: str) -> Iterator[None]:
    ws.say(message, 0)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        ws.say("", 1)


def _prepared(ws: Workspace, dialogs: Dialogs, paper: str) -> ItineraryRenderer | None:
    assert ws.trip is not None
    renderer = ItineraryRenderer()
    # The second time column: the zone chosen in the window, else the trip's home zone.
    home = ws.display_zone() if ws.zone_mode != ZoneMode.VENUE else None
    try:
        with _busy(ws, QCoreApplication.translate("Print", "Preparing the itinerary…")):
            renderer.prepare(ws.trip, paper, home, ws.assumptions)
    except PrintError as exc:
        renderer.close()
        dialogs.warn(
            QCoreApplication.translate("Print", "Print"),
            QCoreApplication.translate(
                "Print", "The itinerary could not be prepared: {error}"
            ).format(error=exc),
        )
        return None
    return renderer


def print_itinerary(ws: Workspace, dialogs: Dialogs) -> None:
    """Print preview, then any printer the system offers."""
    if ws.trip is None:
        return
    paper = default_paper()
    renderer = _prepared(ws, dialogs, paper)
    if renderer is None:
        return
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(paper))
        printer.setDocName(ws.trip.name)
        preview = dialogs.make_print_preview(printer)
        preview.paintRequested.connect(renderer.to_printer)
        preview.exec()
    finally:
        renderer.close()


def export_pdf(ws: Workspace, dialogs: Dialogs) -> None:
    trip = ws.trip
    if trip is None:
        return
    path = dialogs.ask_save_path(
        QCoreApplication.translate("Print", "Export PDF"),
        f"{file_stem(trip.name)}.pdf",
        "PDF (*.pdf)",
    )
    if not path or not dialogs.confirm_overwrite(
        QCoreApplication.translate("Print", "Export PDF"), [Path(path)]
    ):
        return
    paper = default_paper()
    renderer = _prepared(ws, dialogs, paper)
    if renderer is None:
        return
    try:
        with _busy(ws, QCoreApplication.translate("Print", "Writing the PDF…")):
            renderer.to_pdf(path, paper)
    except (PrintError, FileRefused) as exc:
        dialogs.warn(QCoreApplication.translate("Print", "Export PDF"), str(exc))
        return
    finally:
        renderer.close()
    ws.say(QCoreApplication.translate("Print", "Wrote {path}").format(path=path), 8000)
