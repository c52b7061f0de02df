"""The benchmarks still run: ``benchmarks/run.py --quick`` exits 0 and prints every row.

No timing is asserted here (figures belong in the table, not in tests).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.run import GROWTH_HEADER, ROW_NAMES

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.gui
def test_quick_benchmarks_print_the_whole_table() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    table = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    for name in ROW_NAMES:
        assert any(line.startswith(f"| {name} |") for line in table), name
    growth = table[table.index(GROWTH_HEADER) + 2 :]
    assert len(growth) == 2  # the quick sizes
