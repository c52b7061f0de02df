"""Qt's and Chromium's start-up noise kept off the terminal; real warnings kept.

Qt WebEngine, started without a GPU, a system bus or a sandbox (headless, in a
container, as root), reports each missing thing it works around: a dozen lines that say
nothing is wrong (docs/platform.md). Chromium's own log is lowered to fatal errors
through its flags, and Qt's messages pass through a handler that drops exactly the known
harmless ones and passes every other warning on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, MutableMapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext, QtMsgType

CHROMIUM_FLAGS_ENV = "QTWEBENGINE_CHROMIUM_FLAGS"
# Chromium's levels: 0 info, 1 warning, 2 error, 3 fatal. Its "errors" here are the
# missing D-Bus and GPU details, never something the user can act on.
CHROMIUM_LOG_FLAG = "--log-level=3"

# The start of each harmless warning, as Qt words them (measured offscreen and under
# Xvfb, see docs/platform.md); the test settings in pyproject.toml ignore the offscreen ones.
NOISE = (
    "Sandboxing disabled by user",
    "QRhiGles2: Failed to create",
    "Failed to create RHI",
    "This plugin does not support createPlatformVulkanInstance",
    "QVulkanInstance: Failed to initialize Vulkan",
    "GBM is not supported",
    "Fallback to software rendering",
    "GPUInfo not initialized",
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise",
    # Under an X server without a GPU (Xvfb, a remote desktop):
    "Failed to load vulkan",
    "initInstance: No Vulkan library available",
    "Failed to create platform Vulkan instance",
    "Unable to detect GPU vendor",
    "GLX: No DRI3 Extension",
)

Handler = Callable[["QtMsgType", "QMessageLogContext", str], object]


def quiet_chromium(environ: MutableMapping[str, str] = os.environ) -> None:
    """Lower Chromium's log to fatal errors, unless the user chose a level.

    Read when the web engine starts, so it must be set before the first web view.
    """
    flags = environ.get(CHROMIUM_FLAGS_ENV, "")
    if "--log-level" not in flags and "--enable-logging" not in flags:
        environ[CHROMIUM_FLAGS_ENV] = f"{flags} {CHROMIUM_LOG_FLAG}".strip()


def is_noise(kind: QtMsgType, message: str) -> bool:
    """Whether a Qt message is harmless noise: debug and info, and the known warnings."""
    from PySide6.QtCore import QtMsgType

    if kind in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg):
        return True
    return kind == QtMsgType.QtWarningMsg and message.startswith(NOISE)


def install() -> None:
    """Filter Qt's messages from now on: noise dropped, the rest to the handler before
    (a test's capture, say), or to stderr in Qt's own form."""
    from PySide6.QtCore import qInstallMessageHandler

    previous: Handler | None = None

    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if is_noise(kind, message):
            return
        if previous is not None:
            previous(kind, context, message)
            return
        from data.terminal import for_terminal

        category = context.category
        prefix = f"{category}: " if category and category != "default" else ""
        sys.stderr.write(for_terminal(prefix + message) + "\n")

    previous = qInstallMessageHandler(handle)
