"""Reading a small TOML file of the user's (settings, keys) that can never stop the app.

The docs promise a bad settings file falls back to the defaults with a notice. A
FIFO in its place would hang the start (a read that never ends), 140 MB would take
seconds, and 500 nested arrays in 1 KB raise RecursionError inside the parser. So:
only a regular file is read, never more than `MAX_BYTES`, and nesting deeper than
`MAX_DEPTH` is refused; each is one problem line and the caller keeps its defaults.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

MAX_BYTES = 1_000_000
MAX_DEPTH = 20  # tables and arrays within each other; a settings file needs 2


def read_toml(
    path: Path, fallback: str, max_bytes: int = MAX_BYTES
) -> tuple[dict[str, Any] | None, str, list[str]]:
    """(data, text, problems); data is None when the file cannot be used at all.

    A missing file is no problem: ({}, "", []). `fallback` ends each problem line
    ("using the defaults").
    """
    raw, problem = _read_regular(path, max_bytes)
    if problem:
        return None, "", [f"{path}: {problem}; {fallback}"]
    if raw is None:
        return {}, "", []
    try:
        text = raw.decode("utf-8-sig")  # a BOM (some editors add one) is fine
    except UnicodeDecodeError as err:
        return None, "", [f"{path}: not UTF-8 text (byte {err.start}); {fallback}"]
    depth = _bracket_depth(text)
    if depth > MAX_DEPTH:
        return None, text, [f"{path}: nested {depth} levels deep, at most {MAX_DEPTH}; {fallback}"]
    import tomllib  # here, not at the top: most starts have no file to parse

    try:
        return tomllib.loads(text), text, []
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        where = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
        if where:
            place = f"{path}:{where[1]}:{where[2]}"
            return None, text, [f"{place}: {message[: where.start()]}; {fallback}"]
        return None, text, [f"{path}: {message}; {fallback}"]
    except RecursionError:  # nesting the bracket count did not see (dotted keys)
        return None, text, [f"{path}: nested too deeply; {fallback}"]


def _read_regular(path: Path, max_bytes: int) -> tuple[bytes | None, str | None]:
    """The file's bytes (None: there is no file), or why it is not read.

    Opened without blocking and checked on the open descriptor, so a FIFO or a
    device put there (even between a check and the open) is never waited on.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        return None, None
    except OSError as err:
        return None, f"cannot read: {err.strerror}"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, "not a regular file"
        if info.st_size > max_bytes:
            return None, f"larger than {_size(max_bytes)}"
        with os.fdopen(fd, "rb", closefd=False) as file:
            raw = file.read(max_bytes + 1)
    except OSError as err:
        return None, f"cannot read: {err.strerror}"
    finally:
        os.close(fd)
    if len(raw) > max_bytes:  # grew since fstat
        return None, f"larger than {_size(max_bytes)}"
    return raw, None


def _size(limit: int) -> str:
    return f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1000} KB"


def _bracket_depth(text: str) -> int:
    """The deepest nesting of [ and { outside strings and comments (a close bound)."""
    depth = deepest = 0
    quote = ""
    index = 0
    while index < len(text):
        char = text[index]
        if quote:
            if char == "\\" and quote == '"':
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "#":
            newline = text.find("\n", index)
            index = len(text) if newline < 0 else newline
            continue
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(0, depth - 1)
        index += 1
    return deepest
