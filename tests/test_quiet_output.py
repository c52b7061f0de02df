"""Headless commands print their own output only: Qt's and Chromium's start-up noise is
silenced (ui/qt_messages.py), real problems still reach the terminal."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def user_environment(tmp_path) -> dict[str, str]:
    """As a user's shell on a machine without a display: no platform chosen for Qt."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env.pop("QTWEBENGINE_CHROMIUM_FLAGS", None)
    return {**env, "HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(tmp_path)}


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_print_pdf_says_only_what_it_wrote(tmp_path):
    target = tmp_path / "trip.pdf"
    result = run(["main.py", "print", "--pdf", str(target)], user_environment(tmp_path))
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout == (f"Wrote {target} (Kerry: Rome – Paris – London, December 2014, A4)\n")
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (package xvfb)")
def test_print_pdf_is_as_quiet_under_an_x_server(tmp_path):
    target = tmp_path / "trip.pdf"
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", sys.executable]
    result = subprocess.run(
        [*command, "main.py", "print", "--pdf", str(target)],
        cwd=ROOT,
        env=user_environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout == f"Wrote {target} (Kerry: Rome – Paris – London, December 2014, A4)\n"


def test_print_to_a_folder_that_is_not_there_is_one_clear_line(tmp_path):
    target = tmp_path / "no-such-folder" / "trip.pdf"
    result = run(["main.py", "print", "--pdf", str(target)], user_environment(tmp_path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"shuttle: error: {target}: no folder {target.parent}\n"


def test_real_qt_warnings_and_errors_still_reach_the_terminal(tmp_path):
    script = (
        "from ui.app import prepare_headless\n"
        "prepare_headless()\n"
        "from PySide6.QtCore import qCritical, qInfo, qWarning\n"
        "qWarning('QRhiGles2: Failed to create context')\n"
        "qWarning('GBM is not supported with the current configuration')\n"
        "qInfo('Sandboxing disabled by user.')\n"
        "qWarning('the map page failed: \\x1b]0;title\\x07boom')\n"
        "qCritical('the printer is on fire')\n"
    )
    result = run(["-c", script], user_environment(tmp_path))
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "the map page failed: boom",  # sanitised, as every line for the terminal
        "the printer is on fire",
    ]


def test_chromium_log_level_is_lowered_unless_the_user_chose_one():
    from ui.qt_messages import quiet_chromium

    environ: dict[str, str] = {}
    quiet_chromium(environ)
    assert environ == {"QTWEBENGINE_CHROMIUM_FLAGS": "--log-level=3"}
    environ = {"QTWEBENGINE_CHROMIUM_FLAGS": "--disable-gpu"}
    quiet_chromium(environ)
    assert environ == {"QTWEBENGINE_CHROMIUM_FLAGS": "--disable-gpu --log-level=3"}
    environ = {"QTWEBENGINE_CHROMIUM_FLAGS": "--log-level=0"}
    quiet_chromium(environ)
    assert environ == {"QTWEBENGINE_CHROMIUM_FLAGS": "--log-level=0"}
