"""Text from a file, the history or the user, made safe to show on a terminal.

A session title like `\\x1b]0;owned\\x07` is data, not a command to the terminal:
written raw it would retitle the window, `\\x1b[2J` would wipe the screen, and an
8-bit CSI (`\\x9b`) does the same on some terminals. Every screen and every command
output passes outside text through `printable`, which shows each control character
as a visible escape instead. The validator refuses them in session files with
`control_characters`; old history rows that hold them are shown escaped.
"""

from __future__ import annotations

import io
import unicodedata
from typing import TextIO

# Line and paragraph separators end a line on some terminals and in most editors.
_LINE_BREAKERS = {"\u2028", "\u2029"}
ALLOWED_IN_FILES = {"\n", "\t"}  # a multi-line tip, a tab in YAML's block text


def is_control(char: str) -> bool:
    """A character a terminal may act on rather than draw (C0, DEL, C1, line separators)."""
    return unicodedata.category(char) == "Cc" or char in _LINE_BREAKERS


def escape_char(char: str) -> str:
    """`\\x1b`, `\\x07`, `\\u2028`: what the character is, in a form that cannot act."""
    point = ord(char)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def printable(text: str, *, newlines: bool = True) -> str:
    """`text` with every control character escaped; newlines kept when `newlines`.

    A tab becomes a space, and so does a newline on one line (a table cell, a
    line of `history`): whitespace to the reader, of a width a table can predict.
    """
    if text.isprintable():  # the usual case, fast: no control, no separator
        return text
    out = []
    for char in text:
        if char == "\n" and newlines:
            out.append(char)
        elif char in "\t\n":
            out.append(" ")
        elif is_control(char):
            out.append(escape_char(char))
        else:
            out.append(char)
    return "".join(out)


def control_characters(text: str) -> list[str]:
    """The control characters a session file may not hold in a text, escaped, in order."""
    return [
        escape_char(c)
        for c in text
        if unicodedata.category(c) == "Cc" and c not in ALLOWED_IN_FILES
    ]


class PrintableWriter(io.TextIOBase):
    """A text stream that escapes control characters on the way to another one.

    Commands write through it, so no name from a file or the history reaches the
    terminal raw, whichever line of code printed it. Line ends (`\\n`, and the `\\r\\n`
    the csv module writes) and tabs pass unchanged.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        if not text.isprintable():
            text = printable_lines(text)
        self.stream.write(text)
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self.stream.fileno()

    def isatty(self) -> bool:
        return self.stream.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", "utf-8")

    def raw_write(self, text: str) -> None:
        """For the one deliberate control character: sound-check's terminal bell."""
        self.stream.write(text)
        self.stream.flush()


def printable_lines(text: str) -> str:
    """Output of a command, or a file it writes: line ends and tabs kept, the rest escaped."""
    out = []
    for index, char in enumerate(text):
        if char in "\n\t" or char == "\r" and text[index + 1 : index + 2] == "\n":
            out.append(char)
        elif is_control(char):
            out.append(escape_char(char))
        else:
            out.append(char)
    return "".join(out)
