"""What the voice says: the phrase table filled from every built-in session's plan."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from tests.unit.test_cues import TWO_SIDES
from tuitrainer.audio.cues import cues_for
from tuitrainer.engine import Engine
from tuitrainer.events import RepCounted, SideKey
from tuitrainer.library import discover
from tuitrainer.locations import Locations
from tuitrainer.planner import plan
from tuitrainer.session import check_text
from tuitrainer.speech.phrases import (
    PHRASES,
    Wording,
    _walk,
    number,
    phrase_set,
    seconds_words,
    text_for,
)


def builtin_sessions():
    return [e.session for e in discover(Locations.resolve()) if e.source == "builtin"]


def said(
    text: str, wording: Wording | None = None, rename: str | None = None
) -> list[tuple[str, str | None]]:
    """(cue, phrase) for every cue of a plan, in order, as a workout meets them;
    `rename` gives the first exercise a name no file may hold (an old history's)."""
    session, problems = check_text(text, "said.yaml")
    assert not problems, problems
    if rename is not None:
        from dataclasses import replace

        first = replace(session.exercises[0], name=rename)
        session = replace(session, exercises=(first, *session.exercises[1:]))
    timeline = plan(session)
    words = wording or Wording()
    return [(cue, text_for(cue, event, timeline, words)) for cue, event in _walk(timeline)]


def test_numbers_and_lengths_are_said_in_words():
    assert [number(n) for n in (0, 7, 13, 20, 21, 99, 100, 115, 1000)] == [
        "zero",
        "seven",
        "thirteen",
        "twenty",
        "twenty-one",
        "ninety-nine",
        "one hundred",
        "one hundred and fifteen",
        "one thousand",
    ]
    assert seconds_words(30) == "thirty seconds"
    assert seconds_words(1) == "one second"
    assert seconds_words(60) == "one minute"
    assert seconds_words(130) == "two minutes and ten seconds"


def test_a_workout_says_the_exercise_the_side_the_count_and_what_comes_next():
    phrases = said(TWO_SIDES)
    assert phrases[:4] == [
        ("get_ready", "Fire hydrant. Left side. Two reps."),
        ("countdown", "Two."),
        ("countdown", "One."),
        ("go", "Go."),
    ]
    assert ("switch_sides", "Switch to the right side.") in phrases
    assert ("rep", "Last one.") in phrases  # rep 1 of 2
    done = [p for cue, p in phrases if cue == "exercise_done"]
    assert done[0] == "Fire hydrant, done. Rest, four seconds. Next: Bridge."
    assert ("get_ready", "Bridge. Both sides. One rep.") in phrases
    assert phrases[-1] == ("workout_done", "Workout done.")


def test_counts_say_five_more_and_last_one_near_the_end():
    text = "name: Ten\nexercises:\n  - name: Clam\n    sides: [left]\n    reps: 10\n"
    reps = [phrase for cue, phrase in said(text) if cue == "rep"]
    assert reps[:9] == [
        "One.",
        "Two.",
        "Three.",
        "Four.",
        "Five more.",
        "Six.",
        "Seven.",
        "Eight.",
        "Last one.",
    ]


def test_self_paced_reps_are_counted_aloud_unless_switched_off():
    text = (
        "name: Own pace\nexercises:\n  - name: Bird dog\n    sides: [left]\n"
        "    reps: 8-10\n    mode: self-paced\n    hold_seconds: 5\n"
    )
    phrases = said(text)
    assert phrases[0] == (
        "get_ready",
        "Bird dog. Left side. Eight to ten reps, hold each five seconds, at your own pace.",
    )
    assert ("rep", "Three.") in phrases
    quiet = said(text, Wording(logged_reps=False))
    assert [p for cue, p in quiet if cue == "rep"] == [None] * 10  # the tone, not words


def test_sets_rests_and_say_are_spoken():
    text = (
        "name: Sets\nexercises:\n  - name: Cat-cow (spine)\n    say: Cat cow\n"
        "    sides: [both]\n    sets: 2\n    reps: 3\n    set_rest_seconds: 90\n"
    )
    phrases = said(text)
    assert phrases[0] == ("get_ready", "Cat cow. Two sets. Both sides. Three reps.")
    assert ("rest", "Rest, one minute and thirty seconds. Next: set two.") in phrases


def test_an_event_switched_off_stays_a_tone():
    words = Wording(speak={"countdown": False})
    phrases = said(TWO_SIDES, words)
    assert all(p is None for cue, p in phrases if cue == "countdown")
    assert ("go", "Go.") in phrases


@pytest.mark.parametrize("session", builtin_sessions(), ids=lambda s: s.slug)
def test_every_cue_of_every_builtin_session_has_a_phrase(session):
    timeline = plan(session)
    words = Wording()
    phrases = phrase_set(timeline, words)
    for cue, event in _walk(timeline):
        text = text_for(cue, event, timeline, words)
        if cue in ("up", "hold", "down"):  # counted reps: a rep's start says the count
            assert text or cue != "up" or getattr(event, "rep", 0) == 1
            continue
        assert text, (cue, event)
        assert text in phrases  # rendered ahead: nothing said is missing from the set
        assert "{" not in text and "}" not in text
        assert re.fullmatch(r"[A-Z][^\x00-\x1f]*[.]", text), text  # a sentence, plainly
    for exercise in session.exercises:
        assert any(p.startswith(f"{exercise.name}.") for p in phrases), exercise.name
    assert "Workout done." in phrases
    assert len(phrases) == len(set(phrases)) <= 60
    tempo = Wording(reps="tempo")
    moving = ("up", "hold", "down")
    moves = [text_for(c, e, timeline, tempo) for c, e in _walk(timeline) if c in moving]
    assert all(moves) and set(moves) <= set(phrase_set(timeline, tempo))


def test_the_phrase_set_follows_the_order_of_the_workout():
    session = builtin_sessions()[0]
    timeline = plan(session)
    phrases = phrase_set(timeline, Wording())
    first = session.exercises[0]
    assert phrases[0].startswith(f"{first.name}.")  # rendered first: said first
    assert phrases[-1] == PHRASES["workout_done"]


def test_cues_for_brings_the_event_the_phrase_is_made_from(clock):
    session, _ = check_text(TWO_SIDES, "x.yaml")
    engine = Engine(plan(session), clock=clock)
    events = engine.start()
    [cue] = [c for e in events for c in cues_for(e, engine)]
    assert cue.name == "get_ready" and cue.event is events[-1]


def test_every_phrase_and_voice_setting_is_documented():
    from dataclasses import fields

    from tests.conftest import REPO
    from tuitrainer.config import Preferences

    doc = (REPO / "docs" / "voice.md").read_text(encoding="utf-8")
    for key, phrase in PHRASES.items():
        assert f"`{phrase}" in doc, f"docs/voice.md does not show the {key} phrase"
    voice_keys = [f.name for f in fields(Preferences) if f.name.startswith(("voice", "piper"))]
    for name in [*voice_keys, "[speak]"]:
        assert f"\n{name} " in doc, name


def test_control_characters_in_a_name_never_reach_the_engine():
    # The validator refuses them in files; a session built in code may still hold them.
    text = "name: Odd\nexercises:\n  - name: Clam\n    reps: 1\n"
    phrases = said(text, rename="Clam\tshell\u001b[31m")
    assert phrases[0] == ("get_ready", "Clam shell [31m. Left side. One rep.")


@dataclass(frozen=True)
class Part:
    """The shape of a guided rep's part beginning (the `up` and `down` cues' event)."""

    at: float
    key: SideKey
    rep: int
    index: int
    say: str


def ten_reps():
    session, _ = check_text("name: T\nexercises:\n  - name: Clam\n    reps: 10\n", "t.yaml")
    return plan(session)


def test_a_guided_rep_says_its_movements_when_asked():
    timeline, words = ten_reps(), Wording(reps="tempo")
    key = SideKey(0, 1, "left")
    assert text_for("up", Part(0, key, 2, 0, "lift"), timeline, words) == "Lift."
    assert text_for("down", Part(0, key, 2, 1, " lower "), timeline, words) == "Lower."
    assert text_for("up", Part(0, key, 6, 0, "Lift"), timeline, words) == "Five more, lift."
    assert text_for("up", Part(0, key, 10, 0, "lift"), timeline, words) == "Last one, lift."
    assert text_for("down", Part(0, key, 10, 1, "lower"), timeline, words) == "Lower."
    count_event = RepCounted(0, key, 3)
    assert text_for("rep", count_event, timeline, words) is None  # the movements speak


def test_counted_reps_say_the_count_as_the_next_rep_begins():
    timeline, words = ten_reps(), Wording()
    key = SideKey(0, 1, "left")
    assert text_for("up", Part(0, key, 1, 0, "lift"), timeline, words) is None
    assert text_for("up", Part(0, key, 4, 0, "lift"), timeline, words) == "Three."
    assert text_for("up", Part(0, key, 6, 0, "lift"), timeline, words) == "Five more."
    assert text_for("up", Part(0, key, 10, 0, "lift"), timeline, words) == "Last one."
    assert text_for("down", Part(0, key, 4, 1, "lower"), timeline, words) is None  # a tone


def test_halfway_is_said():
    assert text_for("halfway", Part(0, SideKey(0, 1, "left"), 0, 0, ""), ten_reps(), Wording())
    assert PHRASES["halfway"] == "Halfway."


def test_a_short_side_counts_on_instead_of_saying_five_more_before_the_count_reaches_five():
    """At 3 of 8, "Five more." followed by "Five." (the fifth rep) sounds like a
    contradiction to a person counting along; the count goes on instead."""
    text = "name: Eight\nexercises:\n  - name: Clam\n    sides: [left]\n    reps: 8\n"
    reps = [phrase for cue, phrase in said(text) if cue == "rep"]
    assert reps[:7] == ["One.", "Two.", "Three.", "Four.", "Five.", "Six.", "Last one."]
