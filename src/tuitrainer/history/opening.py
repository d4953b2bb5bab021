"""What can stop the history from opening, and setting a damaged file aside.

A file that cannot be used here (no permission, locked, a newer version met by
a reading command) is left where it is and named in an error; only a damaged
or newer file met by a writing command is moved aside, never deleted, and the
person is told once (`OpenNotice`).
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .migrations import SCHEMA_VERSION


class HistoryError(Exception):
    """The history file could not be used at all (not even a fresh one)."""


class HistoryUnavailable(OSError):
    """The history cannot be opened here (no permission, a read-only folder, locked).

    Not damage: the file is left exactly where it is, and the command says why.
    An OSError, so the command line reports it like any file it cannot use.
    """


class HistoryTooNew(HistoryUnavailable):
    """A reading command met a history written by a newer tuitrainer: it is left alone
    (only a command that writes may set it aside), and the command says what it needs."""

    def __init__(self, path: Path, found: int) -> None:
        super().__init__(
            errno.EPROTO,
            f"the history was written by a newer version of tuitrainer (history version "
            f"{found}; this one reads up to {SCHEMA_VERSION}); update tuitrainer to read "
            "it. The file was left as it is",
            str(path),
        )
        self.found = found


@dataclass(frozen=True)
class OpenNotice:
    """Why the store set a file aside on opening; shown once to the user."""

    message: str
    moved_to: Path


def _set_aside(path: Path, why: str) -> OpenNotice:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{why}-{stamp}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.name}.{why}-{stamp}-{n}")
        n += 1
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    reason = {
        "corrupt": "was damaged and could not be read",
        "newer": "was written by a newer version of tuitrainer",
    }[why]
    return OpenNotice(
        f"The history file {path} {reason}. It was moved to {target} and a fresh "
        "history was started; nothing was deleted.",
        target,
    )


class _TooNew(Exception):
    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version
