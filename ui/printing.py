"""Print the itinerary: a snapshot of the route map, the report page, then PDF or printer.

Chromium lays the pages out (``@page`` margin boxes give page numbers and the trip name),
both for ``printToPdf`` and for a QPrinter behind the print preview.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QEventLoop,
    QIODevice,
    QMarginsF,
    Qt,
    QTimer,
    QUrl,
)
from PySide6.QtGui import QImageWriter, QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWebEngineWidgets import QWebEngineView

from data.files import replace_with, temp_path_beside
from data.model import Trip
from data.report import ReportOptions, build_report_html
from data.travel import DEFAULT_ASSUMPTIONS, TravelAssumptions
from ui.map_pane import BASE, MapPage, MapPane

MAP_SIZE = (1100, 680)  # pixels; printed ~17 cm wide: labels stay legible
MARGINS_MM = QMarginsF(16, 14, 16, 18)
TIMEOUT_MS = 60000


class PrintError(RuntimeError):
    """The itinerary could not be rendered or written."""


def page_layout(paper: str) -> QPageLayout:
    size = QPageSize.PageSizeId.Letter if paper == "Letter" else QPageSize.PageSizeId.A4
    return QPageLayout(
        QPageSize(size), QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
    )


def _wait(until: Callable[[], bool], what: str, timeout_ms: int = TIMEOUT_MS) -> None:
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(25)
    timer.timeout.connect(lambda: loop.quit() if until() else None)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    timer.start()
    deadline.start(timeout_ms)
    if not until():
        loop.exec()
    timer.stop()
    if not until():
        raise PrintError(f"timed out while {what}")


class ItineraryRenderer:
    """Holds a hidden map and a hidden report view; reuse it for preview and PDF."""

    def __init__(self) -> None:
        self.map = MapPane(follow_scheme=False)  # paper is light whatever the screen
        self.map.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.map.resize(*MAP_SIZE)
        self.view = QWebEngineView()
        self.view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        self.view.setPage(MapPage(self.map.profile, self.view))
        self.html = ""

    def prepare(
        self,
        trip: Trip,
        paper: str = "A4",
        home_tz: ZoneInfo | None = None,
        assumptions: TravelAssumptions = DEFAULT_ASSUMPTIONS,
    ) -> None:
        """Draw the map, snapshot it, and load the report; blocks until all is ready."""
        self.map.show()
        ready: list[bool] = []
        self.map.map_ready.connect(lambda: ready.append(True))
        self.map.show_trip(trip)
        _wait(lambda: bool(ready), "drawing the route map")
        self.map.call("setControls", False)
        self._wait_for_map_to_settle()
        _settle(300)  # one more frame for the labels
        image = self.map.grab().toImage()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not QImageWriter(buffer, QByteArray(b"PNG")).write(image):
            raise PrintError("the route map could not be saved as PNG")
        png = bytes(buffer.data().data())
        self.html = build_report_html(
            trip, png, ReportOptions(paper=paper, home_tz=home_tz, assumptions=assumptions)
        )
        self.map.handler.documents["report.html"] = self.html.encode("utf-8")
        loaded: list[bool] = []
        self.view.page().loadFinished.connect(loaded.append)
        self.view.page().load(QUrl(BASE + "report.html"))
        _wait(lambda: bool(loaded), "laying out the itinerary")
        if not loaded[0]:
            raise PrintError("the itinerary page did not load")

    def _wait_for_map_to_settle(self) -> None:
        """Until the basemap (it loads after the stops) is drawn and no zoom is running."""
        settled: list[bool] = []

        def check(state: dict[str, Any] | None) -> None:
            if state and state["basemapDone"] and not state["zoomAnimating"]:
                settled.append(True)
            else:
                QTimer.singleShot(25, ask)

        def ask() -> None:
            self.map.call("state", callback=check)

        ask()
        _wait(lambda: bool(settled), "waiting for the map to settle")

    def to_pdf(
        self, path: str | os.PathLike[str], paper: str = "A4", *, overwrite: bool = True
    ) -> None:
        """Print to a temp file beside ``path``, then rename it over: a failure (a full
        disk) leaves an existing PDF whole. FileRefused for a target not to be written."""
        target = Path(path)
        tmp = temp_path_beside(target, overwrite=overwrite)
        done: list[bool] = []
        self.view.page().pdfPrintingFinished.connect(lambda _path, ok: done.append(ok))
        self.view.page().printToPdf(str(tmp.resolve()), page_layout(paper))
        try:
            _wait(lambda: bool(done), "writing the PDF")
            if not done[0] or tmp.stat().st_size == 0:
                raise PrintError(f"could not write {target} (is the disk full?)")
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        replace_with(tmp, target, overwrite=overwrite)

    def to_printer(self, printer: QPrinter) -> bool:
        done: list[bool] = []
        self.view.printFinished.connect(done.append)
        self.view.print(printer)
        _wait(lambda: bool(done), "printing")
        return done[0]

    def close(self) -> None:
        """Pages before their profile, or Qt warns at exit."""
        self.view.page().deleteLater()
        self.view.deleteLater()
        self.map.shutdown()
        self.map.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _settle(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def write_pdf(
    trip: Trip,
    path: str | os.PathLike[str],
    paper: str,
    home_tz: ZoneInfo | None,
    assumptions: TravelAssumptions = DEFAULT_ASSUMPTIONS,
    *,
    overwrite: bool = True,
) -> None:
    """Render ``trip`` to a PDF; needs a QApplication."""
    renderer = ItineraryRenderer()
    try:
        renderer.prepare(trip, paper, home_tz, assumptions)
        renderer.to_pdf(path, paper, overwrite=overwrite)
    finally:
        renderer.close()
