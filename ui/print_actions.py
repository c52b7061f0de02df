"""File → Print… (with preview) and File → Export PDF… for the main window."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QMessageBox

from data.files import FileRefused, file_stem
from data.report import default_paper
from ui.overwrite import confirm_overwrite
from ui.printing import ItineraryRenderer, PrintError, page_layout
from ui.zone_choice import ZoneMode, display_zone

if TYPE_CHECKING:
    from ui.main_window import MainWindow


@contextmanager
def _busy(window: MainWindow, message: str) -> Iterator[None]:
    window.statusBar().showMessage(message)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()
        window.statusBar().clearMessage()


def _prepared(window: MainWindow, paper: str) -> ItineraryRenderer | None:
    assert window.trip is not None
    renderer = ItineraryRenderer()
    # The second time column: the zone chosen in the window, else the trip's home zone.
    home = (
        display_zone(window.zone_mode, window.trip) if window.zone_mode != ZoneMode.VENUE else None
    )
    try:
        with _busy(window, "Preparing the itinerary…"):
            renderer.prepare(window.trip, paper, home)
    except PrintError as exc:
        renderer.close()
        QMessageBox.warning(window, "Print", f"The itinerary could not be prepared: {exc}")
        return None
    return renderer


def print_itinerary(window: MainWindow) -> None:
    """Print preview, then any printer the system offers."""
    if window.trip is None:
        return
    paper = default_paper()
    renderer = _prepared(window, paper)
    if renderer is None:
        return
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout(paper))
        printer.setDocName(window.trip.name)
        preview = window.make_print_preview(printer)
        preview.paintRequested.connect(renderer.to_printer)
        preview.exec()
    finally:
        renderer.close()


def export_pdf(window: MainWindow) -> None:
    trip = window.trip
    if trip is None:
        return
    path = window.ask_save_path("Export PDF", f"{file_stem(trip.name)}.pdf", "PDF (*.pdf)")
    if not path or not confirm_overwrite(window, "Export PDF", [Path(path)]):
        return
    paper = default_paper()
    renderer = _prepared(window, paper)
    if renderer is None:
        return
    try:
        with _busy(window, "Writing the PDF…"):
            renderer.to_pdf(path, paper)
    except (PrintError, FileRefused) as exc:
        QMessageBox.warning(window, "Export PDF", str(exc))
        return
    finally:
        renderer.close()
    window.statusBar().showMessage(f"Wrote {path}", 8000)


def make_preview(window: MainWindow, printer: QPrinter) -> QPrintPreviewDialog:
    dialog = QPrintPreviewDialog(printer, window)
    dialog.setWindowTitle(f"Print — {window.trip.name if window.trip else 'Shuttle'}")
    dialog.resize(900, 1000)
    return dialog
