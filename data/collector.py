"""How often Python's cycle collector runs, set once per process (main.py).

Reading a calendar or a trip of thousands of meetings makes millions of objects, almost
none of them in reference cycles, and CPython's default thresholds (700 allocations a
young collection, every 10th of those an older one) made the collector a fifth of an
import's time: importing 10,000 meetings into a trip of 40,000, 5.7 s with the defaults,
4.8 s with these (README, Benchmarks). Cycles are still collected, less often.
"""

from __future__ import annotations

import gc

YOUNG = 10_000  # allocations (less deallocations) between young collections
OLDER = 10  # young collections per middle one, and middle ones per full one


def for_bulk_data() -> None:
    gc.set_threshold(YOUNG, OLDER, OLDER)
