"""The session format docs agree with the code.

`docs/sessions.md` and `docs/session.schema.json` are written for users; these
tests keep them from drifting away from `tuitrainer.session.schema`.

Conventions in `docs/sessions.md`:

- A fenced block opened with ```` ```yaml example ```` is a complete session
  file and must be valid.
- A fenced block opened with ```` ```yaml invalid ```` must be refused, and the
  next fenced block (```` ```text ````) shows exactly the problems it gives.
- The tables under "## Session fields" and "## Exercise fields" have one row
  per field: Field | Kind | Default | Allowed | Meaning.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tuitrainer.locations import builtin_dir
from tuitrainer.session import check_text
from tuitrainer.session.schema import (
    CUE_NAMES,
    EXERCISE_FIELDS,
    SESSION_FIELDS,
    Field,
    json_schema,
)

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "sessions.md"
SCHEMA_COPY = REPO / "docs" / "session.schema.json"
REGENERATE = "regenerate it with: tuitrainer schema > docs/session.schema.json"


@dataclass(frozen=True)
class Block:
    """A fenced code block: its info words, its text and the line it opens on."""

    info: tuple[str, ...]
    text: str
    line: int


def _doc_text() -> str:
    return DOC.read_text(encoding="utf-8") if DOC.is_file() else ""


def fenced_blocks(text: str) -> list[Block]:
    """Every ``` block, indented ones (inside list items) included."""
    blocks: list[Block] = []
    opened: tuple[int, str, tuple[str, ...]] | None = None
    body: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.lstrip()
        if opened is None:
            if stripped.startswith("```"):
                indent = line[: len(line) - len(stripped)]
                opened = (number, indent, tuple(stripped[3:].split()))
                body = []
        elif stripped.rstrip() == "```":
            blocks.append(Block(opened[2], "".join(body), opened[0]))
            opened = None
        else:
            body.append(line.removeprefix(opened[1]) + "\n")
    assert opened is None, f"docs/sessions.md:{opened[0]}: fenced block is never closed"
    return blocks


def _blocks(*info: str) -> list[Block]:
    return [b for b in fenced_blocks(_doc_text()) if b.info == info]


EXAMPLES = _blocks("yaml", "example")
INVALID = _blocks("yaml", "invalid")


def _ids(blocks: list[Block]) -> list[str]:
    return [f"sessions.md:{b.line}" for b in blocks]


def _table_rows(heading: str) -> dict[str, list[str]]:
    """Rows of the field table under a `## heading`, by field name."""
    lines = _doc_text().splitlines()
    assert f"## {heading}" in lines, f"docs/sessions.md has no '## {heading}' section"
    start = lines.index(f"## {heading}") + 1
    rows: dict[str, list[str]] = {}
    for line in lines[start:]:
        if line.startswith("## "):
            break
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        match = re.fullmatch(r"`([a-z_]+)`", cells[0]) if line.startswith("|") else None
        if match:
            assert match[1] not in rows, f"{heading}: {match[1]!r} has two rows"
            rows[match[1]] = cells
    return rows


def _shown_default(field: Field) -> str | None:
    if field.required:
        return "(required)"
    if field.default is None:
        return None  # "none", or inherited from the session: said in words
    if isinstance(field.default, list):
        return "[" + ", ".join(field.default) + "]"
    return str(field.default)


# -- (a) the schema copy ------------------------------------------------------


def test_schema_copy_matches_the_code():
    assert SCHEMA_COPY.is_file(), f"docs/session.schema.json is missing; {REGENERATE}"
    copy = json.loads(SCHEMA_COPY.read_text(encoding="utf-8"))
    assert copy == json_schema(), f"docs/session.schema.json is out of date; {REGENERATE}"


def test_builtin_sessions_point_at_the_schema_copy():
    for path in sorted((REPO / "sessions").glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        if match and "://" not in match[1]:
            target = (path.parent / match[1]).resolve()
            assert target == SCHEMA_COPY.resolve(), f"{path.name}: $schema is {match[1]}"


# -- (b) every name is documented ----------------------------------------------


@pytest.mark.parametrize(
    ("heading", "fields"),
    [("Session fields", SESSION_FIELDS), ("Exercise fields", EXERCISE_FIELDS)],
)
def test_every_field_has_a_table_row(heading, fields):
    rows = _table_rows(heading)
    names = [f.name for f in fields]
    missing = [name for name in names if name not in rows]
    unknown = [name for name in rows if name not in names]
    assert not missing, f"{heading}: no row for {missing}"
    assert not unknown, f"{heading}: rows for fields the code does not have: {unknown}"
    for field in fields:
        _, kind, default, allowed, meaning = rows[field.name]
        kind_shown = field.kind if field.kind != "exercises" else "list of exercises"
        assert kind == kind_shown, f"{heading}: {field.name} is of kind {field.kind}"
        shown = _shown_default(field)
        if shown is not None:
            assert default.replace("`", "") == shown, f"{heading}: {field.name} default"
        if field.maximum is not None:
            numbers = re.findall(r"\d+(?:\.\d+)?", allowed)
            assert f"{field.maximum:g}" in numbers, f"{heading}: {field.name} maximum"
        assert meaning, f"{heading}: {field.name} has no meaning"


def test_every_cue_event_is_documented():
    text = _doc_text()
    missing = [event for event in CUE_NAMES if f"| `{event}` |" not in text]
    assert not missing, f"docs/sessions.md: the cue events table lacks {missing}"


# -- (c) the examples are what they claim -----------------------------------------


def test_the_docs_have_examples():
    assert EXAMPLES, "docs/sessions.md has no ```yaml example block"
    assert INVALID, "docs/sessions.md has no ```yaml invalid block"


@pytest.mark.parametrize("block", EXAMPLES, ids=_ids(EXAMPLES))
def test_example_is_a_valid_session(block):
    session, problems = check_text(block.text, f"docs/sessions.md (example at {block.line})")
    assert not problems, "\n".join(str(p) for p in problems)
    assert session is not None


@pytest.mark.parametrize("block", INVALID, ids=_ids(INVALID))
def test_invalid_example_gives_the_problems_shown(block):
    blocks = fenced_blocks(_doc_text())
    following = blocks[blocks.index(block) + 1 :]
    assert following and following[0].info == ("text",), (
        f"docs/sessions.md:{block.line}: a ```yaml invalid block is followed by the "
        "```text block of its problems"
    )
    shown = following[0].text.splitlines()
    path = shown[0].split(":", 1)[0]
    session, problems = check_text(block.text, path)
    assert session is None
    assert [str(p) for p in problems] == shown


# -- (d) the JSON Schema accepts what ships ----------------------------------------

SCHEMA_CASES = [
    *[
        pytest.param(p.read_text(encoding="utf-8"), id=p.name)
        for p in sorted(builtin_dir("sessions").glob("*.yaml"))
    ],
    *[pytest.param(b.text, id=f"sessions.md:{b.line}") for b in EXAMPLES],
]


def test_there_are_builtin_sessions():
    assert sorted(builtin_dir("sessions").glob("*.yaml"))


@pytest.mark.parametrize("text", SCHEMA_CASES)
def test_json_schema_accepts(text):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json_schema()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = [
        f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
        for e in validator_class(schema).iter_errors(yaml.safe_load(text))
    ]
    assert not errors, "\n".join(errors)
