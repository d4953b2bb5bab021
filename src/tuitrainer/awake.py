"""Keep the screen awake while a workout runs.

A person on the floor does not touch the keyboard for minutes; a screen that
blanks in the middle of a side cannot be read. While a workout runs (not before
its start, not while paused, not after its end) the display is kept on:

- Linux and other freedesktop systems: the session bus's
  `org.freedesktop.ScreenSaver.Inhibit`, through jeepney (pure Python). The
  desktop also ends the inhibition if this process dies, since it belongs to our
  bus connection. (`systemd-inhibit --what=idle` is not honoured by GNOME for
  blanking, so it is not used.)
- macOS: `caffeinate -d -w PID`, which also ends with this process.
- Elsewhere, or when neither is there: nothing, quietly.

Plain Python; the workout core wires it to the engine's events.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import Any, Protocol

from .events import Event, Paused, Resumed, WorkoutFinished, WorkoutStarted

APP = "tuitrainer"
REASON = "A workout is running"
BUS_TIMEOUT = 0.5  # seconds; a hung bus must not hold up a key press for long


class ScreenAwake(Protocol):
    def hold(self) -> None:
        """Keep the display on (holding twice is holding once)."""

    def release(self) -> None:
        """Let the display blank again (releasing what is not held does nothing)."""

    def close(self) -> None:
        """Release, and let go of what was opened for it (at exit)."""


class Nothing:
    """Where the screen cannot be kept awake (or the setting is off)."""

    def hold(self) -> None:
        pass

    def release(self) -> None:
        pass

    def close(self) -> None:
        pass


class FreedesktopScreenSaver:
    """`org.freedesktop.ScreenSaver` Inhibit / UnInhibit on the session bus.

    The connection is opened on the first hold and kept: an inhibition lasts as
    long as the connection that asked for it. Any D-Bus failure (no bus, no
    screensaver service) turns this into `Nothing` for the rest of the run.
    """

    def __init__(self, address: str = "SESSION") -> None:
        self.address = address
        self.cookie: int | None = None
        self._connection: Any = None  # jeepney's blocking connection, once opened
        self._broken = False

    def _call(self, method: str, signature: str, body: tuple[Any, ...]) -> tuple[Any, ...]:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        if self._connection is None:
            self._connection = open_dbus_connection(bus=self.address)
        target = DBusAddress(
            "/org/freedesktop/ScreenSaver",
            bus_name="org.freedesktop.ScreenSaver",
            interface="org.freedesktop.ScreenSaver",
        )
        message = new_method_call(target, method, signature, body)
        reply = self._connection.send_and_get_reply(message, timeout=BUS_TIMEOUT)
        if reply.header.message_type.name == "error":
            raise OSError(f"{method}: {reply.body}")
        return tuple(reply.body)

    def hold(self) -> None:
        if self.cookie is not None or self._broken:
            return
        try:
            (self.cookie,) = self._call("Inhibit", "ss", (APP, REASON))
        except Exception:  # noqa: BLE001 - no bus, no service, a timeout: stay quiet
            self._broken = True
            self.close()

    def release(self) -> None:
        if self.cookie is None:
            return
        cookie, self.cookie = self.cookie, None
        try:
            self._call("UnInhibit", "u", (cookie,))
        except Exception:  # noqa: BLE001 - the desktop drops it with the connection
            self.close()

    def close(self) -> None:
        """Release and hang up (at exit)."""
        if self.cookie is not None:
            self.release()
        if self._connection is not None:
            try:
                self._connection.close()
            finally:
                self._connection = None


class Caffeinate:
    """macOS: `caffeinate -d` (the display) for as long as this process lives."""

    def __init__(self, program: str) -> None:
        self.program = program
        self._process: subprocess.Popen[bytes] | None = None

    def hold(self) -> None:
        if self._process is not None and self._process.poll() is None:
            return
        try:
            self._process = subprocess.Popen(
                [self.program, "-d", "-w", str(os.getpid())],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self._process = None

    def release(self) -> None:
        if self._process is not None:
            self._process.terminate()
            self._process.wait(timeout=2)
            self._process = None

    def close(self) -> None:
        self.release()


def for_this_system(enabled: bool = True) -> ScreenAwake:
    """The way to keep this system's screen awake, or `Nothing`."""
    if not enabled:
        return Nothing()
    if sys.platform == "darwin":
        program = shutil.which("caffeinate")
        return Caffeinate(program) if program else Nothing()
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return FreedesktopScreenSaver()
    return Nothing()


class AwakeWhileRunning:
    """An engine listener: hold while the workout's clock runs, release otherwise."""

    def __init__(self, awake: ScreenAwake) -> None:
        self.awake = awake

    def __call__(self, event: Event) -> None:
        if isinstance(event, WorkoutStarted | Resumed):
            self.awake.hold()
        elif isinstance(event, Paused | WorkoutFinished):
            self.awake.release()
