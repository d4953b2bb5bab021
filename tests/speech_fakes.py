"""Fake speech engines for tests: programs and a `piper` package that write real WAVs.

Each "speaks" a phrase as a burst of tone whose length grows with the text, after
a stretch of silence (as Piper's clips begin), so the clean-up has work to do and
two phrases never give the same clip. A phrase holding "FAIL" makes them fail.
"""

from __future__ import annotations

import os
import stat
import sys
import textwrap
from pathlib import Path

from tuitrainer.audio.outputs import Output

WRITER = """
import math, struct, sys, wave

def write(text, out, rate=16000):
    if "FAIL" in text:
        sys.stderr.write("the fake engine refuses that\\n")
        raise SystemExit(3)
    lead = [0] * int(0.065 * rate)
    body = [int(12000 * math.sin(2 * math.pi * 440 * i / rate))
            for i in range(int((0.1 + 0.01 * len(text)) * rate))]
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(struct.pack("<%dh" % (len(lead) + len(body)), *(lead + body)))
"""

ESPEAK = (
    WRITER
    + """
args = sys.argv[1:]
with open(LOG, "a") as log:
    log.write(" ".join(args) + "\\n")
write(sys.stdin.read(), args[args.index("-w") + 1], rate=22050)
"""
)

PIPER = (
    WRITER
    + """
class SynthesisConfig:
    def __init__(self, length_scale=1.0):
        self.length_scale = length_scale

class PiperVoice:
    loads = 0

    @classmethod
    def load(cls, model):
        if not str(model).endswith(".onnx"):
            raise ValueError("not a model")
        return cls()

    def synthesize_wav(self, text, wav_file, syn_config=None):
        import io, tempfile, os
        folder = tempfile.mkdtemp()
        path = os.path.join(folder, "x.wav")
        write(text, path, rate=22050)
        with wave.open(path, "rb") as src:
            wav_file.setnchannels(1)
            wav_file.setsampwidth(2)
            wav_file.setframerate(src.getframerate())
            wav_file.writeframes(src.readframes(src.getnframes()))
"""
)


def fake_espeak(folder: Path) -> tuple[Path, Path]:
    """An `espeak-ng` program in `folder`, and the log of the arguments it was given."""
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "espeak.log"
    program = folder / "espeak-ng"
    body = ESPEAK.replace("LOG", repr(str(log)))
    program.write_text(f"#!{sys.executable}\n{textwrap.dedent(body)}")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program, log


def fake_piper(folder: Path) -> tuple[dict[str, str], Path]:
    """A `piper` package importable by a child process (through the returned
    environment), and a voice model file with its settings beside it."""
    package = folder / "site" / "piper"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text(PIPER)
    model = folder / "voices" / "en_US-fake-medium.onnx"
    model.parent.mkdir(parents=True, exist_ok=True)
    model.write_bytes(b"not really a network")
    Path(f"{model}.json").write_text("{}")
    path = os.pathsep.join(filter(None, [str(folder / "site"), os.environ.get("PYTHONPATH")]))
    return {**os.environ, "PYTHONPATH": path}, model


class Speakers(Output):
    """Like a sound card: every file is heard; records what, in order."""

    name = "speakers"
    plays_files = True

    def __init__(self) -> None:
        super().__init__()
        self.files: list[str] = []

    def play(self, cue, path, at, volume):
        super().play(cue, path, at, volume)
        self.files.append(path.name)
