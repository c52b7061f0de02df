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
from PySide6.QtGui import QFont
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
    time: str


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
        self.warning_icon = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning
        )

    def set_rows(
        self,
        trip: Trip | None,
        display_tz: tzinfo | None,
        day: date | None,
        warnings: Mapping[str, Sequence[TripWarning]] | None = None,
    ) -> None:
        self.beginResetModel()
        self.rows = []
        self.warnings = dict(warnings or {})
        if trip is not None:
            meetings = sorted(
                trip.meetings, key=lambda m: (display_day(m, display_tz), sort_key(m))
            )
            for meeting in meetings:
                shown = display_day(meeting, display_tz)
                if day is None or shown == day:
                    self.rows.append(
                        Row(
                            meeting,
                            trip.place_of(meeting),
                            shown,
                            local_time_label(meeting, display_tz),
                        )
                    )
        self.endResetModel()

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
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        problems = self.warnings.get(row.meeting.id, ())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            extra = f"; warning: {'; '.join(w.message for w in problems)}" if problems else ""
            return self._text(row, column) + (extra if column == 2 else "")
        if role == Qt.ItemDataRole.DecorationRole and column == 2 and problems:
            return self.warning_icon
        if role == Qt.ItemDataRole.ToolTipRole and column == 2 and problems:
            return "\n".join(f"⚠ {w.message}" for w in problems)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 4:
                return "\n".join(participant_with_role(p) for p in row.meeting.participants)
            if column == 3:
                if row.place is None:
                    return where_label(None)
                return f"{where_label(row.place)} ({row.place.timezone})"
            return self._text(row, column)
        if role == Qt.ItemDataRole.FontRole and row.meeting.status is not Status.CONFIRMED:
            font = QFont()
            font.setStrikeOut(row.meeting.status is Status.CANCELLED)
            font.setItalic(row.meeting.status is Status.TENTATIVE)
            return font
        return None

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
        for number, row in enumerate(self.rows):
            if row.meeting.id == meeting_id:
                return number
        return None


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
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Agenda"))
        self.table.setAccessibleDescription(
            self.tr("Meetings: day, time, title, place, participants")
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
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
        layout.addWidget(self.empty)
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
        self.empty.setVisible(trip is not None and not self.model.rows)
        self.table.resizeColumnsToContents()
        for column, cap in ((2, 270), (3, 220)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), cap))

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
