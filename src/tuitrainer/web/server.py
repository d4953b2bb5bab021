"""`tuitrainer serve`: the app in a browser tab, for a TV across the room.

textual-serve starts one app process per tab and draws it with xterm.js. Its
stock page links a web font from the internet; ours (templates/app_index.html)
loads nothing from outside this server, opens at a large font, and plays the
cues: the served app signals each cue with `open_url("cue:FILE")`, the page
catches those addresses and plays `/cue/FILE` from the sound folders, after
the first click or key as browsers require.
"""

from __future__ import annotations

import ipaddress
import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..serving import SERVED_ENV
from ..sound_files import find

TEMPLATES = Path(__file__).resolve().parent / "templates"
DEFAULT_FONT_SIZE = 28  # readable from a sofa; ?fontsize=N changes it
LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_local(host: str) -> bool:
    """True when only this machine can reach `host` (a loopback name or address)."""
    if host.lower() in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def request_allowed(bound_host: str, host_header: str, origin: str | None) -> bool:
    """Whether a request may reach the app. There is no login, so a page from another
    site must not drive it: a websocket is not bound by the browser's same-origin rule,
    so its Origin must be this server's own; and a server for this machine only answers
    requests addressed to a loopback name (a DNS-rebinding page addresses it by its own).
    """
    if origin is not None and urlsplit(origin).netloc.lower() != host_header.lower():
        return False
    if is_local(bound_host):
        name = urlsplit(f"//{host_header}").hostname or ""
        return is_local(name)
    return True


def app_command(data_dir: Path, python: str = sys.executable) -> str:
    """The shell command textual-serve runs for each tab: this app, marked as served.

    textual-serve runs it through a shell, so every part is quoted.
    """
    parts = ["env", f"{SERVED_ENV}=1", python, "-m", "tuitrainer", "--data-dir", str(data_dir)]
    return shlex.join(parts)


def cue_file(name: str, folders: Sequence[Path]) -> Path | None:
    """The sound file a page may fetch as /cue/NAME: a plain name found in a sound
    folder (`find` refuses folders and `..`), so nothing else on disk is served."""
    return find(name, list(folders)) if name.lower().endswith(".wav") else None


def make_server(host: str, port: int, data_dir: Path, sound_folders: Sequence[Path]) -> Any:
    """A textual-serve Server with our page and a /cue/ route. Imports textual-serve
    (the `serve` extra) only here, so the rest of the app never needs it."""
    from aiohttp import web
    from textual_serve.server import Server

    @web.middleware
    async def same_site(request: web.Request, handler: Any) -> web.StreamResponse:
        if not request_allowed(host, request.host, request.headers.get("Origin")):
            raise web.HTTPForbidden(text="tuitrainer answers only its own pages")
        return await handler(request)

    class TrainerServer(Server):  # type: ignore[misc]
        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.router.add_get("/cue/{name}", self.handle_cue)
            app.middlewares.append(same_site)
            return app

        async def handle_cue(self, request: web.Request) -> web.StreamResponse:
            path = cue_file(request.match_info["name"], sound_folders)
            if path is None:
                raise web.HTTPNotFound()
            return web.FileResponse(path, headers={"Content-Type": "audio/wav"})

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            # The stock handler defaults to 16 px; a TV across the room needs more.
            if "fontsize" not in request.query:
                url = request.rel_url.update_query({"fontsize": str(DEFAULT_FONT_SIZE)})
                raise web.HTTPFound(str(url))
            # The page's websocket address must be the one the browser used (a TV on
            # the network reaches this machine by its address, not by "0.0.0.0").
            self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

    return TrainerServer(
        app_command(data_dir),
        host=host,
        port=port,
        title="tuitrainer",
        templates_path=str(TEMPLATES),
    )


def serve(host: str, port: int, data_dir: Path, sound_folders: Sequence[Path]) -> None:
    """Serve until Ctrl+C. The app processes' own stdout is the page's channel: nothing
    else may write to it, so child processes get /dev/null (see audio/outputs.py)."""
    os.environ.pop(SERVED_ENV, None)
    make_server(host, port, data_dir, sound_folders).serve()
