"""New user session files: the template and copies are valid and point editors at the schema."""

from __future__ import annotations

import json

import pytest

from tuitrainer.locations import Locations
from tuitrainer.session import check_text
from tuitrainer.session.create import (
    BadName,
    check_name,
    copy_text,
    ensure_schema,
    new_file,
    template_text,
)
from tuitrainer.session.dump import SCHEMA_LINE
from tuitrainer.session.schema import json_schema


def test_the_template_is_valid_and_starts_with_the_schema_line():
    text = template_text("My hips")
    assert text.splitlines()[0] == SCHEMA_LINE
    session, problems = check_text(text, "my-hips.yaml", sound_dirs=[])
    assert problems == []
    assert session.title == "My hips"


def test_a_copy_keeps_comments_and_takes_a_new_title(locations: Locations):
    source = (locations.builtin_sessions / "hip-mobility.yaml").read_text()
    copy = copy_text(source, "hip-mobility", "short-hips")
    assert copy.splitlines()[0] == SCHEMA_LINE
    assert "# Hip mobility: four exercises" in copy
    session, problems = check_text(copy, "short-hips.yaml", sound_dirs=[])
    assert problems == [] and session.title == "Short hips"
    same = copy_text(source, "hip-mobility", "hip-mobility")
    assert check_text(same, "hip-mobility.yaml", sound_dirs=[])[0].title == "Hip mobility"


def test_new_file_writes_the_schema_copy_and_never_replaces(locations: Locations):
    path = new_file(locations, "mine", template_text("Mine"))
    assert path == locations.user_sessions / "mine.yaml"
    schema = json.loads((locations.data_dir / "session.schema.json").read_text())
    assert schema == json_schema()
    # The schema line resolves from the sessions folder to that copy.
    assert (path.parent / "../session.schema.json").resolve() == (
        locations.data_dir / "session.schema.json"
    ).resolve()
    with pytest.raises(BadName, match="already have"):
        new_file(locations, "mine", template_text("Other"))
    assert "Mine" in path.read_text()


def test_a_new_file_never_hides_a_builtin_session_by_accident(locations: Locations):
    with pytest.raises(BadName, match="built-in session"):
        new_file(locations, "hip-mobility", template_text("Mine"))
    assert not (locations.user_sessions / "hip-mobility.yaml").exists()
    source = (locations.builtin_sessions / "hip-mobility.yaml").read_text()
    copy = new_file(
        locations, "hip-mobility", copy_text(source, "hip-mobility", "hip-mobility"), shadow=True
    )
    assert copy == locations.user_sessions / "hip-mobility.yaml"


def test_ensure_schema_rewrites_a_stale_copy(locations: Locations):
    (locations.data_dir / "session.schema.json").write_text("{}")
    ensure_schema(locations)
    assert json.loads((locations.data_dir / "session.schema.json").read_text()) == json_schema()


@pytest.mark.parametrize("name", ["", "-x", "a/b", "..", "a b", "x" * 65, "ü"])
def test_bad_names(name):
    with pytest.raises(BadName):
        check_name(name)
