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


README_TEXT = """# Shuttle

Machine: an old one.

| figure | value | baseline | ratio | target | met | baseline is |
| --- | ---: | ---: | ---: | --- | --- | --- |
| .ics export | 0.400 s | 2.000 s | 0.20× | ≤ 1.2×, < 2 s | yes | icalendar |
| `trips` | 0.300 s | 0.200 s | 1.50× | ≤ 1.5× | yes | import icalendar |
| memory, map settled (PSS) | 360 MB | 300 MB | 1.20× | ≤ 1.2× | yes | bare page |

| meetings | `agenda` | `export-ics` | `import-ics` | window ready |
| ---: | ---: | ---: | ---: | ---: |
| 1,000 | 1.00 s | 1.00 s | 1.00 s | 1.00 s |

The end.
"""


def test_the_readme_table_is_not_overwritten_without_force() -> None:
    from benchmarks.run import ReadmeError, Row, write_readme

    row = Row("`trips`", "s", 0.25, 0.2, "import icalendar", "≤ 1.5×", True)
    with pytest.raises(ReadmeError, match="`trips`"):
        write_readme(README_TEXT, [row], "", "New CPU", force=False)
    written = write_readme(README_TEXT, [row], "", "New CPU", force=True)
    assert "| `trips` | 0.250 s | 0.200 s | 1.25× |" in written
    assert "| .ics export | 0.400 s |" in written  # not measured this time: kept
    assert "(PSS)" not in written  # no longer measured at all: gone
    assert "Machine: New CPU." in written and "an old one" not in written
    assert written.endswith("The end.\n") and "| 1,000 | 1.00 s |" in written


def test_new_rows_go_in_without_force_and_a_new_growth_table_with_it() -> None:
    from benchmarks.run import ReadmeError, Row, write_readme

    row = Row("`agenda`", "s", 0.25, 0.2, "import icalendar", "≤ 1.5×", True)
    growth = "\n".join(
        (GROWTH_HEADER, "| ---: | ---: | ---: | ---: | ---: |", "| 2,000 | 2 s | 2 s | 2 s | 2 s |")
    )
    with pytest.raises(ReadmeError, match="growth table"):
        write_readme(README_TEXT, [row], growth, "CPU", force=False)
    written = write_readme(README_TEXT, [row], "", "CPU", force=False)
    assert "| 1,000 |" in written
    written = write_readme(README_TEXT, [row], growth, "CPU", force=True)
    lines = written.splitlines()
    names = [line.split("|")[1].strip() for line in lines if line.startswith("| ") and "×" in line]
    assert names == ["`trips`", "`agenda`", ".ics export"]  # in ROW_NAMES order
    assert "| 2,000 | 2 s |" in written and "| 1,000 |" not in written
