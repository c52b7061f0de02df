"""The one sanitiser for what the command line prints (data/terminal.py)."""

import pytest

from data.terminal import for_terminal


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Kerry\x1b[2J\x1b[1;31mred", "Kerryred"),
        ("\x1b]0;owned\x07Title", "Title"),
        ("\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("bell\x07 and nul\x00", "bell and nul"),
        ("8-bit \x9b31mCSI and \x9d0;t\x9cOSC", "8-bit CSI and OSC"),
        ("keeps\ttabs\nand lines – and ünïcode لندن", "keeps\ttabs\nand lines – and ünïcode لندن"),
        ("\x1bc reset", " reset"),
        ("cut \x1b]0;never ends", "cut "),
    ],
)
def test_escape_sequences_and_controls_are_dropped(raw, shown):
    assert for_terminal(raw) == shown
