"""The printable itinerary: one HTML document that Chromium lays out into pages.

Page numbers and the trip name come from CSS ``@page`` margin boxes; each meeting is a block
that avoids page breaks. Every trip text is escaped; the route map arrives as a PNG.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from data.agenda import (
    AgendaItem,
    LegItem,
    build_agenda,
    clock_relation,
    local_time_label,
    participant_with_role,
    status_words,
    tbc_words,
    travel_time_words,
    where_label,
    zone_shift,
)
from data.distances import in_town, in_town_words
from data.locale_format import (
    current_locale,
    long_date_time,
    long_day,
    short_day,
    translate,
    whole_number,
    word,
)
from data.markup import html_text
from data.model import ExactTime, Meeting, Status, TimeTBC, Trip
from data.travel import DEFAULT_ASSUMPTIONS, TravelAssumptions, route_plan
from resources import resource_path

PAPER_SIZES = ("A4", "Letter")
REPORT_CSS = resource_path("report.css")
# Territories whose paper is US Letter (CLDR's paperSize data); the rest of the world uses A4.
LETTER_TERRITORIES = frozenset(
    ["US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR", "CR", "PA", "SV", "NI", "DO", "BZ", "HN"]
)


def default_paper(environ: dict[str, str] | None = None) -> str:
    """A4 or Letter from the locale (LC_ALL, LC_PAPER, LANG), as printers do."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_PAPER", "LANG"):
        value = env.get(key, "")
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            territory = value.split(".")[0].split("@")[0].partition("_")[2].upper()
            return "Letter" if territory in LETTER_TERRITORIES else "A4"
    return "A4"


def clock_words(name: str, other: str, shift: timedelta) -> str:
    """'London is one hour behind Paris'."""
    return clock_relation(name, other, shift, words=True)


@dataclass(frozen=True, slots=True)
class ReportOptions:
    paper: str = "A4"
    home_tz: ZoneInfo | None = None  # the second time column; default: the trip's home zone
    generated: datetime | None = None
    assumptions: TravelAssumptions = DEFAULT_ASSUMPTIONS  # the store's, as every view uses


def css_string(text: str) -> str:
    """Text for inside a CSS string: anything but letters, digits and spaces as a hex escape.

    HTML entities mean nothing inside <style>, so this (not html.escape) keeps a name from
    ending the string or the element.
    """
    # The space after each escape ends it (CSS consumes it), so real spaces survive.
    return "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x} " for c in text)


_e = html_text


class _Notes:
    """Sources numbered in order of first citation."""

    def __init__(self, trip: Trip) -> None:
        self.trip = trip
        self.order: list[str] = []

    def cite(self, meeting: Meeting) -> str:
        numbers = []
        for source_id in meeting.cited_sources():
            if source_id not in self.order:
                self.order.append(source_id)
            numbers.append(self.order.index(source_id) + 1)
        if not numbers:
            return ""
        return f'<sup class="cite">[{", ".join(str(n) for n in sorted(numbers))}]</sup>'

    def html(self) -> str:
        rows = []
        for number, source_id in enumerate(self.order, 1):
            try:
                source = self.trip.source(source_id)
            except KeyError:
                continue
            link = f' <span class="url">{_e(source.url)}</span>' if source.url else ""
            note = f" {_e(source.note)}" if source.note else ""
            rows.append(
                f"<li value='{number}'>[{_e(source.id)}] {_e(source.title)}.{note}{link}</li>"
            )
        heading = _e(translate("Report", "Sources"))
        return f"<section class='notes'><h2>{heading}</h2><ol>{''.join(rows)}</ol></section>"


def _times(meeting: Meeting, home: ZoneInfo) -> tuple[str, str]:
    time = meeting.time
    if isinstance(time, TimeTBC):
        return tbc_words(time), ""
    local = local_time_label(meeting)
    if isinstance(time, ExactTime):
        start = time.start.astimezone(home)
        home_label = local_time_label(meeting, home)
        if start.date() != time.day:
            home_label = f"{short_day(start)} {home_label}"
        return local, home_label
    return local, ""


def _meeting_html(trip: Trip, meeting: Meeting, home: ZoneInfo, notes: _Notes) -> str:
    place = trip.place_of(meeting)
    local, at_home = _times(meeting, home)
    at_home = translate("Report", "{time} at home").format(time=at_home) if at_home else ""
    home_html = f'<div class="home">{_e(at_home)}</div>' if at_home else ""
    status = ""
    if meeting.status is not Status.CONFIRMED:
        value = _e(str(meeting.status))
        status = f'<span class="status status-{value}">{_e(word(meeting.status))}</span> '
    people = "".join(f"<li>{_e(participant_with_role(p))}</li>" for p in meeting.participants)
    topic_label = _e(translate("Report", "Topic:"))
    topic = (
        f'<p class="topic"><b>{topic_label}</b> {_e(meeting.topic)}</p>' if meeting.topic else ""
    )
    status_line = status_words(meeting)
    return (
        f'<article class="meeting">'
        f'<div class="when"><div class="local">{_e(local)}</div>{home_html}</div>'
        f'<div class="what"><h3>{status}{_e(meeting.title)}{notes.cite(meeting)}</h3>'
        f'<p class="where">{_e(where_label(place))}</p>'
        f"{f'<ul class=people>{people}</ul>' if people else ''}{topic}"
        f'<p class="status-line">{_e(status_line)}</p></div></article>'
    )


def _leg_html(item: LegItem) -> str:
    shift = zone_shift(item.origin.tz, item.destination.tz, item.leg.day)
    clocks = (
        clock_words(item.destination.city, item.origin.city, shift)
        if shift
        else translate("Report", "clocks unchanged")
    )
    time = (
        ""
        if item.travel_time is None
        else f", {travel_time_words(item.travel_time, item.estimated)}"
    )
    mode = word(item.leg.mode)
    if in_town(item.origin, item.destination):
        time = time if item.travel_time else ""  # nothing to say about a move of no distance
        words = in_town_words(item.origin, item.destination)
        return f'<div class="leg">{_e(words)}{_e(time)}</div>'
    return (
        f'<div class="leg">✈ {_e(mode[:1].upper() + mode[1:])}: '
        f"{_e(item.origin.city)} → "
        f"{_e(item.destination.city)}, {whole_number(item.km)} km{_e(time)} · {_e(clocks)}</div>"
    )


def build_report_html(trip: Trip, map_png: bytes | None, options: ReportOptions) -> str:
    home = options.home_tz or trip.home_tz
    locale = current_locale()
    notes = _Notes(trip)
    first, last = trip.first_day, trip.last_day
    dates = (
        f"{long_day(first, pad=True)} – {long_day(last, pad=True)}"
        if first and last
        else translate("Report", "no dates yet")
    )
    days_html = []
    for day in build_agenda(trip, route_plan(trip, options.assumptions)):
        blocks = []
        for item in day.items:
            if isinstance(item, AgendaItem):
                blocks.append(_meeting_html(trip, item.meeting, home, notes))
            else:
                blocks.append(_leg_html(item))
        days_html.append(
            f'<section class="day"><h2>{_e(long_day(day.day))}</h2>{"".join(blocks)}</section>'
        )
    map_html = ""
    if map_png:
        route_map = translate("Report", "Route map")
        data = base64.b64encode(map_png).decode("ascii")
        map_html = (
            f'<figure class="map"><img alt="{_e(route_map)}" '
            f'src="data:image/png;base64,{data}"><figcaption>'
            + _e(
                translate(
                    "Report",
                    "Route: numbered stops in trip order; distances are geodesic. "
                    "Basemap: Natural Earth.",
                )
            )
            + "</figcaption></figure>"
        )
    generated = options.generated or datetime.now().astimezone()
    paper = options.paper if options.paper in PAPER_SIZES else "A4"
    page = translate("Report", "Page {page} of {pages}")
    before, _, rest = page.partition("{page}")
    between, _, after = rest.partition("{pages}")
    page_css = (
        f'"{css_string(before)}" counter(page) "{css_string(between)}" counter(pages) '
        f'"{css_string(after)}"'
    )
    traveller, dates_label, zone_label, zone_note = (
        translate("Report", "Traveller:"),
        translate("Report", "Dates:"),
        translate("Report", "Home zone:"),
        translate("Report", "times are local to each venue, with home time beside"),
    )
    printed = translate(
        "Report",
        "Printed {when}. Where no source gives a clock time, "
        'the meeting is shown as "time to be confirmed".',
    ).format(when=long_date_time(generated))
    return f"""<!DOCTYPE html>
<html lang="{locale.language}" dir="{locale.text_direction}"><head><meta charset="utf-8">
<title>{_e(trip.name)}</title>
<style>
@page {{
  size: {paper};
  @bottom-left {{ content: "{css_string(trip.name)}"; }}
  @bottom-right {{ content: {page_css}; }}
}}
{REPORT_CSS.read_text(encoding="utf-8")}</style></head>
<body>
<header class="trip">
<h1>{_e(trip.name)}</h1>
<p><b>{_e(traveller)}</b> {_e(trip.traveller)}</p>
<p><b>{_e(dates_label)}</b> {_e(dates)}</p>
<p><b>{_e(zone_label)}</b> {_e(home.key)} · {_e(zone_note)}</p>
<p class="tbc-note">{_e(printed)}</p>
</header>
{map_html}
{"".join(days_html)}
{notes.html()}
</body></html>
"""
