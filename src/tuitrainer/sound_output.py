"""The sound output the app plays cues on: chosen once, in a worker, after the first frame.

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


class SoundOutput(App[int]):
    """`audio` and its notice; `TuitrainerApp` provides `preferences`."""

    audio: Output | None = None
    audio_notice = ""
    preferences: Preferences

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
        notice = self.audio_notice
        if self.preferences.muted:
            notice += " (muted: m turns it on)"
        self.notify(notice, timeout=4)

    def on_unmount(self) -> None:
        if self.audio is not None:
            self.audio.close()
