"""Files the app ships beside its code: the map page's JS and CSS, the printed itinerary's
style, the window's focus frames (focus.qss), the user guide, the icon, the desktop entry
and AppStream metainfo, and the translations.

They are package data, so an installed Shuttle (``pip install .``) finds them through
:mod:`importlib.resources` as a checkout does, wherever it runs from.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(name: str) -> Path:
    """The shipped file ``name`` (e.g. ``"map.css"``) on disk; wheels install unzipped."""
    return Path(str(files(__name__).joinpath(name)))
