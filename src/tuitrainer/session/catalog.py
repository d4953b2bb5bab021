"""Finding sessions by name: built-in ones, and the user's, which shadow them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..locations import Locations
from .listing import SUFFIXES, session_files
from .load import check_file, load_session
from .model import Session
from .problems import Problem, SessionError


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


def looks_like_path(name: str) -> bool:
    """A path names a folder or a suffix; a bare word is a session name."""
    return "/" in name or name.endswith(SUFFIXES) or name.startswith((".", "~"))


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
    path = find(name, locations)
    builtin = path.parent.resolve() == locations.builtin_sessions.resolve()
    return load_session(path, "builtin" if builtin else "user", locations.sound_dirs())


__all__ = ["Entry", "SessionError", "discover", "find", "resolve"]
