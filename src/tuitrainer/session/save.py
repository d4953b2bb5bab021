"""Saving a session file so that no crash, and no other program, loses an edit.

- Atomic: the new text goes to a temporary file in the same folder, is flushed
  to disk, then renamed over the old file. A crash at any moment leaves either
  the old file or the new one, never half of each.
- The previous version is kept beside it as `NAME.yaml.bak` (not a session
  file, so it is never listed).
- Built-in sessions are never written: they ship with the app.
- A file changed on disk since it was opened (by another editor, say) is
  noticed before it is overwritten: the caller passes the stamp it read.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path


class SaveError(Exception):
    """A save that did not happen; the old file is as it was."""


class BuiltinRefused(SaveError):
    """The path is a built-in session's file."""


class ChangedOnDisk(SaveError):
    """The file is not what it was when it was opened."""

    def __init__(self, path: Path, now: Stamp | None) -> None:
        self.path = path
        self.now = now
        what = "was deleted" if now is None else "was changed by another program"
        super().__init__(f"{path.name} {what} since it was opened")


@dataclass(frozen=True)
class Stamp:
    """What a file held when it was read: enough to tell whether it changed since."""

    size: int
    sha256: str


def stamp_of(data: bytes) -> Stamp:
    return Stamp(len(data), hashlib.sha256(data).hexdigest())


def read_stamped(path: Path) -> tuple[bytes, Stamp] | None:
    """A file's bytes and their stamp, or None when there is no file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    return data, stamp_of(data)


def current_stamp(path: Path) -> Stamp | None:
    read = read_stamped(path)
    return None if read is None else read[1]


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def is_inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _through_link(path: Path, within: Path | None) -> Path:
    """Where to write for `path`: itself, or the target of a link, which stays a link.

    Replacing the link with a file would quietly fork the session from the file the
    link names; writing a target anywhere a link points would let a session file
    overwrite any file the user can write. So only a target in the data folder.
    """
    if not path.is_symlink():
        return path
    target = path.resolve()
    if within is None or not is_inside(target, within):
        raise SaveError(
            f"{path.name} is a link to {target}, outside tuitrainer's data folder; "
            "not saved (save it under another name, or copy the file in)"
        )
    return target


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable; not every system can open a folder, so best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one rename; on any failure the old file stays."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temp, 0o644 if not path.exists() else path.stat().st_mode & 0o777)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(path.parent)


NOT_CHECKED = object()  # `expected` when the caller does not care what is on disk


def save_text(
    path: Path,
    text: str,
    *,
    expected: Stamp | None | object = NOT_CHECKED,
    builtin_dir: Path | None = None,
    within: Path | None = None,
) -> Stamp:
    """Save a session file; returns the new stamp.

    `expected` is the stamp the caller read when it opened the file (None: there
    was no file). If the file is no longer that, ChangedOnDisk is raised and
    nothing is written; pass NOT_CHECKED to overwrite whatever is there.
    A file that is a symbolic link is saved through it when its target is inside
    `within` (the data folder), else refused (`_through_link`).
    """
    path = _through_link(path, within)
    if builtin_dir is not None and is_inside(path, builtin_dir):
        raise BuiltinRefused(
            f"{path.name} is a built-in session and is never changed; "
            "save your version under your own sessions instead"
        )
    data = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    old = read_stamped(path)
    now = None if old is None else old[1]
    if expected is not NOT_CHECKED and now != expected:
        raise ChangedOnDisk(path, now)
    if old is not None:
        write_atomic(backup_path(path), old[0])
    write_atomic(path, data)
    return stamp_of(data)
