"""The built-in cue sounds: reproducible, well-formed, told apart; sound names validated."""

from __future__ import annotations

import wave
from pathlib import Path

from tests.alsa import samples_of_wav
from tests.conftest import REPO
from tuitrainer.audio import synth
from tuitrainer.config import CUE_NAMES
from tuitrainer.locations import builtin_dir
from tuitrainer.session import check_text

SOUNDS = REPO / "sounds"


def test_the_script_reproduces_the_shipped_files_byte_for_byte(tmp_path: Path):
    written = synth.write_all(tmp_path)
    assert sorted(p.name for p in written) == sorted(f"{name}.wav" for name in CUE_NAMES)
    for path in written:
        assert path.read_bytes() == (SOUNDS / path.name).read_bytes(), path.name


def test_cues_ship_in_the_package():
    for name in CUE_NAMES:
        assert (builtin_dir("sounds") / f"{name}.wav").is_file()


def test_every_cue_is_16_bit_mono_44k_with_soft_edges():
    for name in CUE_NAMES:
        with wave.open(str(SOUNDS / f"{name}.wav"), "rb") as wav:
            assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 44100)
        data = samples_of_wav(SOUNDS / f"{name}.wav")
        assert abs(data[0]) < 200 and abs(data[-1]) < 200, name  # faded: no click
        assert max(abs(s) for s in data) > 8000, name  # and loud enough to hear


def test_cues_differ_in_length_or_pitch():
    def signature(name: str) -> tuple[int, int]:
        data = samples_of_wav(SOUNDS / f"{name}.wav")
        crossings = sum(1 for a, b in zip(data, data[1:], strict=False) if (a < 0) != (b < 0))
        return len(data) // 441, crossings // 10  # length in 1/100 s, rough pitch

    signatures = {name: signature(name) for name in CUE_NAMES}
    assert len(set(signatures.values())) == len(CUE_NAMES), signatures


SESSION = """name: Sounds
cues:
  go: {go}
exercises:
  - name: Fire hydrant
    reps: 3
    cues:
      rep: {rep}
"""


def test_cue_names_resolve_in_the_user_folder_then_ours(tmp_path: Path):
    user = tmp_path / "sounds"
    user.mkdir()
    (user / "chime.wav").write_bytes((SOUNDS / "rest.wav").read_bytes())
    dirs = [user, builtin_dir("sounds")]
    session, problems = check_text(
        SESSION.format(go="chime", rep="rep.wav"), "s.yaml", sound_dirs=dirs
    )
    assert problems == []
    assert session.cues == {"go": "chime"}


def test_missing_unplayable_and_escaping_sounds_are_line_numbered(tmp_path: Path):
    user = tmp_path / "sounds"
    user.mkdir()
    (user / "notes.wav").write_text("these are not samples")
    dirs = [user, builtin_dir("sounds")]
    _, problems = check_text(SESSION.format(go="gong", rep="notes"), "s.yaml", sound_dirs=dirs)
    text = [str(p) for p in problems]
    assert text[0].startswith("s.yaml:3:7: cue sound 'gong' was not found in ")
    assert text[1].startswith("s.yaml:8:12: cue sound 'notes' (notes.wav) is not a playable WAV")
    _, problems = check_text(
        SESSION.format(go="../../etc/passwd", rep="rep"), "s.yaml", sound_dirs=dirs
    )
    assert [(p.line, p.col) for p in problems] == [(3, 7)]
    assert "plain file name" in problems[0].message


def test_a_link_out_of_the_sounds_folder_is_not_followed(tmp_path: Path):
    user = tmp_path / "sounds"
    user.mkdir()
    (user / "sneaky.wav").symlink_to(SOUNDS / "go.wav")  # a file outside the folder
    _, problems = check_text(SESSION.format(go="sneaky", rep="rep"), "s.yaml", sound_dirs=[user])
    assert "was not found" in problems[0].message
