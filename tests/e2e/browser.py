"""Drive headless Chromium through the DevTools protocol (no Playwright download).

One browser, one page; every network request and every websocket frame the
page receives is kept, so a test can read what the served app drew and check
that nothing was fetched from outside this machine.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (CI installs it)"
)


class Page:
    """A page in headless Chromium, spoken to over the DevTools websocket."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.frames: list[bytes] = []  # websocket frames received, decoded
        self._next = 0
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._profile = tempfile.TemporaryDirectory(ignore_cleanup_errors=True)
        self._proc: subprocess.Popen[str] | None = None

    async def start(self) -> None:
        import aiohttp

        assert CHROMIUM is not None
        self._proc = subprocess.Popen(
            [
                CHROMIUM,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--autoplay-policy=user-gesture-required",
                f"--user-data-dir={self._profile.name}",
                "--remote-debugging-port=0",
                "--window-size=1280,800",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        address = await asyncio.to_thread(self._devtools_address)
        self._http = aiohttp.ClientSession()
        self._browser = await self._http.ws_connect(address, max_msg_size=0)
        self._reader = asyncio.create_task(self._read())
        target = await self.call("Target.createTarget", {"url": "about:blank"})
        attached = await self.call(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}
        )
        self._session = attached["sessionId"]
        for domain in ("Network", "Page", "Runtime"):
            await self.call(f"{domain}.enable", session=True)

    def _devtools_address(self) -> str:
        assert self._proc is not None and self._proc.stderr is not None
        for line in self._proc.stderr:
            if "DevTools listening on" in line:
                return line.split("DevTools listening on", 1)[1].strip()
        raise RuntimeError("chromium did not start its DevTools server")

    async def _read(self) -> None:
        async for message in self._browser:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self._waiting:
                self._waiting.pop(data["id"]).set_result(data)
                continue
            method, params = data.get("method"), data.get("params", {})
            if method == "Network.requestWillBeSent":
                self.requests.append(params["request"]["url"])
            elif method == "Network.webSocketFrameReceived":
                response = params["response"]
                payload = response["payloadData"]
                raw = base64.b64decode(payload) if response["opcode"] == 2 else payload.encode()
                self.frames.append(raw)

    async def call(
        self, method: str, params: dict[str, Any] | None = None, session: bool = False
    ) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self._session
        future: asyncio.Future[dict[str, Any]] = asyncio.get_running_loop().create_future()
        self._waiting[self._next] = future
        await self._browser.send_str(json.dumps(message))
        answer = await asyncio.wait_for(future, 20)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    async def goto(self, url: str) -> None:
        await self.call("Page.navigate", {"url": url}, session=True)

    async def evaluate(self, expression: str) -> Any:
        result = await self.call(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=True,
        )
        return result["result"].get("value")

    async def press(self, key: str, code: str, text: str = "", key_code: int = 0) -> None:
        """A real key press, as a person's: trusted, so it also unlocks sound."""
        common = {"key": key, "code": code, "windowsVirtualKeyCode": key_code}
        down = {"type": "keyDown", **common, **({"text": text} if text else {})}
        await self.call("Input.dispatchKeyEvent", down, session=True)
        await self.call("Input.dispatchKeyEvent", {"type": "keyUp", **common}, session=True)

    def screen_text(self) -> str:
        """All the text the app has sent the page so far, escape sequences dropped."""
        import re

        raw = b"".join(self.frames).decode("utf-8", "replace")
        return re.sub(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[\]P_^][^\x07\x1b]*(\x07|\x1b\\)", "", raw)

    async def wait_for(self, check: Callable[[], bool], what: str, seconds: float = 20) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        while not check():
            if loop.time() > deadline:
                raise AssertionError(f"timed out waiting for {what}")
            await asyncio.sleep(0.1)

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            self._reader.cancel()
            await self._browser.close()
            await self._http.close()
        if self._proc is not None:
            self._proc.kill()
            self._proc.wait()
        self._profile.cleanup()
