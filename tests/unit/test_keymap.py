"""keys.toml: binding ids to keys, checked line by line, never stopping the app."""

from __future__ import annotations

from pathlib import Path

from tuitrainer.keymap import key_problem, load

KNOWN = {"workout.rep", "workout.undo", "home.start"}


def test_keys_replace_a_bindings_defaults(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text('"workout.rep" = "x, pagedown"\n"workout.undo" = "ctrl+z"\n')
    assert load(path, KNOWN) == ({"workout.rep": "x,pagedown", "workout.undo": "ctrl+z"}, [])


def test_no_file_is_the_default_keys(tmp_path: Path) -> None:
    assert load(tmp_path / "keys.toml", KNOWN) == ({}, [])


def test_each_bad_line_is_named_and_left_out(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text(
        "# my keys\n"
        '"workout.rpe" = "x"\n'
        '"workout.undo" = 3\n'
        '"home.start" = "hyperdrive+x"\n'
        '"workout.rep" = "pagedown"\n'
    )
    keymap, problems = load(path, KNOWN)
    assert keymap == {"workout.rep": "pagedown"}
    assert problems == [
        f"{path}:2: unknown binding 'workout.rpe'; did you mean 'workout.rep'?",
        f'{path}:3: workout.undo must be keys in a string, like "x,pagedown"',
        f"{path}:4: home.start: 'hyperdrive' is not a modifier "
        "(use ctrl, shift, alt, meta, super, hyper)",
    ]


def test_a_file_that_is_not_toml_keeps_the_default_keys(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text('"workout.rep" = \n')
    keymap, problems = load(path, KNOWN)
    assert keymap == {}
    assert problems == [f"{path}:1:17: Invalid value; using the default keys"]


def test_a_huge_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text("# " + "x" * 200_000)
    assert load(path, KNOWN)[1] == [f"{path}: larger than 100 KB; using the default keys"]


def test_key_names() -> None:
    for good in ("x", "E", "?", "pagedown", "ctrl+x", "shift+tab", "f5", "question_mark"):
        assert key_problem(good) is None, good
    for bad in ("", "page down", "ctrl+", "foo+x", "\t"):
        assert key_problem(bad) is not None, bad
