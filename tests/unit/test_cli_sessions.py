"""`tuitrainer new` and `edit` with --editor: the file is made, edited outside, then checked."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from tuitrainer.cli import main
from tuitrainer.session import load_session
from tuitrainer.session.dump import SCHEMA_LINE


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def fake_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str) -> None:
    """$EDITOR: a script that replaces one text in the file it is given."""
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        f"p.write_text(p.read_text().replace({old!r}, {new!r}))\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    monkeypatch.delenv("VISUAL", raising=False)


def test_new_with_an_editor_checks_the_file_when_it_exits(data_dir, tmp_path, monkeypatch):
    fake_editor(tmp_path, monkeypatch, "reps: 10", "reps: 0")
    code, out, err = run("new", "mine", "--editor")
    path = data_dir / "sessions" / "mine.yaml"
    assert code == 1
    assert out == f"{path}:9:11: reps must be at least 1, not 0\n"
    assert "listed as invalid" in err
    assert path.read_text().splitlines()[0] == SCHEMA_LINE
    assert (data_dir / "session.schema.json").is_file()
    # The session list shows it invalid with its first problem.
    code, out, _ = run("sessions")
    assert "mine               INVALID  user" in out and "reps must be at least 1" in out

    fake_editor(tmp_path, monkeypatch, "reps: 0", "reps: 6")
    code, out, err = run("edit", "mine", "--editor")
    assert (code, out) == (0, "")
    assert "mine.yaml is valid" in err
    assert load_session(path, sound_dirs=[]).exercises[0].reps["left"].high == 6


def test_new_from_a_session_copies_it(data_dir, tmp_path, monkeypatch):
    fake_editor(tmp_path, monkeypatch, "nothing", "nothing")
    code, _, err = run("new", "short-hips", "--from", "hip-mobility", "--editor")
    assert code == 0, err
    session = load_session(data_dir / "sessions" / "short-hips.yaml", sound_dirs=[])
    assert session.title == "Short hips" and len(session.exercises) == 4


def test_new_and_edit_refuse(data_dir, tmp_path, monkeypatch):
    fake_editor(tmp_path, monkeypatch, "x", "x")
    assert run("new", "mine", "--editor")[0] == 0
    code, _, err = run("new", "mine", "--editor")
    assert code == 2 and "already have a session named 'mine'" in err
    code, _, err = run("new", "hip-mobility")
    assert code == 2 and "--from hip-mobility" in err
    code, _, err = run("new", "../evil")
    assert code == 2 and "cannot be a session name" in err
    code, _, err = run("edit", "hip-mobility", "--editor")
    assert code == 2 and "built-in session and is never changed" in err
    code, _, err = run("edit", "nothing-here")
    assert code == 2 and "no session named 'nothing-here'" in err
    monkeypatch.delenv("EDITOR")
    code, _, err = run("edit", "mine", "--editor")
    assert code == 2 and "set $EDITOR" in err
    monkeypatch.setenv("EDITOR", "vim '")  # quotes that do not pair: a message, not a traceback
    code, _, err = run("edit", "mine", "--editor")
    assert code == 2
    assert (
        err
        == "tuitrainer: $EDITOR is not a command tuitrainer can run (No closing quotation): vim '\n"
    )


def test_new_in_the_app_is_discarded_if_never_saved(data_dir, monkeypatch):
    """`tuitrainer new NAME` opens the file as new: left before a first save, it goes
    again, as a new session from the home screen does (`edit` opens it as kept)."""
    import tuitrainer.cli_common

    opened = []

    def run_app(locations, first_screen) -> int:
        opened.append(first_screen())
        return 0

    monkeypatch.setattr(tuitrainer.cli_common, "run_app", run_app)
    assert run("new", "fresh-one")[0] == 0
    assert run("new", "from-hips", "--from", "hip-mobility")[0] == 0
    assert run("edit", "fresh-one")[0] == 0
    assert [screen.fresh for screen in opened] == [True, True, False]


def test_new_left_in_the_app_before_a_save_says_no_session_was_made(data_dir, monkeypatch):
    # The editor removes a never-saved new file when it is left; the terminal it
    # returns to must not end on "Created ..." for a file that is gone.
    import tuitrainer.cli_common

    def leave_without_saving(locations, first_screen=None, **_):
        (data_dir / "sessions" / "fresh.yaml").unlink()
        return 0

    monkeypatch.setattr(tuitrainer.cli_common, "run_app", leave_without_saving)
    code, _, err = run("new", "fresh")
    assert code == 0
    assert err.splitlines()[-1] == "No session made: fresh was never saved, so its file is gone."
