"""Dates, times and numbers in the user's language, from CLDR's data (Babel).

English keeps the formats Shuttle has always printed ("Sunday 14 December 2014",
"Sun 14 Dec", "19:30", "1,095"); other languages get CLDR's patterns for their locale
("dimanche 14 décembre 2014", "الأحد، 14 ديسمبر 2014"). Digits stay Latin in every
language, as Babel writes dates.

The locale is the process's, like the C library's: read from the environment once, and
changed only by :func:`set_locale` (the window's View → Language). Passing a locale
through every label function would touch each view for a value that is the same
everywhere.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Babel loads on first use: an English window starts without it
    from babel import Locale

_current: Locale | None = None
# Whether the environment's language is English, read on first use (None: not yet): the
# views format thousands of days and numbers a redraw.
_environment_english: bool | None = None


def locale_from_environment(environ: Mapping[str, str] | None = None) -> Locale:
    """The locale LC_ALL, LC_TIME or LANG names (POSIX order); English for C, POSIX or
    a name CLDR does not know."""
    return parse_locale(_environment_name(environ))


def _environment_name(environ: Mapping[str, str] | None = None) -> str:
    env = os.environ if environ is None else environ
    return next((env[k] for k in ("LC_ALL", "LC_TIME", "LANG") if env.get(k)), "")


def _environment_language() -> str:
    language = _bare(_environment_name()).split("_")[0]
    return "en" if language in ("", "C", "POSIX") else language


def _bare(name: str) -> str:
    """'fr_FR.UTF-8@euro' -> 'fr_FR'."""
    return name.split(".")[0].split("@")[0]


def parse_locale(name: str) -> Locale:
    """'fr_FR.UTF-8' -> fr_FR; English for C, POSIX or an unknown name."""
    from babel import Locale, UnknownLocaleError

    name = _bare(name)
    if name in ("", "C", "POSIX"):
        return Locale("en")
    try:
        return Locale.parse(name.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        return Locale("en")


def current_locale() -> Locale:
    global _current
    if _current is None:
        _current = locale_from_environment()
    return _current


def set_locale(locale: Locale | str | None) -> None:
    """Use ``locale`` from now on; None goes back to the environment's."""
    global _current, _environment_english
    _current = parse_locale(locale) if isinstance(locale, str) else locale
    _environment_english = None  # read again when asked


def _english(locale: Locale | None) -> Locale | None:
    """None when English formats apply, else the locale to format for."""
    global _environment_english
    if locale is None and _current is None:
        if _environment_english is None:
            _environment_english = _environment_language() == "en"
        if _environment_english:
            return None  # without loading Babel: the command line's usual case
    chosen = locale or current_locale()
    return None if chosen.language == "en" else chosen


def long_day(day: date, locale: Locale | None = None, pad: bool = False) -> str:
    """'Sunday 14 December 2014' ('Monday 01 December 2014' with ``pad``, English only),
    'dimanche 14 décembre 2014'."""
    chosen = _english(locale)
    if chosen is None:
        return f"{day:%A %d %B %Y}" if pad else f"{day:%A} {day.day} {day:%B %Y}"
    from babel.dates import format_date  # with pytz: only when not English

    return format_date(day, "full", locale=chosen)


def short_weekday(day: date, locale: Locale | None = None) -> str:
    """'Sun', 'dim.'."""
    chosen = _english(locale)
    if chosen is None:
        return f"{day:%a}"
    from babel.dates import format_date

    return format_date(day, "EEE", locale=chosen)


def short_day(day: date, locale: Locale | None = None, year: bool = False) -> str:
    """'Sun 14 Dec' ('Sun 14 Dec 2014' with ``year``), 'dim. 14 déc.'."""
    chosen = _english(locale)
    if chosen is None:
        return f"{day:%a %d %b %Y}" if year else f"{day:%a %d %b}"
    from babel.dates import format_skeleton

    return format_skeleton("yMMMEd" if year else "MMMEd", day, locale=chosen)


def long_date_time(moment: datetime, locale: Locale | None = None) -> str:
    """'14 December 2014 19:30 CET' (a print date), in the locale's order and words."""
    chosen = _english(locale)
    zone = moment.tzname() or ""
    if chosen is None:
        return f"{moment:%d %B %Y %H:%M} {zone}".strip()
    from babel.dates import format_date

    return f"{format_date(moment, 'long', locale=chosen)} {moment:%H:%M} {zone}".strip()


def whole_number(value: float, locale: Locale | None = None) -> str:
    """1095.4 -> '1,095' ('1 095' in French)."""
    chosen = _english(locale)
    if chosen is None:
        return f"{value:,.0f}"
    from babel.numbers import format_decimal

    return format_decimal(round(value), locale=chosen)


# Words, as opposed to dates and numbers: the window's translator when it has one (Qt's,
# set by ui/i18n.py; this layer never imports Qt), else English as written. Calls are
# spelled translate("Context", "literal") so that pyside6-lupdate collects them into the
# same catalogues as the window's (scripts/translations.py).
Translator = Callable[[str, str, int], str]
_translator: Translator | None = None


def set_translator(translator: Translator | None) -> None:
    global _translator
    _translator = translator


def translate(context: str, text: str, disambiguation: None = None, n: int = -1) -> str:
    """``text`` in the chosen language; ``%n`` is ``n``, and "(s)" its English plural."""
    if _translator is not None:
        text = _translator(context, text, n)
    if n >= 0:
        text = text.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")
    return text


def word(value: str) -> str:
    """A stored value shown as a word (status, part of day, attendance, travel mode)."""
    return _WORDS[value]() if value in _WORDS else value


_WORDS: dict[str, Callable[[], str]] = {
    "confirmed": lambda: translate("Values", "confirmed"),
    "tentative": lambda: translate("Values", "tentative"),
    "cancelled": lambda: translate("Values", "cancelled"),
    "uncertain": lambda: translate("Values", "uncertain"),
    "accepted": lambda: translate("Values", "accepted"),
    "declined": lambda: translate("Values", "declined"),
    "no answer": lambda: translate("Values", "no answer"),
    "morning": lambda: translate("Values", "morning"),
    "afternoon": lambda: translate("Values", "afternoon"),
    "evening": lambda: translate("Values", "evening"),
    "late evening": lambda: translate("Values", "late evening"),
    "flight": lambda: translate("Values", "flight"),
    "train": lambda: translate("Values", "train"),
    "road": lambda: translate("Values", "road"),
}
