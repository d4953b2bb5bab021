"""New user session files: from a template or as a copy, with the schema line on top.

Every file made here starts with a `# yaml-language-server` comment pointing
at a copy of the JSON Schema kept in the data folder, so the user's own editor
checks the file as they type, as the app does.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..locations import Locations
from .dump import SCHEMA_LINE, scalar
from .files import SUFFIXES

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
_SCHEMA_COMMENT = re.compile(r"^\s*#\s*yaml-language-server:.*$")

TEMPLATE = """{schema}
name: {title}
description: What this session is for, in a sentence or two.
rest_seconds: 30          # rest after each exercise
get_ready_seconds: 10     # countdown before each exercise
exercises:
  - name: Fire hydrant
    sides: [left, right]
    reps: 10
    rep_seconds: 4
    setup: On hands and knees, hands under shoulders, knees under hips.
    tips:
      - Lift the bent knee out to the side, then lower it.
      - Keep the hips still.

  - name: Cat-cow
    sides: [both]
    reps: 8
    rep_seconds: 5
"""


class BadName(ValueError):
    """A session name that cannot be a file name, or is taken."""


def check_name(name: str) -> str:
    """A session name is a file stem: letters, digits, `-` and `_`, at most 64."""
    if len(name) > 64:
        raise BadName(f"a session name is at most 64 characters, not {len(name)}")
    if not _NAME.match(name):
        raise BadName(
            f"{name!r} cannot be a session name; use letters, digits, '-' and '_' "
            "(for example my-hips), starting with a letter or digit"
        )
    return name


def user_file(locations: Locations, name: str) -> Path | None:
    """The user's file for a session name, if there is one."""
    for suffix in SUFFIXES:
        path = locations.user_sessions / f"{name}{suffix}"
        if path.is_file():
            return path
    return None


def title_of(name: str) -> str:
    """`my-hips` -> `My hips`: a first title the user will likely change."""
    words = re.sub(r"[-_]+", " ", name).strip()
    return words[:1].upper() + words[1:]


def ensure_schema(locations: Locations) -> Path:
    """Write the schema copy the files point at, when missing or out of date."""
    from .schema import json_schema_text

    path = locations.schema_copy
    text = json_schema_text()
    try:
        current = path.read_text(encoding="utf-8")
    except OSError:
        current = None
    if current != text:
        from .save import write_atomic

        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
    return path


def template_text(title: str) -> str:
    return TEMPLATE.format(schema=SCHEMA_LINE, title=scalar(title))


def with_schema_line(text: str) -> str:
    """The text with our schema comment as its first line, replacing any other one."""
    lines = text.splitlines(keepends=True)
    if lines and _SCHEMA_COMMENT.match(lines[0]):
        lines = lines[1:]
    return SCHEMA_LINE + "\n" + "".join(lines)


def retitled(text: str, title: str) -> str:
    """The same text with the top-level `name` value replaced; comments stay as they were."""
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return text
    if not isinstance(root, yaml.MappingNode):
        return text
    for key, value in root.value:
        if key.value == "name" and isinstance(value, yaml.ScalarNode):
            start, end = value.start_mark.index, value.end_mark.index
            if "\n" in text[start:end]:
                return text
            return text[:start] + scalar(title) + text[end:]
    return text


def copy_text(source_text: str, source_slug: str, name: str) -> str:
    """A copy of another session's file for `name`.

    Under the same name the copy shadows the original and keeps its title; under
    a new one it takes a title from the name, so the two are told apart in lists.
    """
    text = source_text if name == source_slug else retitled(source_text, title_of(name))
    return with_schema_line(text)


def name_problem(name: str) -> str | None:
    """Why `name` cannot be a session name at all, or None when it can."""
    try:
        check_name(name)
    except BadName as error:
        return str(error)
    return None


def new_name_problem(locations: Locations, name: str, shadow: bool = False) -> str | None:
    """Why `name` cannot be a new session of the user's, or None when it can."""
    if problem := name_problem(name):
        return problem
    if user_file(locations, name) is not None:
        return f"you already have a session named {name!r}"
    if not shadow and any((locations.builtin_sessions / f"{name}{s}").is_file() for s in SUFFIXES):
        return (
            f"{name} is a built-in session; to make your own version of it, "
            f"copy it: tuitrainer new {name} --from {name}"
        )
    return None


def free_name(locations: Locations, wanted: str) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`... the first that names no session yet."""
    base = wanted[:58]
    candidate, number = wanted, 2
    while new_name_problem(locations, candidate) is not None and number < 10_000:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def new_file(locations: Locations, name: str, text: str, shadow: bool = False) -> Path:
    """Write a new user session file (never over an existing one) and the schema copy.

    A new file named like a built-in session would hide it: only a copy of it
    (`shadow`) may do that, so nobody replaces a built-in session by accident.
    """
    from .save import save_text

    problem = new_name_problem(locations, name, shadow)
    if problem is not None:
        raise BadName(problem)
    ensure_schema(locations)
    path = locations.user_sessions / f"{name}.yaml"
    save_text(path, text, expected=None, builtin_dir=locations.builtin_sessions)
    return path
