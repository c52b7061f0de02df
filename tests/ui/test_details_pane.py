"""The details pane: provenance badges, place assumptions and the status line (offscreen)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from data import trip_file
from data.model import ExactTime, Provenance, ProvenanceKind, Status
from data.store import SAMPLE_TRIP
from ui.details_pane import DetailsPane

SAMPLE = trip_file.read(SAMPLE_TRIP)
ERAKAT = SAMPLE.meetings[4]  # London, venue not reported: article, source and assumed


@pytest.fixture
def pane(qtbot) -> DetailsPane:
    widget = DetailsPane()
    qtbot.addWidget(widget)
    return widget


def tooltips(pane: DetailsPane) -> list[tuple[str, str]]:
    """(text, tooltip) of every run of text that has a tooltip, in document order."""
    found = []
    block = pane.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            tip = fragment.charFormat().toolTip()
            if tip:
                found.append((fragment.text().strip("\xa0 "), tip))
            it += 1
        block = block.next()
    return found


def lines(pane: DetailsPane) -> list[str]:
    return [line.rstrip() for line in pane.toPlainText().splitlines()]


def line_after(pane: DetailsPane, label: str) -> str:
    text = lines(pane)
    return text[text.index(label) + 1]


def test_when_and_where_carry_badges_with_their_sources_on_hover(pane):
    pane.show_meeting(SAMPLE, ERAKAT)
    assert line_after(pane, "When (local)").endswith("article   source   assumed")
    assert line_after(pane, "Where").endswith("article   source   assumed")
    badges = tooltips(pane)
    when_source = next(tip for text, tip in badges if text == "source")
    assert when_source.startswith("Sources: S15, S16, S20")
    assert "Kerry spoke to reporters before meeting Erekat" in when_source
    where_assumed = [tip for text, tip in badges if text == "assumed"][1]
    assert "no source names the venue" in where_assumed
    assert (
        "computed",
        "computed\nspellings seen: Erakat (article, AFP); Erekat (State Dept, VOA, LA Times)",
    ) in badges  # Erakat's name, a participant's badge


def test_each_participant_has_a_badge(pane):
    pane.show_meeting(SAMPLE, ERAKAT)
    people = lines(pane)[lines(pane).index("Participants") + 1 :][:3]
    assert people[0] == "John Kerry (U.S. Secretary of State, United States)  article"
    assert people[2].endswith(" source")


def test_the_places_assumptions_are_listed_for_the_meeting(pane):
    pane.show_meeting(SAMPLE, ERAKAT)
    place = next(line for line in lines(pane) if line.startswith("Place (London"))
    assert "coordinates: London's centre point" in place
    assert "assumed (no source)" in place


def test_status_and_time_are_worded_so_they_do_not_clash(pane):
    pane.show_meeting(SAMPLE, ERAKAT)
    assert line_after(pane, "Status") == "Meeting confirmed · time not yet fixed"
    rome = ZoneInfo("Europe/Rome")
    timed = ERAKAT.replace(
        time=ExactTime(
            datetime(2014, 12, 16, 15, tzinfo=rome), datetime(2014, 12, 16, 16, tzinfo=rome)
        ),
        status=Status.TENTATIVE,
    )
    pane.show_meeting(SAMPLE, timed)
    assert line_after(pane, "Status") == "Meeting tentative"
    pane.show_meeting(SAMPLE, timed.replace(status=Status.CANCELLED))
    assert line_after(pane, "Status") == "Meeting cancelled"


def test_no_sample_provenance_line_ends_in_null(pane):
    for meeting in SAMPLE.meetings:
        pane.show_meeting(SAMPLE, meeting)
        for line in lines(pane):
            assert not line.rstrip().endswith(("null", "None")), (meeting.id, line)


def test_badge_text_is_data_never_markup(pane):
    hostile = "<b>bold</b> \"quoted\" 'single' & `tick`"
    meeting = ERAKAT.replace(
        field_provenance={"time": (Provenance(ProvenanceKind.ASSUMED, (), hostile),)}
    )
    pane.show_meeting(SAMPLE, meeting)
    assert ("assumed", f"assumed (no source)\n{hostile}") in tooltips(pane)
    assert "<b>bold" not in pane.toHtml()
