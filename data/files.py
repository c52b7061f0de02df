"""Reading and writing the user's files safely, and naming them.

One reader (:func:`read_file`) for every file Shuttle opens: a regular file only (a FIFO
would block, a device such as /dev/zero never ends), read with a hard byte cap whatever
``stat`` says. One JSON parser (:func:`parse_json`): a depth limit, duplicate keys
refused, and every error at the line and column of the user's own text. One writer
(:func:`write_atomically`) for every file Shuttle writes: a temp file in the same folder,
flushed to disk and renamed over the target, so a failure leaves the old file whole.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import tempfile
from itertools import accumulate
from pathlib import Path
from typing import Any

DATA_DIR_ENV = "SHUTTLE_DATA_DIR"
CACHE_DIR_ENV = "SHUTTLE_CACHE_DIR"
MAX_JSON_DEPTH = 32  # a trip file nests about 8 deep


class FileRefused(ValueError):
    """A file Shuttle will not read or write; ``str()`` says which and why."""

    def __init__(self, path: str | os.PathLike[str], what: str) -> None:
        self.path, self.what = str(path), what
        super().__init__(f"{path}: {what}")


class JsonError(ValueError):
    """Text that is not acceptable JSON, at a line and column of that text."""

    def __init__(self, line: int, column: int, what: str) -> None:
        self.line, self.column, self.what = line, column, what
        super().__init__(f"line {line}, column {column}: {what}")


def default_data_dir() -> Path:
    """Where the trip store lives (``$SHUTTLE_DATA_DIR`` overrides it)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("Shuttle", appauthor=False))


def default_cache_dir() -> Path:
    """Where Shuttle keeps what it can rebuild (``$SHUTTLE_CACHE_DIR`` overrides it)."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("Shuttle", appauthor=False))


# -- reading --------------------------------------------------------------------------------


def read_file(path: str | os.PathLike[str], limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; FileRefused otherwise.

    Opened without blocking (a FIFO with no writer would wait forever) and checked to be
    a regular file before any read; the cap holds even when ``stat`` reports 0 bytes.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileRefused(path, exc.strerror or str(exc)) from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise FileRefused(path, f"{_kind(mode)}, not a {what}")
        os.set_blocking(fd, True)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise FileRefused(path, exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if size > limit:
        raise FileRefused(path, f"larger than {limit:,} bytes: too large for a {what}")
    return b"".join(chunks)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


# -- JSON -----------------------------------------------------------------------------------

# Tokens that matter for nesting and keys: strings (skipped whole) and brackets.
_TOKENS = re.compile(r'"[^"\\\x00-\x1f]*(?:\\.[^"\\\x00-\x1f]*)*"|[\[\]{}:,]')
_STRING = re.compile(r'"[^"\\\x00-\x1f]*(?:\\.[^"\\\x00-\x1f]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
# A \uXXXX escape of a surrogate: a high one must be followed by a low one.
_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_LOW_AFTER = re.compile(r"\\u[dD][c-fC-F][0-9a-fA-F]{2}")


class _DuplicateKey(Exception):
    pass


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _DuplicateKey
    return out


def parse_json(text: str, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Parse JSON text; JsonError at the line and column of ``text`` where it goes wrong.

    Refuses nesting deeper than ``max_depth``, a key used twice in one object (the last
    would silently win) and a lone surrogate escape (no text can hold it).
    """
    _check_depth(text, max_depth)
    try:
        value = json.loads(text, object_pairs_hook=_pairs)
    except json.JSONDecodeError as exc:
        raise JsonError(exc.lineno, exc.colno, exc.msg) from None
    except _DuplicateKey:
        raise _duplicate_error(text) from None
    except RecursionError:  # cannot happen below the depth limit; kept as a clean refusal
        raise JsonError(1, 1, "nested too deeply") from None
    if "\\u" in text:
        _check_surrogates(text)
    return value


def _check_surrogates(text: str) -> None:
    paired = -1  # where the low half of the last pair starts
    for match in _SURROGATE.finditer(text):
        start = match.start()
        before = start
        while before and text[before - 1] == "\\":
            before -= 1
        backslashes = start - before
        if backslashes % 2 or start == paired:
            continue  # an escaped backslash and a "u", or a pair's low half
        high = match.group()[3] in "89abAB"
        if high and _LOW_AFTER.match(text, start + 6):
            paired = start + 6
            continue
        raise _error_at(text, start, "a lone surrogate (\\uD800-\\uDFFF) escape")


def _check_depth(text: str, max_depth: int) -> None:
    # Fast path in C: drop strings, keep brackets, sum the steps; only a file that fails
    # is walked token by token to find where.
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if max(accumulate(_STEP[c] for c in brackets), default=0) <= max_depth:
        return
    depth = 0
    for match in _TOKENS.finditer(text):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > max_depth:
                raise _error_at(text, match.start(), f"nested more than {max_depth} levels deep")
        elif char in "]}":
            depth -= 1


def _duplicate_error(text: str) -> JsonError:
    """Find the first key used twice in its object (only on the error path)."""
    stack: list[set[str] | None] = []
    previous: re.Match[str] | None = None
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token == ":" and previous is not None and previous.group().startswith('"'):
            keys = stack[-1] if stack else None
            key = json.loads(previous.group())
            if keys is not None:
                if key in keys:
                    return _error_at(text, previous.start(), f"key {key!r} is used twice")
                keys.add(key)
        elif token == "{":
            stack.append(set())
        elif token == "[":
            stack.append(None)
        elif token in "]}" and stack:
            stack.pop()
        previous = match
    return JsonError(1, 1, "a key is used twice in one object")


def _error_at(text: str, index: int, what: str) -> JsonError:
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return JsonError(line, column, what)


# -- writing --------------------------------------------------------------------------------


def check_writable(path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """The target, if Shuttle may write it; FileRefused saying why not.

    Refused: an existing file unless ``overwrite`` (the caller asked the user, or had
    ``--force``); a symbolic link (renaming over it would not write where it points, and
    writing through it would change a file elsewhere); a read-only file; anything that
    is not a regular file; a missing folder.
    """
    target = Path(path)
    try:
        info = target.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise FileRefused(target, exc.strerror or str(exc)) from None
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            raise FileRefused(
                target,
                f"is a symbolic link (to {target.readlink()}); not writing through it: "
                "give the real path",
            )
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(target, f"{_kind(info.st_mode)}; not replacing it")
        if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise FileRefused(target, "the file is read-only; not replacing it")
        if not overwrite:
            raise FileRefused(target, "already exists (use --force to replace it)")
    folder = target.parent
    if not folder.is_dir():
        raise FileRefused(target, f"no folder {folder}")
    return target


def write_atomically(data: bytes, path: str | os.PathLike[str], *, overwrite: bool = True) -> None:
    """A crash or a full disk leaves the old file or the new one, never half of one.

    The target is checked with :func:`check_writable` (``overwrite=False`` refuses an
    existing file); a replaced file keeps its permissions.
    """
    target = check_writable(path, overwrite=overwrite)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _finish(Path(tmp), target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def temp_path_beside(path: str | os.PathLike[str], *, overwrite: bool = True) -> Path:
    """A fresh name in the target's folder for a writer that needs a path (a PDF printer);
    hand the written file to :func:`replace_with`."""
    target = check_writable(path, overwrite=overwrite)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(fd)
    return Path(tmp)


def replace_with(tmp: Path, path: str | os.PathLike[str], *, overwrite: bool = True) -> None:
    """Sync ``tmp`` (written by someone else) and rename it over ``path``."""
    try:
        target = check_writable(path, overwrite=overwrite)
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        _finish(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _finish(tmp: Path, target: Path) -> None:
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        # mkstemp makes 0600 files; give a new file the user's usual permissions.
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    tmp.chmod(mode)
    tmp.replace(target)
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (not every file system lets a folder be synced)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.EBADF):
            raise
    finally:
        os.close(fd)


def file_stem(name: str, fallback: str = "trip") -> str:
    """A file name from a title: 'Kerry: Rome – Paris' -> 'Kerry-Rome-Paris'."""
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in name)
    return "-".join(keep.split())[:60] or fallback
