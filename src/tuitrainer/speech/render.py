"""The render process: `python -m tuitrainer.speech.render`, and the app's side of it.

Rendering runs apart from the app so it can never stall the screen: the app hands
over the phrases of a plan and goes on; each clip lands in the cache as it is done
and the workout plays it from then on (a phrase not yet there stays a tone).

Protocol: the first line on stdin is the speaker (engine, program, voice, rate)
as JSON; each further line is {"text": T, "path": P}. For each, one line back on
stdout: {"done": P} or {"failed": P, "error": why}. End of input ends the process.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .cache import clean, clip_path, store
from .engines import WORDS_PER_MINUTE, Speaker

ENGINE_SECONDS = 30.0  # one phrase; an engine that takes longer is stuck

# SAPI through PowerShell; everything it needs comes in the environment, never in
# the script's text, so no phrase can change what the script does.
SAPI_SCRIPT = (
    "Add-Type -AssemblyName System.Speech; "
    "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
    "if ($env:TT_VOICE) { $s.SelectVoice($env:TT_VOICE) }; "
    "$s.Rate = [int]$env:TT_RATE; "
    "$s.SetOutputToWaveFile($env:TT_OUT); "
    "$s.Speak($env:TT_TEXT); $s.Dispose()"
)


def command(speaker: Speaker, out: Path) -> list[str]:
    """The command that writes one phrase (given on stdin) to `out`."""
    wpm = str(round(WORDS_PER_MINUTE * speaker.rate))
    if speaker.engine == "espeak-ng":
        voice = ["-v", speaker.voice] if speaker.voice else []
        return [speaker.program, *voice, "-s", wpm, "-z", "-w", str(out), "--stdin"]
    if speaker.engine == "say":
        voice = ["-v", speaker.voice] if speaker.voice else []
        return [speaker.program, *voice, "-r", wpm, "-o", str(out), "--data-format=LEI16@22050"]
    if speaker.engine == "sapi":
        return [speaker.program, "-NoProfile", "-NonInteractive", "-Command", SAPI_SCRIPT]
    raise ValueError(f"{speaker.engine} is not a command-line engine")


def _sapi_rate(rate: float) -> int:
    """SAPI's rate runs from -10 to 10, +10 being about three times as fast."""
    import math

    return max(-10, min(10, round(6.3 * math.log2(max(rate, 0.01)))))


class CommandEngine:
    """espeak-ng, say or SAPI: one short process a phrase."""

    def __init__(self, speaker: Speaker) -> None:
        self.speaker = speaker

    def write(self, text: str, out: Path) -> None:
        env = None
        if self.speaker.engine == "sapi":
            env = {
                **os.environ,
                "TT_TEXT": text,
                "TT_OUT": str(out),
                "TT_VOICE": self.speaker.voice,
                "TT_RATE": str(_sapi_rate(self.speaker.rate)),
            }
        done = subprocess.run(
            command(self.speaker, out),
            input=text.encode("utf-8"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=env,
            timeout=ENGINE_SECONDS,
        )
        if done.returncode != 0:
            why = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise RuntimeError(why[-1] if why else f"exit status {done.returncode}")


class PiperEngine:
    """Piper, loaded once in this process: a model takes a second or more to load."""

    def __init__(self, speaker: Speaker) -> None:
        from piper import PiperVoice  # the `voice` extra; only ever imported here

        self.speaker = speaker
        self.voice = PiperVoice.load(speaker.voice)

    def write(self, text: str, out: Path) -> None:
        import wave

        length = 1.0 / max(self.speaker.rate, 0.01)
        with wave.open(str(out), "wb") as wav:
            if hasattr(self.voice, "synthesize_wav"):  # piper-tts 1.3 and later
                from piper import SynthesisConfig

                config = SynthesisConfig(length_scale=length)
                self.voice.synthesize_wav(text, wav, syn_config=config)
            else:  # piper-tts 1.2
                self.voice.synthesize(text, wav, length_scale=length)


def engine_for(speaker: Speaker) -> CommandEngine | PiperEngine:
    return PiperEngine(speaker) if speaker.engine == "piper" else CommandEngine(speaker)


def render_one(engine: CommandEngine | PiperEngine, text: str, path: Path) -> None:
    """One phrase into the cache: the engine's output, cleaned, stored whole."""
    with tempfile.TemporaryDirectory(prefix="tt-say-") as folder:
        raw = Path(folder) / "raw.wav"
        engine.write(text, raw)
        samples, rate = clean(raw)
    store(samples, rate, path)


def _reply(message: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main() -> int:
    first = sys.stdin.readline()
    try:
        speaker = Speaker(**json.loads(first))
        engine = engine_for(speaker)
    except Exception as err:  # a bad first line, or an engine that cannot load
        _reply({"failed": None, "error": str(err) or type(err).__name__})
        return 1
    for line in sys.stdin:
        try:
            job = json.loads(line)
            path = Path(job["path"])
        except (ValueError, KeyError, TypeError):
            continue
        try:
            render_one(engine, str(job["text"]), path)
        except Exception as err:  # one phrase failing leaves the others to render
            _reply({"failed": str(path), "error": str(err) or type(err).__name__})
            continue
        _reply({"done": str(path)})
    return 0


class Renderer:
    """The app's side: start the process, hand over phrases, learn what is ready.

    Never waits unless asked (`wait`): `ready` grows from a reader thread as
    clips land, and the cue scheduler reads it without locking (a set's add
    is atomic in CPython).
    """

    def __init__(
        self,
        speaker: Speaker,
        folder: Path,
        texts: Iterable[str],
        env: dict[str, str] | None = None,
        on_done: Callable[[str, str | None], None] | None = None,
    ) -> None:
        self.speaker = speaker
        self.folder = folder
        self.ready: set[Path] = set()
        self.failed: dict[str, str] = {}  # text -> why
        self.on_done = on_done
        self._texts: dict[str, str] = {}  # path -> text
        jobs = []
        for text in texts:
            path = clip_path(folder, speaker, text)
            if path.is_file():
                self.ready.add(path)
            elif str(path) not in self._texts:
                self._texts[str(path)] = text
                jobs.append({"text": text, "path": str(path)})
        self.jobs = len(jobs)
        self.proc: subprocess.Popen[str] | None = None
        self._thread: threading.Thread | None = None
        if not jobs:
            return
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tuitrainer.speech.render"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # never onto the screen the app draws
            env=env,
            text=True,
            bufsize=1,
        )
        self._thread = threading.Thread(target=self._feed_and_read, args=(jobs,), daemon=True)
        self._thread.start()

    def _feed(self, jobs: list[dict[str, str]]) -> None:
        """Hand every phrase over, then end the input (which ends the process)."""
        proc = self.proc
        assert proc is not None and proc.stdin is not None
        try:
            proc.stdin.write(json.dumps(asdict(self.speaker)) + "\n")
            for job in jobs:
                proc.stdin.write(json.dumps(job) + "\n")
            proc.stdin.close()
        except (BrokenPipeError, OSError, ValueError):
            pass

    def _feed_and_read(self, jobs: list[dict[str, str]]) -> None:
        proc = self.proc
        assert proc is not None and proc.stdout is not None
        # Written from a thread of its own: with many phrases, writing them all before
        # reading would fill both pipes and leave each process waiting on the other.
        threading.Thread(target=self._feed, args=(jobs,), daemon=True).start()
        for line in proc.stdout:
            try:
                reply = json.loads(line)
            except ValueError:
                continue
            if reply.get("done"):
                path = str(reply["done"])
                self.ready.add(Path(path))
                self._tell(self._texts.get(path, ""), None)
            else:
                text = self._texts.get(str(reply.get("failed")), "")
                why = str(reply.get("error") or "failed")
                self.failed[text] = why
                self._tell(text, why)
        proc.wait()

    def _tell(self, text: str, why: str | None) -> None:
        if self.on_done is not None:
            with contextlib.suppress(Exception):
                self.on_done(text, why)

    def clip(self, text: str) -> Path | None:
        """The clip of a phrase if it is rendered; None while it is not (or failed)."""
        path = clip_path(self.folder, self.speaker, text)
        if path in self.ready:
            return path
        if self.proc is None and path.is_file():  # rendered by another run meanwhile
            self.ready.add(path)
            return path
        return None

    def wait(self, timeout: float | None = None) -> bool:
        """Block until every phrase is rendered or failed (for `voice prepare`)."""
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def close(self) -> None:
        """Stop rendering (leaving a workout): what is done stays in the cache."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=1.0)


if __name__ == "__main__":
    sys.exit(main())
