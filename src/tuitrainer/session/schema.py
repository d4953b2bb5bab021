"""The session file format, said once.

Every field a session file may hold is described here: its kind, bounds,
default and a one-line explanation. The validator checks files against this
table, the JSON Schema is generated from it, and `docs/sessions.md` documents
the same names, so the three can never disagree.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..cue_names import CUE_NAMES
from ..sound_files import NAME_PATTERN as SOUND_NAME_PATTERN  # a plain file name, no ".."

SIDES = ("left", "right", "both")
MODES = ("guided", "self-paced")
SOURCES = ("article", "tuitrainer")  # the source routine, or the app's own suggestion

REP_RANGE_PATTERN = r"^\s*[0-9]+\s*-\s*[0-9]+\s*$"

MAX_REPS = 1000
MAX_SETS = 50
MAX_REP_SECONDS = 600.0
MAX_REST_SECONDS = 3600.0
MAX_TEXT = 2000
MAX_TIPS = 20
MAX_TEMPO_PHASES = 8
MAX_SAY = 20  # a word or two, drawn large


@dataclass(frozen=True)
class Field:
    """One field of a mapping in a session file.

    `kind` is one of: text, seconds, count, reps, sides, mode, source, tips, cues, id.
    `minimum` is inclusive unless `exclusive_minimum` is set.
    """

    name: str
    kind: str
    description: str
    required: bool = False
    default: Any = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: bool = False


SESSION_FIELDS: tuple[Field, ...] = (
    Field("name", "text", "Title shown in the app.", required=True),
    Field("description", "text", "One or two sentences on what the session is for."),
    Field(
        "rest_seconds",
        "seconds",
        "Rest after each exercise (default for every exercise).",
        default=30,
        minimum=0,
        maximum=MAX_REST_SECONDS,
    ),
    Field(
        "get_ready_seconds",
        "seconds",
        "Countdown before each exercise starts.",
        default=10,
        minimum=0,
        maximum=MAX_REST_SECONDS,
    ),
    Field("cues", "cues", "Sound for each cue event, for the whole session."),
    Field("exercises", "exercises", "The exercises, in order (at least one).", required=True),
)

EXERCISE_FIELDS: tuple[Field, ...] = (
    Field("name", "text", "Name shown in the app.", required=True),
    Field("id", "id", "Unique id within the session; defaults to the name as a slug."),
    Field(
        "sides",
        "sides",
        "Sides in order: [left, right], [right, left], [left], [right] or [both].",
        default=["left", "right"],
    ),
    Field(
        "sets",
        "count",
        "How many times the sides are worked through.",
        default=1,
        minimum=1,
        maximum=MAX_SETS,
    ),
    Field(
        "reps",
        "reps",
        'Reps per side: a number, a range such as "8-10", or {left: 10, right: 12}.',
        required=True,
    ),
    Field(
        "mode",
        "mode",
        "guided: the app paces each rep; self-paced: you log each rep.",
        default="guided",
    ),
    Field(
        "rep_seconds",
        "seconds",
        "Seconds of movement per rep (the guided tempo).",
        default=4,
        minimum=0,
        maximum=MAX_REP_SECONDS,
        exclusive_minimum=True,
    ),
    Field(
        "hold_seconds",
        "seconds",
        "Seconds to hold the end position in each rep.",
        default=0,
        minimum=0,
        maximum=MAX_REP_SECONDS,
    ),
    Field(
        "tempo",
        "tempo",
        "The parts of a guided rep, each a word shown large and its seconds; "
        "default: lift, hold (if hold_seconds), lower, from rep_seconds.",
    ),
    Field(
        "side_rest_seconds",
        "seconds",
        "Pause between the two sides.",
        default=10,
        minimum=0,
        maximum=MAX_REST_SECONDS,
    ),
    Field(
        "set_rest_seconds",
        "seconds",
        "Rest between sets.",
        default=20,
        minimum=0,
        maximum=MAX_REST_SECONDS,
    ),
    Field(
        "rest_seconds",
        "seconds",
        "Rest after this exercise; overrides the session's.",
        minimum=0,
        maximum=MAX_REST_SECONDS,
    ),
    Field(
        "get_ready_seconds",
        "seconds",
        "Countdown before this exercise; overrides the session's.",
        minimum=0,
        maximum=MAX_REST_SECONDS,
    ),
    Field("setup", "text", "The start position, in a line or two."),
    Field("tips", "tips", "Coaching tips, shown in turn while a side runs."),
    Field("modification", "text", "An easier (or harder) variant."),
    Field(
        "source",
        "source",
        "Whose exercise, cues and dose: article (the source routine) or tuitrainer"
        " (the app's own suggestion); with either, times are tuitrainer's.",
    ),
    Field(
        "modification_source",
        "source",
        "Whose modification: article or tuitrainer; defaults to source.",
    ),
    Field("cues", "cues", "Sound for each cue event, for this exercise only."),
    Field(
        "poses",
        "poses",
        "Its figure: a built-in pose id, or {view, start, end, floor} of its own "
        "(default: the built-in pose of the exercise's id).",
    ),
    Field("say", "text", "How the voice says the exercise's name, if not as it is written."),
)


def _seconds_schema(field: Field) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "number"}
    if field.minimum is not None:
        key = "exclusiveMinimum" if field.exclusive_minimum else "minimum"
        schema[key] = field.minimum
    if field.maximum is not None:
        schema["maximum"] = field.maximum
    return schema


_REP_RANGE = {"type": "string", "pattern": REP_RANGE_PATTERN}
_REP_COUNT = {"type": "integer", "minimum": 1, "maximum": MAX_REPS}


def _field_schema(field: Field) -> dict[str, Any]:
    """The JSON Schema of one field, by its kind."""
    kind = field.kind
    if kind == "text":
        schema: dict[str, Any] = {
            "type": "string",
            "minLength": 1,
            "maxLength": MAX_TEXT,
            "pattern": r"\S",
        }
    elif kind == "seconds":
        schema = _seconds_schema(field)
    elif kind == "count":
        schema = {"type": "integer", "minimum": field.minimum, "maximum": field.maximum}
    elif kind == "id":
        schema = {"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"}
    elif kind == "sides":
        schema = {
            "oneOf": [
                {
                    "type": "array",
                    "items": {"enum": ["left", "right"]},
                    "minItems": 1,
                    "maxItems": 2,
                    "uniqueItems": True,
                },
                {"type": "array", "items": {"const": "both"}, "minItems": 1, "maxItems": 1},
            ]
        }
    elif kind == "reps":
        one = {"oneOf": [_REP_COUNT, _REP_RANGE]}
        schema = {
            "oneOf": [
                _REP_COUNT,
                _REP_RANGE,
                {
                    "type": "object",
                    "properties": {"left": one, "right": one},
                    "additionalProperties": False,
                    "minProperties": 1,
                },
            ]
        }
    elif kind == "mode":
        schema = {"enum": list(MODES)}
    elif kind == "source":
        schema = {"enum": list(SOURCES)}
    elif kind == "tips":
        tip = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT, "pattern": r"\S"}
        schema = {"oneOf": [tip, {"type": "array", "items": tip, "maxItems": MAX_TIPS}]}
    elif kind == "cues":
        schema = {
            "type": "object",
            "properties": {
                event: {"type": "string", "pattern": SOUND_NAME_PATTERN} for event in CUE_NAMES
            },
            "additionalProperties": False,
        }
    elif kind == "poses":
        from ..poses.schema import pose_schema

        schema = {"oneOf": [{"type": "string", "pattern": r"^[a-z0-9][a-z0-9-]*$"}, pose_schema()]}
    elif kind == "tempo":
        phase = {
            "type": "object",
            "properties": {
                "say": {"type": "string", "minLength": 1, "maxLength": MAX_SAY, "pattern": r"\S"},
                "seconds": {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_REP_SECONDS},
            },
            "required": ["say", "seconds"],
            "additionalProperties": False,
        }
        schema = {"type": "array", "items": phase, "minItems": 1, "maxItems": MAX_TEMPO_PHASES}
    elif kind == "exercises":
        schema = {"type": "array", "minItems": 1, "items": _object_schema(EXERCISE_FIELDS)}
    else:  # pragma: no cover - the table above is closed
        raise ValueError(f"unknown field kind {kind!r}")
    schema["description"] = field.description
    if field.default is not None:
        schema["default"] = field.default
    return schema


def _object_schema(fields: tuple[Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {field.name: _field_schema(field) for field in fields},
        "required": [field.name for field in fields if field.required],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a session file, for editors and `tuitrainer schema`."""
    schema = _object_schema(SESSION_FIELDS)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://tuitrainer.invalid/session.schema.json",
        "title": "tuitrainer session",
        **schema,
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2) + "\n"
