"""The sound output the app plays cues on: chosen once, in a worker, after the first frame.

Its notice is said only where it matters (`sound_chosen`): a working device goes
unsaid, a missing one once on this machine, and only over a workout.

A mixin of the app: probing outputs starts processes and may take a second, so it
runs in a thread; until it is done `audio` is None and cues are not played. Served
in a browser, the page plays the cues. The output is closed when the app ends.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from .audio.outputs import Output
    from .config import Preferences
    from .locations import Locations


class SoundOutput(App[int]):
    """`audio` and its notice; `TuitrainerApp` provides `preferences`."""

    audio: Output | None = None
    audio_notice = ""
    pending_sound_notice = ""  # shown once a workout's view is on top
    preferences: Preferences
    locations: Locations

    def _start_audio_probe(self) -> None:
        self.run_worker(self._choose_audio, thread=True, name="audio", exit_on_error=False)

    def _choose_audio(self) -> tuple[Output, str]:
        """In a worker thread: probing outputs starts processes and may take a second."""
        from .audio.outputs import choose
        from .serving import is_served

        browser = self._signal_cue if is_served() else None
        return choose(bell=self.bell, browser=browser)

    def _signal_cue(self, address: str) -> None:
        """Served: the page plays the cue (open_url reaches its script, not a new tab)."""
        self.open_url(address, new_tab=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "audio" or event.state not in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            return
        if event.state is WorkerState.SUCCESS and event.worker.result is not None:
            self.audio, self.audio_notice = event.worker.result
        else:
            from .audio.outputs import SilentOutput

            self.audio, self.audio_notice = SilentOutput(), "Sound: off (no output could start)"
        self.sound_chosen(self.audio_notice)

    def sound_chosen(self, notice: str) -> None:
        """Say which sound output is in use only where it matters: a working device
        goes unsaid; a missing one is said once on this machine; and only in a
        workout (a screen that plays something), which picks it up when it opens."""
        from .screens.workout import WorkoutScreen
        from .seen import first_time

        if notice in ("", "Sound: simpleaudio"):
            return
        if "browser" not in notice and not first_time(self.locations.data_dir, "sound", notice):
            return
        if self.preferences.muted:
            notice += " (muted: m turns it on)"
        self.pending_sound_notice = notice
        if isinstance(self.screen, WorkoutScreen):  # else when it next comes to the top
            self.screen.show_sound_notice()

    def take_sound_notice(self) -> str:
        """The sound notice not yet shown (once), for the workout screen."""
        notice, self.pending_sound_notice = self.pending_sound_notice, ""
        return notice

    def on_unmount(self) -> None:
        if self.audio is not None:
            self.audio.close()
        workouts = getattr(self, "_workouts", None)
        if workouts is not None:
            workouts.shutdown()  # the screen may blank again
