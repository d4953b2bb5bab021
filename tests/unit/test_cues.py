"""Engine events -> cues: the order a person hears, merging, muting, overrides."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from tests.conftest import FakeClock
from tuitrainer.audio.cues import STALE, CueScheduler
from tuitrainer.audio.joined import GAP_SECONDS, joined
from tuitrainer.audio.outputs import SilentOutput
from tuitrainer.config import Preferences
from tuitrainer.engine import Engine
from tuitrainer.locations import builtin_dir
from tuitrainer.planner import plan
from tuitrainer.session import check_text

TWO_SIDES = """name: Cue test
get_ready_seconds: 3
rest_seconds: 4
exercises:
  - name: Fire hydrant
    reps: 2
    rep_seconds: 2
    side_rest_seconds: 3
  - name: Bridge
    sides: [both]
    reps: 1
    rep_seconds: 2
"""


def scheduled(
    text: str,
    clock: FakeClock,
    prefs: Preferences | None = None,
    muted: bool = False,
    dirs: list[Path] | None = None,
):
    dirs = dirs or [builtin_dir("sounds")]
    session, problems = check_text(text, "cues.yaml", sound_dirs=dirs)
    assert not problems, problems
    engine = Engine(plan(session), clock=clock)
    output = SilentOutput()
    cues = CueScheduler(engine, lambda: output, prefs or Preferences(), lambda: muted, dirs, clock)
    engine.subscribe(cues)
    return engine, cues, output


def run_ticking(engine: Engine, cues: CueScheduler, clock: FakeClock, step: float) -> None:
    engine.start()
    cues.flush()
    while not engine.finished:
        clock.advance(step)
        engine.tick()
        cues.flush()


def test_a_workout_sounds_in_this_order(clock: FakeClock):
    engine, cues, output = scheduled(TWO_SIDES, clock)
    run_ticking(engine, cues, clock, 0.1)
    assert output.played == [
        "get_ready",
        "countdown",
        "countdown",  # 3 s get ready: ticks at 2 and 1 left
        "go",  # with the first lift
        "down",  # lower; the second rep's lift (with the first rep's count)...
        "up",
        "down",  # ...and its lower: the tempo can be followed by ear
        "switch_sides",  # the last rep's end
        "countdown",
        "countdown",
        "go",
        "down",
        "up",
        "down",  # the right side; its last rep coincides with the end of the exercise
        "exercise_done",
        "countdown",
        "countdown",
        "countdown",  # rest 4 s
        "get_ready",
        "countdown",
        "countdown",
        "go",  # one rep on both sides; it ends the workout
        "down",
        "workout_done",
    ]


def test_a_late_tick_still_plays_fresh_cues_only(clock: FakeClock):
    engine, cues, output = scheduled(TWO_SIDES, clock)
    engine.start()
    cues.flush()
    clock.advance(10)  # a stall: the cues of those ten seconds are stale, but the right
    engine.tick()  # side starts exactly now, and its "go" is still worth hearing
    cues.flush()
    assert output.played == ["get_ready", "go"]
    clock.advance(STALE / 2)
    engine.tick()
    cues.flush()
    assert output.played == ["get_ready", "go"]  # nothing due in that quarter second


def test_muted_and_switched_off_cues_are_silent(clock: FakeClock):
    engine, cues, output = scheduled(TWO_SIDES, clock, muted=True)
    run_ticking(engine, cues, clock, 0.1)
    assert output.played == []
    prefs = Preferences()
    prefs.cues["countdown"] = False
    prefs.cues["up"] = prefs.cues["down"] = False
    engine, cues, output = scheduled(TWO_SIDES, FakeClock(), prefs)
    run_ticking(engine, cues, engine.clock, 0.1)
    assert not {"countdown", "up", "down"} & set(output.played)
    assert output.played[:3] == ["get_ready", "go", "switch_sides"]


class PathRecorder(SilentOutput):
    def __init__(self) -> None:
        super().__init__()
        self.paths: list[tuple[str, str]] = []

    def play(self, cue, path, at, volume):
        super().play(cue, path, at, volume)
        self.paths.append((cue, path.name))


def test_session_and_exercise_choose_their_sounds(tmp_path: Path, clock: FakeClock):
    user = tmp_path / "sounds"
    user.mkdir()
    (user / "bong.wav").write_bytes((builtin_dir("sounds") / "rest.wav").read_bytes())
    text = TWO_SIDES.replace("exercises:\n", "cues:\n  go: bong\nexercises:\n", 1)
    text = text.replace(
        "    rep_seconds: 2\n    side_rest_seconds: 3\n",
        "    rep_seconds: 2\n    side_rest_seconds: 3\n    cues:\n      go: countdown\n",
    )
    dirs = [user, builtin_dir("sounds")]
    engine, cues, _ = scheduled(text, clock, dirs=dirs)
    recorder = PathRecorder()
    cues.output = lambda: recorder
    run_ticking(engine, cues, clock, 0.1)
    gos = [name for cue, name in recorder.paths if cue == "go"]
    assert gos == ["countdown.wav", "countdown.wav", "bong.wav"]  # exercise, then session
    assert ("up", "up.wav") in recorder.paths  # not overridden: the built-in


def test_volume_from_preferences_reaches_the_output(clock: FakeClock):
    prefs = Preferences(volume=0.25)
    engine, cues, _ = scheduled(TWO_SIDES, clock, prefs)
    volumes: list[float] = []

    class VolumeRecorder(SilentOutput):
        def play(self, cue, path, at, volume):
            volumes.append(volume)

    cues.output = lambda: VolumeRecorder()
    engine.start()
    cues.flush()
    assert volumes == [0.25]


class PlayerLike(SilentOutput):
    """Behaves as the player process does: plays wait in a queue a cancel empties."""

    can_schedule = True

    def __init__(self) -> None:
        super().__init__()
        self.queue: list[str] = []

    def play(self, cue, path, at, volume):
        self.queue.append(cue)

    def cancel(self):
        self.queue.clear()


SELF_PACED = """name: Logging
get_ready_seconds: 0
exercises:
  - name: Reach
    mode: self-paced
    sides: [both]
    reps: 5
"""


def test_a_cue_caused_by_a_key_survives_the_replan_that_follows(clock: FakeClock):
    engine, cues, _ = scheduled(SELF_PACED, clock)
    player = PlayerLike()
    cues.output = lambda: player
    engine.start()
    cues.flush(replan=True)
    assert player.queue == ["go"]
    clock.advance(1)
    engine.log_rep()
    cues.flush(replan=True)  # what the screen does after a key
    assert player.queue == ["rep"]  # the rep was not withdrawn with the plans


def test_ending_early_plays_no_done_cue(clock: FakeClock):
    engine, cues, output = scheduled(TWO_SIDES, clock)
    engine.start()
    clock.advance(3 + 1)  # into the left side
    engine.tick()
    cues.flush()
    before = list(output.played)
    engine.stop()
    cues.flush()
    assert output.played == before


LONG_SIDE = """name: Long side
get_ready_seconds: 2
exercises:
  - name: Bridge
    sides: [both]
    reps: 5
    rep_seconds: 4
"""


def test_a_long_side_has_a_halfway_cue_that_a_setting_switches_off(clock: FakeClock):
    engine, cues, output = scheduled(LONG_SIDE, clock)
    run_ticking(engine, cues, clock, 0.1)
    assert output.played.count("halfway") == 1  # at 10 s, with the third rep's "down"
    prefs = Preferences()
    prefs.cues["halfway"] = False
    engine, cues, output = scheduled(LONG_SIDE, FakeClock(), prefs)
    run_ticking(engine, cues, engine.clock, 0.1)
    assert "halfway" not in output.played


class FileOutput(SilentOutput):
    """Keeps the file each cue played."""

    def play(self, cue: str, path: Path, at: float, volume: float) -> None:
        super().play(cue, path, at, volume)
        self.files.append(str(path))


def frames(path: Path | str) -> bytes:
    with wave.open(str(path), "rb") as sound:
        return sound.readframes(sound.getnframes())


@pytest.mark.parametrize(("reps", "beat"), [(5, "down"), (6, "up")])
def test_a_halfway_on_a_reps_movement_plays_its_tone_then_the_taps(
    clock: FakeClock, tmp_path: Path, reps: int, beat: str
):
    """With tones only, the halfway used to replace the movement's tone (the sixth
    rep's "up" of ten): someone following the tempo by ear lost a beat."""
    sounds = builtin_dir("sounds")
    text = LONG_SIDE.replace("reps: 5", f"reps: {reps}")
    session, problems = check_text(text, "cues.yaml", sound_dirs=[sounds])
    assert not problems
    engine = Engine(plan(session), clock=clock)
    output = FileOutput()
    cues = CueScheduler(
        engine, lambda: output, Preferences(), lambda: False, [sounds], clock, join_dir=tmp_path
    )
    engine.subscribe(cues)
    run_ticking(engine, cues, clock, 0.1)
    halfway = output.files[output.played.index("halfway")]
    assert Path(halfway).parent == tmp_path
    up, taps = frames(sounds / f"{beat}.wav"), frames(sounds / "halfway.wav")
    both = frames(halfway)
    assert both.startswith(up) and both.endswith(taps)
    with wave.open(str(sounds / "up.wav"), "rb") as sound:
        gap = int(GAP_SECONDS * sound.getframerate()) * sound.getsampwidth() * sound.getnchannels()
    assert len(both) == len(up) + gap + len(taps)
    assert both[len(up) : len(up) + gap] == bytes(gap)  # silence between: two sounds, one beat


def test_sounds_that_cannot_be_joined_leave_the_halfway_alone(tmp_path: Path):
    sounds = builtin_dir("sounds")
    other = tmp_path / "other.wav"
    with wave.open(str(other), "wb") as out:  # another rate: not joined, never garbled
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(bytes(800))
    assert joined(other, sounds / "halfway.wav", tmp_path) is None
    assert joined(tmp_path / "missing.wav", sounds / "halfway.wav", tmp_path) is None
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF not a wave")
    assert joined(broken, sounds / "halfway.wav", tmp_path) is None
    first = joined(sounds / "up.wav", sounds / "halfway.wav", tmp_path / "cache")
    assert first is not None and first == joined(
        sounds / "up.wav", sounds / "halfway.wav", tmp_path / "cache"
    )
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [first.name]  # once, no leftovers
