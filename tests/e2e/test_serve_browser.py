"""`tuitrainer serve` in a real browser: the app appears, a workout starts, its cues
reach the page, and the page asks nothing of any host but this one."""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from .browser import Page, needs_chromium
from .tmux import TUITRAINER, acknowledge_safety

pytestmark = needs_chromium


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port}")


def serve(data_dir: Path):
    """`tuitrainer serve` on a free port; yields the port."""
    acknowledge_safety(data_dir)  # past the first-run safety note: the test is of serving
    port = free_port()
    proc = subprocess.Popen(
        [TUITRAINER, "--data-dir", str(data_dir), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_port(port)
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def server(data_dir: Path):
    """Tones only (no voice), so the first cue is known."""
    (data_dir / "config").mkdir(exist_ok=True)
    (data_dir / "config" / "settings.toml").write_text('voice = "off"\n')
    yield from serve(data_dir)


async def start_a_workout(port: int) -> tuple[Page, list[str]]:
    """A tab on the home screen, Enter and space: the cues the page was asked to play."""
    page = Page()
    await page.start()
    await page.goto(f"http://127.0.0.1:{port}/")
    await page.wait_for(lambda: "Hip mobility" in page.screen_text(), "the home screen")
    await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
    await page.press("Enter", "Enter", "\r", 13)
    await page.wait_for(lambda: "pain" in page.screen_text().lower(), "the pain question")
    await page.press(" ", "Space", " ", 32)
    deadline = time.monotonic() + 20
    heard: list[str] = []
    while not heard and time.monotonic() < deadline:
        heard = await page.evaluate("window.tuitrainerCues") or []
        await asyncio.sleep(0.1)
    return page, heard


async def fetched(page: Page, name: str) -> str:
    """What the server answers the page for /cue/NAME: status and content type."""
    script = f"fetch('/cue/{name}').then(r => r.status + ' ' + r.headers.get('content-type'))"
    return str(await page.evaluate(script))


async def test_spoken_cues_play_in_the_page_once_prepared(data_dir: Path) -> None:
    """With a voice rendered ahead, the get-ready phrase is fetched from the speech cache."""
    import shutil

    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (CI installs it)")
    prepared = subprocess.run(
        [TUITRAINER, "--data-dir", str(data_dir), "voice", "prepare", "hip-mobility"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert prepared.returncode == 0, prepared.stderr
    for port in serve(data_dir):
        page, heard = await start_a_workout(port)
        try:
            assert heard, "no cue reached the page"
            assert re.fullmatch(r"[0-9a-f]{16,}\.wav", heard[0]), heard  # a phrase, not a tone
            assert await fetched(page, heard[0]) == "200 audio/wav"
        finally:
            await page.close()


async def test_the_app_runs_in_a_browser_tab_and_its_cues_play_there(server: int) -> None:
    page = Page()
    await page.start()
    try:
        await page.goto(f"http://127.0.0.1:{server}/")
        await page.wait_for(lambda: "Hip mobility" in page.screen_text(), "the home screen")

        # Enter starts the highlighted session; the pain question comes first
        # (space skips it), then the workout's get-ready cue goes to the page.
        await page.evaluate("document.querySelector('.xterm-helper-textarea').focus()")
        await page.press("Enter", "Enter", "\r", 13)
        await page.wait_for(lambda: "pain" in page.screen_text().lower(), "the pain question")
        await page.press(" ", "Space", " ", 32)

        async def cues() -> list[str]:
            return await page.evaluate("window.tuitrainerCues") or []

        deadline = time.monotonic() + 20
        heard: list[str] = []
        while not heard and time.monotonic() < deadline:
            heard = await cues()
            await asyncio.sleep(0.1)
        assert heard, "no cue reached the page"
        # The get-ready cue first; on a machine loaded enough to make it late by
        # more than the scheduler's STALE, it is dropped (by design) and the
        # countdown's tick is the first heard.
        assert heard[0] in ("get_ready.wav", "countdown.wav"), heard

        # The page fetched the cue from this server, and the sound is now unlocked.
        status = await page.evaluate(
            f"fetch('/cue/{heard[0]}').then(r => r.status + ' ' + r.headers.get('content-type'))"
        )
        assert status == "200 audio/wav"
        assert await page.evaluate("document.body.classList.contains('-sound-on')")

        hosts = {urlparse(url).hostname for url in page.requests if not url.startswith("data:")}
        assert hosts == {"127.0.0.1"}, f"requests left this machine: {sorted(page.requests)}"
    finally:
        await page.close()
