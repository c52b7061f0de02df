"""The desktop integration a user installs with ``shuttle install-desktop``.

The freedesktop desktop entry, the icon and the AppStream metainfo ship in ``resources/``;
this copies them under the user's XDG data folder, with the entry's ``Exec`` pointing at the
Shuttle that runs the command (a venv's or pipx's launcher need not be on ``PATH``). Plain
file work: no Qt.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

from data.files import write_atomically
from resources import resource_path

APP_ID = "org.shuttle_planner.Shuttle"  # desktop entry, icon and AppStream id alike
ENTRY = f"{APP_ID}.desktop"
ICON = f"{APP_ID}.svg"
METAINFO = f"{APP_ID}.metainfo.xml"
# Characters that make the Desktop Entry spec's Exec key quote an argument.
_RESERVED = re.compile(r"[\s\"'\\><~|&;$*?#()`]")


def data_home(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when unset or not absolute (XDG spec)."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local/share"


def launcher() -> list[str]:
    """The command that starts this Shuttle: its ``shuttle`` script, else ``python main.py``."""
    beside = Path(sys.executable).with_name("shuttle")
    found = beside if beside.is_file() else shutil.which("shuttle")
    if found:
        return [str(Path(found).absolute())]
    return [sys.executable, str(Path(sys.modules["main"].__file__ or "main.py").absolute())]


def exec_value(command: list[str]) -> str:
    """``Exec=`` for ``command`` plus the opened file, quoted as the Desktop Entry spec says."""

    def quote(arg: str) -> str:
        arg = arg.replace("%", "%%")
        if _RESERVED.search(arg):
            arg = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
        return arg.replace("\\", "\\\\")  # the value's own escaping, on top of the quoting

    return " ".join([*map(quote, command), "%f"])


def desktop_entry(command: list[str]) -> str:
    """The shipped entry with ``Exec`` and ``TryExec`` set to ``command``."""
    text = resource_path(ENTRY).read_text(encoding="utf-8")
    text = re.sub(r"(?m)^Exec=.*$", lambda _: f"Exec={exec_value(command)}", text)
    try_exec = exec_value(command[:1]).removesuffix(" %f")
    return re.sub(r"(?m)^TryExec=.*$", lambda _: f"TryExec={try_exec}", text)


def install_desktop(home: Path, command: list[str]) -> list[Path]:
    """Write the entry, icon and metainfo under ``home``; the paths written."""
    targets = {
        home / "applications" / ENTRY: desktop_entry(command).encode(),
        home / "icons" / "hicolor" / "scalable" / "apps" / ICON: resource_path(ICON).read_bytes(),
        home / "metainfo" / METAINFO: resource_path(METAINFO).read_bytes(),
    }
    for path, data in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(data, path)
    return list(targets)
