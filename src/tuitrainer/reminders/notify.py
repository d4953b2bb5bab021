"""One notification, by the first way that works here.

Linux: the freedesktop Notifications service on the session bus (jeepney, pure
Python). macOS: `osascript` (a notification from a plain Python is dropped by
the system unless it is a signed app). Else a terminal notification (OSC 9 or
777) where the terminal is known to show one, else only the printed line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from html import escape
from typing import TextIO

APP_NAME = "tuitrainer"
NOTIFICATIONS = ("org.freedesktop.Notifications", "/org/freedesktop/Notifications")
TIMEOUT = 3.0  # seconds: a bus that does not answer is not waited on


def plain(text: str) -> str:
    """Text for a notification or an escape sequence: no control characters."""
    return "".join(" " if ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 else ch for ch in text)


def by_dbus(title: str, body: str, env: Mapping[str, str] = os.environ) -> bool:
    """org.freedesktop.Notifications.Notify on the session bus; False when unreachable."""
    if not env.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    try:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection
    except ImportError:  # pragma: no cover - jeepney is a dependency
        return False
    address = DBusAddress(NOTIFICATIONS[1], bus_name=NOTIFICATIONS[0], interface=NOTIFICATIONS[0])
    message = new_method_call(
        address,
        "Notify",
        "susssasa{sv}i",
        # The body may be read as simple markup (<b>, <a href>) by the server: escaped.
        (APP_NAME, 0, "", plain(title), escape(plain(body), quote=False), [], {}, -1),
    )
    try:
        with open_dbus_connection(bus="SESSION", auth_timeout=TIMEOUT) as connection:
            reply = connection.send_and_get_reply(message, timeout=TIMEOUT)
    except Exception:  # no bus, no service, a timeout: try the next way
        return False
    return bool(reply.header.message_type.name == "method_return")


def by_osascript(title: str, body: str) -> bool:
    """macOS: the texts go in as arguments, never into the script's source."""
    if sys.platform != "darwin":
        return False
    script = [
        "-e", "on run argv",
        "-e", "display notification (item 2 of argv) with title (item 1 of argv)",
        "-e", "end run",
    ]  # fmt: skip
    try:
        done = subprocess.run(
            ["osascript", *script, plain(title), plain(body)],
            capture_output=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def osc_for(env: Mapping[str, str]) -> str | None:
    """Which terminal notification this terminal shows: "9", "777" or None.

    Not through tmux or screen (they swallow it), and not guessed for unknown
    terminals, where the sequence might print as garbage.
    """
    if env.get("TMUX") or env.get("STY"):
        return None
    program, term = env.get("TERM_PROGRAM", ""), env.get("TERM", "")
    if program in ("iTerm.app", "WezTerm", "ghostty") or term == "xterm-kitty":
        return "9"
    if term.startswith("foot"):
        return "777"
    return None


def by_terminal(title: str, body: str, out: TextIO, env: Mapping[str, str] = os.environ) -> bool:
    kind = osc_for(env)
    if kind is None or not out.isatty():
        return False
    if kind == "9":
        sequence = f"\x1b]9;{plain(title)}: {plain(body)}\x07"
    else:
        sequence = f"\x1b]777;notify;{plain(title).replace(';', ',')};{plain(body)}\x07"
    # The one deliberate escape sequence: past a writer that escapes control characters.
    write = getattr(out, "raw_write", None)
    if write is not None:
        write(sequence)
    else:
        out.write(sequence)
        out.flush()
    return True


def notify(title: str, body: str, out: TextIO, env: Mapping[str, str] = os.environ) -> str:
    """Send it; return how it went ("desktop", "macOS", "terminal" or "printed")."""
    if by_dbus(title, body, env):
        return "desktop"
    if by_osascript(title, body):
        return "macOS"
    if by_terminal(title, body, out, env):
        return "terminal"
    return "printed"
