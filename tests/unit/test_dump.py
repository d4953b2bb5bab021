"""Clean YAML out of a session: it reads back to the same session, and comments are found."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from tuitrainer.locations import builtin_dir
from tuitrainer.session import RepRange, check_text, load_session
from tuitrainer.session.dump import SCHEMA_LINE, comment_lines, dump_session
from tuitrainer.session.edit import set_text, set_value

BUILTINS = sorted(builtin_dir("sessions").glob("*.yaml"))
QUICK = load_session(DATA / "sessions" / "quick.yaml", sound_dirs=[])


def reread(text: str, like):
    session, problems = check_text(text, "x.yaml", like.slug, like.source, sound_dirs=[])
    assert problems == [], text
    return replace(session, path=like.path)


@pytest.mark.parametrize(
    "path", [*BUILTINS, DATA / "sessions" / "quick.yaml"], ids=lambda p: p.stem
)
def test_every_session_round_trips(path):
    session = load_session(path, sound_dirs=[])
    text = dump_session(session)
    assert text.startswith(SCHEMA_LINE + "\n")
    assert reread(text, session) == session


def test_edited_values_round_trip_with_per_side_reps_and_ranges():
    edited = set_text(QUICK, 1, "reps", "4-5/6")
    edited = set_value(edited, 0, "rest_seconds", 12.5)
    text = dump_session(edited)
    assert 'reps: {right: "4-5", left: 6}' in text
    assert "rest_seconds: 12.5" in text
    assert reread(text, edited) == edited


TEXT = st.text(
    # NEL (\x85) is a C1 control: the validator refuses it, like ESC
    st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t\u2028 #:'\""),
    min_size=1,
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(TEXT.map(str.strip).filter(bool))
def test_any_text_reads_back_as_itself(text):
    session = replace(QUICK, title=text, description=text)
    again = reread(dump_session(session), session)
    assert (again.title, again.description) == (text, text)


@pytest.mark.parametrize("text", ["yes", "1:30", "2024-05-01", "a: b", "#x", "x\ny", "null"])
def test_tricky_text_is_quoted(text):
    session = replace(QUICK, title=text)
    assert reread(dump_session(session), session).title == text


def test_comment_lines():
    text = (
        "# yaml-language-server: $schema=../session.schema.json\n"
        "# my notes\n"
        "name: 'A # not a comment'\n"
        "description: plain#text\n"
        "exercises:  # the list\n"
        '  - name: "#quoted"\n'
        "    reps: 3\n"
    )
    assert comment_lines(text) == [2, 5]
    assert comment_lines(dump_session(QUICK)) == []
    assert comment_lines("name: [unclosed # here\n") == [1]


def test_rep_ranges_are_written_as_text():
    edited = set_text(QUICK, 0, "reps", "8-10")
    assert 'reps: "8-10"' in dump_session(edited)
    assert reread(dump_session(edited), edited).exercises[0].reps["left"] == RepRange(8, 10)
