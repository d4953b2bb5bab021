"""Engine events -> cues: which sound, for which moment, and which one wins.

Several events can fall on the same instant (the last guided rep ends a side
and the switch-sides pause begins with it). Only one cue can be heard at once
(a new cue cuts the old one), so cues whose moments lie within `SAME_MOMENT`
of each other are merged and the most important one plays.

The screen wakes only when what it shows changes (each second, each part of a
guided rep), so a cue sent when its event is noticed could start late; the
screen also wakes `LOOKAHEAD / 2` before each scheduled moment. Where the output can
wait for a moment itself (the player process), the cues of the next
`LOOKAHEAD` seconds are handed over in advance, from `Engine.preview`, and
withdrawn when a key changes the plan (pause, skip, a logged rep...).

With a voice (speech/voice.py), a cue whose phrase is rendered plays the phrase
instead of its tone, through the same output at the same moment.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from .. import sound_files
from ..config import Preferences
from ..engine import Engine
from ..events import (
    CountdownTick,
    Event,
    Halfway,
    PhaseStarted,
    RepCounted,
    SideFinished,
    SideSwitched,
    TempoPhaseStarted,
    WorkoutFinished,
)
from ..planner import Kind
from .joined import joined
from .outputs import Output


class Speech(Protocol):
    """A workout's voice (speech/voice.py): the phrase of a cue once it is rendered."""

    def clip(self, cue: Cue) -> Path | None: ...

    def volume(self, tones: float) -> float: ...

    def close(self) -> None: ...


# Most important first: the one that plays when cues coincide.
PRIORITY = (
    "workout_done",
    "exercise_done",
    "switch_sides",
    "go",
    "rest",
    "get_ready",
    "countdown",
    "halfway",
    "up",
    "hold",
    "down",
    "rep",
)
CUES = tuple(PRIORITY)
BEATS = ("up", "hold", "down", "rep")  # the tempo's own sounds: a halfway on one plays it first
# Cues that do not cut a spoken phrase still playing: they are left out instead, so
# "Fire hydrant. Left side. Ten reps." is heard whole before a short get-ready's
# countdown. The others (go, rest, switch, done...) say what happens now: they cut.
YIELDING = ("countdown", *BEATS, "halfway")
SAME_MOMENT = 0.03  # clock seconds
STALE = 0.5  # a cue this late (after a long stall) is dropped, not played late
LOOKAHEAD = 0.3  # cues due this soon go to the player early


@dataclass(frozen=True)
class Cue:
    name: str
    at: float
    exercise_index: int | None
    event: Event | None = field(default=None, compare=False)  # what the voice says
    # The most important cue of the same moment that this one won over: the voice
    # may say it too (a halfway on a rep's start still counts the rep).
    beaten: Cue | None = field(default=None, compare=False)


def cues_for(event: Event, engine: Engine) -> list[Cue]:
    """The cue candidates an event brings (usually none or one)."""
    if isinstance(event, PhaseStarted):
        kind = event.segment.kind
        name = {
            Kind.GET_READY: "get_ready",
            Kind.WORK: "go",
            Kind.SET_REST: "rest",
            Kind.REST: "rest",
        }.get(kind)
        return [Cue(name, event.at, event.segment.exercise_index, event)] if name else []
    if isinstance(event, SideSwitched):
        return [Cue("switch_sides", event.at, event.exercise_index, event)]
    if isinstance(event, CountdownTick):
        segment = engine.segment
        return [Cue("countdown", event.at, segment.exercise_index if segment else None, event)]
    if isinstance(event, RepCounted):
        return [Cue("rep", event.at, event.key.exercise_index, event)]
    if isinstance(event, TempoPhaseStarted) and event.tone:
        return [Cue(event.tone, event.at, event.key.exercise_index, event)]
    if isinstance(event, Halfway):
        return [Cue("halfway", event.at, event.key.exercise_index, event)]
    if isinstance(event, SideFinished) and _last_side(engine, event):
        return [Cue("exercise_done", event.at, event.key.exercise_index, event)]
    if isinstance(event, WorkoutFinished) and event.status == "completed":
        return [Cue("workout_done", event.at, None, event)]
    return []


def merge(pending: Cue | None, cue: Cue, send: Callable[[Cue], None]) -> Cue:
    """Keep the more important of two cues of one moment; send a finished moment."""
    if pending is not None and cue.at - pending.at > SAME_MOMENT:
        send(pending)
        pending = None
    if pending is None:
        return cue
    rank = PRIORITY.index
    winner, loser = (cue, pending) if rank(cue.name) < rank(pending.name) else (pending, cue)
    beaten = winner.beaten
    if beaten is None or rank(loser.name) < rank(beaten.name):
        beaten = replace(loser, beaten=None)
    return replace(winner, beaten=beaten)


def _last_side(engine: Engine, event: SideFinished) -> bool:
    """Whether this side is the exercise's last (no work of it follows)."""
    index = engine.index
    for segment in engine.segments[index + 1 :] if index >= 0 else ():
        if segment.exercise_index != event.key.exercise_index:
            break
        if segment.kind is Kind.WORK:
            return False
    return True


class CueScheduler:
    """Subscribe it to an engine; call `flush()` after each batch of engine calls.

    Without an engine it plays the cues it is given by `cue()` (the assessment's
    hold), with the same mute, settings, sound lookup and lateness rule.
    """

    def __init__(
        self,
        engine: Engine | None,
        output: Callable[[], Output | None],
        preferences: Preferences,
        muted: Callable[[], bool],
        sound_dirs: list[Path],
        clock: Callable[[], float],
        voice: Speech | None = None,
        join_dir: Path | None = None,
    ) -> None:
        self.engine = engine
        self.voice = voice
        self.join_dir = join_dir  # where two tones of one moment are joined (joined.py)
        self.output = output
        self.preferences = preferences
        self.muted = muted
        self.sound_dirs = sound_dirs
        self.clock = clock
        self._pending: Cue | None = None
        self._paths: dict[tuple[str, int | None], Path | None] = {}
        self._handed: set[tuple[str, float]] = set()  # cues already given to the output
        self._speaking: tuple[float, float] = (0.0, 0.0)  # the last phrase: (start, end)

    def __call__(self, event: Event) -> None:
        if isinstance(event, WorkoutFinished) and event.status == "stopped":
            self._pending = None  # ending early: the side it cut short is not "done"
            return
        if self.engine is None:
            return
        for cue in cues_for(event, self.engine):
            self._pending = self._merge(self._pending, cue, self._send)

    def cue(self, name: str, at: float) -> None:
        """A cue from outside the engine, for clock time `at`; `flush()` sends it."""
        self._pending = self._merge(self._pending, Cue(name, at, None), self._send)

    _merge = staticmethod(merge)

    def flush(self, replan: bool = False) -> None:
        """Send what the last engine calls brought; then hand over the coming cues.

        `replan` after a key that changes what comes next: cues handed over early
        are withdrawn first.
        """
        output = self.output()
        ahead = output if output is not None and output.can_schedule else None
        if replan and ahead is not None:
            # Withdraw first: a cancel that reached the player after the cue below
            # would drop that cue too (both can arrive in one read).
            ahead.cancel()
            self._handed.clear()
            if self._speaking[0] > self.clock():  # a phrase not begun is withdrawn with it
                self._speaking = (0.0, 0.0)
        if self._pending is not None:
            pending, self._pending = self._pending, None
            self._send(pending)
        if ahead is not None and self.engine is not None and self._cue_may_be_near(self.engine):
            self._hand_over_coming(ahead, self.engine)

    def _cue_may_be_near(self, engine: Engine) -> bool:
        """Whether sound is on and the engine has a moment within the look-ahead:
        most wakes of the screen have none, and then the preview (a twin engine)
        is not worth making."""
        due = engine.next_due()
        if self.muted() or due is None:
            return False
        return due <= self.clock() + LOOKAHEAD + SAME_MOMENT

    def _hand_over_coming(self, output: Output, engine: Engine) -> None:
        now = self.clock()
        horizon = now + LOOKAHEAD
        coming: list[Cue] = []
        merged: list[Cue | None] = [None]

        def collect(twin: Engine, event: Event) -> None:
            for cue in cues_for(event, twin):
                merged[0] = self._merge(merged[0], cue, coming.append)

        # A little past the horizon, so a cue at its edge merges as it will next time.
        engine.preview(horizon + SAME_MOMENT, collect)
        if merged[0] is not None:
            coming.append(merged[0])
        for cue in coming:
            if now < cue.at <= horizon:
                self._play(output, cue)
        self._handed = {key for key in self._handed if key[1] > now - 1.0}

    def path_for(self, cue: Cue) -> Path | None:
        """The sound for a cue: the exercise's choice, the session's, or the built-in."""
        key = (cue.name, cue.exercise_index)
        if key not in self._paths:
            name = cue.name  # without a session: the user's or the built-in sound
            session = self.engine.timeline.session if self.engine is not None else None
            if session is not None:
                index = cue.exercise_index
                own = session.exercises[index].cues if index is not None else {}
                name = own.get(cue.name) or session.cues.get(cue.name) or cue.name
            self._paths[key] = sound_files.find(name, self.sound_dirs)
        return self._paths[key]

    def _send(self, cue: Cue) -> None:
        """A cue whose moment has come (or passed): play it now unless it went ahead."""
        output = self.output()
        if output is None or self.clock() - cue.at > STALE:
            return
        self._play(output, cue)

    def _play(self, output: Output, cue: Cue) -> None:
        key = (cue.name, round(cue.at, 6))
        if key in self._handed:
            return
        if self.muted() or not self.preferences.cue_enabled(cue.name):
            return
        start, end = self._speaking
        if cue.name in YIELDING and start <= cue.at < end:
            return  # a phrase is still being said
        volume = self.preferences.volume
        # Only an output that plays any file speaks (the browser page fetches tones only).
        speaks = self.voice is not None and output.plays_files
        spoken = self.voice.clip(cue) if speaks and self.voice is not None else None
        path = spoken or self.path_for(cue)  # the phrase replaces the tone; unready: the tone
        if spoken is None and path is not None:
            path = self._with_beat(cue, path)
        if spoken is not None and self.voice is not None:
            volume = self.voice.volume(volume)
            self._speaking = (cue.at, cue.at + sound_files.seconds(spoken))
        if path is not None:
            self._handed.add(key)
            output.play(cue.name, path, cue.at, volume)

    def _with_beat(self, cue: Cue, path: Path) -> Path:
        """A halfway on a guided rep's first movement plays that movement's tone
        first, then the taps, so the tempo keeps its beat (the voice says both)."""
        beaten = cue.beaten
        if cue.name != "halfway" or beaten is None or beaten.name not in BEATS:
            return path
        if self.join_dir is None or not self.preferences.cue_enabled(beaten.name):
            return path
        first = self.path_for(beaten)
        both = joined(first, path, self.join_dir) if first is not None else None
        return both or path

    def close(self) -> None:
        """The workout is left: stop rendering its phrases (the cache keeps what is done)."""
        if self.voice is not None:
            self.voice.close()
