"""The meeting editor: every field of a meeting, checked where it is typed.

The dialog gathers the form's values; :func:`data.meeting_form.build_meeting` checks them
and builds the :class:`Meeting` (with a new place and sources, if any). It saves nothing
itself: the planner turns the result into an undoable edit.

Signals:
    pick_on_map_requested(): the user wants to choose the place by clicking the map.
"""

from __future__ import annotations

import threading
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from data.gazetteer import Gazetteer
from data.geocoding import GeocodingError
from data.meeting_form import (
    NO_PLACE,
    PEOPLE,
    PLACE,
    SOURCES,
    TIME,
    TITLE,
    ZONE,
    FormError,
    FormResult,
    MeetingForm,
    PersonRow,
    SourceRow,
    build_meeting,
    cited_sources,
    traveller_participant,
    trip_people,
)
from data.model import (
    Attendance,
    ExactTime,
    Meeting,
    Participant,
    PartOfDay,
    Place,
    Status,
    TimeTBC,
    Trip,
    zone,
)
from data.place_entry import Match, PlaceChoice, describe, place_label
from data.places import place_from_coordinates, place_from_geocode
from data.warnings import clock_change_problem
from ui.background import Task
from ui.people_table import NameDelegate
from ui.place_field import PlaceField
from ui.time_field import TimeEdit
from ui.zone_field import ZoneField

ERROR_STYLE = "color: #b03a2e;"
PART_OF_DAY_CHOICES: list[tuple[str, PartOfDay | None]] = [("not known", None)] + [
    (str(p), p) for p in PartOfDay
]


def _buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose "&" marks a shortcut to ``buddy``: QFormLayout sets a buddy only
    for a widget field, and a label without one shows the "&" as it is."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class MeetingEditor(QDialog):
    pick_on_map_requested = Signal()

    def __init__(
        self,
        trip: Trip,
        meeting: Meeting | None,
        gazetteer: Gazetteer,
        default_day: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.trip = trip
        self.original = meeting
        self.gazetteer = gazetteer
        self.result_value: FormResult | None = None
        # Where the zone was last taken from: typing on in the place field (the venue's
        # name) keeps a zone the user changed, another spot or zone replaces it.
        self._zone_from: tuple[float, float, str] | None = None
        self.setWindowTitle("Edit Meeting" if meeting else "New Meeting")
        self.setMinimumWidth(640)
        self._build(default_day or trip.first_day or date.today())
        if meeting is not None:
            self._load(meeting)
        else:
            self._on_kind_changed()
            traveller = traveller_participant(trip)
            if traveller is not None:
                self.add_participant(traveller)

    # -- layout -----------------------------------------------------------------------

    def _build(self, day: date) -> None:
        tabs = QTabWidget()
        tabs.addTab(self._main_tab(day), "&Meeting")
        tabs.addTab(self._people_tab(), "&Participants")
        tabs.addTab(self._notes_tab(), "&Notes && Sources")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.buttons)

    def _main_tab(self, day: date) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title"))
        self.title_error = _error_label()
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow("", self.title_error)

        self.place_edit = PlaceField(self.trip.places, self.gazetteer)
        self.place_edit.setAccessibleName(self.tr("Place"))
        self.place_edit.setPlaceholderText(
            self.tr("A trip place, a city, or a venue and its city: Le Royal Hotel, Amman")
        )
        self.place_edit.choice_changed.connect(self._on_place_chosen)
        self.online_button = QPushButton(self.tr("Look up &Online"))
        self.online_button.setToolTip(self.tr("Ask OpenStreetMap's Nominatim (needs the network)"))
        self.online_button.clicked.connect(self._look_up_online)
        self.cancel_lookup_button = QPushButton(self.tr("Cancel Lookup"))
        self.cancel_lookup_button.setToolTip(self.tr("Stop waiting for the online lookup"))
        self.cancel_lookup_button.clicked.connect(self.cancel_lookup)
        self.cancel_lookup_button.hide()
        self.lookup_note = QLabel()
        self.lookup_note.hide()
        self._lookup: Task | None = None
        self.finished.connect(lambda _code: self.cancel_lookup())
        self.map_button = QPushButton(self.tr("Pick on &Map"))
        self.map_button.setToolTip(self.tr("Click the map to place the meeting there"))
        self.map_button.clicked.connect(self.pick_on_map_requested)
        row = QHBoxLayout()
        row.addWidget(self.place_edit, 1)
        row.addWidget(self.online_button)
        row.addWidget(self.cancel_lookup_button)
        row.addWidget(self.map_button)
        self.place_note = QLabel()
        self.place_note.setWordWrap(True)
        self.place_note.setTextFormat(Qt.TextFormat.PlainText)
        self.place_note.setAccessibleName(self.tr("Place found"))
        self.place_error = _error_label()
        column = QVBoxLayout()  # the notes hug the field they are about
        column.setSpacing(2)
        column.addLayout(row)
        for note in (self.place_note, self.lookup_note, self.place_error):
            column.addWidget(note)
        form.addRow(_buddy_label(self.tr("&Place:"), self.place_edit), column)

        self.zone_edit = ZoneField("", self.gazetteer)
        self.zone_edit.setAccessibleName(self.tr("Time zone"))
        self.zone_edit.setToolTip(
            self.tr("The venue's time zone, filled in from the place; or type a city or zone")
        )
        self.zone_error = _error_label()
        form.addRow(self.tr("Time &zone:"), self.zone_edit)
        form.addRow("", self.zone_error)

        self.day_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat("ddd d MMM yyyy")
        self.day_edit.setAccessibleName(self.tr("Date"))
        form.addRow(self.tr("&Date:"), self.day_edit)
        self.day_edit.dateChanged.connect(self._update_time_note)
        self.zone_edit.textChanged.connect(self._update_time_note)

        self.exact_radio = QRadioButton(self.tr("E&xact time"))
        self.tbc_radio = QRadioButton(self.tr("Time to be &confirmed"))
        self.kind_group = QButtonGroup(self)
        self.kind_group.addButton(self.exact_radio)
        self.kind_group.addButton(self.tbc_radio)
        self.tbc_radio.setChecked(True)
        self.kind_group.buttonToggled.connect(lambda *_: self._on_kind_changed())
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.exact_radio)
        kind_row.addWidget(self.tbc_radio)
        kind_row.addStretch(1)
        form.addRow(self.tr("Time:"), kind_row)

        self.exact_box = QGroupBox(self.tr("Local time at the venue"))
        exact_form = QFormLayout(self.exact_box)
        self.start_edit = TimeEdit(QTime(10, 0))
        self.start_edit.setAccessibleName(self.tr("Start time"))
        self.end_edit = TimeEdit(QTime(11, 0))
        self.end_edit.setAccessibleName(self.tr("End time"))
        self.end_edit.setToolTip(self.tr("Moves with the start, keeping the meeting's length"))
        self._span = 60  # minutes from start to end: kept when the start moves
        exact_form.addRow(self.tr("&Start:"), self.start_edit)
        self.next_day = QCheckBox(self.tr("ends the &next day"))
        self.next_day.setAccessibleName(self.tr("Ends the next day"))
        end_row = QHBoxLayout()
        end_row.addWidget(self.end_edit, 1)
        end_row.addWidget(self.next_day)
        exact_form.addRow(_buddy_label(self.tr("&End:"), self.end_edit), end_row)
        self.time_error = _error_label()
        exact_form.addRow("", self.time_error)
        self.time_note = QLabel()
        self.time_note.setStyleSheet("color: #9a6700;")
        self.time_note.setWordWrap(True)
        self.time_note.hide()
        exact_form.addRow("", self.time_note)
        self.start_edit.timeChanged.connect(self._on_start_moved)
        self.end_edit.timeChanged.connect(self._on_end_moved)
        self.next_day.toggled.connect(self._on_end_moved)
        form.addRow(self.exact_box)

        self.tbc_box = QGroupBox(self.tr("What is known"))
        tbc_form = QFormLayout(self.tbc_box)
        self.part_box = QComboBox()
        self.part_box.setAccessibleName(self.tr("Part of day"))
        for label, part in PART_OF_DAY_CHOICES:
            self.part_box.addItem(label, part)
        self.duration_spin = QDoubleSpinBox()
        self.duration_spin.setAccessibleName(self.tr("Expected duration in hours"))
        self.duration_spin.setRange(0, 24)
        self.duration_spin.setSingleStep(0.5)
        self.duration_spin.setSuffix(" h")
        self.duration_spin.setSpecialValueText(self.tr("not known"))
        tbc_form.addRow(self.tr("Part of &day:"), self.part_box)
        tbc_form.addRow(self.tr("Expected &length:"), self.duration_spin)
        form.addRow(self.tbc_box)

        self.status_box = QComboBox()
        self.status_box.setAccessibleName(self.tr("Status"))
        for status in Status:
            self.status_box.addItem(str(status), status)
        form.addRow(self.tr("St&atus:"), self.status_box)
        return page

    def _people_tab(self) -> QWidget:
        page = QWidget()
        self.people = QTableWidget(0, 5)
        self.people.setHorizontalHeaderLabels(
            ["Name", "Role", "Organisation", "Email", "Attendance"]
        )
        self.people.setAccessibleName(self.tr("Participants"))
        self.people.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.people.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.known_people = {p.name.casefold(): p for p in trip_people(self.trip)}
        self.people.setItemDelegateForColumn(
            0, NameDelegate([p.name for p in self.known_people.values()], self.people)
        )
        self.people.itemChanged.connect(self._on_person_named)
        add = self.add_person_button = QPushButton(self.tr("&Add Participant"))
        add.clicked.connect(self.new_participant_row)
        remove = QPushButton(self.tr("&Remove"))
        remove.clicked.connect(self._remove_participants)
        self.people_error = _error_label()
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.people)
        layout.addWidget(self.people_error)
        layout.addLayout(buttons)
        return page

    def _notes_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.topic = QPlainTextEdit()
        self.topic.setAccessibleName(self.tr("Topic"))
        self.topic.setTabChangesFocus(True)
        self.topic.setFixedHeight(70)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        form.addRow(self.tr("T&opic:"), self.topic)
        form.addRow(self.tr("N&otes:"), self.notes)
        self.sources = QTableWidget(0, 2)
        self.sources.setHorizontalHeaderLabels(["URL", "Note"])
        self.sources.setAccessibleName(self.tr("Sources"))
        self.sources.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        add = QPushButton(self.tr("Add &Source"))
        add.clicked.connect(lambda: self.add_source("https://", ""))
        remove = QPushButton(self.tr("Remove Source"))
        remove.clicked.connect(self._remove_sources)
        self.sources_error = _error_label()
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        form.addRow(self.tr("Sources:"), self.sources)
        form.addRow("", self.sources_error)
        form.addRow("", row)
        return page

    # -- filling in -------------------------------------------------------------------

    def _load(self, meeting: Meeting) -> None:
        self.title.setText(meeting.title)
        if meeting.place_id is None:
            # Imported without a place: it stays so unless one is typed.
            when = meeting.time
            key = getattr(when.start.tzinfo, "key", None) if isinstance(when, ExactTime) else None
            self.zone_edit.setText(key or self.trip.home_timezone)
            self._on_place_chosen(self.place_edit.choice())
        else:
            self.place_edit.setText(place_label(self.trip.place(meeting.place_id)))
        day = meeting.day
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        if isinstance(meeting.time, ExactTime):
            self.exact_radio.setChecked(True)
            start, end = meeting.time.start, meeting.time.end
            self.start_edit.setTime(QTime(start.hour, start.minute))
            self.end_edit.setTime(QTime(end.hour, end.minute))
            self.next_day.setChecked(end.date() > start.date())
        elif isinstance(meeting.time, TimeTBC):
            self.tbc_radio.setChecked(True)
            self.part_box.setCurrentIndex(max(0, self.part_box.findData(meeting.time.part_of_day)))
            hours = meeting.time.duration.total_seconds() / 3600 if meeting.time.duration else 0
            self.duration_spin.setValue(hours)
        self._on_kind_changed()
        self.status_box.setCurrentIndex(self.status_box.findData(meeting.status))
        for person in meeting.participants:
            self.add_participant(person)
        self.topic.setPlainText(meeting.topic)
        self.notes.setPlainText(meeting.notes)
        for source_id in cited_sources(meeting):
            try:
                source = self.trip.source(source_id)
            except KeyError:
                continue
            self.add_source(source.url or "", source.note or source.title, source.id)

    def add_participant(self, person: Participant) -> None:
        self._add_person_row(
            (person.name, person.role, person.organisation, person.email or ""),
            person.attendance,
            person.provenance,
        )

    def new_participant_row(self) -> None:
        """An empty row, its name cell open for typing (with the trip's people offered)."""
        row = self._add_person_row(("", "", "", ""), Attendance.CONFIRMED, ())
        item = self.people.item(row, 0)
        assert item is not None  # just made
        self.people.setCurrentItem(item)
        self.people.setFocus()
        self.people.editItem(item)

    def _add_person_row(
        self,
        values: tuple[str, str, str, str],
        attendance_value: Attendance,
        provenance: tuple[object, ...],
    ) -> int:
        row = self.people.rowCount()
        self.people.blockSignals(True)
        self.people.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == 0:  # keep what the participant carried that the table does not show
                item.setData(Qt.ItemDataRole.UserRole, provenance)
            self.people.setItem(row, column, item)
        self.people.blockSignals(False)
        attendance = QComboBox()
        for choice in Attendance:
            attendance.addItem(str(choice), choice)
        attendance.setCurrentIndex(attendance.findData(attendance_value))
        self.people.setCellWidget(row, 4, attendance)
        return row

    def _on_person_named(self, item: QTableWidgetItem) -> None:
        """A name of someone already in the trip fills in the empty cells as known."""
        if item.column() != 0:
            return
        known = self.known_people.get(" ".join(item.text().split()).casefold())
        if known is None:
            return
        row = item.row()
        for column, value in ((1, known.role), (2, known.organisation), (3, known.email or "")):
            cell = self.people.item(row, column)
            if cell is not None and not cell.text().strip() and value:
                cell.setText(value)

    def add_source(self, url: str, note: str, source_id: str | None = None) -> None:
        row = self.sources.rowCount()
        self.sources.insertRow(row)
        url_item = QTableWidgetItem(url)
        url_item.setData(Qt.ItemDataRole.UserRole, source_id)
        self.sources.setItem(row, 0, url_item)
        self.sources.setItem(row, 1, QTableWidgetItem(note))

    def _remove_sources(self) -> None:
        for row in self._selected_rows(self.sources):
            self.sources.removeRow(row)

    def _remove_participants(self) -> None:
        for row in self._selected_rows(self.people):
            self.people.removeRow(row)

    @staticmethod
    def _selected_rows(table: QTableWidget) -> list[int]:
        return sorted({i.row() for i in table.selectedIndexes()}, reverse=True)

    # -- places -----------------------------------------------------------------------

    def _on_place_chosen(self, choice: PlaceChoice) -> None:
        """Say what the text was read as; a newly named place brings its zone."""
        place = choice.place
        if choice.match is Match.EMPTY and self.original and self.original.place_id is None:
            self._show(
                self.place_note,
                self.tr("No place given: the meeting stays without one unless you type one."),
            )
            return
        self._show(self.place_note, describe(choice, is_new=self.new_place is not None))
        self.place_error.hide()
        if place is None:
            return
        spot = (place.lat, place.lon, place.timezone)
        if spot != self._zone_from:
            self._zone_from = spot
            self.zone_edit.setText(place.timezone)

    @property
    def new_place(self) -> Place | None:
        """The place the field names when the trip does not have it yet."""
        place = self.place_edit.choice().place
        if place is None or place in self.trip.places:
            return None
        return place

    def set_coordinates(self, lat: float, lon: float) -> None:
        """A click on the map: a new place there, its zone from the coordinates."""
        near = self.gazetteer.nearest(lat, lon)
        choice = self.place_edit.choice()
        known = choice.place if choice.match is Match.KNOWN else None
        typed = choice.venue or (known.name if known else "")
        name = typed or (f"Near {near.name}" if near else f"{lat:.4f}, {lon:.4f}")
        self.use_new_place(
            place_from_coordinates(
                lat,
                lon,
                name,
                city=near.name if near else "",
                country=near.country if near else "",
                taken=self._taken(),
            )
        )

    def _look_up_online(self) -> None:
        """Ask Nominatim on a worker thread; Cancel (or closing the editor) drops the answer."""
        choice = self.place_edit.choice()
        query = choice.text
        if not query:
            self._show(self.place_error, self.tr("Type a venue or city to look up first."))
            return
        name = choice.venue or None
        gazetteer, taken = self.gazetteer, self._taken()

        def work(cancelled: threading.Event) -> Place | None:
            from data.geocoding import geocode_online

            found = geocode_online(query, limit=1, timeout=8, cancelled=cancelled)
            if not found:
                return None
            return place_from_geocode(found[0], gazetteer, name=name, taken=taken)

        task = Task(work)
        task.finished.connect(lambda place: self._on_looked_up(query, place))
        task.failed.connect(self._on_lookup_failed)
        self._lookup = task
        self._show_lookup(True, f"Looking up “{query}” online…")
        task.start()

    def cancel_lookup(self) -> None:
        if self._lookup is not None:
            self._lookup.cancel()
            self._lookup = None
        self._show_lookup(False, "")

    def _show_lookup(self, busy: bool, text: str) -> None:
        self.online_button.setEnabled(not busy)
        self.cancel_lookup_button.setVisible(busy)
        self._show(self.lookup_note, text)

    def _on_looked_up(self, query: str, place: Place | None) -> None:
        self._lookup = None
        self._show_lookup(False, "")
        if place is None:
            self._show(self.place_error, f"Nothing found online for “{query}”.")
        else:
            self.use_new_place(place)

    def _on_lookup_failed(self, exc: BaseException) -> None:
        self._lookup = None
        self._show_lookup(False, "")
        if not isinstance(exc, GeocodingError):
            raise exc  # unexpected: the application's excepthook reports it
        self._show(self.place_error, f"Online lookup failed: {exc}")

    def _taken(self) -> set[str]:
        return {p.id for p in self.trip.places}

    def use_new_place(self, place: Place) -> None:
        """A place from the map or online stands for the text as typed."""
        self.place_error.hide()
        self.place_edit.pin(place)

    # -- the result -------------------------------------------------------------------

    def _on_start_moved(self) -> None:
        """The end moves with the start, keeping the meeting's length (maybe past midnight)."""
        start = self.start_edit.time()
        end_minutes = start.hour() * 60 + start.minute() + self._span
        for widget in (self.end_edit, self.next_day):
            widget.blockSignals(True)
        self.end_edit.setTime(QTime((end_minutes // 60) % 24, end_minutes % 60))
        self.next_day.setChecked(end_minutes >= 24 * 60)
        for widget in (self.end_edit, self.next_day):
            widget.blockSignals(False)
        self._update_time_note()

    def _on_end_moved(self) -> None:
        start, end = self.start_edit.time(), self.end_edit.time()
        span = (end.hour() - start.hour()) * 60 + end.minute() - start.minute()
        span += 24 * 60 * int(self.next_day.isChecked())
        if span > 0:  # an end before the start is reported at Save, not carried along
            self._span = span
        self._update_time_note()

    def _on_kind_changed(self) -> None:
        exact = self.exact_radio.isChecked()
        self.exact_box.setVisible(exact)
        self.tbc_box.setVisible(not exact)
        self._update_time_note()

    def _update_time_note(self) -> None:
        """Say at the field when a local time is skipped or repeated by a clock change."""
        notes = []
        try:
            tz = zone(self.zone_edit.zone_name() or "")
        except ValueError:
            tz = None
        if tz is not None and self.exact_radio.isChecked():
            qday = self.day_edit.date()
            day = date(qday.year(), qday.month(), qday.day())
            for edit, offset in (
                (self.start_edit, 0),
                (self.end_edit, int(self.next_day.isChecked())),
            ):
                clock = time(edit.time().hour(), edit.time().minute())
                moment = datetime.combine(day + timedelta(days=offset), clock, tzinfo=tz)
                problem = clock_change_problem(moment)
                if problem:
                    notes.append(problem[1])
        self._show(self.time_note, "\n".join(notes))

    def _show(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def accept(self) -> None:
        result = self.build()
        if result is not None:
            self.result_value = result
            super().accept()

    def build(self) -> FormResult | None:
        """The edited meeting, or None with each problem shown at its field."""
        errors = {
            TITLE: self.title_error,
            PLACE: self.place_error,
            ZONE: self.zone_error,
            TIME: self.time_error,
            PEOPLE: self.people_error,
            SOURCES: self.sources_error,
        }
        for label in errors.values():
            label.hide()
        try:
            return build_meeting(self.form(), self.trip, self.original)
        except FormError as exc:
            for field, text in exc.problems.items():
                self._show(errors[field], text)
            return None

    def form(self) -> MeetingForm:
        """The values as typed, for :func:`data.meeting_form.build_meeting` to check."""
        qday = self.day_edit.date()
        start, end = self.start_edit.time(), self.end_edit.time()
        hours = self.duration_spin.value()
        part = self.part_box.currentData()
        choice = self.place_edit.choice()
        place_id: str | None = choice.place.id if choice.place else None
        if choice.match is Match.EMPTY and self.original and self.original.place_id is None:
            place_id = NO_PLACE
        problem = describe(choice) if choice.match is Match.UNKNOWN else ""
        return MeetingForm(
            title=self.title.text(),
            place_id=place_id,
            new_place=self.new_place,
            place_problem=problem,
            timezone=self.zone_edit.zone_name() or self.zone_edit.text(),
            day=date(qday.year(), qday.month(), qday.day()),
            exact=self.exact_radio.isChecked(),
            start=time(start.hour(), start.minute()),
            end=time(end.hour(), end.minute()),
            ends_next_day=self.next_day.isChecked(),
            part_of_day=PartOfDay(part) if part else None,
            duration=timedelta(hours=hours) if hours else None,
            status=Status(self.status_box.currentData()),
            people=tuple(self._people_rows()),
            topic=self.topic.toPlainText(),
            notes=self.notes.toPlainText(),
            sources=tuple(self._source_rows()),
        )

    def _people_rows(self) -> list[PersonRow]:
        rows = []
        for row in range(self.people.rowCount()):
            name, role, organisation, email = (
                _cell_text(self.people.item(row, c)) for c in range(4)
            )
            combo = self.people.cellWidget(row, 4)
            # Qt hands StrEnum data back as plain str: rebuild the enum.
            attendance = Attendance(
                combo.currentData() if isinstance(combo, QComboBox) else Attendance.CONFIRMED
            )
            first = self.people.item(row, 0)
            provenance = first.data(Qt.ItemDataRole.UserRole) if first else None
            rows.append(
                PersonRow(name, role, organisation, email, attendance, tuple(provenance or ()))
            )
        return rows

    def _source_rows(self) -> list[SourceRow]:
        rows = []
        for row in range(self.sources.rowCount()):
            url_item = self.sources.item(row, 0)
            source_id = url_item.data(Qt.ItemDataRole.UserRole) if url_item else None
            rows.append(
                SourceRow(
                    _cell_text(url_item), _cell_text(self.sources.item(row, 1)), source_id or None
                )
            )
        return rows


def _cell_text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""
