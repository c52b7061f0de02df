"""Text for a terminal: what a trip says, never what it could make the terminal do.

Trip text comes from files and calendars written by others. Printed raw, an ESC or OSC
sequence could retitle the window, hide lines, plant links or rewrite the screen; a BEL
rings. One sanitiser for every line the command line prints.
"""

from __future__ import annotations

import re

# ESC sequences (CSI, OSC up to BEL or ST, the other two-byte ones), their 8-bit C1 forms,
# then any control character left but newline and tab.
_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI
    r"|\x1b[\]PX^_].*?(?:\x07|\x1b\\|\x9c|$)"  # OSC, DCS, SOS, PM, APC up to their end
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|[\x90\x98\x9d\x9e\x9f].*?(?:\x07|\x1b\\|\x9c|$)"  # 8-bit OSC and friends
    r"|\x1b[ -/]*[0-~]?",  # other escapes
    re.DOTALL,
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def for_terminal(text: str) -> str:
    """``text`` without escape sequences or control characters (newlines and tabs kept)."""
    return _CONTROLS.sub("", _SEQUENCES.sub("", text))
