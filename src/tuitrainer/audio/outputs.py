"""Where cues are played: the player process, a system player, the bell, or nothing.

`choose()` tries them in that order and says which it took and why. Nothing
here raises into the app: an output that fails is swapped for the next one
by the caller, and playing never waits on a sound.
"""

from __future__ import annotations

import json
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

PROBE_SECONDS = 4.0
SYSTEM_PLAYERS = ("paplay", "pw-play", "aplay", "afplay")
BELL_CUES = frozenset({"go", "switch_sides", "exercise_done", "workout_done"})


class OutputUnavailable(Exception):
    """This output cannot play here; the message says why, for the notice."""


class Output:
    """Plays cue files. `latencies` collects how late each play began (seconds)."""

    name = "silent"
    can_schedule = False  # True: play() may be handed a cue before its moment
    plays_files = False  # True: every cue's file is heard (so a spoken phrase is too)

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.played: list[str] = []  # cue names, in order
        self.files: list[str] = []  # the file each played cue came from, in order
        self.why = ""  # what was tried before this output, and why it failed

    def play(self, cue: str, path: Path, at: float, volume: float) -> None:
        self.played.append(cue)

    def cancel(self) -> None:
        """Drop cues handed over early that have not started (the plan changed)."""
        return None

    def close(self) -> None:
        return None


class SilentOutput(Output):
    name = "silent"


class BellOutput(Output):
    """The terminal bell, for the cues that matter most; the others stay quiet."""

    name = "terminal bell"

    def __init__(self, bell: Callable[[], None]) -> None:
        super().__init__()
        self.bell = bell

    def play(self, cue: str, path: Path, at: float, volume: float) -> None:
        if cue in BELL_CUES:
            self.played.append(cue)
            self.bell()
            self.latencies.append(time.monotonic() - at)


class BrowserOutput(Output):
    """The browser tab of `tuitrainer serve`: each cue is a `cue:FILE` address that the
    page plays from the server's /cue/ route (web/templates/app_index.html)."""

    name = "browser"
    plays_files = True  # the page plays any cue file, a spoken phrase's too

    def __init__(self, signal: Callable[[str], None]) -> None:
        super().__init__()
        self.signal = signal

    def play(self, cue: str, path: Path, at: float, volume: float) -> None:
        self.signal(f"cue:{path.name}")
        self.played.append(cue)
        self.latencies.append(time.monotonic() - at)


class PlayerProcess(Output):
    """simpleaudio in a child process whose stderr is /dev/null (see player.py)."""

    name = "simpleaudio"
    can_schedule = True
    plays_files = True

    def __init__(self, env: dict[str, str] | None = None) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tuitrainer.audio.player"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
            bufsize=1,
        )
        self._send({"cmd": "probe"})
        answer = self._read_line(PROBE_SECONDS)
        if not answer.get("ok"):
            self.close()
            raise OutputUnavailable(answer.get("error") or "no answer from the sound player")
        self._reader = threading.Thread(target=self._read_replies, daemon=True)
        self._reader.start()

    def _send(self, message: dict[str, Any]) -> bool:
        try:
            assert self.proc.stdin is not None
            with self._lock:
                self.proc.stdin.write(json.dumps(message) + "\n")
                self.proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            return False
        return True

    def _read_line(self, timeout: float) -> dict[str, Any]:
        assert self.proc.stdout is not None
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:
            return {"ok": False, "error": "the sound player did not answer"}
        line = self.proc.stdout.readline()
        try:
            return json.loads(line) if line else {"ok": False, "error": "the player stopped"}
        except ValueError:
            return {"ok": False, "error": "the sound player answered nonsense"}

    def _read_replies(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            try:
                reply = json.loads(line)
            except ValueError:
                continue
            if reply.get("played") and isinstance(reply.get("late"), int | float):
                self.latencies.append(float(reply["late"]))
                self.played.append(str(reply.get("cue")))
                self.files.append(str(reply["played"]))

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def play(self, cue: str, path: Path, at: float, volume: float) -> None:
        """Hand a cue over; the player starts it at `at` (`played` lists it then)."""
        self._send({"cmd": "play", "cue": cue, "path": str(path), "at": at, "volume": volume})

    def cancel(self) -> None:
        self._send({"cmd": "cancel"})

    def close(self, wait: float = 0.0) -> None:
        """Stop the player; with `wait`, let the last cue finish first."""
        self._send({"cmd": "quit"})
        try:
            if self.proc.stdin:
                self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=wait or 0.5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class CommandOutput(Output):
    """A system player program (paplay, pw-play, aplay, afplay), one process a cue."""

    plays_files = True

    def __init__(self, program: str, path: str) -> None:
        super().__init__()
        self.name = program
        self.program = path
        self._current: subprocess.Popen[bytes] | None = None

    def command(self, path: Path, volume: float) -> list[str]:
        if self.name == "paplay":
            return [self.program, f"--volume={int(volume * 65536)}", str(path)]
        if self.name == "pw-play":
            return [self.program, f"--volume={volume:.2f}", str(path)]
        if self.name == "afplay":
            return [self.program, "-v", f"{volume:.2f}", str(path)]
        return [self.program, "-q", str(path)]

    def probe(self) -> None:
        """Play a hundredth of a second of silence; a non-zero exit means no device."""
        with tempfile.TemporaryDirectory() as folder:
            silent = Path(folder) / "silence.wav"
            with wave.open(str(silent), "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(44100)
                out.writeframes(bytes(882))
            try:
                done = subprocess.run(
                    self.command(silent, 0.0),
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    timeout=PROBE_SECONDS,
                )
            except (OSError, subprocess.TimeoutExpired) as err:
                raise OutputUnavailable(f"{self.name} failed: {err}") from err
        if done.returncode != 0:
            raise OutputUnavailable(f"{self.name} could not open a sound device")

    def play(self, cue: str, path: Path, at: float, volume: float) -> None:
        if self._current is not None and self._current.poll() is None:
            self._current.terminate()  # cut, as the player process does
        try:
            self._current = subprocess.Popen(
                self.command(path, volume),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            return
        self.played.append(cue)
        self.latencies.append(time.monotonic() - at)

    def close(self) -> None:
        if self._current is not None and self._current.poll() is None:
            self._current.terminate()


def choose(
    bell: Callable[[], None] | None = None,
    which: Callable[[str], str | None] = shutil.which,
    env: dict[str, str] | None = None,
    player: Callable[[dict[str, str] | None], Output] = PlayerProcess,
    browser: Callable[[str], None] | None = None,
) -> tuple[Output, str]:
    """The first output that works here, and a short notice of which.

    Served in a browser (`browser` given), cues play in the page, never on the
    machine that serves it.

    The details of what failed before it are in the output's `why`. Slow (it
    starts and probes processes): call it from a worker thread.
    """
    if browser is not None:
        return BrowserOutput(browser), "Sound: in the browser (click the page once)"
    reasons: list[str] = []
    try:
        return player(env), "Sound: simpleaudio"
    except OutputUnavailable as err:
        reasons.append(f"simpleaudio: {err}")
    except OSError as err:
        reasons.append(f"simpleaudio: {err}")
    for program in SYSTEM_PLAYERS:
        path = which(program)
        if path is None:
            continue
        command = CommandOutput(program, path)
        try:
            command.probe()
        except OutputUnavailable as err:
            reasons.append(str(err))
            continue
        command.why = "; ".join(reasons)
        return command, f"Sound: {program} (simpleaudio could not play)"
    if not any(r for r in reasons if not r.startswith("simpleaudio")):
        reasons.append("no system sound player found")
    output: Output = BellOutput(bell) if bell is not None else SilentOutput()
    output.why = "; ".join(reasons)
    what = "bell only" if bell is not None else "off"
    return output, f"Sound: {what}, no sound device"  # short: a toast over the workout
