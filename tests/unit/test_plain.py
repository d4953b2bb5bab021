"""Plain mode: a whole workout as appended lines, driven by keys on a clock the test moves.

The transcript is asserted exactly: it is what a screen reader reads aloud.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from tests.conftest import FakeClock
from tuitrainer.audio.outputs import SilentOutput
from tuitrainer.config import Preferences
from tuitrainer.history import HistoryStore
from tuitrainer.locations import Locations, builtin_dir
from tuitrainer.plain.keys import END
from tuitrainer.plain.lines import KEYS_HELP
from tuitrainer.plain.runner import run_plain
from tuitrainer.session import load_session

QUICK = Path(__file__).resolve().parent.parent / "data" / "sessions" / "quick.yaml"


class ScriptedKeys:
    """Keys pressed at given clock times; the clock moves while the runner waits."""

    interactive = False

    def __init__(self, clock: FakeClock, script: list[tuple[float, str]]) -> None:
        self.clock = clock
        self.script = list(script)

    def read(self, timeout: float | None) -> str | None:
        if not self.script:
            if timeout is not None:
                self.clock.advance(timeout)
            return END
        at, key = self.script[0]
        if timeout is not None and at > self.clock.now + timeout:
            self.clock.advance(timeout)
            return None
        self.clock.now = max(self.clock.now, at)
        self.script.pop(0)
        return key

    def read_line(self, prompt_timeout: float | None = None) -> str | None:
        return None


def run(
    locations: Locations, clock: FakeClock, script: list[tuple[float, str]], path: Path = QUICK
) -> list[str]:
    out = io.StringIO()
    store, _ = HistoryStore.open(locations.database)
    session = load_session(path)
    keys = ScriptedKeys(clock, [(clock.now + at, key) for at, key in script])
    prefs = Preferences()
    code = run_plain(
        session, store, locations, prefs, keys, out,
        clock=clock, sleep=clock.advance, output=SilentOutput(),
    )  # fmt: skip
    store.close()
    assert code == 0
    assert "\x1b" not in out.getvalue()
    return out.getvalue().splitlines()


def test_a_whole_workout_as_lines(locations: Locations, clock: FakeClock) -> None:
    # Start; the guided side counts itself; on the self-paced sides, log the reps.
    script = [(0, " ")]
    # Guided: 4 s get-ready, 6 s a side, 3 s to switch, 5 s rest, 4 s get-ready: the
    # self-paced right side starts at 28 s, its left side 3 s after its last rep.
    script += [(t, " ") for t in (30, 31, 33)]  # right side of reach and rotate: 3 reps
    script += [(t, " ") for t in (38, 40)]  # left side: 2 reps
    lines = run(locations, clock, script)
    assert lines == [
        "Quick test: 2 exercises, about 0:46.",
        KEYS_HELP,
        "Press space to start.",
        "Get ready: Fire hydrant, left side, 4 seconds. Start position: Hands and knees.",
        "Fire hydrant. Left side. 3 reps. Go.",
        "Tip: Brace your core.",
        "Rep 1 of 3.",
        "Rep 2 of 3.",
        "Rep 3 of 3.",
        "Left side done: 3 of 3 reps, 0:06.",
        "Switch to the right side: 3 seconds.",
        "Fire hydrant. Right side. 3 reps. Go.",
        "Tip: Brace your core.",
        "Rep 1 of 3.",
        "Rep 2 of 3.",
        "Rep 3 of 3.",
        "Right side done: 3 of 3 reps, 0:06.",
        "Rest, 5 seconds. Next: Reach and rotate, right side.",
        "Get ready: Reach and rotate, right side, 4 seconds. Start position: Hands and knees.",
        "Reach and rotate. Right side. 3 reps. Go. Press space for each rep.",
        "Tip: Follow your hand with your eyes.",
        "Rep 1 of 3.",
        "Rep 2 of 3.",
        "Rep 3 of 3.",
        "Right side done: 3 of 3 reps, 0:05.",
        "Switch to the left side: 3 seconds.",
        "Reach and rotate. Left side. 2 reps. Go. Press space for each rep.",
        "Tip: Follow your hand with your eyes.",
        "Rep 1 of 2.",
        "Rep 2 of 2.",
        "Left side done: 2 of 2 reps, 0:04.",
        "Workout over. Well done. That is the session finished.",
        "Fire hydrant, left: 3 of 3 reps.",
        "Fire hydrant, right: 3 of 3 reps.",
        "Reach and rotate, right: 3 of 3 reps.",
        "Reach and rotate, left: 2 of 2 reps.",
        "Total: 11 of 11 reps.",
    ]
    store, _ = HistoryStore.open(locations.database)
    row = store.conn.execute("SELECT status FROM workouts").fetchone()
    assert row["status"] == "completed"
    store.close()


def test_keys_that_change_the_run(locations: Locations, clock: FakeClock) -> None:
    # At 5 s (guided left side): l, p, l (paused: the time stands), p, n skips the side;
    # t shows the easier variant; u on a guided side says why; q ends (no question
    # from a pipe).
    script = [(0, " "), (5, "l"), (5.5, "p"), (9, "l"), (9.5, "p"), (10, "n"), (10.5, "t")]
    script += [(11, "u"), (11.5, "?"), (12, "q")]
    lines = run(locations, clock, script)
    start = lines.index("Tip: Brace your core.")
    assert lines[start + 1 :] == [
        "0:05 left in this part; about 0:41 to the end.",
        "Paused. Press p to go on.",
        "0:05 left in this part; about 0:41 to the end.",  # paused: the time stands
        "Going on.",
        "Rep 1 of 3.",
        "Left side done: 1 of 3 reps, 0:02.",
        "Switch to the right side: 3 seconds.",
        "Easier: Lift the knee only a little.",
        "No logged rep to undo here.",
        KEYS_HELP,
        "Workout over. Ended early, with 4 sides below the target. What you did is kept.",
        "Fire hydrant, left: 1 of 3 reps (short).",
        "Fire hydrant, right: 0 of 3 reps (short).",
        "Reach and rotate, right: 0 of 3 reps (short).",
        "Reach and rotate, left: 0 of 2 reps (short).",
        "Total: 1 of 11 reps.",
    ]


def test_when_the_input_ends_a_self_paced_side_is_not_waited_for(
    locations: Locations, clock: FakeClock
) -> None:
    lines = run(locations, clock, [(0, " "), (29, " ")])
    at = lines.index(
        "Rep 1 of 3.",
        lines.index("Reach and rotate. Right side. 3 reps. Go. Press space for each rep."),
    )
    assert lines[at + 1 : at + 3] == [
        "Input ended: the workout is stopped. What you did is kept.",
        "Right side done: 1 of 3 reps, 0:01.",
    ]


def test_an_unfinished_workout_is_offered_and_goes_on(
    locations: Locations, clock: FakeClock
) -> None:
    run(locations, clock, [(0, " "), (29, " ")])  # stopped at input's end: not unfinished
    store, _ = HistoryStore.open(locations.database)
    store.conn.execute("UPDATE workouts SET status = 'running', ended_at = NULL")
    store.conn.commit()
    store.close()
    lines = run(locations, clock, [(0, "r"), (0.5, " "), (10, "q")])
    assert lines[0].startswith("Quick test from ")
    assert lines[0].endswith("stopped before it was finished (7 reps logged).")
    assert lines[1] == "r: go on where it stopped, s: start afresh (it is closed), q: leave."
    assert "Reach and rotate. Right side. 3 reps. Go. Press space for each rep." in lines
    assert "Fire hydrant. Left side. 3 reps. Go." not in lines


def test_when_the_input_ends_tips_that_rotate_do_not_keep_a_self_paced_side_waiting(
    locations: Locations, clock: FakeClock, tmp_path: Path
) -> None:
    # A self-paced side with several tips has a next moment (the next tip) all the
    # time; with no key left to come it must still stop, not print tips for ever.
    text = QUICK.read_text(encoding="utf-8").replace(
        "tips: [Follow your hand with your eyes.]",
        "tips: [Follow your hand with your eyes., Breathe out as you turn., Go slowly.]",
    )
    session_file = tmp_path / "tips.yaml"
    session_file.write_text(text, encoding="utf-8")
    out = io.StringIO()
    store, _ = HistoryStore.open(locations.database)
    keys = ScriptedKeys(clock, [(clock.now, " ")])
    run_plain(
        load_session(session_file), store, locations, Preferences(), keys, out,
        clock=clock, sleep=clock.advance, output=SilentOutput(),
    )  # fmt: skip
    store.close()
    lines = out.getvalue().splitlines()
    assert "Reach and rotate. Right side. 3 reps. Go. Press space for each rep." in lines
    assert "Input ended: the workout is stopped. What you did is kept." in lines
    assert len(lines) < 60


def test_keys_pressed_together_on_a_terminal_each_count() -> None:
    # Two quick spaces (or a clicker's repeat) reach the program in one read; an
    # arrow key in between is a sequence of bytes that means nothing here.
    from tuitrainer.plain.keys import TerminalKeys

    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"  \x1b[Bu\r")
        with os.fdopen(read_end, closefd=False) as stream:
            keys = TerminalKeys(stream)
            assert [keys.read(0) for _ in range(5)] == [" ", " ", "u", " ", None]
    finally:
        os.close(read_end)
        os.close(write_end)


def test_a_notice_while_a_question_waits_does_not_run_into_it(
    locations: Locations, clock: FakeClock
) -> None:
    # The sound device is looked for in the background; its notice may come while the
    # pain question waits on its line. A screen reader must get both apart.
    from tuitrainer.plain.runner import PlainRunner
    from tuitrainer.workouts import Workouts

    out = io.StringIO()
    store, _ = HistoryStore.open(locations.database)

    class Answering:
        interactive = True

        def read(self, timeout: float | None) -> str | None:
            return END

        def read_line(self, prompt_timeout: float | None = None) -> str | None:
            runner.say("Sound: off, no sound device")
            out.write("3\n")  # the terminal's echo of the answer
            return "3"

    workouts = Workouts(store, locations, Preferences(), clock=clock)
    runner = PlainRunner(workouts, Answering(), out, clock)
    assert runner.ask_pain("before you start") == 3
    store.close()
    assert out.getvalue().splitlines() == [
        "Pain before you start, 0 to 10 (Enter skips): ",
        "Sound: off, no sound device",
        "Pain before you start, 0 to 10 (Enter skips): 3",
    ]


def test_the_resume_question_shows_a_title_from_the_history_escaped(
    locations: Locations, clock: FakeClock
) -> None:
    # An old history row may hold a title written before the validator refused control
    # characters: plain mode's output goes straight to the terminal (or a screen reader).
    run(locations, clock, [(0, " "), (29, " ")])
    store, _ = HistoryStore.open(locations.database)
    store.conn.execute(
        "UPDATE workouts SET status = 'running', ended_at = NULL, title = ?",
        ("Quick \x1b]0;owned\x07test",),
    )
    store.conn.commit()
    store.close()
    lines = run(locations, clock, [(0, "q")])  # run() asserts no ESC in the output
    assert lines[0].startswith("Quick \\x1b]0;owned\\x07test from ")


def test_a_presentation_clicker_logs_and_undoes_on_a_terminal() -> None:
    from tuitrainer.plain.keys import split_keys

    assert split_keys("\x1b[6~\x1b[6~\x1b[5~\x1b[A") == [" ", " ", "u"]


@pytest.mark.parametrize(
    ("keys", "last"),
    [
        (0, ["Press space to start.", "Nothing started."]),
        (1, ["Workout over. Ended early, with 4 sides below the target. What you did is kept."]),
    ],
)
def test_ctrl_c_ends_with_one_line_that_says_what_happened(
    locations: Locations, clock: FakeClock, keys: int, last: list[str]
) -> None:
    class Interrupted:
        interactive = False
        pressed = 0

        def read(self, timeout: float | None) -> str | None:
            self.pressed += 1
            if self.pressed > keys:
                raise KeyboardInterrupt
            return " "

        def read_line(self, prompt_timeout: float | None = None) -> str | None:
            return None

    out = io.StringIO()
    store, _ = HistoryStore.open(locations.database)
    code = run_plain(
        load_session(QUICK), store, locations, Preferences(), Interrupted(), out,
        clock=clock, sleep=clock.advance, output=SilentOutput(),
    )  # fmt: skip
    store.close()
    assert code == 130
    lines = out.getvalue().splitlines()
    assert lines[-len(last) :] == last
    assert not any(line.startswith("Stopped") for line in lines)


def test_asking_whether_to_end_pauses_the_workout_meanwhile(
    locations: Locations, clock: FakeClock
) -> None:
    # On a terminal q asks first. A guided side must not go on counting while the
    # question waits (a minute here), as the workout screen pauses for its own.
    class AtATerminal(ScriptedKeys):
        interactive = True

    out = io.StringIO()
    store, _ = HistoryStore.open(locations.database)
    script = [(0, " "), (0, " "), (6, "q"), (66, "x"), (67, "q"), (68, "y")]  # safety, start
    keys = AtATerminal(clock, [(clock.now + at, key) for at, key in script])
    run_plain(
        load_session(QUICK), store, locations, Preferences(), keys, out,
        clock=clock, sleep=clock.advance, output=SilentOutput(),
    )  # fmt: skip
    store.close()
    lines = out.getvalue().splitlines()
    asked = lines.index("End the workout? What you did is kept. y: end, any other key: go on.")
    assert lines[asked + 1] == "Going on."
    assert "Paused. Press p to go on." not in lines
    assert "Fire hydrant, left: 1 of 3 reps (short)." in lines


def test_a_pause_made_longer_and_shorter(locations: Locations, clock: FakeClock) -> None:
    lines = run(locations, clock, [(0, " "), (1, "+"), (2, "-"), (3, "-"), (7, "+"), (12.5, "q")])
    start = lines.index(
        "Get ready: Fire hydrant, left side, 4 seconds. Start position: Hands and knees."
    )
    assert lines[start + 1 : start + 5] == [
        "This pause is now 19 seconds.",
        "This pause is now 5 seconds.",  # 2 s in: the last 3 seconds stay, for the countdown
        "This pause cannot get shorter: its last 3 seconds stay.",
        "Fire hydrant. Left side. 3 reps. Go.",
    ]
    assert "Only a rest, a switch or a get-ready can be made longer or shorter." in lines


def test_a_session_below_the_sources_dose_says_so_before_the_start(
    locations: Locations, clock: FakeClock, tmp_path: Path
) -> None:
    text = (builtin_dir("sessions") / "hip-mobility.yaml").read_text()
    path = tmp_path / "short-hips.yaml"
    path.write_text(text.replace("reps: 10", "reps: 6", 1))
    lines = run(locations, clock, [(0, "q")], path)
    below = "Below the source routine's dose: Fire hydrant 6 a side (the source asks for 10)."
    assert lines.index(below) < lines.index("Press space to start.")


def test_a_range_is_said_as_a_range_when_its_side_ends(
    locations: Locations, clock: FakeClock
) -> None:
    floor = QUICK.parent / "floor.yaml"  # the clamshell: 8-10 reps, self-paced, left side
    script = [(0, " ")] + [(0.1 * n, "n") for n in range(1, 7)]  # on to the clamshell
    script += [(1 + 0.5 * n, " ") for n in range(9)] + [(6, "n")]  # 9 reps, then finish it
    lines = run(locations, clock, script, floor)
    assert "Left side done: 9 of 8-10 reps, 0:05." in lines
    assert "Total: 9 of 12-14 reps." in lines  # 2 + 2 guided, 8-10
