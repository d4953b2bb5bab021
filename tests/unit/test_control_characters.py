"""Control characters in names never reach the terminal, from any screen or command.

`\\x1b]0;owned\\x07` would retitle the terminal window and `\\x1b[2J` wipe the screen;
the validator refuses them in session files, and anything already stored (an old
history) is shown escaped by every command.
"""

from __future__ import annotations

import io
from pathlib import Path

from tuitrainer.cli import main
from tuitrainer.history import HistoryStore
from tuitrainer.locations import Locations
from tuitrainer.plain_text import PrintableWriter, printable
from tuitrainer.session import check_file

HOSTILE = "Hips \x1b]0;owned\x07 \x1b[2J \x9b2J end"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def assert_clean(text: str) -> None:
    for raw in ("\x1b", "\x07", "\x9b"):
        assert raw not in text


def test_printable_shows_each_control_character_as_an_escape() -> None:
    assert printable(HOSTILE) == "Hips \\x1b]0;owned\\x07 \\x1b[2J \\x9b2J end"
    assert printable("two\nlines\tand\u2028more") == "two\nlines and\\u2028more"
    assert printable("a\nb", newlines=False) == "a b"
    assert printable("Straße ストレッチ שלום \u200b") == "Straße ストレッチ שלום \u200b"


def test_a_writer_keeps_line_ends_and_escapes_the_rest() -> None:
    sink = io.StringIO()
    PrintableWriter(sink).write("a\x1b[2J\r\nb\rc\n")
    assert sink.getvalue() == "a\\x1b[2J\r\nb\\x0dc\n"


def test_the_validator_refuses_control_characters_in_every_text(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        'name: "Hips \\e]0;owned\\a"\n'
        "exercises:\n"
        "  - name: Bridge\n"
        "    reps: 3\n"
        "    rep_seconds: 2\n"
        '    tips: ["fine", "wipe \\e[2J"]\n'
        '    setup: "a\\nb\\tc"\n'
    )
    problems = [str(p) for p in check_file(path)[1]]
    assert problems == [
        f"{path}:1:7: name holds control characters (\\x1b, \\x07); they would act on the terminal",
        f"{path}:6:20: tip holds control characters (\\x1b); they would act on the terminal",
    ]


def stored_history(locations: Locations) -> None:
    store, _ = HistoryStore.open(locations.database)
    workout = store.start_workout("hips", HOSTILE, "x", 1.0)
    side = store.side_id(workout, 0, "bridge", HOSTILE, 1, "left", 2)
    store.add_rep(side, 1, "2024-01-01T10:00:00+00:00", 1.0)
    store.finish_side(side, 1, 3.0)
    store.end_workout(workout, "completed")
    store.close()


def test_every_command_shows_a_stored_name_escaped(locations: Locations, tmp_path: Path) -> None:
    stored_history(locations)
    for argv in (
        ["history"],
        ["history", "--csv"],
        ["history", "--json"],
        ["report"],
        ["progress", "--session", "\x1b[2J"],  # the app refuses a pipe: its message is clean
    ):
        code, out, err = run(*argv)
        assert_clean(out + err)
        if argv[0] == "history" and argv[1:] != ["--json"]:
            assert "\\x1b]0;owned\\x07" in out, argv
        if argv == ["report"]:  # shown escaped, and the Markdown escaped too
            assert "\\\\x1b\\]0;owned\\\\x07" in out
    report = tmp_path / "report.md"
    assert run("report", "--output", str(report))[0] == 0
    assert_clean(report.read_text())


def test_sessions_and_plan_never_print_a_file_s_control_characters(locations: Locations) -> None:
    bad = locations.user_sessions / "bad.yaml"
    bad.write_text('name: "x\\e]0;owned\\a"\nexercises:\n  - {name: "y\\e[2J", reps: 1}\n')
    for argv in (["sessions"], ["plan", str(bad)], ["validate", str(bad)], ["run", str(bad)]):
        code, out, err = run(*argv)
        assert_clean(out + err)


def test_no_problem_message_repeats_a_whole_file(tmp_path: Path) -> None:
    """`run /etc/passwd` (or any text file) names the problem, not the file's contents."""
    secret = tmp_path / "secrets.txt"
    secret.write_text(
        "".join(f"user{n}:x:{n}:{n}:secret-{n}:/home/u{n}:/bin/sh\n" for n in range(50))
    )
    for argv in (["run", str(secret)], ["validate", str(secret)], ["plan", str(secret)]):
        code, out, err = run(*argv)
        assert code == 1
        assert "secret-3" not in out + err and len(out + err) < 400
        assert "the session must be a mapping" in out + err
