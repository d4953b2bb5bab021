"""Which speech engine speaks here: found at run time, in a fixed order.

Piper (the optional `voice` extra, with a voice model the user provides) sounds
most natural; espeak-ng is a small system package; `say` is built into macOS;
SAPI is built into Windows and reached through PowerShell. Every engine runs in
a process of its own (see render.py), never inside the app: a crash, its memory
and its licence stay on the other side of a pipe.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ENGINES = ("piper", "espeak-ng", "say", "sapi")
CHOICES = ("auto", "off", *ENGINES)
WORDS_PER_MINUTE = 175  # espeak-ng's and say's usual pace, at rate 1.0


@dataclass(frozen=True)
class Speaker:
    """One engine, ready to render: what runs, with which voice, how fast.

    `stamp` changes when the voice itself changes (a Piper model replaced by
    another of the same name), so cached clips of the old voice are not reused.
    """

    engine: str
    program: str  # the engine's program; for Piper, the Python that imports it
    voice: str = ""  # the engine's voice name; for Piper, the model file
    rate: float = 1.0  # 1.0 is the engine's usual pace
    stamp: str = ""

    def describe(self) -> str:
        voice = Path(self.voice).name if self.engine == "piper" else self.voice
        parts = [f"voice {voice}"] if voice else []
        if abs(self.rate - 1.0) > 1e-9:
            parts.append(f"rate {self.rate:g}")
        return f"{self.engine} ({', '.join(parts)})" if parts else self.engine


def piper_model(setting: str, voices: Path) -> tuple[Path | None, str]:
    """The Piper voice model to use: the setting's, else the first in the voices folder."""
    if setting:
        model = Path(setting).expanduser()
        if not model.is_file():
            return None, f"piper: the voice model {model} is not there"
    else:
        try:
            found = sorted(voices.glob("*.onnx"))
        except OSError:
            found = []
        if not found:
            return None, f"piper: no voice model (put an .onnx voice in {voices})"
        model = found[0]
    if not Path(f"{model}.json").is_file():
        return None, f"piper: the model's settings file {model.name}.json is missing"
    return model, ""


def _has_piper() -> bool:
    return importlib.util.find_spec("piper") is not None


def _stamp(path: Path) -> str:
    try:
        stat = path.stat()
    except OSError:
        return ""
    return f"{stat.st_size}:{stat.st_mtime_ns}"


@dataclass(frozen=True)
class Found:
    """What discovery chose (None: no voice) and what it tried before, for a notice."""

    speaker: Speaker | None
    tried: tuple[str, ...] = ()
    off: bool = False  # voice = "off": no notice is due


def discover(
    setting: str = "auto",
    *,
    voice: str = "",
    model: str = "",
    rate: float = 1.0,
    voices: Path = Path("."),
    which: Callable[[str], str | None] = shutil.which,
    has_piper: Callable[[], bool] = _has_piper,
    platform: str = sys.platform,
) -> Found:
    """The first engine that can speak here: piper, espeak-ng, say, SAPI.

    `setting` names one engine to use only it, "off" for none, "auto" for the
    first found. Cheap (no process starts): safe on the screen's thread.
    """
    if setting == "off":
        return Found(None, off=True)
    wanted = ENGINES if setting == "auto" else (setting,)
    tried: list[str] = []
    for engine in wanted:
        speaker, why = _try(engine, voice, model, rate, voices, which, has_piper, platform)
        if speaker is not None:
            return Found(speaker, tuple(tried))
        tried.append(why)
    return Found(None, tuple(tried))


def _try(
    engine: str,
    voice: str,
    model: str,
    rate: float,
    voices: Path,
    which: Callable[[str], str | None],
    has_piper: Callable[[], bool],
    platform: str,
) -> tuple[Speaker | None, str]:
    if engine == "piper":
        if not has_piper():
            return None, "piper: not installed (the `voice` extra)"
        path, why = piper_model(model, voices)
        if path is None:
            return None, why
        return Speaker("piper", sys.executable, str(path), rate, _stamp(path)), ""
    if engine == "espeak-ng":
        program = which("espeak-ng")
        if program is None:
            return None, "espeak-ng: not installed"
        return Speaker("espeak-ng", program, voice, rate), ""
    if engine == "say":
        program = which("say") if platform == "darwin" else None
        if program is None:
            return None, "say: macOS only"
        return Speaker("say", program, voice, rate), ""
    if engine == "sapi":
        program = (which("powershell") or which("pwsh")) if platform == "win32" else None
        if program is None:
            return None, "SAPI: Windows only"
        return Speaker("sapi", program, voice, rate), ""
    return None, f"{engine}: not a speech engine"


def notice(found: Found) -> str:
    """One line for the screen: which voice speaks, or why the tones stay alone."""
    if found.off:
        return ""
    if found.speaker is not None:
        return f"Voice: {found.speaker.describe()}"
    return "Voice: none found, cues stay tones (install espeak-ng; see the README)"
