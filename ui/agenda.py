"""The agenda: the meetings of one day or of the whole trip, in a model/view table.

Signals (AgendaPane):
    selection_changed(list): meeting ids now selected, in table order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, tzinfo
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from data.agenda import (
    display_day,
    local_time_label,
    participant_label,
    participant_with_role,
    place_label,
    sort_key,
    where_label,
)
from data.locale_format import long_day, short_day, word
from data.model import Meeting, Place, Status, Trip
from data.warnings import TripWarning

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Row:
    meeting: Meeting
    place: Place | None  # None: the place is not given
    day: date
    display_tz: tzinfo | None  # None: the venue's own zone

    @property
    def time(self) -> str:
        # Made when a row is drawn, not for every row of a trip of thousands.
        return local_time_label(self.meeting, self.display_tz)


_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_FONT = Qt.ItemDataRole.FontRole.value
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole.value
_DECORATION = Qt.ItemDataRole.DecorationRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ANSWERED = frozenset((_DISPLAY, _FONT, _ACCESSIBLE, _DECORATION, _TOOLTIP))


class AgendaModel(QAbstractTableModel):
    HEADERS = (  # shown through QCoreApplication.translate("AgendaModel", ...)
        QT_TRANSLATE_NOOP("AgendaModel", "Day"),
        QT_TRANSLATE_NOOP("AgendaModel", "Time"),
        QT_TRANSLATE_NOOP("AgendaModel", "Meeting"),
        QT_TRANSLATE_NOOP("AgendaModel", "Place"),
        QT_TRANSLATE_NOOP("AgendaModel", "Participants"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self.warnings: dict[str, Sequence[TripWarning]] = {}
        # The whole trip's rows in order and by day, kept for the trip and zone they were
        # made for: filtering to a day then takes that day's rows, sorting nothing.
        self._made_for: tuple[Trip, tzinfo | None] | None = None
        self._all: list[Row] = []
        self._by_day: dict[date, list[Row]] = {}
        self._row_numbers: dict[str, int] | None = None
        self.warning_icon = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        # Made once: data() runs for every cell on every paint, so it only hands them out.
        self.fonts = {Status.CANCELLED: QFont(), Status.TENTATIVE: QFont()}
        self.fonts[Status.CANCELLED].setStrikeOut(True)
        self.fonts[Status.TENTATIVE].setItalic(True)

    def set_rows(
        self,
        trip: Trip | None,
        display_tz: tzinfo | None,
        day: date | None,
        warnings: Mapping[str, Sequence[TripWarning]] | None = None,
    ) -> None:
        self.beginResetModel()
        self.warnings = dict(warnings or {})
        if trip is None:
            self.rows = []
        else:
            self._make_rows(trip, display_tz)
            self.rows = list(self._all) if day is None else list(self._by_day.get(day, ()))
        self._row_numbers = None
        self.endResetModel()

    def set_warnings(self, warnings: Mapping[str, Sequence[TripWarning]]) -> None:
        """New warnings for the same rows: their icons and tooltips change, nothing else."""
        self.warnings = dict(warnings)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 2))

    def _make_rows(self, trip: Trip, display_tz: tzinfo | None) -> None:
        made_for = self._made_for
        if made_for is not None and made_for[0] is trip and made_for[1] == display_tz:
            return
        keyed = sorted(
            ((display_day(m, display_tz), sort_key(m), i) for i, m in enumerate(trip.meetings)),
        )
        meetings = [trip.meetings[i] for _, _, i in keyed]
        self._all = [
            Row(m, trip.place_of(m), d, display_tz)
            for m, (d, _, _) in zip(meetings, keyed, strict=True)
        ]
        self._by_day = {}
        for row in self._all:
            self._by_day.setdefault(row.day, []).append(row)
        self._made_for = (trip, display_tz)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt)
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("AgendaModel", str(self.HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Qt asks for a dozen roles per cell on every measure and paint (a 50-meeting
        # trip's first show makes ~12,000 calls): the roles not answered return at once.
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            return self._text(row, column)
        if role == _FONT:
            return self.fonts.get(row.meeting.status)
        problems = self.warnings.get(row.meeting.id, ())
        if role == _ACCESSIBLE:
            extra = f"; warning: {'; '.join(w.message for w in problems)}" if problems else ""
            return self._text(row, column) + (extra if column == 2 else "")
        if role == _DECORATION:
            return self.warning_icon if column == 2 and problems else None
        # The tooltip.
        if column == 2 and problems:
            return "\n".join([self._text(row, column), *(f"⚠ {w.message}" for w in problems)])
        if column == 4:
            return "\n".join(participant_with_role(p) for p in row.meeting.participants)
        if column == 0:
            return long_day(row.day)
        if column == 3:
            if row.place is None:
                return where_label(None)
            return f"{where_label(row.place)} ({row.place.timezone})"
        return self._text(row, column)

    @staticmethod
    def _text(row: Row, column: int) -> str:
        meeting = row.meeting
        if column == 0:
            return short_day(row.day)
        if column == 1:
            return row.time
        if column == 2:
            status = "" if meeting.status is Status.CONFIRMED else f" ({word(meeting.status)})"
            return meeting.title + status
        if column == 3:
            return place_label(row.place) if row.place is not None else where_label(None)
        return ", ".join(participant_label(p) for p in meeting.participants)

    def row_of(self, meeting_id: str) -> int | None:
        if self._row_numbers is None:
            self._row_numbers = {row.meeting.id: n for n, row in enumerate(self.rows)}
        return self._row_numbers.get(meeting_id)


def fit_widths(
    natural: Sequence[int], available: int, weights: Sequence[float] | None = None
) -> list[int]:
    """Column widths that add up to ``available``: each column gets its natural width or
    its weighted share of what the other cut columns leave, whichever is less (narrow
    columns stay whole, the widest give way first); room to spare goes to the widest."""
    if not natural:
        return []
    weight = list(weights or [1.0] * len(natural))
    total = sum(natural)
    if total <= available:
        widths = list(natural)
        widths[natural.index(max(natural))] += available - total
        return widths
    order = sorted(range(len(natural)), key=lambda i: natural[i] / weight[i])
    left, widths = available, list(natural)
    for position, i in enumerate(order):
        rest = order[position:]
        level = left / sum(weight[j] for j in rest)
        if natural[i] <= weight[i] * level:
            left -= natural[i]
            continue
        for j in rest:  # this and the wider ones share what is left by weight
            widths[j] = int(weight[j] * level)
        widths[rest[-1]] += left - sum(widths[j] for j in rest)
        break
    return widths


class AgendaTable(QTableView):
    """The agenda's table, whose columns always fit its width: text that does not fit
    wraps onto up to three lines, then is elided, with the whole text in the cell's
    tooltip. Measuring every row's height takes time in proportion to the rows, so a
    long trip (over ``MEASURED_ROWS`` meetings) gives every row two lines instead."""

    MIN_COLUMN = 48
    MAX_LINES = 3
    MEASURED_ROWS = 200
    WEIGHTS = (1.2, 1.6, 1.0, 1.2)  # time, meeting, place, participants: the title first

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.horizontalHeader().setStretchLastSection(False)
        # A column's natural width is measured on the rows in view and up to 100 others.
        self.horizontalHeader().setResizeContentsPrecision(100)
        rows = self.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() * 2 + 8)
        rows.hide()
        self.measure_rows(0)
        self._natural: list[int] = []  # each column's natural width, as last measured

    def measure_rows(self, count: int) -> None:
        """Rows as tall as their text (up to three lines), or two lines in a long trip."""
        rows = self.verticalHeader()
        line = self.fontMetrics().lineSpacing()
        measured = count <= self.MEASURED_ROWS
        mode = QHeaderView.ResizeMode
        rows.setSectionResizeMode(mode.ResizeToContents if measured else mode.Fixed)
        # Lowering the cap also shortens rows measured for an earlier, shorter trip.
        rows.setMaximumSectionSize(line * (self.MAX_LINES if measured else 2) + 8)

    def fit_columns(self, measure: bool = True) -> None:
        """Share the width among the columns by their natural widths, measured again
        unless ``measure`` is false (a resize: the rows are the same, only the width is
        not, and measuring asks the model for hundreds of cells)."""
        model = self.model()
        if model is None or model.columnCount() == 0:
            return
        header = self.horizontalHeader()
        count = model.columnCount()
        if measure or len(self._natural) != count:
            self._natural = [
                max(self.sizeHintForColumn(c), header.sectionSizeHint(c), self.MIN_COLUMN)
                for c in range(count)
            ]
        natural = self._natural
        day = natural[0]  # short, and the order of the rows depends on it: never cut
        available = max(self.viewport().width() - day, self.MIN_COLUMN * (count - 1))
        for column, width in enumerate([day, *fit_widths(natural[1:], available, self.WEIGHTS)]):
            header.resizeSection(column, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns(measure=False)


class AgendaPane(QWidget):
    selection_changed = Signal(list)
    whole_trip_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AgendaModel(self)
        self.title = QLabel(self.tr("Whole trip"))
        self.title.setAccessibleName(self.tr("Agenda scope"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.whole_trip_button = QPushButton(self.tr("&Whole trip"))
        self.whole_trip_button.setAccessibleName(self.tr("Show the whole trip"))
        self.whole_trip_button.setToolTip(self.tr("Show every meeting of the trip (Ctrl+0)"))
        self.whole_trip_button.clicked.connect(self.whole_trip_requested)
        self.table = AgendaTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Agenda"))
        self.table.setAccessibleDescription(
            self.tr("Meetings: day, time, title, place, participants")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.no_meetings_hint = self.tr("No meetings yet.")
        self.empty = QLabel(self.tr("No meetings on this day."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.whole_trip_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty, 1)  # in the table's place while there is nothing to list
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self._quiet = False

    def show_rows(
        self,
        trip: Trip | None,
        display_tz: tzinfo | None,
        day: date | None,
        warnings: Mapping[str, Sequence[TripWarning]] | None = None,
    ) -> None:
        keep = self.selected_ids()
        self._quiet = True
        try:
            self.table.measure_rows(len(trip.meetings) if trip else 0)  # before they arrive
            self.model.set_rows(trip, display_tz, day, warnings)
            self.select(keep, announce=False)
        finally:
            self._quiet = False
        self.title.setText(long_day(day) if day else self.tr("Whole trip"))
        self.whole_trip_button.setEnabled(day is not None)
        if trip is not None and not trip.meetings:
            self.empty.setText(self.no_meetings_hint)
        else:
            self.empty.setText(self.tr("No meetings on this day."))
        nothing = trip is not None and not self.model.rows
        self.empty.setVisible(nothing)
        self.table.setVisible(not nothing)
        self.table.fit_columns()

    def set_no_meetings_hint(self, text: str) -> None:
        """What an empty trip says: how to add its first meeting."""
        self.no_meetings_hint = text

    def selected_ids(self) -> list[str]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.rows[r].meeting.id for r in rows if r < len(self.model.rows)]

    def select(self, meeting_ids: list[str], announce: bool = True) -> None:
        selection = QItemSelection()
        first = None
        for meeting_id in meeting_ids:
            row = self.model.row_of(meeting_id)
            if row is None:
                continue
            left = self.model.index(row, 0)
            selection.select(left, self.model.index(row, self.model.columnCount() - 1))
            first = left if first is None else first
        self._quiet = not announce
        try:
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().select(selection, flags)
            if first is not None:
                self.table.selectionModel().setCurrentIndex(
                    first, QItemSelectionModel.SelectionFlag.NoUpdate
                )
                self.table.scrollTo(first)
        finally:
            self._quiet = False

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if not self._quiet:
            self.selection_changed.emit(self.selected_ids())
