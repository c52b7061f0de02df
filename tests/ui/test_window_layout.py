"""The window's layout at small and large sizes: the map's share, agenda columns that fit."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from benchmarks import datasets
from data.locale_format import long_day
from tests.ui.test_main_window import SAMPLE
from ui.agenda import AgendaPane, AgendaTable, fit_widths


@pytest.mark.parametrize("size", [(1024, 700), (1600, 1000)])
def test_the_map_has_room_and_every_agenda_column_fits(qtbot, window, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    qtbot.wait(50)  # the splitters lay out after the resize event
    assert window.map.width() >= 0.55 * window.width(), window.main_split.sizes()
    assert window.map.height() >= 0.5 * window.height(), window.right_split.sizes()
    table = window.agenda.table
    header = table.horizontalHeader()
    viewport = table.viewport().width()
    for column in range(table.model().columnCount()):
        assert header.sectionSize(column) >= table.MIN_COLUMN
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert 0 < right <= viewport, (column, right, viewport)
    assert header.sectionViewportPosition(4) < viewport  # participants always in view


def test_cut_agenda_text_is_whole_in_the_tooltip(qtbot, window):
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    model = window.agenda.model
    table = window.agenda.table
    metrics = table.fontMetrics()
    cut = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            text = model.data(index)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if column == 4:  # names in the cell; names, roles and attendance in the tip
                names = [p.name for p in model.rows[row].meeting.participants]
                assert all(name in tip for name in names), (names, tip)
            elif column == 0:  # the day in full
                assert tip == long_day(model.rows[row].day)
            else:
                assert text in tip, (text, tip)
            cut += metrics.horizontalAdvance(text) > table.columnWidth(column)
    assert cut  # the sample trip's titles do not fit at this size: the tooltips matter


def test_fit_widths_keeps_narrow_columns_whole_and_adds_up():
    assert fit_widths([190, 500, 200, 600], 545) == [136, 136, 136, 137]
    assert fit_widths([100, 500, 50, 600], 545) == [100, 197, 50, 198]
    assert fit_widths([100, 200, 50, 80], 545) == [100, 315, 50, 80]
    for available in range(200, 1600, 37):
        assert sum(fit_widths([190, 500, 200, 600], available)) == available


def test_rows_grow_with_wrapped_text_and_a_long_agenda_stays_quick(qtbot):
    pane = AgendaPane()
    qtbot.addWidget(pane)
    pane.resize(400, 600)
    pane.show()
    pane.show_rows(SAMPLE, None, None)
    line = pane.table.fontMetrics().lineSpacing()
    heights = [pane.table.rowHeight(r) for r in range(pane.model.rowCount())]
    assert max(heights) >= 3 * line  # wrapped onto three lines at this width
    assert max(heights) <= pane.table.verticalHeader().maximumSectionSize()
    long_trip = datasets.trip("Long", AgendaTable.MEASURED_ROWS + 1, 10, 4)
    started = time.perf_counter()
    pane.show_rows(long_trip, None, None)
    assert time.perf_counter() - started < 2.0  # each row measured would take far longer
    heights = {pane.table.rowHeight(r) for r in range(pane.model.rowCount())}
    assert heights == {pane.table.verticalHeader().defaultSectionSize()}
    assert pane.model.data(pane.model.index(0, 0)) is not None
