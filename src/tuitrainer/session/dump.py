"""Session -> clean YAML text, the way a person would write it.

Saving a plan writes a whole new file: fields in the documented order, each
exercise's pauses only where they differ from the session's defaults, text
quoted only where YAML 1.1 needs it. The result reads back through the
validator to an equal session (the tests check this for every built-in one).
A rewrite cannot keep comments, so `comment_lines` finds them first.
"""

from __future__ import annotations

import re

import yaml

from ..locations import SCHEMA_FILE
from .model import Exercise, RepRange, Session

SCHEMA_LINE = f"# yaml-language-server: $schema=../{SCHEMA_FILE}"
_SCHEMA_COMMENT = re.compile(r"^\s*#\s*yaml-language-server:")
_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")  # line breaks to YAML 1.1


def scalar(value: str) -> str:
    """A text as a YAML scalar: plain when safe, quoted when YAML would misread it."""
    # PyYAML picks a style it reads back the same; the `k: ` is then cut off again.
    # Line breaks go double-quoted and escaped, so the value stays on one line.
    style = '"' if any(mark in value for mark in _BREAKS) else None
    out = yaml.safe_dump(
        {"k": value}, default_style=style, allow_unicode=True, width=2**31, sort_keys=False
    )
    return out.rstrip("\n").split(": ", 1)[1]


def number(value: float) -> str:
    """`30.0` -> `30`, `2.5` -> `2.5`."""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def _range(reps: RepRange) -> str:
    return str(reps.high) if reps.low == reps.high else f'"{reps}"'


def reps_text(exercise: Exercise) -> str:
    """One count or range for every side, else `{left: .., right: ..}`."""
    ranges = [exercise.reps[side] for side in exercise.sides]
    if all(r == ranges[0] for r in ranges):
        return _range(ranges[0])
    inner = ", ".join(f"{side}: {_range(exercise.reps[side])}" for side in exercise.sides)
    return "{" + inner + "}"


def _cues(cues: dict[str, str], indent: str) -> list[str]:
    if not cues:
        return []
    return [f"{indent}cues:"] + [
        f"{indent}  {event}: {scalar(name)}" for event, name in cues.items()
    ]


def _tempo(exercise: Exercise, pad: str) -> list[str]:
    phases = (f"{{say: {scalar(p.say)}, seconds: {number(p.seconds)}}}" for p in exercise.tempo)
    return [f"{pad}tempo: [{', '.join(phases)}]"] if exercise.tempo else []


def _exercise_lines(exercise: Exercise, session: Session) -> list[str]:
    pad = "    "
    lines = [
        f"  - name: {scalar(exercise.name)}",
        f"{pad}id: {exercise.id}",
        f"{pad}sides: [{', '.join(exercise.sides)}]",
        f"{pad}sets: {exercise.sets}",
        f"{pad}reps: {reps_text(exercise)}",
        f"{pad}mode: {exercise.mode}",
        f"{pad}rep_seconds: {number(exercise.rep_seconds)}",
        f"{pad}hold_seconds: {number(exercise.hold_seconds)}",
        *_tempo(exercise, pad),
        f"{pad}side_rest_seconds: {number(exercise.side_rest_seconds)}",
        f"{pad}set_rest_seconds: {number(exercise.set_rest_seconds)}",
    ]
    if exercise.rest_seconds != session.rest_seconds:
        lines.append(f"{pad}rest_seconds: {number(exercise.rest_seconds)}")
    if exercise.get_ready_seconds != session.get_ready_seconds:
        lines.append(f"{pad}get_ready_seconds: {number(exercise.get_ready_seconds)}")
    if exercise.setup:
        lines.append(f"{pad}setup: {scalar(exercise.setup)}")
    if exercise.tips:
        lines.append(f"{pad}tips:")
        lines += [f"{pad}  - {scalar(tip)}" for tip in exercise.tips]
    if exercise.modification:
        lines.append(f"{pad}modification: {scalar(exercise.modification)}")
    if exercise.say:
        lines.append(f"{pad}say: {scalar(exercise.say)}")
    if exercise.source:
        lines.append(f"{pad}source: {exercise.source}")
    if exercise.modification_source:
        lines.append(f"{pad}modification_source: {exercise.modification_source}")
    lines += _cues(exercise.cues, pad)
    if exercise.poses is not None:  # the exercise's own figure, or the one it names
        from ..poses.dump import pose_lines

        lines += pose_lines(exercise.poses, pad, number, scalar)
    return lines


def dump_session(session: Session, header: str | None = SCHEMA_LINE) -> str:
    """The whole session as YAML, starting with the schema comment for editors."""
    lines = [header] if header else []
    lines.append(f"name: {scalar(session.title)}")
    if session.description:
        lines.append(f"description: {scalar(session.description)}")
    lines.append(f"rest_seconds: {number(session.rest_seconds)}")
    lines.append(f"get_ready_seconds: {number(session.get_ready_seconds)}")
    lines += _cues(session.cues, "")
    lines.append("exercises:")
    for position, exercise in enumerate(session.exercises):
        if position:
            lines.append("")
        lines += _exercise_lines(exercise, session)
    return "\n".join(lines) + "\n"


def comment_lines(text: str) -> list[int]:
    """Line numbers (from 1) of the comments in a YAML text, leaving out the schema line.

    A `#` counts when it starts a line or follows a blank, outside any quoted or
    plain value; the YAML scanner gives the spans of values. If the text does not
    scan, every such `#` counts, so that a broken file errs on the side of asking.
    """
    spans: list[tuple[int, int]] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken):
                spans.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        spans = []
    found: list[int] = []
    for match in re.finditer(r"(?:^|(?<=[ \t]))#", text, flags=re.MULTILINE):
        index = match.start()
        if any(start <= index < end for start, end in spans):
            continue
        line = text.count("\n", 0, index) + 1
        start = text.rfind("\n", 0, index) + 1
        end = text.find("\n", index)
        if _SCHEMA_COMMENT.match(text[start : end if end >= 0 else len(text)]):
            continue
        if line not in found:
            found.append(line)
    return found
