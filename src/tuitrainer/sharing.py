"""Handing a session to someone else: export to one file, import it on their side.

A session file holds everything its workout needs (exercises, doses, tips),
so the export is the file itself, its comments kept, under a header comment
that says what it is and how to import it. Only a cue sound of the user's own
(a file in their sounds folder) is not carried: the export says so, and an
import without that sound is refused at the cue's line like any missing sound.
An import is checked by the same validator as every other file before anything
is written, and never replaces a session without being told to.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .locations import Locations
from .session.create import ensure_schema, free_name, name_problem, user_file, with_schema_line
from .session.files import SUFFIXES
from .session.load import check_text
from .session.model import Session, slugify
from .session.problems import Problem

HEADER_MARK = "# tuitrainer session"


class ShareError(Exception):
    """An export or import that did not happen. `code` is the command's exit code."""

    def __init__(self, message: str, code: int = 1, problems: list[Problem] | None = None):
        super().__init__(message)
        self.code = code
        self.problems = problems or []


def _plain(text: str) -> str:
    """Text safe inside a one-line comment: no line breaks, no control characters."""
    return "".join(char if char.isprintable() else "?" for char in text)


def own_sounds(session: Session, locations: Locations) -> list[str]:
    """Cue sounds the session names that come from the user's folder, not the app."""
    names = set(session.cues.values())
    for exercise in session.exercises:
        names.update(exercise.cues.values())
    builtin = locations.builtin_sounds
    own = []
    for name in sorted(names):
        if not any((builtin / f"{name}{ext}").is_file() for ext in ("", ".wav")):
            own.append(name)
    return own


def header(session: Session, sounds: list[str], today: date | None = None) -> str:
    day = (today or date.today()).isoformat()
    lines = [
        f"{HEADER_MARK} {_plain(session.title)!r} ({session.slug}), exported {day}.",
        "# A plain YAML session file for tuitrainer, the terminal interval trainer.",
        "# Add it to your sessions with: tuitrainer import THIS-FILE [--as NAME]",
        "# Check it first with: tuitrainer validate THIS-FILE",
    ]
    if sounds:
        lines.append(
            "# It uses cue sounds of its own, not included here: "
            + ", ".join(_plain(s) for s in sounds)
        )
    return "\n".join(lines) + "\n\n"


def _body(text: str) -> str:
    """The file's text without a schema line or an export header on top."""
    lines = text.splitlines(keepends=True)
    if lines and lines[0].lstrip().startswith("# yaml-language-server:"):
        lines = lines[1:]
    if lines and lines[0].startswith(HEADER_MARK):
        while lines and lines[0].startswith("#"):
            lines = lines[1:]
        while lines and not lines[0].strip():
            lines = lines[1:]
    return "".join(lines)


def export_text(locations: Locations, name: str) -> tuple[str, list[str]]:
    """The export of session `name` (built-in or the user's), and its own sounds.

    Raises FileNotFoundError for no such session, SessionError for an invalid one.
    """
    from .library import find
    from .session.load import load_session

    path = find(name, locations)
    builtin = path.parent.resolve() == locations.builtin_sessions.resolve()
    session = load_session(path, "builtin" if builtin else "user", locations.sound_dirs())
    sounds = own_sounds(session, locations)
    text = path.read_bytes().decode("utf-8-sig")
    return header(session, sounds) + _body(text), sounds


@dataclass(frozen=True)
class Imported:
    name: str
    path: Path
    title: str
    replaced: bool  # a session of the user's of that name was replaced (kept as .bak)
    shadows_builtin: bool

    def message(self) -> str:
        what = f"Imported {self.title!r} as {self.name} ({self.path})"
        if self.replaced:
            what += f"; your old version is kept as {self.path.name}.bak"
        if self.shadows_builtin:
            what += f"; it takes the place of the built-in {self.name}"
        return what + "."


def import_name(source: Path, wanted: str | None) -> str:
    """The name to import under: `--as`, else the file's name made a session name."""
    if wanted is not None:
        if problem := name_problem(wanted):
            raise ShareError(problem)
        return wanted
    stem = source.name
    for suffix in SUFFIXES:
        stem = stem.removesuffix(suffix)
    return stem if name_problem(stem) is None else slugify(stem)[:64]


def import_file(
    locations: Locations, source: Path, wanted: str | None = None, force: bool = False
) -> Imported:
    """Check `source`, then write it as the user's session; see the module's rules."""
    from .session.save import NOT_CHECKED, save_text

    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise ShareError(f"no such file: {source}", code=2) from None
    except OSError as error:
        raise ShareError(f"cannot read {source}: {error.strerror}", code=2) from None
    name = import_name(source, wanted)
    session, problems = check_text(data, str(source), name, "user", locations.sound_dirs())
    if session is None:
        count = len(problems)
        plural = "s" if count != 1 else ""
        raise ShareError(f"{source} has {count} problem{plural}; nothing imported", 1, problems)
    existing = user_file(locations, name)
    builtin = any((locations.builtin_sessions / f"{name}{s}").is_file() for s in SUFFIXES)
    if (existing or builtin) and not force:
        raise ShareError(_clash(locations, name, builtin and not existing))
    path = existing or locations.user_sessions / f"{name}.yaml"
    text = with_schema_line(_body(data.decode("utf-8-sig")))
    ensure_schema(locations)
    save_text(path, text, expected=NOT_CHECKED, builtin_dir=locations.builtin_sessions)
    return Imported(name, path, session.title, existing is not None, builtin)


def _clash(locations: Locations, name: str, builtin: bool) -> str:
    free = free_name(locations, name)
    if builtin:
        return (
            f"{name} is a built-in session; import it under a free name with --as {free}, "
            f"or add --force to let it take the built-in one's place"
        )
    return (
        f"you already have a session named {name!r}; import it under a free name with "
        f"--as {free}, or add --force to replace yours (it is kept as .bak)"
    )
