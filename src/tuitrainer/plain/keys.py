"""Where plain mode's keys come from: a terminal, read key by key, or lines of input.

On a terminal the keys are read as they are pressed, without Enter (termios
cbreak; Ctrl+C still interrupts). From a pipe or a file each line is one key:
an empty line is space, otherwise its first character, so a script can drive a
workout with `printf '\\n\\nq\\n'`.
"""

from __future__ import annotations

import contextlib
import os
import re
import select
from collections.abc import Iterator
from typing import Protocol, TextIO

END = "<end>"  # no more input will come (the pipe closed)


class Keys(Protocol):
    interactive: bool  # a person at a terminal (asks before ending; pain questions)

    def read(self, timeout: float | None) -> str | None:
        """The next key, None when `timeout` seconds pass first, END at end of input."""
        ...

    def read_line(self, prompt_timeout: float | None = None) -> str | None:
        """A whole line typed and ended with Enter (a pain rating); None at the end."""
        ...


class LineKeys:
    """One key per line of a file descriptor that is not a terminal."""

    interactive = False

    def __init__(self, stream: TextIO) -> None:
        self.fd = stream.fileno()
        self._buffer = b""
        self._ended = False

    def _line(self, timeout: float | None) -> str | None:
        while b"\n" not in self._buffer:
            if self._ended:
                if not self._buffer:
                    return END
                break
            ready, _, _ = select.select([self.fd], [], [], timeout)
            if not ready:
                return None
            chunk = os.read(self.fd, 4096)
            if not chunk:
                self._ended = True
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line.decode("utf-8", "replace").rstrip("\r")

    def read(self, timeout: float | None) -> str | None:
        line = self._line(timeout)
        if line is None or line == END:
            return line
        return line[0] if line else " "

    def read_line(self, prompt_timeout: float | None = None) -> str | None:
        line = self._line(prompt_timeout)
        return None if line == END else line


ESCAPE_SEQUENCE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|O.|.)?", re.DOTALL)


# A presentation clicker sends PageDown and PageUp: a rep and its undo, as on the
# workout screen. Other sequences (arrows, function keys) mean nothing here.
SEQUENCE_KEYS = {"\x1b[6~": " ", "\x1b[5~": "u"}


def split_keys(text: str) -> list[str]:
    """The keys in what the terminal sent, in order; Enter is space."""
    keys = ESCAPE_SEQUENCE.sub(lambda found: SEQUENCE_KEYS.get(found.group(0), ""), text)
    return [" " if key in "\r\n" else key for key in keys]


class TerminalKeys:
    """Keys as they are pressed on a terminal (cbreak: no Enter, no echo)."""

    interactive = True

    def __init__(self, stream: TextIO) -> None:
        self.fd = stream.fileno()
        self._pending: list[str] = []  # keys that arrived together, not yet handed out

    @contextlib.contextmanager
    def cbreak(self) -> Iterator[None]:
        """Keys without Enter while the workout runs; the terminal as it was after."""
        import termios
        import tty

        saved = termios.tcgetattr(self.fd)
        try:
            tty.setcbreak(self.fd)
            yield
        finally:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, saved)

    def read(self, timeout: float | None) -> str | None:
        if self._pending:
            return self._pending.pop(0)
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return None
        data = os.read(self.fd, 64)
        if not data:
            return END
        # Keys pressed quickly (two reps, a clicker's repeat) arrive in one read:
        # every one of them counts.
        self._pending = split_keys(data.decode("utf-8", "replace"))
        return self._pending.pop(0) if self._pending else None

    def read_line(self, prompt_timeout: float | None = None) -> str | None:
        """A line with echo and editing (the terminal's own cooked mode)."""
        import termios

        saved = termios.tcgetattr(self.fd)
        cooked = list(saved)
        cooked[3] |= termios.ICANON | termios.ECHO
        termios.tcsetattr(self.fd, termios.TCSADRAIN, cooked)
        try:
            ready, _, _ = select.select([self.fd], [], [], prompt_timeout)
            if not ready:
                return None
            data = os.read(self.fd, 1024)
            return data.decode("utf-8", "replace").strip() if data else None
        finally:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, saved)
