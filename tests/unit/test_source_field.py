"""The `source` and `modification_source` fields: checked, in the schema, written back."""

from __future__ import annotations

from tuitrainer.session import check_text
from tuitrainer.session.dump import dump_session
from tuitrainer.session.schema import json_schema

GOOD = """\
name: Mine
exercises:
  - name: Clam
    reps: 10
    modification: Smaller.
    source: article
    modification_source: tuitrainer
"""


def test_source_fields_are_read_and_written_back() -> None:
    session, problems = check_text(GOOD, "mine.yaml")
    assert problems == [] and session is not None
    [clam] = session.exercises
    assert (clam.source, clam.modification_source) == ("article", "tuitrainer")
    again, problems = check_text(dump_session(session), "again.yaml")
    assert problems == [] and again is not None
    assert again.exercises[0].modification_source == "tuitrainer"


def test_an_unknown_source_is_a_problem_at_its_place() -> None:
    text = GOOD.replace("source: article", "source: artcle")
    _, problems = check_text(text, "mine.yaml")
    assert [str(p) for p in problems] == [
        "mine.yaml:6:13: source must be article or tuitrainer, not the text 'artcle'"
        " (did you mean 'article'?)"
    ]
    _, problems = check_text(GOOD.replace("tuitrainer", "yes"), "mine.yaml")
    assert [str(p)[:47] for p in problems] == ["mine.yaml:7:26: modification_source must be art"]


def test_the_schema_knows_both_values() -> None:
    fields = json_schema()["properties"]["exercises"]["items"]["properties"]
    assert fields["source"]["enum"] == ["article", "tuitrainer"]
    assert fields["modification_source"]["enum"] == ["article", "tuitrainer"]
