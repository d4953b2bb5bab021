"""The voice of one workout: which phrase a cue says, and whether it is ready.

The cue scheduler asks `clip(cue)` for each cue it is about to play: a rendered
phrase replaces the cue's tone; a phrase not rendered yet (or switched off) leaves
the tone. The player cuts whatever still plays when the next cue starts, so
a phrase never talks over the next event and never piles up behind it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..planner import Timeline
from .engines import Found, Speaker, discover, notice
from .phrases import Wording, phrase_set, said_for
from .render import Renderer

if TYPE_CHECKING:
    from ..audio.cues import Cue
    from ..config import Preferences
    from ..locations import Locations


def wording(preferences: Preferences) -> Wording:
    return Wording(
        speak=dict(preferences.speak),
        reps=preferences.voice_reps,
        logged_reps=preferences.voice_logged_reps,
    )


def find_speaker(preferences: Preferences, locations: Locations) -> Found:
    return discover(
        preferences.voice,
        voice=preferences.voice_name,
        model=preferences.piper_model,
        rate=preferences.voice_rate,
        voices=locations.voices,
    )


@dataclass
class Voice:
    """A plan's phrases, being rendered or ready, and the volume they play at."""

    timeline: Timeline
    wording: Wording
    renderer: Renderer
    loudness: float = 1.0  # relative to the tones

    @property
    def speaker(self) -> Speaker:
        return self.renderer.speaker

    def text(self, cue: Cue) -> str | None:
        return said_for(cue, self.timeline, self.wording)

    def clip(self, cue: Cue) -> Path | None:
        text = self.text(cue)
        return self.renderer.clip(text) if text else None

    def volume(self, tones: float) -> float:
        """The player can only make a clip quieter: louder than the tones ends at full."""
        return max(0.0, min(1.0, tones * self.loudness))

    def close(self) -> None:
        self.renderer.close()


def start(
    timeline: Timeline,
    preferences: Preferences,
    locations: Locations,
    found: Found | None = None,
    env: dict[str, str] | None = None,
) -> tuple[Voice | None, str]:
    """The voice for a plan, its phrases rendering in the background, and a notice.

    Without an engine (or with `voice = "off"`) there is no voice: the tones play
    as they always have. Returns at once; never waits on an engine.
    """
    found = found or find_speaker(preferences, locations)
    if found.speaker is None:
        return None, notice(found)
    words = wording(preferences)
    renderer = Renderer(found.speaker, locations.speech_cache, phrase_set(timeline, words), env)
    voice = Voice(timeline, words, renderer, preferences.voice_loudness)
    return voice, notice(found)
