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


async def test_a_page_from_another_site_cannot_drive_the_app(tmp_path: Path) -> None:
    # There is no login, and browsers let any page open a websocket anywhere: the
    # server itself must refuse another site's page (and a DNS-rebinding one, which
    # addresses this machine by the attacker's name).
    import aiohttp
    from aiohttp.test_utils import TestServer

    from tuitrainer.web.server import make_server

    server = make_server("127.0.0.1", 0, tmp_path, [builtin_dir("sounds")])
    async with TestServer(await server._make_app(), host="127.0.0.1") as test_server:
        base = f"http://127.0.0.1:{test_server.port}"
        own = f"127.0.0.1:{test_server.port}"
        async with aiohttp.ClientSession() as client:
            for headers in (
                {"Origin": "http://evil.example"},
                {"Origin": "http://evil.example", "Host": "evil.example"},
                {"Host": f"evil.example:{test_server.port}"},
            ):
                async with client.get(f"{base}/ws", headers=headers) as response:
                    assert response.status == 403, headers
            async with client.get(f"{base}/cue/go.wav", headers={"Host": "evil.example"}) as r:
                assert r.status == 403
            async with client.get(f"{base}/cue/go.wav", headers={"Origin": f"http://{own}"}) as r:
                assert r.status == 200
            async with client.get(f"{base}/?fontsize=28", headers={"Host": "localhost:1"}) as r:
                assert r.status == 200


def test_a_server_for_the_network_still_wants_its_own_pages() -> None:
    from tuitrainer.web.server import request_allowed

    assert request_allowed("0.0.0.0", "192.168.1.5:8000", "http://192.168.1.5:8000")
    assert request_allowed("0.0.0.0", "tv.local:8000", None)
    assert not request_allowed("0.0.0.0", "192.168.1.5:8000", "http://evil.example")
    assert request_allowed("127.0.0.1", "[::1]:8000", "http://[::1]:8000")
