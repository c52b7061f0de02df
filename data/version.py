"""Shuttle's version, read once from the installed package's metadata.

Run from a checkout that was never installed, there is no metadata: the version then
comes from ``pyproject.toml`` beside this package, marked as a checkout.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"


@cache
def version() -> str:
    try:
        return metadata.version("shuttle")
    except metadata.PackageNotFoundError:
        pass
    try:
        with PYPROJECT.open("rb") as file:
            return f"{tomllib.load(file)['project']['version']} (checkout)"
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown (checkout)"
