"""The Qt layer.

PySide6 6.12.0 on CPython 3.11 drops one reference to ``None`` on every call of a Qt
method that returns void (docs/platform.md). ``None`` is never freed while the
interpreter runs, but CPython aborts ("deallocating None") once its count reaches zero:
after a few thousand such calls, fewer than one trip of thousands of meetings needs. Its
count is raised here, once, before any Qt call, so the drops can never reach zero; from
Python 3.12 ``None`` is immortal and this is skipped.
"""

import sys

if sys.implementation.name == "cpython" and sys.version_info < (3, 12):
    import ctypes

    # ob_refcnt is a PyObject's first field; 2**40 drops is centuries of calls.
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
