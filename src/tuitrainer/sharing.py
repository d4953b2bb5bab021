"""Handing a session to someone else: export to one file, import it on their side.

A session file holds everything its workout needs (exercises, doses, tips),
so the export is the file itself, its comments kept, under a header comment
that says what it is and how to import it. A cue sound of the user's own (a
file in their sounds folder, not shipped with the app) travels at the end of
the file as a block of comments (base64), which every YAML reader skips; the
import puts it in the other sounds folder. An import is checked by the same
validator as every other file before anything is written, and never replaces a
session, or a different sound of the same name, without being told to.
"""

from __future__ import annotations

import base64
import binascii
import tempfile
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
SOUNDS_MARK = "# tuitrainer sounds:"
MAX_IMPORT_BYTES = 20_000_000  # a session (1 MB at most) and a few cue sounds


class ShareError(Exception):
    """An export or import that did not happen. `code` is the command's exit code."""

    def __init__(self, message: str, code: int = 1, problems: list[Problem] | None = None):
        super().__init__(message)
        self.code = code
        self.problems = problems or []


def _plain(text: str) -> str:
    """Text safe inside a one-line comment: no line breaks, no control characters."""
    return "".join(char if char.isprintable() else "?" for char in text)


def own_sounds(session: Session, locations: Locations) -> dict[str, Path]:
    """Cue sounds the session names that come from the user's folder (which is looked in
    first), by file name: what another machine would not have."""
    from .sound_files import find

    names = set(session.cues.values())
    for exercise in session.exercises:
        names.update(exercise.cues.values())
    own = {}
    for name in sorted(names):
        path = find(name, [locations.user_sounds])
        if path is not None:
            own[path.name] = path
    return own


def sound_block(sounds: dict[str, Path]) -> str:
    """The sounds as comments at the end of the file: `# sound NAME`, base64, `# end NAME`."""
    if not sounds:
        return ""
    lines = [
        "",
        f"{SOUNDS_MARK} the cue sounds of its own this session uses, so that this",
        "# file is all it needs; tuitrainer import puts them in your sounds folder.",
    ]
    for name, path in sounds.items():
        encoded = base64.encodebytes(path.read_bytes()).decode("ascii").split()
        lines += [f"# sound {name}", *(f"# {chunk}" for chunk in encoded), f"# end {name}"]
    return "\n".join(lines) + "\n"


def split_sounds(text: str, path: str) -> tuple[str, dict[str, bytes], list[Problem]]:
    """The session text without its sound block, the sounds in it, and what is wrong."""
    from .sound_files import NAME

    start = text.find(f"\n{SOUNDS_MARK}")
    if start < 0:
        return text, {}, []
    first_line = text.count("\n", 0, start) + 2
    sounds: dict[str, bytes] = {}
    problems: list[Problem] = []
    name: str | None = None
    chunks: list[str] = []
    opened_at = 0
    for number, line in enumerate(text[start + 1 :].splitlines(), first_line):
        word = line.removeprefix("#").strip()
        if name is None and word.startswith("sound "):
            name, chunks, opened_at = word.removeprefix("sound ").strip(), [], number
            if not NAME.match(name) or not name.lower().endswith(".wav"):
                problems.append(Problem(path, number, 3, f"{name!r} cannot be a sound file name"))
        elif name is not None and word == f"end {name}":
            try:
                sounds[name] = base64.b64decode("".join(chunks), validate=True)
            except (binascii.Error, ValueError):
                problems.append(Problem(path, opened_at, 3, f"the sound {name} is damaged"))
            name = None
        elif name is not None:
            chunks.append(word)
    if name is not None:
        problems.append(Problem(path, opened_at, 3, f"the sound {name} has no '# end {name}'"))
    return text[: start + 1], sounds, problems


def header(session: Session, sounds: list[str], today: date | None = None) -> str:
    day = (today or date.today()).isoformat()
    lines = [
        f"{HEADER_MARK} {_plain(session.title)!r} ({session.slug}), exported {day}.",
        "# A plain YAML session file for tuitrainer, the terminal interval trainer.",
        "# Add it to your sessions with: tuitrainer import THIS-FILE [--as NAME]",
    ]
    if sounds:
        lines.append(
            "# Its own cue sounds are at the end of the file: " + ", ".join(map(_plain, sounds))
        )
    else:
        lines.append("# Check it first with: tuitrainer validate THIS-FILE")
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
    body = _body(path.read_bytes().decode("utf-8-sig"))
    body += "" if body.endswith("\n") else "\n"
    return header(session, list(sounds)) + body + sound_block(sounds), list(sounds)


@dataclass(frozen=True)
class Imported:
    name: str
    path: Path
    title: str
    replaced: bool  # a session of the user's of that name was replaced (kept as .bak)
    shadows_builtin: bool
    sounds: tuple[str, ...] = ()  # its own cue sounds, now in the user's sounds folder

    def message(self) -> str:
        what = f"Imported {self.title!r} as {self.name} ({self.path})"
        if self.replaced:
            what += f"; your old version is kept as {self.path.name}.bak"
        if self.shadows_builtin:
            what += f"; it takes the place of the built-in {self.name}"
        if self.sounds:
            what += f"; its sounds {', '.join(self.sounds)} are in your sounds folder"
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
        # Read no more than a session can be: a device or a pipe says its size is 0
        # and may never end (/dev/zero, /dev/stdin left open).
        with source.open("rb") as stream:
            data = stream.read(MAX_IMPORT_BYTES + 1)
    except FileNotFoundError:
        raise ShareError(f"no such file: {source}", code=2) from None
    except OSError as error:
        raise ShareError(f"cannot read {source}: {error.strerror}", code=2) from None
    if len(data) > MAX_IMPORT_BYTES:
        raise ShareError(f"{source} is too large to be a session ({MAX_IMPORT_BYTES:,} bytes)")
    name = import_name(source, wanted)
    body: str | bytes
    try:
        body, sounds, problems = split_sounds(data.decode("utf-8-sig"), str(source))
    except UnicodeDecodeError:  # the validator says where
        body, sounds, problems = data, {}, []
    with tempfile.TemporaryDirectory() as carried:
        for sound, content in sounds.items():
            (Path(carried) / sound).write_bytes(content)
        dirs = [Path(carried), *locations.sound_dirs()]
        session, found = check_text(body, str(source), name, "user", dirs)
    problems = sorted(problems + found)
    if session is None or problems:
        count = len(problems)
        plural = "s" if count != 1 else ""
        raise ShareError(f"{source} has {count} problem{plural}; nothing imported", 1, problems)
    existing = user_file(locations, name)
    builtin = any((locations.builtin_sessions / f"{name}{s}").is_file() for s in SUFFIXES)
    if (existing or builtin) and not force:
        raise ShareError(_clash(locations, name, builtin and not existing))
    sounds = _used(session, sounds)
    _check_sound_clashes(locations, sounds, force)
    path = existing or locations.user_sessions / f"{name}.yaml"
    text = with_schema_line(_body(body if isinstance(body, str) else body.decode("utf-8-sig")))
    ensure_schema(locations)
    _write_sounds(locations, sounds)
    save_text(path, text, expected=NOT_CHECKED, builtin_dir=locations.builtin_sessions)
    return Imported(name, path, session.title, existing is not None, builtin, tuple(sounds))


def _used(session: Session, sounds: dict[str, bytes]) -> dict[str, bytes]:
    """Only the carried sounds the session plays: a file cannot put others in the
    sounds folder, where every session would find them."""
    from .sound_files import file_name

    names = set(session.cues.values())
    for exercise in session.exercises:
        names.update(exercise.cues.values())
    wanted = {file_name(name).casefold() for name in names}
    return {sound: content for sound, content in sounds.items() if sound.casefold() in wanted}


def _check_sound_clashes(locations: Locations, sounds: dict[str, bytes], force: bool) -> None:
    """A carried sound replaces a different one only on --force: the user's own of that
    name, or a built-in cue (the user's folder is looked in first, by every session)."""
    for sound, content in sounds.items():
        target = locations.user_sounds / sound
        if force or (target.is_file() and target.read_bytes() == content):
            continue
        if target.is_file():
            raise ShareError(
                f"your sounds folder has a different {sound}; add --force to replace it "
                "with the one in this file"
            )
        builtin = locations.builtin_sounds / sound
        if builtin.is_file() and builtin.read_bytes() != content:
            raise ShareError(
                f"this file carries its own {sound}, which would replace the built-in "
                f"{sound} cue in all your sessions; add --force to allow it"
            )


def _write_sounds(locations: Locations, sounds: dict[str, bytes]) -> None:
    from .session.save import write_atomic

    for sound, content in sounds.items():
        target = locations.user_sounds / sound
        if not (target.is_file() and target.read_bytes() == content):
            write_atomic(target, content)


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
