"""The app's own commands in the command palette (ctrl+p), beside Textual's.

Start any session, the assessment, progress, a report for a clinician, sound
on or off, and the theme (Textual's own "Theme" command, kept). Commands only
ask the app to do what a key on the home screen would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Protocol

from textual.app import SystemCommand


class PaletteHost(Protocol):
    """What the palette's commands ask of the app."""

    def palette_sessions(self) -> list[tuple[str, Callable[[], None]]]: ...
    def open_assessment(self) -> None: ...
    def show_progress(self) -> None: ...
    def write_report(self) -> None: ...
    def palette_toggle_mute(self) -> None: ...
    def palette_high_contrast(self) -> None: ...


def trainer_commands(host: PaletteHost) -> Iterator[SystemCommand]:
    for title, start in host.palette_sessions():
        yield SystemCommand(f"Start: {title}", f"Start the session {title!r} now", start)
    yield SystemCommand("Assess hips", "The guided hip self-assessment", host.open_assessment)
    yield SystemCommand(
        "Progress", "Recent workouts, calendar, left/right, pain", host.show_progress
    )
    yield SystemCommand(
        "Report for a clinician",
        "Write a Markdown summary of progress into the data folder",
        host.write_report,
    )
    yield SystemCommand("Sound on/off", "Mute or unmute the cues", host.palette_toggle_mute)
    yield SystemCommand(
        "High contrast", "Black and white with one accent colour", host.palette_high_contrast
    )
