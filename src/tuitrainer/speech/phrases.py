"""What the voice says at each cue event: one table of plain English, and the words
that fill it from the plan.

Every phrase a workout can say follows from the session and its plan, so the whole
set is known before the first second runs (`phrase_set`) and can be rendered ahead.
The words are tuitrainer's own; docs/voice.md lists them. A count says only the
number: a phrase must end before the next event cuts it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol, cast

from ..audio.cues import BEATS, Cue, cues_for, merge
from ..cue_names import CUE_NAMES
from ..engine import Engine
from ..events import (
    CountdownTick,
    Event,
    PhaseStarted,
    RepCounted,
    SideFinished,
    SideKey,
    SideSwitched,
    WorkoutFinished,
)
from ..planner import Kind, Segment, Timeline
from ..session.model import Exercise, RepRange

# The phrase table: one line per thing the voice can say. `{...}` are filled in
# from the plan; see docs/voice.md.
PHRASES: dict[str, str] = {
    "get_ready": "{exercise}. {sets}{side}. {reps}.",
    "sets": "{count} sets. ",
    "side.left": "Left side",
    "side.right": "Right side",
    "side.both": "Both sides",
    "reps": "{count} reps",
    "reps.one": "One rep",
    "reps.range": "{low} to {high} reps",
    "hold": ", hold each {seconds}",
    "own_pace": ", at your own pace",
    "go": "Go.",
    "count": "{count}.",
    "five_more": "Five more.",
    "last_one": "Last one.",
    "switch_sides": "Switch to the {side} side.",
    "rest": "Rest, {seconds}. Next: {next}.",
    "next_set": "set {number}",
    "countdown": "{count}.",
    "exercise_done": "{exercise}, done. {then}",
    "workout_done": "Workout done.",
    "halfway": "Halfway.",
    "tempo": "{word}.",
    "tempo.near_end": "{near}, {word}.",
}

SPEAKING = CUE_NAMES  # the events that may speak, each switched on or off in settings

_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number(n: int) -> str:
    """A whole number in words, as a voice should say it: 21 -> "twenty-one"."""
    if n < 0:
        return "minus " + number(-n)
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{_ONES[hundreds]} hundred" + (f" and {number(rest)}" if rest else "")
    thousands, rest = divmod(n, 1000)
    tail = "" if not rest else (f" and {number(rest)}" if rest < 100 else f" {number(rest)}")
    return f"{number(thousands)} thousand{tail}"


def seconds_words(seconds: float) -> str:
    """A pause's length: "thirty seconds", "one minute", "two minutes and ten seconds"."""
    whole = max(0, round(seconds))
    minutes, rest = divmod(whole, 60)
    secs = f"{number(rest)} second{'s' if rest != 1 else ''}"
    if not minutes:
        return secs
    mins = f"{number(minutes)} minute{'s' if minutes != 1 else ''}"
    return mins if not rest else f"{mins} and {secs}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Wording:
    """The settings that change what is said (not how it sounds)."""

    speak: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(SPEAKING, True))
    reps: str = "count"  # what a guided rep says: "count", or "tempo" (its movements)
    logged_reps: bool = True  # count each rep logged on a self-paced side aloud

    def speaks(self, cue: str) -> bool:
        return self.speak.get(cue, True)


def spoken_name(exercise: Exercise) -> str:
    """The exercise's name as spoken: its `say:` if it has one. Control characters
    become spaces: an engine must get words, never a terminal's or a parser's codes."""
    text = exercise.say or exercise.name
    return " ".join("".join(" " if ord(c) < 32 or ord(c) == 127 else c for c in text).split())


def _reps(exercise: Exercise, reps: RepRange) -> str:
    if reps.low != reps.high:
        text = PHRASES["reps.range"].format(low=number(reps.low), high=number(reps.high))
    elif reps.high == 1:
        text = PHRASES["reps.one"]
    else:
        text = PHRASES["reps"].format(count=number(reps.high))
    if exercise.hold_seconds > 0:
        text += PHRASES["hold"].format(seconds=seconds_words(exercise.hold_seconds))
    if not exercise.guided:
        text += PHRASES["own_pace"]
    return _capital(text)


def get_ready(segment: Segment) -> str:
    exercise = segment.exercise
    sets = PHRASES["sets"].format(count=_capital(number(exercise.sets)))
    return PHRASES["get_ready"].format(
        exercise=spoken_name(exercise),
        sets=sets if exercise.sets > 1 else "",
        side=PHRASES[f"side.{segment.side}"],
        reps=_reps(exercise, exercise.reps_for(segment.side)),
    )


def rest(timeline: Timeline, index: int) -> str:
    """A rest says how long, and what follows it."""
    segment = timeline.segments[index]
    following = timeline.segments[index + 1] if index + 1 < len(timeline) else None
    if segment.kind is Kind.SET_REST:
        after = PHRASES["next_set"].format(number=number(segment.set_number))
    elif following is not None:
        after = spoken_name(following.exercise)
    else:
        after = "the end"
    return PHRASES["rest"].format(seconds=seconds_words(segment.seconds), next=after)


def phase(timeline: Timeline, index: int) -> str | None:
    """What is said as segment `index` begins (switching sides is its own event)."""
    segment = timeline.segments[index]
    if segment.kind is Kind.GET_READY:
        return get_ready(segment)
    if segment.kind is Kind.WORK:
        return PHRASES["go"]
    if segment.kind in (Kind.REST, Kind.SET_REST):
        return rest(timeline, index)
    return None


def _work_index(timeline: Timeline, event: SideFinished) -> int | None:
    key = event.key
    for index, segment in enumerate(timeline.segments):
        if (
            segment.kind is Kind.WORK
            and segment.exercise_index == key.exercise_index
            and segment.set_number == key.set_number
            and segment.side == key.side
        ):
            return index
    return None


def count(done: int, target: int) -> str:
    """A count: the number, or "five more" and "last one" near the end.

    "Five more" only once the count has reached five: on a short side (3 of 8) it
    would be followed by "five", which a person counting along hears as wrong.
    """
    left = target - done
    if left == 1:
        return PHRASES["last_one"]
    if left == 5 and done >= 5:
        return PHRASES["five_more"]
    return PHRASES["count"].format(count=_capital(number(done)))


def rep(timeline: Timeline, event: RepCounted, wording: Wording) -> str | None:
    exercise = timeline.session.exercises[event.key.exercise_index]
    if not exercise.guided and not wording.logged_reps:
        return None
    if exercise.guided and wording.reps == "tempo":
        return None  # the movements speak instead (see `tempo`)
    return count(event.reps, exercise.reps_for(event.key.side).high)


class TempoPart(Protocol):
    """A part of a guided rep beginning (lift, hold, lower...): the `up`, `hold` and `down`
    cues' event. Read through this shape, so speech needs only these fields."""

    key: SideKey
    rep: int  # the rep under way, from 1
    index: int  # the part's place in the rep, from 0
    say: str  # the part's word


def tempo(timeline: Timeline, part: TempoPart, wording: Wording) -> str | None:
    """A guided rep's part: its word ("Lift.", "Last one, lift."), or, when reps are
    counted, the count of the reps before it as the next one begins."""
    exercise = timeline.session.exercises[part.key.exercise_index]
    target = exercise.reps_for(part.key.side).high
    if wording.reps != "tempo":
        return count(part.rep - 1, target) if part.index == 0 and part.rep > 1 else None
    word = " ".join(part.say.split())
    if not word:
        return None
    near = {1: "Last one", 5: "Five more"}.get(target - part.rep + 1) if part.index == 0 else None
    if near:
        return PHRASES["tempo.near_end"].format(near=near, word=word.lower())
    return PHRASES["tempo"].format(word=_capital(word))


def text_for(cue: str, event: Event | None, timeline: Timeline, wording: Wording) -> str | None:
    """The phrase for a cue brought by `event`; None when this cue stays a tone."""
    if event is None or not wording.speaks(cue):
        return None
    if isinstance(event, PhaseStarted):
        return phase(timeline, event.index)
    if isinstance(event, SideSwitched):
        return PHRASES["switch_sides"].format(side=event.side)
    if isinstance(event, CountdownTick):
        return PHRASES["countdown"].format(count=_capital(number(event.remaining)))
    if isinstance(event, RepCounted):
        return rep(timeline, event, wording)
    if isinstance(event, SideFinished):
        exercise = timeline.session.exercises[event.key.exercise_index]
        index = _work_index(timeline, event)
        # The next part starts on this moment and its cue gives way to this one, so
        # this phrase says it too: the rest and what follows are the useful part.
        follows = index is not None and index + 1 < len(timeline)
        then = phase(timeline, index + 1) if follows and index is not None else None
        text = PHRASES["exercise_done"].format(exercise=spoken_name(exercise), then=then or "")
        return text.strip()
    if isinstance(event, WorkoutFinished):
        return PHRASES["workout_done"]
    if cue == "halfway":
        return PHRASES["halfway"]
    if cue in ("up", "hold", "down"):
        return tempo(timeline, cast(TempoPart, event), wording)
    return None


def said_for(cue: Cue, timeline: Timeline, wording: Wording) -> str | None:
    """The phrase a played cue says. A halfway that falls on a rep's count or a
    guided rep's first movement says that first ("Five more. Halfway."), so the
    count never skips a number and a movement is never left unsaid."""
    text = text_for(cue.name, cue.event, timeline, wording)
    beaten = cue.beaten
    if text and cue.name == "halfway" and beaten is not None and beaten.name in BEATS:
        first = text_for(beaten.name, beaten.event, timeline, wording)
        return f"{first} {text}" if first else text
    return text


def phrase_set(timeline: Timeline, wording: Wording) -> list[str]:
    """Every phrase the plan can say, in the order a workout first says them.

    Found by running the plan on a clock of its own (logging the reps of
    self-paced sides), so this list and the workout can never disagree.
    """
    seen: dict[str, None] = {}
    played: list[Cue] = []
    pending: Cue | None = None
    for cue in _cues(timeline):
        pending = merge(pending, cue, played.append)
        played.append(cue)  # alone too: a key press can part cues of one moment
    if pending is not None:
        played.append(pending)
    for cue in played:
        text = said_for(cue, timeline, wording)
        if text:
            seen.setdefault(text, None)
    return list(seen)


def _walk(timeline: Timeline) -> Iterator[tuple[str, Event]]:
    for cue in _cues(timeline):
        if cue.event is not None:
            yield cue.name, cue.event


def _cues(timeline: Timeline) -> Iterator[Cue]:
    """Every cue candidate of the plan, in order, each with its event."""
    now = [0.0]
    engine = Engine(timeline, clock=lambda: now[0])
    found: list[Cue] = []
    engine.subscribe(lambda event: found.extend(cues_for(event, engine)))
    engine.start()
    while not engine.finished:
        segment = engine.segment
        if segment is not None and not segment.timed:
            engine.log_rep()
        else:
            remaining = engine.remaining() or 0.0
            now[0] += max(remaining, 0.001)
            engine.tick()
        yield from found
        found.clear()
    yield from found
