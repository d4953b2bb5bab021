"""Speech in the cue stream: a phrase replaces its event's tone, an unready phrase stays
a tone, and the next cue cuts a phrase still playing (no talking over, no pile-up)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FakeClock
from tests.unit.test_cues import TWO_SIDES, PathRecorder, run_ticking, scheduled
from tuitrainer.audio import player
from tuitrainer.config import Preferences
from tuitrainer.speech.engines import Speaker
from tuitrainer.speech.phrases import Wording, phrase_set
from tuitrainer.speech.voice import Voice


class FakeRenderer:
    """Phrases `ready` have a clip (named after the text); the others are not rendered."""

    def __init__(self, folder: Path, ready: set[str]) -> None:
        self.speaker = Speaker("espeak-ng", "/bin/espeak-ng")
        self.folder = folder
        self.ready = ready
        self.closed = False

    def clip(self, text: str) -> Path | None:
        return self.folder / f"say {text}.wav" if text in self.ready else None

    def close(self) -> None:
        self.closed = True


class Scheduling(PathRecorder):
    """An output like the player process: it takes cues ahead of their moment."""

    can_schedule = True
    plays_files = True

    def __init__(self) -> None:
        super().__init__()
        self.plays: list[tuple[str, str, float, float]] = []

    def play(self, cue, path, at, volume):
        super().play(cue, path, at, volume)
        self.plays.append((cue, path.name, at, volume))


def voiced(tmp_path: Path, clock: FakeClock, ready: str = "all", prefs: Preferences | None = None):
    prefs = prefs or Preferences()
    engine, cues, _ = scheduled(TWO_SIDES, clock, prefs)
    texts = phrase_set(engine.timeline, Wording())
    chosen = set(texts) if ready == "all" else {t for t in texts if t.startswith(ready)}
    renderer = FakeRenderer(tmp_path, chosen)
    cues.voice = Voice(engine.timeline, Wording(), renderer, prefs.voice_loudness)  # type: ignore[arg-type]
    output = Scheduling()
    cues.output = lambda: output
    return engine, cues, output, renderer


def test_a_rendered_phrase_replaces_the_tone_of_its_event(tmp_path: Path, clock: FakeClock):
    engine, cues, output, _ = voiced(tmp_path, clock)
    run_ticking(engine, cues, clock, 0.1)
    heard = [(cue, name) for cue, name, _, _ in output.plays]
    assert heard[:4] == [
        ("get_ready", "say Fire hydrant. Left side. Two reps..wav"),
        ("countdown", "say Two..wav"),
        ("countdown", "say One..wav"),
        ("go", "say Go..wav"),
    ]
    # Never a tone as well; a rep's `down` keeps its tone while reps are counted.
    assert all(name.startswith("say ") for cue, name in heard if cue != "down")
    assert heard[-1] == ("workout_done", "say Workout done..wav")
    moments = [at for _, _, at, _ in output.plays]
    assert len(moments) == len(set(moments))  # one sound a moment: speech never overlaps


def test_the_cues_are_the_ones_tones_would_have_been(tmp_path: Path, clock: FakeClock):
    engine, cues, output, _ = voiced(tmp_path, clock)
    run_ticking(engine, cues, clock, 0.1)
    plain, plain_cues, plain_output = scheduled(TWO_SIDES, FakeClock())
    run_ticking(plain, plain_cues, plain.clock, 0.1)
    assert output.played == plain_output.played  # the same events, at the same moments


def test_a_phrase_not_yet_rendered_falls_back_to_its_tone(tmp_path: Path, clock: FakeClock):
    engine, cues, output, renderer = voiced(tmp_path, clock, ready="Fire hydrant. Left")
    engine.start()
    cues.flush()
    clock.advance(1.1)
    engine.tick()
    cues.flush()
    assert [name for _, name, _, _ in output.plays] == [
        "say Fire hydrant. Left side. Two reps..wav",
        "countdown.wav",  # "Two." is still rendering: the tick is heard instead
    ]
    renderer.ready.add("One.")  # it lands in the cache while the workout runs
    clock.advance(1.0)
    engine.tick()
    cues.flush()
    assert output.plays[-1][1] == "say One..wav"


def test_speech_plays_at_its_loudness_relative_to_the_tones(tmp_path: Path, clock: FakeClock):
    prefs = Preferences(volume=0.8, voice_loudness=0.5)
    engine, cues, output, _ = voiced(tmp_path, clock, ready="Fire", prefs=prefs)
    run_ticking(engine, cues, clock, 0.1)
    volumes = {name.startswith("say "): volume for _, name, _, volume in output.plays}
    assert volumes == {True: 0.4, False: 0.8}
    loud = Preferences(volume=0.8, voice_loudness=2.0)
    engine, cues, output, _ = voiced(tmp_path, FakeClock(), prefs=loud)
    run_ticking(engine, cues, engine.clock, 0.1)
    spoken = {volume for _, name, _, volume in output.plays if name.startswith("say ")}
    assert spoken == {1.0}  # as loud as the player goes


def test_phrases_are_handed_over_ahead_stamped_with_their_moment(tmp_path: Path, clock: FakeClock):
    engine, cues, output, _ = voiced(tmp_path, clock)
    engine.start()
    cues.flush()
    clock.advance(0.8)  # the first countdown ("Two.") is due at 1.0: within the lookahead
    engine.tick()
    cues.flush()
    assert output.plays[-1][:3] == ("countdown", "say Two..wav", 1001.0)


def test_muted_speech_is_silent_too(tmp_path: Path, clock: FakeClock):
    engine, cues, output, _ = voiced(tmp_path, clock)
    cues.muted = lambda: True
    run_ticking(engine, cues, clock, 0.1)
    assert output.plays == []


def test_leaving_a_workout_stops_its_rendering(tmp_path: Path, clock: FakeClock):
    _, cues, _, renderer = voiced(tmp_path, clock)
    cues.close()
    assert renderer.closed


class FakePlayback:
    def __init__(self, log: list[str], name: str) -> None:
        self.log, self.name = log, name

    def stop(self) -> None:
        self.log.append(f"stop {self.name}")


def test_the_player_cuts_a_phrase_still_playing_when_the_next_cue_starts(tmp_path: Path):
    log: list[str] = []

    class FakeSimpleaudio:
        @staticmethod
        def play_buffer(frames, channels, width, rate):
            log.append(f"play {len(frames)}")
            return FakePlayback(log, str(len(frames)))

    clip = tmp_path / "clip.wav"
    clip.write_bytes((Path(player.__file__).parents[1] / "data/sounds/go.wav").read_bytes())
    first = player._play(FakeSimpleaudio, {"path": str(clip), "at": 0.0}, None)
    player._play(FakeSimpleaudio, {"path": str(clip), "at": 0.0}, first)
    size = log[0].split()[1]
    assert log == [f"play {size}", f"stop {size}", f"play {size}"]  # cut, then the next


def test_the_browser_page_is_asked_for_the_phrase_not_the_tone(tmp_path: Path, clock):
    from tuitrainer.audio.outputs import BrowserOutput

    engine, cues, _, _ = voiced(tmp_path, clock)
    asked: list[str] = []
    page = BrowserOutput(asked.append)  # the page fetches /cue/NAME, the speech cache too
    cues.output = lambda: page
    engine.start()
    cues.flush()
    assert asked == ["cue:say Fire hydrant. Left side. Two reps..wav"]


TEN_GUIDED = "name: Ten\nexercises:\n  - name: Clam\n    sides: [left]\n    reps: 10\n"


def test_a_halfway_on_a_reps_start_still_says_the_count(tmp_path: Path, clock: FakeClock):
    """A 10-rep side's halfway falls on the sixth rep's start: the count is said
    before "Halfway.", so a person counting along never hears it skip a number."""
    prefs = Preferences()
    engine, cues, _ = scheduled(TEN_GUIDED, clock, prefs)
    texts = phrase_set(engine.timeline, Wording())
    assert "Five more. Halfway." in texts  # rendered ahead with the rest
    cues.voice = Voice(engine.timeline, Wording(), FakeRenderer(tmp_path, set(texts)), 1.0)  # type: ignore[arg-type]
    output = Scheduling()
    cues.output = lambda: output
    run_ticking(engine, cues, clock, 0.1)
    said = [name[4:-4] for cue, name, _, _ in output.plays if cue != "down"]
    assert said[said.index("Four.") + 1] == "Five more. Halfway."


def test_a_halfway_on_a_lower_or_a_hold_says_that_movement_first(tmp_path: Path, clock: FakeClock):
    """With the movements spoken, a halfway that falls on a lower (5 reps of 4 s: 10 s)
    or on a hold still says the movement, then "Halfway."."""
    five = TEN_GUIDED.replace("reps: 10", "reps: 5\n    rep_seconds: 4")
    tempo = "[{say: lift, seconds: 10}, {say: hold, seconds: 5}, {say: lower, seconds: 5}]"
    held = TEN_GUIDED.replace("reps: 10", f"reps: 1\n    tempo: {tempo}")  # half: the hold
    for text, expected in ((five, "Lower. Halfway."), (held, "Hold. Halfway.")):
        engine, cues, _ = scheduled(text, FakeClock(), Preferences())
        words = Wording(reps="tempo")
        texts = phrase_set(engine.timeline, words)
        assert expected in texts
        cues.voice = Voice(engine.timeline, words, FakeRenderer(tmp_path, set(texts)), 1.0)  # type: ignore[arg-type]
        output = Scheduling()
        cues.output = lambda output=output: output
        run_ticking(engine, cues, engine.clock, 0.1)
        said = [name[4:-4] for _, name, _, _ in output.plays]
        assert expected in said


class TimedRenderer(FakeRenderer):
    """Clips that are real WAV files, each `seconds` long: the scheduler hears how long."""

    def __init__(self, folder: Path, ready: set[str], seconds: float) -> None:
        super().__init__(folder, ready)
        self.seconds = seconds

    def clip(self, text: str) -> Path | None:
        path = super().clip(text)
        if path is not None and not path.exists():
            import wave

            with wave.open(str(path), "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(8000)
                out.writeframes(bytes(2 * int(8000 * self.seconds)))
        return path


def test_a_phrase_is_said_whole_before_a_countdown_tick_and_go_still_cuts(
    tmp_path: Path, clock: FakeClock
):
    """A 3 s get ready says the exercise, its side and its reps; a countdown tick
    that would cut that phrase is left out, and "Go." comes on time."""
    for seconds, ticks in ((2.5, []), (0.4, ["say Two..wav", "say One..wav"])):
        engine, cues, _ = scheduled(TWO_SIDES, FakeClock(), Preferences())
        texts = set(phrase_set(engine.timeline, Wording()))
        folder = tmp_path / str(seconds)
        folder.mkdir()
        renderer = TimedRenderer(folder, texts, seconds)
        cues.voice = Voice(engine.timeline, Wording(), renderer, 1.0)  # type: ignore[arg-type]
        output = Scheduling()
        cues.output = lambda output=output: output
        run_ticking(engine, cues, engine.clock, 0.1)
        first = [name for _, name, _, _ in output.plays][:4]
        assert first[0] == "say Fire hydrant. Left side. Two reps..wav"
        assert first[1 : 1 + len(ticks)] == ticks
        assert first[1 + len(ticks)] == "say Go..wav"
