"""The user's session library: delete (to a trash folder, undoable), rename, duplicate.

Plain Python shared by the home screen keys and the `delete`/`rename` commands,
so both refuse the same things in the same words. Nothing here destroys a
file: a deleted session moves to `<data dir>/trash/`, a rename moves the file
(and its `.bak`) in one step, and the history follows a renamed session.
Built-in sessions ship with the app and are never touched.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .locations import Locations
from .session.create import (
    copy_text,
    free_name,
    new_name_problem,
    retitled,
    title_of,
    user_file,
)
from .session.files import SUFFIXES
from .session.save import backup_path

if TYPE_CHECKING:
    from .history.store import HistoryStore


class LibraryError(Exception):
    """An operation that did not happen; the message says why, for the user."""

    code = 1  # the command's exit code: refused


class Refused(LibraryError):
    """Not allowed (a built-in session, a name taken or not possible)."""


class NotFound(LibraryError):
    """No session of that name."""

    code = 2


def builtin_file(locations: Locations, name: str) -> Path | None:
    for suffix in SUFFIXES:
        path = locations.builtin_sessions / f"{name}{suffix}"
        if path.is_file():
            return path
    return None


def own_file(locations: Locations, name: str, doing: str) -> Path:
    """The user's file named `name`; Refused for a built-in one, NotFound for none."""
    path = user_file(locations, name)
    if path is not None:
        return path
    if builtin_file(locations, name) is not None:
        if doing == "deleted":  # a copy would not help: there is nothing to take away
            raise Refused(f"{name} is a built-in session: it comes with tuitrainer and stays")
        raise Refused(
            f"{name} is a built-in session and cannot be {doing}; "
            f"make a copy of your own instead (c on the home screen, or "
            f"tuitrainer new NAME --from {name})"
        )
    raise NotFound(f"you have no session named {name!r}")


# -- delete and undo -------------------------------------------------------------------


@dataclass(frozen=True)
class Trashed:
    """A deleted session: where it was, and where it is kept now."""

    name: str
    path: Path
    trashed: Path
    backup: Path | None  # its `.bak`, moved beside it in the trash
    builtin_back: bool  # it shadowed a built-in session, which is listed again

    def message(self) -> str:
        back = f" The built-in {self.name} is back in its place." if self.builtin_back else ""
        return f"Deleted {self.name}: the file is kept in {self.trashed}.{back}"


def delete_question(locations: Locations, name: str) -> tuple[str, str]:
    """The question to ask before deleting `name`, and what happens, in words."""
    path = own_file(locations, name, "deleted")
    detail = f"{path.name} moves to the trash folder {locations.trash}."
    if builtin_file(locations, name) is not None:
        detail += f" Your copy goes, and the built-in {name} comes back."
    return f"Delete your session {name!r}?", detail


def _trash_path(locations: Locations, path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = locations.trash / path.name
    number = 2
    while target.exists() or backup_path(target).exists():
        target = locations.trash / f"{path.stem}.{stamp}-{number}{path.suffix}"
        number += 1
    return target


def delete(locations: Locations, name: str) -> Trashed:
    """Move the user's session (and its `.bak`) to the trash folder."""
    path = own_file(locations, name, "deleted")
    locations.trash.mkdir(parents=True, exist_ok=True)
    target = _trash_path(locations, path)
    os.replace(path, target)
    backup = None
    if backup_path(path).is_file():
        backup = backup_path(target)
        with contextlib.suppress(OSError):  # the session itself is what matters
            os.replace(backup_path(path), backup)
    return Trashed(name, path, target, backup, builtin_file(locations, name) is not None)


def restore(locations: Locations, trashed: Trashed) -> Path:
    """Undo a delete: the file goes back, unless a session of that name was made since."""
    if user_file(locations, trashed.name) is not None:
        raise Refused(
            f"a session named {trashed.name!r} was made since; the deleted one stays "
            f"in {trashed.trashed}"
        )
    if not trashed.trashed.is_file():
        raise NotFound(f"{trashed.trashed} is no longer in the trash")
    trashed.path.parent.mkdir(parents=True, exist_ok=True)
    os.replace(trashed.trashed, trashed.path)
    if trashed.backup is not None and trashed.backup.is_file():
        with contextlib.suppress(OSError):
            os.replace(trashed.backup, backup_path(trashed.path))
    return trashed.path


# -- rename and duplicate --------------------------------------------------------------


@dataclass(frozen=True)
class Renamed:
    old: str
    new: str
    path: Path
    title: str | None  # the new title, when it followed the name
    workouts: int  # past workouts now under the new name

    def message(self) -> str:
        title = f", titled {self.title!r}" if self.title else ""
        many = self.workouts != 1
        what = f"{self.workouts} past workout{'s follow' if many else ' follows'} it"
        moved = f"; {what}" if self.workouts else ""
        return f"Renamed {self.old} to {self.new}{title}{moved}."


def _builtin_hash(locations: Locations, name: str) -> str | None:
    """The content hash of the built-in session of this name, if there is one."""
    path = builtin_file(locations, name)
    if path is None:
        return None
    from .history.recorder import session_hash
    from .session.load import load_session

    try:
        return session_hash(load_session(path, "builtin", locations.sound_dirs()))
    except Exception:  # a broken built-in file: no workout can have run it as it is
        return None


def rename(locations: Locations, old: str, new: str, store: HistoryStore | None = None) -> Renamed:
    """Rename the user's session `old` to `new`; its past workouts follow it.

    The title follows too when it was the one made from the old name (`my-hips`,
    "My hips"); a title of the user's own stays as it is.
    """
    path = own_file(locations, old, "renamed")
    if new == old:
        raise Refused(f"{old} already has that name")
    if problem := new_name_problem(locations, new):
        raise Refused(problem)
    target = path.with_name(f"{new}{path.suffix}")
    text = path.read_text(encoding="utf-8")
    title = None
    changed = (
        retitled(text, title_of(new))
        if _titled_by_name(text, old, locations.sound_dirs())
        else text
    )
    if changed != text:
        title = title_of(new)
    keep_hash = _builtin_hash(locations, old)
    _move_new(path, target, None if changed == text else changed)
    if backup_path(path).is_file():
        with contextlib.suppress(OSError):
            os.replace(backup_path(path), backup_path(target))
    moved = 0
    if store is not None:
        from .history.renames import follow_rename
        from .history.user_writes import write_now

        # At most a second's wait for another program's lock, not the usual five.
        written = write_now(store, lambda: follow_rename(store, old, new, keep_hash))
        if written.value is None:  # busy or read-only: the file goes back, all as it was
            os.replace(target, path)
            if changed != text:
                path.write_text(text, encoding="utf-8")
            if backup_path(target).is_file():
                with contextlib.suppress(OSError):
                    os.replace(backup_path(target), backup_path(path))
            raise Refused(f"not renamed: {written.problem}")
        moved = written.value
    from .schedule.load import follow_rename as follow_in_schedule

    with contextlib.suppress(OSError):  # renamed all the same; `today` names the old one
        follow_in_schedule(locations.schedule_file, old, new)
    return Renamed(old, new, target, title, moved)


def _titled_by_name(text: str, name: str, sound_dirs: list[Path]) -> bool:
    """Whether the file's title is the one made from its name (so it may follow it).

    Read through the validator, which refuses alias bombs, not a bare YAML load."""
    from .session.load import check_text

    session, _ = check_text(text, name, name, "user", sound_dirs)
    if session is not None:
        return session.title == title_of(name)
    return False


def _move_new(path: Path, target: Path, text: str | None) -> None:
    """Move `path` to `target`, never over an existing file; `text`: write that instead."""
    from .session.save import ChangedOnDisk, save_text

    if text is not None:
        try:
            save_text(target, text, expected=None)  # never over a file made meanwhile
        except ChangedOnDisk:
            raise Refused(f"{target.name} exists already") from None
        path.unlink()
        return
    try:
        os.link(path, target)  # fails if target exists: no file is ever replaced
    except FileExistsError:
        raise Refused(f"{target.name} exists already") from None
    except OSError:  # a file system without hard links
        if target.exists():
            raise Refused(f"{target.name} exists already") from None
        os.rename(path, target)
        return
    path.unlink()


def duplicate(locations: Locations, name: str, new: str) -> Path:
    """A copy of any session (built-in or the user's) as the user's session `new`."""
    from .library import find
    from .session.create import BadName, new_file

    if new == name:
        raise Refused(f"a copy needs a name of its own; {free_name(locations, name)} is free")
    try:
        source = find(name, locations)
    except FileNotFoundError:
        raise NotFound(f"there is no session named {name!r}") from None
    try:
        return new_file(locations, new, copy_text(source.read_text(encoding="utf-8"), name, new))
    except BadName as error:
        raise Refused(str(error)) from None
