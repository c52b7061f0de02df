"""The map pane: the folium page in a locked-down QWebEngineView.

The page and its assets come from the ``shuttle:`` URL scheme (no files, no CDN); a request
interceptor lets nothing else out except OpenStreetMap tiles when the user turns them on.
Python talks to the page through one helper, :meth:`MapPane.call`, with JSON arguments;
the page talks back through :class:`MapBridge` on a QWebChannel.

The page is loaded once, as soon as the pane exists, and holds no trip: trips and edits
reach it as data. So the web engine starts while the rest of the window is still being
imported and built (see the Benchmarks section of the README).

Signals:
    place_clicked(str): the user clicked the marker of this place id (or pressed Enter or
        Space on it: the page turns those into the same click).
    point_picked(float, float): in pick mode, the user clicked the map here (lat, lon).
    map_ready(): the page has drawn the trip last given to :meth:`MapPane.show_trip`.
    tiles_failed(): online tiles were asked for but could not be loaded.
"""

from __future__ import annotations

import json
import logging
import mimetypes
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QFile,
    QIODevice,
    QObject,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from data.basemap import basemap_bytes
from data.files import default_cache_dir
from data.map_document import OSM_TILES, asset_files, cached_page
from ui.background import Task

if TYPE_CHECKING:
    from data.model import Leg, Trip

log = logging.getLogger(__name__)
_JS_LOG_LEVELS = {
    QWebEnginePage.JavaScriptConsoleMessageLevel.InfoMessageLevel: logging.INFO,
    QWebEnginePage.JavaScriptConsoleMessageLevel.WarningMessageLevel: logging.WARNING,
    QWebEnginePage.JavaScriptConsoleMessageLevel.ErrorMessageLevel: logging.ERROR,
}
SCHEME = b"shuttle"
BASE = "shuttle://app/"
PAGE_URL = QUrl(BASE + "map.html")
TILE_URL = OSM_TILES  # tests point it at a closed local port
JsCallback = Callable[[Any], None]
# From this many meetings a trip's data for the page (every meeting's popup text) is built
# on a worker thread: a tenth of a second per 5,000 meetings (README, Benchmarks).
BUILD_LATER_FROM = 1000
_JS_FUNCTIONS = {
    "showTrip",
    "greatCircle",
    "highlight",
    "update",
    "setPicking",
    "setOnlineTiles",
    "setControls",
    "setScheme",
    "fit",
    "state",
}


def register_scheme() -> None:
    """Declare ``shuttle:``; must run before the QApplication exists."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
        | QWebEngineUrlScheme.Flag.CorsEnabled
        | QWebEngineUrlScheme.Flag.FetchApiAllowed  # the basemap arrives by fetch()
    )
    QWebEngineUrlScheme.registerScheme(scheme)


class AssetSchemeHandler(QWebEngineUrlSchemeHandler):
    """Serves the map page and its assets from memory, installed packages and the cache."""

    def __init__(self, cache_dir: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache_dir = cache_dir
        self.documents: dict[str, bytes] = {"map.html": b""}  # pages made in this process
        self._files = asset_files()
        self._cache: dict[str, bytes] = {}

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        path = job.requestUrl().path().lstrip("/")
        try:
            body = self._content(path)
        except OSError as exc:  # e.g. an unreadable dataset: the page goes on without it
            log.error("cannot serve %s to the map page: %s", path, exc)
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
            return
        if body is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        mime = "text/html" if path.endswith(".html") else mimetypes.guess_type(path)[0]
        buffer = QBuffer(job)
        buffer.setData(QByteArray(body))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply((mime or "application/octet-stream").encode(), buffer)

    def _content(self, path: str) -> bytes | None:
        if path in self.documents:
            return self.documents[path]
        if path == "basemap.bin":  # asked for once per page: read from the disk cache
            return basemap_bytes(self.cache_dir)
        if path not in self._cache:
            if path in self._files:
                self._cache[path] = self._files[path].read_bytes()
            else:
                return None
        return self._cache[path]


class RequestGate(QWebEngineUrlRequestInterceptor):
    """Lets out only ``shuttle:`` and ``data:`` requests, plus OSM tiles when allowed.

    Every request is logged in :attr:`seen` (url, allowed) so tests can prove that
    nothing leaves the page while online tiles are off.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.online_tiles = False
        self.seen: list[tuple[str, bool]] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        allowed = url.scheme() in ("shuttle", "data", "blob") or (
            self.online_tiles
            and url.scheme() == "https"
            and url.host() == QUrl(TILE_URL.split("{", 1)[0]).host()
        )
        self.seen.append((url.toString(), allowed))
        if not allowed:
            info.block(True)


class MapPage(QWebEnginePage):
    """Stays on the map: links open in the system browser, other navigation is refused."""

    def acceptNavigationRequest(
        self, url: QUrl | str, kind: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        if url.scheme() == "shuttle":  # only our own documents are served there
            return True
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        return False

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        log.log(
            _JS_LOG_LEVELS.get(level, logging.INFO), "map page %s:%d: %s", source, line, message
        )

    # Qt takes a null page as "no window"; PySide6's stub says a page must be returned.
    def createWindow(  # type: ignore[override]
        self, kind: QWebEnginePage.WebWindowType
    ) -> QWebEnginePage | None:
        return None  # no pop-up windows


class MapBridge(QObject):
    """The page's way into Python (slots called from JavaScript)."""

    marker_clicked = Signal(str)
    map_clicked = Signal(float, float)
    ready = Signal()
    tiles_failed = Signal()

    @Slot(str)
    def markerClicked(self, place_id: str) -> None:
        self.marker_clicked.emit(place_id)

    @Slot(str)
    def mapClicked(self, lat_lon: str) -> None:
        try:
            lat, lon = (float(v) for v in json.loads(lat_lon))
        except (ValueError, TypeError):
            return  # the page sent something else: ignore it
        self.map_clicked.emit(lat, lon)

    @Slot(str)
    def mapReady(self, _unused: str) -> None:
        self.ready.emit()

    @Slot(str)
    def tilesFailed(self, _unused: str) -> None:
        self.tiles_failed.emit()


class MapPane(QWebEngineView):
    place_clicked = Signal(str)
    point_picked = Signal(float, float)
    map_ready = Signal()
    tiles_failed = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        cache_dir: Path | None = None,
        follow_scheme: bool = True,
    ) -> None:
        """``follow_scheme``: dark when the system is (the window's map; paper stays light)."""
        super().__init__(parent)
        self.setAccessibleName(self.tr("Map"))
        self.setAccessibleDescription(self.tr("The trip's places and route on a map"))
        self.profile = QWebEngineProfile(self)  # off the record: no cache or cookies on disk
        cache_dir = cache_dir or default_cache_dir()
        self.handler = AssetSchemeHandler(cache_dir, self.profile)
        self.gate = RequestGate(self.profile)
        self.profile.installUrlSchemeHandler(SCHEME, self.handler)
        self.profile.setUrlRequestInterceptor(self.gate)
        page = MapPage(self.profile, self)
        self.setPage(page)
        self.bridge = MapBridge(self)
        self.channel = QWebChannel(page)
        self.channel.registerObject("shuttle", self.bridge)
        page.setWebChannel(self.channel)
        page.scripts().insert(_web_channel_script())
        self.bridge.marker_clicked.connect(self.place_clicked)
        self.bridge.map_clicked.connect(self.point_picked)
        self.bridge.ready.connect(self._on_ready)
        self.bridge.tiles_failed.connect(self.tiles_failed)
        self.is_ready = False
        self._after_ready: list[tuple[str, tuple[Any, ...], JsCallback | None]] = []
        self._building: Task | None = None  # the page's data for a big trip, being built
        self._showing = False  # what is being built is a trip to show (not yet drawn)
        page_html = cached_page(BASE, TILE_URL, cache_dir)
        self.handler.documents["map.html"] = page_html.encode("utf-8")
        page.load(PAGE_URL)
        if follow_scheme:
            hints = QGuiApplication.styleHints()
            hints.colorSchemeChanged.connect(self.follow_color_scheme)
            if hints.colorScheme() == Qt.ColorScheme.Dark:
                self.follow_color_scheme(hints.colorScheme())

    @Slot(Qt.ColorScheme)
    def follow_color_scheme(self, scheme: Qt.ColorScheme) -> None:
        """Dark or light like the system (a slot: Qt drops it when the pane goes)."""
        self.call("setScheme", "dark" if scheme == Qt.ColorScheme.Dark else "light")

    def show_trip(
        self, trip: Trip, legs: Iterable[Leg] | None = None, prepared: object | None = None
    ) -> None:
        """Draw ``trip`` and fit the view to it; ``map_ready`` follows once it is drawn.

        ``legs``: the route's legs to draw (None: planned here, as ``route_legs`` does).
        ``prepared``: :func:`page_data` of the same, made beforehand (on a worker thread);
        else a big trip's data is built on a worker thread first.

        The page fits once its view has a real size and again on each resize, until the
        user pans or zooms; ``call("fit")`` (Fit Map to Trip) hands the view back to the trip.
        """
        if prepared is None and len(trip.meetings) >= BUILD_LATER_FROM:
            self._build_later("showTrip", trip, legs)
        else:
            self._stop_building()
            self._show(page_data(trip, legs) if prepared is None else prepared)

    def update_trip(self, trip: Trip, legs: Iterable[Leg] | None = None) -> None:
        """Redraw stops and legs (``legs`` as in :meth:`show_trip`) after an edit, a big
        trip's data built on a worker thread first. The view follows stops that moved
        unless the user has panned or zoomed since the last fit (the page decides:
        map_bridge.js)."""
        if self._showing:
            self.show_trip(trip, legs)  # the trip being shown is not drawn yet
        elif len(trip.meetings) >= BUILD_LATER_FROM:
            self._build_later("update", trip, legs)
        else:
            self._stop_building()
            self.call("update", page_data(trip, legs))

    def add_legs(self, trip: Trip, legs: Sequence[Leg]) -> None:
        """Redraw ``trip`` with the legs planned once it was shown (:meth:`update_trip`),
        its data built on a worker thread: thousands of legs take tenths of a second."""
        self._build_later("showTrip" if self._showing else "update", trip, legs)

    def _build_later(self, function: str, trip: Trip, legs: Iterable[Leg] | None) -> None:
        self._stop_building()
        self._showing = function == "showTrip"
        task = Task(lambda _cancelled: page_data(trip, legs))
        task.finished.connect(lambda payload: self._built(task, function, payload))
        task.failed.connect(lambda exc: self._built(task, function, exc))
        self._building = task
        task.start()

    def _show(self, payload: object) -> None:
        self.call("showTrip", payload, callback=lambda _drawn: self.map_ready.emit())

    @property
    def building(self) -> bool:
        """A big trip's data for the page (or its legs') is still being built."""
        return self._building is not None

    def _built(self, task: Task, function: str, payload: object) -> None:
        if task is not self._building:
            return  # the map was redrawn meanwhile
        self._building = None
        self._showing = False
        if isinstance(payload, BaseException):
            raise payload  # a bug in the payload: the excepthook reports it
        if function == "showTrip":
            self._show(payload)
        else:
            self.call(function, payload)

    def _stop_building(self) -> None:
        if self._building is not None:
            self._building.cancel()
            self._building = None
        self._showing = False

    def pick_point(self, on: bool = True) -> None:
        """The next click on the map reports its coordinates through ``point_picked``."""
        self.call("setPicking", on)

    def set_online_tiles(self, on: bool) -> None:
        self.gate.online_tiles = on
        self.call("setOnlineTiles", on)

    def highlight(self, place_ids: list[str], open_place: str | None) -> None:
        self.call("highlight", place_ids, open_place)

    def call(self, function: str, *args: Any, callback: JsCallback | None = None) -> None:
        """Call ``window.shuttleMap.<function>`` with JSON-serialised arguments (a
        :class:`PageJson` is already).

        Calls made before the page is ready are queued and replayed in order.
        """
        if function not in _JS_FUNCTIONS:
            raise ValueError(f"no map function {function!r}")
        if not self.is_ready:
            self._after_ready.append((function, args, callback))
            return
        arguments = ", ".join(a if isinstance(a, PageJson) else json.dumps(a) for a in args)
        script = f"window.shuttleMap.{function}({arguments})"
        if callback is None:
            self.page().runJavaScript(script)
        else:
            # PySide6 turns JS objects into '' on the way back: send JSON text instead.
            self.page().runJavaScript(
                f"JSON.stringify({script}) || null",
                0,
                lambda result: callback(json.loads(result) if result else None),
            )

    def _on_ready(self) -> None:
        self.is_ready = True
        queued, self._after_ready = self._after_ready, []
        self.call("setOnlineTiles", self.gate.online_tiles)
        for function, args, callback in queued:
            self.call(function, *args, callback=callback)

    def shutdown(self) -> None:
        """Delete the page before its profile, or Qt warns at exit (docs/platform.md)."""
        self._stop_building()
        self.page().deleteLater()


class PageJson(str):
    """An argument for the page already in JSON: made with the data, on a worker thread
    for a big trip (10,000 meetings' popups take tens of milliseconds to encode)."""


def page_data(trip: Trip, legs: Iterable[Leg] | None) -> PageJson:
    """What the page draws of ``trip`` and ``legs`` (as in :meth:`MapPane.show_trip`); it
    touches no Qt object, so a worker thread may make it."""
    # Imported here: the payload needs the agenda and geopy, which the pane must not wait
    # for before it starts loading its page.
    from data.map_payload import map_payload

    return PageJson(json.dumps(map_payload(trip, legs)))


def _web_channel_script() -> QWebEngineScript:
    source = QFile(":/qtwebchannel/qwebchannel.js")
    source.open(QIODevice.OpenModeFlag.ReadOnly)
    script = QWebEngineScript()
    script.setName("qwebchannel")
    script.setSourceCode(bytes(source.readAll().data()).decode("utf-8"))
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    script.setRunsOnSubFrames(False)
    return script
