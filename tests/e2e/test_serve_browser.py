"""`tuitrainer serve` in a real browser: the app appears, a workout starts, its cues
reach the page, and the page asks nothing of any host but this one."""

from __future__ import annotations

import asyncio
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


@pytest.fixture
def server(data_dir: Path):
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
        assert heard[0] == "get_ready.wav", heard

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
