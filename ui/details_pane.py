"""The details of the selected meeting. Every trip text is escaped before it becomes HTML."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QTextBrowser, QWidget

from data.agenda import home_time_label, local_time_label, participant_with_role, where_label
from data.locale_format import long_day
from data.markup import html_text
from data.model import Meeting, Provenance, Trip

PLACEHOLDER = "<p style='color:#666'>Select a meeting to see its details.</p>"
_PROVENANCE_WORDS = {
    "article": "the article",
    "source": "sources",
    "assumed": "assumed (no source)",
    "computed": "computed",
}


_e = html_text


def _provenance(items: tuple[Provenance, ...]) -> str:
    parts = []
    for item in items:
        words = _PROVENANCE_WORDS[str(item.kind)]
        if item.sources and item.kind != "article":
            words += " " + ", ".join(item.sources)
        if item.note:
            words += f" — {item.note}"
        parts.append(_e(words))
    return "; ".join(parts)


def meeting_html(
    trip: Trip, meeting: Meeting, warnings: Sequence[str] = (), travel: Sequence[str] = ()
) -> str:
    place = trip.place_of(meeting)
    rows = [
        ("When (local)", _e(f"{long_day(meeting.day, pad=True)}, {local_time_label(meeting)}")),
        ("At home", _e(home_time_label(meeting, trip))),
        (
            "Where",
            _e(f"{place.name}, {place.city}, {place.country}" if place else where_label(None)),
        ),
        *([("Zone", _e(place.timezone))] if place else []),
        ("Status", _e(str(meeting.status))),
    ]
    if meeting.topic:
        rows.append(("Topic", _e(meeting.topic)))
    table = "".join(
        f"<tr><th align='left' valign='top' style='padding-right:10px'>{k}</th><td>{v}</td></tr>"
        for k, v in rows
    )
    people = "".join(f"<li>{_e(participant_with_role(p))}</li>" for p in meeting.participants)
    parts = [f"<h3>{_e(meeting.title)}</h3>"]
    if warnings:
        items = "".join(f"<li>{_e(w)}</li>" for w in warnings)
        parts.append(f"<div style='color:#9a6700'><b>⚠ Warnings</b><ul>{items}</ul></div>")
    parts.append(f"<table>{table}</table>")
    if travel:
        items = "".join(f"<li>{_e(t)}</li>" for t in travel)
        parts.append(f"<h4>Travel</h4><ul>{items}</ul>")
    if people:
        parts.append(f"<h4>Participants</h4><ul>{people}</ul>")
    if meeting.notes:
        parts.append(f"<h4>Notes</h4><p>{_e(meeting.notes)}</p>")
    provenance = [("Meeting", meeting.provenance)] + [
        (name.replace("_", " ").capitalize(), items)
        for name, items in meeting.field_provenance.items()
    ]
    lines = "".join(
        f"<li><b>{_e(name)}</b>: {_provenance(items)}</li>" for name, items in provenance if items
    )
    if lines:
        parts.append(f"<h4>Where this comes from</h4><ul>{lines}</ul>")
    cited = meeting.cited_sources()
    sources = []
    for source_id in cited:
        try:
            source = trip.source(source_id)
        except KeyError:
            continue
        label = f"[{_e(source.id)}] {_e(source.title)}"
        if source.url:
            label = f"<a href='{_e(source.url)}'>{label}</a>"
        sources.append(f"<li>{label}</li>")
    if sources:
        parts.append(f"<h4>Sources</h4><ul>{''.join(sources)}</ul>")
    return "".join(parts)


class DetailsPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Meeting details")
        self.setOpenExternalLinks(True)  # sources open in the system browser
        self.setOpenLinks(True)
        self.show_meeting(None, None)

    def show_meeting(
        self,
        trip: Trip | None,
        meeting: Meeting | None,
        warnings: Sequence[str] = (),
        travel: Sequence[str] = (),
    ) -> None:
        if trip is None or meeting is None:
            self.setHtml(PLACEHOLDER)
        else:
            self.setHtml(meeting_html(trip, meeting, warnings, travel))
