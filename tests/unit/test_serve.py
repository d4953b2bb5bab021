"""The browser mode's plain parts: which hosts are local, the command each tab runs,
which files a page may fetch as cues, and cues going to the page."""

from __future__ import annotations

import shlex
from pathlib import Path

from tuitrainer.audio.outputs import BrowserOutput, choose
from tuitrainer.locations import builtin_dir
from tuitrainer.web.server import app_command, cue_file, is_local


def test_only_loopback_hosts_count_as_local() -> None:
    for host in ("127.0.0.1", "localhost", "::1", "[::1]", "127.8.9.10"):
        assert is_local(host), host
    for host in ("0.0.0.0", "192.168.1.20", "::", "tv.example", ""):
        assert not is_local(host), host


def test_each_tab_runs_this_app_marked_as_served_with_its_data_folder() -> None:
    command = app_command(Path("/tmp/a folder; rm -rf x"), python="/usr/bin/python3")
    assert shlex.split(command) == [
        "env",
        "TUITRAINER_SERVED=1",
        "/usr/bin/python3",
        "-m",
        "tuitrainer",
        "--data-dir",
        "/tmp/a folder; rm -rf x",
    ]


def test_a_page_may_fetch_only_wav_files_from_the_sound_folders(tmp_path: Path) -> None:
    folders = [tmp_path / "sounds", builtin_dir("sounds")]
    (tmp_path / "secret.wav").write_bytes(b"RIFF")
    assert cue_file("go.wav", folders) == (builtin_dir("sounds") / "go.wav").resolve()
    for name in ("../secret.wav", "..", "go", "/etc/passwd", "settings.toml", "%2e%2e.wav"):
        assert cue_file(name, folders) is None, name


def test_served_cues_go_to_the_page_by_file_name_not_to_a_device() -> None:
    signals: list[str] = []
    output, notice = choose(browser=signals.append, player=_no_player)
    assert isinstance(output, BrowserOutput)
    assert "browser" in notice
    output.play("go", builtin_dir("sounds") / "go.wav", at=0.0, volume=1.0)
    assert signals == ["cue:go.wav"]
    assert output.played == ["go"]


def _no_player(env: dict[str, str] | None) -> BrowserOutput:
    raise AssertionError("a served app never opens a sound device on the server")
