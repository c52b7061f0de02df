"""The desktop entry, icon and AppStream metainfo: valid, and installed for the user."""

import subprocess
import sys
from pathlib import Path

from data.desktop import ENTRY, ICON, METAINFO, desktop_entry, exec_value
from resources import resource_path
from tests.conftest import ROOT


def check(*command: object) -> str:
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


def test_the_shipped_entry_validates_and_opens_calendars():
    check("desktop-file-validate", resource_path(ENTRY))
    text = resource_path(ENTRY).read_text(encoding="utf-8")
    assert "MimeType=text/calendar;\n" in text and "Exec=shuttle %f\n" in text


def test_the_metainfo_validates_with_its_screenshot():
    out = check("appstreamcli", "validate", "--no-net", resource_path(METAINFO))
    assert "Validation was successful" in out
    assert "main-window.png</image>" in resource_path(METAINFO).read_text(encoding="utf-8")
    assert (ROOT / "docs" / "main-window.png").is_file()


def test_exec_quotes_what_the_spec_says_to():
    assert exec_value(["/opt/shuttle/bin/shuttle"]) == "/opt/shuttle/bin/shuttle %f"
    # A space quotes the argument; a quote and a dollar are escaped inside it, and every
    # backslash is doubled again by the key's own escaping.
    assert exec_value(['/home/a b/$x"y', "100%"]) == '"/home/a b/\\\\$x\\\\"y" 100%% %f'


def test_an_entry_for_an_awkward_path_still_validates(tmp_path):
    entry = tmp_path / ENTRY
    entry.write_text(desktop_entry(["/home/jo doe/venv (1)/bin/shuttle"]), encoding="utf-8")
    check("desktop-file-validate", entry)


def test_install_desktop_writes_under_xdg_data_home(tmp_path):
    home = tmp_path / "share"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "install-desktop"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_DATA_HOME": str(home)},
    )
    assert result.returncode == 0, result.stderr
    entry = home / "applications" / ENTRY
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / ICON
    metainfo = home / "metainfo" / METAINFO
    for path in (entry, icon, metainfo):
        assert f"Wrote {path}" in result.stdout
    check("desktop-file-validate", entry)
    assert icon.read_bytes() == resource_path(ICON).read_bytes()
    # The venv's `shuttle` launcher, by its absolute path: it need not be on PATH.
    launcher = Path(sys.executable).with_name("shuttle")
    assert f"\nExec={launcher} %f\n" in entry.read_text(encoding="utf-8")
