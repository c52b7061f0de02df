"""The layers stay apart: only the entry point knows the main window."""

from __future__ import annotations

import ast
import tomllib

from tests.conftest import ROOT


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_only_the_entry_point_imports_the_main_window():
    importers = {
        path.relative_to(ROOT).as_posix()
        for folder in ("ui", "data")
        for path in (ROOT / folder).glob("*.py")
        if "ui.main_window" in imported_modules(path)
    }
    assert importers == {"ui/app.py"}


def test_mypy_covers_every_layer():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["mypy"]
    assert config["strict"] is True
    assert set(config["files"]) == {"data", "ui", "main.py"}
