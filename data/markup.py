"""The one escaper for trip text that becomes HTML (details, map popups, the printout).

Text from users and files is data, never markup: beyond ``html.escape`` (which covers
``& < > " '``), backticks, ``$`` and backslashes become entities too, so no text can
close a template literal or start an interpolation wherever the HTML ends up.
"""

from __future__ import annotations

import html


def html_text(value: str) -> str:
    escaped = html.escape(value, quote=True)
    return escaped.replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")
