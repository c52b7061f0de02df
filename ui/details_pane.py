"""The details of the selected meeting. Every trip text is escaped before it becomes HTML."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from data.agenda import (
    home_time_label,
    local_time_label,
    participant_with_role,
    status_words,
    where_label,
)
from data.locale_format import long_day
from data.markup import html_text
from data.model import Meeting, Participant, Provenance, ProvenanceKind, Trip

PLACEHOLDER = QT_TRANSLATE_NOOP("DetailsPane", "Select a meeting to see its details.")
_PROVENANCE_WORDS = {  # shown through _tr
    "article": QT_TRANSLATE_NOOP("DetailsPane", "the article"),
    "source": QT_TRANSLATE_NOOP("DetailsPane", "sources"),
    "assumed": QT_TRANSLATE_NOOP("DetailsPane", "assumed (no source)"),
    "computed": QT_TRANSLATE_NOOP("DetailsPane", "computed"),
}


# Badge colours: white text on mid-tone fills reads on light and dark palettes alike.
_BADGES = {  # kind: (word, fill); the word shown through _tr
    ProvenanceKind.ARTICLE: (QT_TRANSLATE_NOOP("DetailsPane", "article"), "#1f5f99"),
    ProvenanceKind.SOURCE: (QT_TRANSLATE_NOOP("DetailsPane", "source"), "#1a7f37"),
    ProvenanceKind.COMPUTED: (QT_TRANSLATE_NOOP("DetailsPane", "computed"), "#5a6472"),
    ProvenanceKind.ASSUMED: (QT_TRANSLATE_NOOP("DetailsPane", "assumed"), "#9a5b00"),
}
# The meeting's field_provenance keys that say when and where it is.
WHEN_FIELDS = ("date", "time", "part_of_day", "duration")
WHERE_FIELDS = ("venue", "city")


def _tr(text: object) -> str:
    return QCoreApplication.translate("DetailsPane", str(text))


_e = html_text


def _provenance(items: tuple[Provenance, ...]) -> str:
    parts = []
    for item in items:
        words = _tr(_PROVENANCE_WORDS[str(item.kind)])
        if item.sources and item.kind != "article":
            words += " " + ", ".join(item.sources)
        if item.note:
            words += f" — {item.note}"
        parts.append(_e(words))
    return "; ".join(parts)


def badge_tip(kind: ProvenanceKind, items: Sequence[Provenance]) -> str:
    """The hover text of one badge: the source ids, then each note (plain text)."""
    ids: list[str] = []
    for item in items:
        ids.extend(s for s in item.sources if s not in ids)
    lines = [] if kind is ProvenanceKind.SOURCE else [_tr(_PROVENANCE_WORDS[str(kind)])]
    if ids:
        lines.append(
            _tr(QT_TRANSLATE_NOOP("DetailsPane", "Sources: {ids}")).format(ids=", ".join(ids))
        )
    lines.extend(item.note for item in items if item.note)
    return "\n".join(lines)


def badges(items: Sequence[Provenance]) -> str:
    """One small badge per kind of provenance in ``items`` (HTML, every text escaped)."""
    out = []
    for kind, (label, fill) in _BADGES.items():
        of_kind = [item for item in items if item.kind is kind]
        if of_kind:
            out.append(
                f'<span title="{_e(badge_tip(kind, of_kind))}" style="background-color:{fill};'
                f'color:#ffffff;font-size:small">&nbsp;{_e(_tr(label))}&nbsp;</span>'
            )
    return "&nbsp;" + "&nbsp;".join(out) if out else ""


def field_items(meeting: Meeting, names: Sequence[str]) -> list[Provenance]:
    return [item for name in names for item in meeting.field_provenance.get(name, ())]


def _person(person: Participant) -> str:
    return f"<li>{_e(participant_with_role(person))}{badges(person.provenance)}</li>"


def meeting_html(
    trip: Trip, meeting: Meeting, warnings: Sequence[str] = (), travel: Sequence[str] = ()
) -> str:
    place = trip.place_of(meeting)
    rows = [
        (
            _tr(QT_TRANSLATE_NOOP("DetailsPane", "When (local)")),
            _e(f"{long_day(meeting.day, pad=True)}, {local_time_label(meeting)}")
            + badges(field_items(meeting, WHEN_FIELDS)),
        ),
        (_tr(QT_TRANSLATE_NOOP("DetailsPane", "At home")), _e(home_time_label(meeting, trip))),
        (
            _tr(QT_TRANSLATE_NOOP("DetailsPane", "Where")),
            _e(f"{place.name}, {place.city}, {place.country}" if place else where_label(None))
            + badges(field_items(meeting, WHERE_FIELDS) + list(place.provenance if place else ())),
        ),
        *(
            [
                (
                    _tr(QT_TRANSLATE_NOOP("DetailsPane", "Zone")),
                    _e(place.timezone) + badges(field_items(meeting, ("timezone",))),
                )
            ]
            if place
            else []
        ),
        (_tr(QT_TRANSLATE_NOOP("DetailsPane", "Status")), _e(status_words(meeting))),
    ]
    if meeting.topic:
        rows.append((_tr(QT_TRANSLATE_NOOP("DetailsPane", "Topic")), _e(meeting.topic)))
    table = "".join(
        f"<tr><th align='left' valign='top' style='padding-right:10px'>{k}</th><td>{v}</td></tr>"
        for k, v in rows
    )
    people = "".join(_person(p) for p in meeting.participants)
    parts = [f"<h3>{_e(meeting.title)}</h3>"]
    if warnings:
        items = "".join(f"<li>{_e(w)}</li>" for w in warnings)
        heading = _tr(QT_TRANSLATE_NOOP("DetailsPane", "⚠ Warnings"))
        parts.append(f"<div style='color:#9a6700'><b>{_e(heading)}</b><ul>{items}</ul></div>")
    parts.append(f"<table>{table}</table>")
    if travel:
        items = "".join(f"<li>{_e(t)}</li>" for t in travel)
        heading = _tr(QT_TRANSLATE_NOOP("DetailsPane", "Travel"))
        parts.append(f"<h4>{_e(heading)}</h4><ul>{items}</ul>")
    if people:
        heading = _tr(QT_TRANSLATE_NOOP("DetailsPane", "Participants"))
        parts.append(f"<h4>{_e(heading)}</h4><ul>{people}</ul>")
    if meeting.notes:
        heading = _tr(QT_TRANSLATE_NOOP("DetailsPane", "Notes"))
        parts.append(f"<h4>{_e(heading)}</h4><p>{_e(meeting.notes)}</p>")
    provenance = [(_tr(QT_TRANSLATE_NOOP("DetailsPane", "Meeting")), meeting.provenance)] + [
        (name.replace("_", " ").capitalize(), items)
        for name, items in meeting.field_provenance.items()
    ]
    if place is not None and place.provenance:
        label = _tr(QT_TRANSLATE_NOOP("DetailsPane", "Place ({name})")).format(name=place.name)
        provenance.append((label, place.provenance))
    lines = "".join(
        f"<li><b>{_e(name)}</b>: {_provenance(items)}</li>" for name, items in provenance if items
    )
    if lines:
        heading = _tr(QT_TRANSLATE_NOOP("DetailsPane", "Where this comes from"))
        parts.append(f"<h4>{_e(heading)}</h4><ul>{lines}</ul>")
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
        heading = _tr(QT_TRANSLATE_NOOP("DetailsPane", "Sources"))
        parts.append(f"<h4>{_e(heading)}</h4><ul>{''.join(sources)}</ul>")
    return "".join(parts)


class DetailsPane(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Meeting details"))
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
            self.setHtml(f"<p style='color:#666'>{_e(_tr(PLACEHOLDER))}</p>")
        else:
            self.setHtml(meeting_html(trip, meeting, warnings, travel))
