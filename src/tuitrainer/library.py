"""The session library: every session by name, built-in or the user's own.

Finding one (`find`, `resolve`) and listing all for the home screen (`Listing`),
which keeps, per file, its title, planned time and first problems, cached by
file size and time: reading and checking every file on each start would cost the
YAML parser and the validator before the first frame. Starting a session always
reads and checks its file afresh. It sits above the planner: a listing shows
each session's planned time.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .locations import Locations
from .session.files import SUFFIXES, looks_like_path, session_files
from .session.problems import Problem

if TYPE_CHECKING:
    from .session.model import Session

# The loader (and with it the YAML parser) and the planner are imported when first
# needed: the home screen lists sessions from the cache without them.

CACHE_VERSION = 1


@dataclass(frozen=True)
class Entry:
    """One session file found, valid or not (a broken user file is still listed)."""

    slug: str
    path: Path
    source: str  # "builtin" or "user"
    session: Session | None
    problems: tuple[Problem, ...]

    @property
    def title(self) -> str:
        return self.session.title if self.session else self.slug


def _entry(path: Path, source: str, locations: Locations) -> Entry:
    from .session.load import check_file

    try:
        session, problems = check_file(path, source, locations.sound_dirs())
    except OSError as err:
        session, problems = None, [Problem(str(path), 1, 1, f"cannot read: {err.strerror}")]
    return Entry(path.stem, path, source, session, tuple(problems))


def discover(locations: Locations) -> list[Entry]:
    """Every session, by name; a user file of the same name replaces the built-in."""
    found: dict[str, Entry] = {}
    for path in session_files(locations.builtin_sessions):
        found[path.stem] = _entry(path, "builtin", locations)
    for path in session_files(locations.user_sessions):
        found[path.stem] = _entry(path, "user", locations)
    return [found[slug] for slug in sorted(found)]


def find(name: str, locations: Locations) -> Path:
    """The file for a session named by stem, or given as a path.

    Raises FileNotFoundError naming what was looked for.
    """
    if looks_like_path(name):
        path = Path(name).expanduser()
        if path.is_file():
            return path
        raise FileNotFoundError(f"no session file at {name}")
    for folder in (locations.user_sessions, locations.builtin_sessions):
        for suffix in SUFFIXES:
            candidate = folder / f"{name}{suffix}"
            if candidate.is_file():
                return candidate
    known = ", ".join(e.slug for e in discover(locations)) or "none"
    raise FileNotFoundError(f"no session named {name!r}; sessions: {known}")


def resolve(name: str, locations: Locations) -> Session:
    """A checked session by name or path; SessionError or FileNotFoundError if not."""
    from .session.load import load_session

    path = find(name, locations)
    builtin = path.parent.resolve() == locations.builtin_sessions.resolve()
    return load_session(path, "builtin" if builtin else "user", locations.sound_dirs())


# -- the home screen's listing ----------------------------------------------


@dataclass(frozen=True)
class Listed:
    slug: str
    path: str
    source: str  # "builtin" or "user"
    title: str
    description: str
    planned_seconds: float | None  # None when the file is invalid
    problems: tuple[str, ...]

    @property
    def valid(self) -> bool:
        return not self.problems


def _stamp(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_mtime_ns, stat.st_size]


def _read(path: Path, source: str, sound_dirs: list[Path]) -> Listed:
    from .planner import plan
    from .session.load import check_file

    try:
        session, problems = check_file(path, source, sound_dirs)
    except OSError as err:
        session, problems = None, []
        text = f"{path}:1:1: cannot read: {err.strerror}"
        return Listed(path.stem, str(path), source, path.stem, "", None, (text,))
    if session is None:
        return Listed(
            path.stem, str(path), source, path.stem, "", None, tuple(str(p) for p in problems[:5])
        )
    return Listed(
        path.stem,
        str(path),
        source,
        session.title,
        session.description,
        plan(session).total_seconds,
        (),
    )


class Listing:
    """Every session by name, a user file shadowing a built-in of the same name."""

    def __init__(self, locations: Locations) -> None:
        self.locations = locations
        self.cache_file = locations.session_cache

    def _load_cache(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        entries = data.get("files")
        return entries if isinstance(entries, dict) else {}

    def _save_cache(self, entries: dict[str, dict[str, Any]]) -> None:
        """Write the cache atomically; a failure only costs the next start some time."""
        try:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            temp = self.cache_file.with_suffix(f".{os.getpid()}.tmp")
            temp.write_text(
                json.dumps({"version": CACHE_VERSION, "files": entries}), encoding="utf-8"
            )
            temp.replace(self.cache_file)
        except OSError:
            pass

    def sessions(self) -> list[Listed]:
        cached = self._load_cache()
        fresh: dict[str, dict[str, Any]] = {}
        found: dict[str, Listed] = {}
        sources = (
            ("builtin", self.locations.builtin_sessions),
            ("user", self.locations.user_sessions),
        )
        for source, folder in sources:
            for path in session_files(folder):
                key = str(path)
                try:
                    stamp = _stamp(path)
                except OSError:
                    continue
                hit = cached.get(key)
                if hit and hit.get("stamp") == stamp and hit.get("source") == source:
                    listed = Listed(
                        **{**hit["listed"], "problems": tuple(hit["listed"]["problems"])}
                    )
                else:
                    listed = _read(path, source, self.locations.sound_dirs())
                record = {**asdict(listed), "problems": list(listed.problems)}
                fresh[key] = {"stamp": stamp, "source": source, "listed": record}
                found[path.stem] = listed
        if fresh != cached:
            self._save_cache(fresh)
        return [found[slug] for slug in sorted(found)]
