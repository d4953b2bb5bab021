"""Big letters and digits for the floor view, drawn with block characters.

A person on hands and knees 2 m from a laptop reads a rep count only when it
is several rows tall. Textual's `Digits` is three rows and has no letters, and
a figlet font is wider than a terminal of 80 columns for words such as
"GET READY", so this is a small pixel font of its own: each glyph is 5 pixels
high, and a pixel is `scale` columns wide and `scale` half-rows tall (half-block
characters), so pixels stay square. Scale 1 is 3 rows, scale 2 is 5 rows, scale
3 is 8 rows.

Plain Python: the display decides what to show, this only draws it.
"""

from __future__ import annotations

import math

HEIGHT = 5  # pixels
GAP = 1  # pixel columns between glyphs

_FONT_SOURCE = {
    "A": ".##. #..# #### #..# #..#",
    "B": "###. #..# ###. #..# ###.",
    "C": ".### #... #... #... .###",
    "D": "###. #..# #..# #..# ###.",
    "E": "#### #... ###. #... ####",
    "F": "#### #... ###. #... #...",
    "G": ".### #... #.## #..# .###",
    "H": "#..# #..# #### #..# #..#",
    "I": "### .#. .#. .#. ###",
    "J": "..## ...# ...# #..# .##.",
    "K": "#..# #.#. ##.. #.#. #..#",
    "L": "#... #... #... #... ####",
    "M": "#...# ##.## #.#.# #...# #...#",
    "N": "#..# ##.# #.## #..# #..#",
    "O": ".##. #..# #..# #..# .##.",
    "P": "###. #..# ###. #... #...",
    "Q": ".##. #..# #..# #.## .###",
    "R": "###. #..# ###. #.#. #..#",
    "S": ".### #... .##. ...# ###.",
    "T": "### .#. .#. .#. .#.",
    "U": "#..# #..# #..# #..# .##.",
    "V": "#...# #...# .#.#. .#.#. ..#..",
    "W": "#...# #...# #.#.# ##.## #...#",
    "X": "#..# #..# .##. #..# #..#",
    "Y": "#...# .#.#. ..#.. ..#.. ..#..",
    "Z": "#### ...# .##. #... ####",
    "0": "#### #..# #..# #..# ####",
    "1": ".#. ##. .#. .#. ###",
    "2": "#### ...# #### #... ####",
    "3": "#### ...# .### ...# ####",
    "4": "#..# #..# #### ...# ...#",
    "5": "#### #... #### ...# ####",
    "6": "#### #... #### #..# ####",
    "7": "#### ...# ...# ..#. ..#.",
    "8": "#### #..# #### #..# ####",
    "9": "#### #..# #### ...# ####",
    "/": "..# ..# .#. #.. #..",
    ":": ". # . # .",
    "-": "... ... ### ... ...",
    "+": "... .#. ### .#. ...",
    "?": "###. ...# .##. .... .#..",
    "!": "# # # . #",
    ".": ". . . . #",
    ",": ". . . # #",
    "'": "# # . . .",
    "·": ". . # . .",
    "(": ".# #. #. #. .#",
    ")": "#. .# .# .# #.",
    " ": ".. .. .. .. ..",
    "\u00a0": ".. .. .. .. ..",  # a space no line breaks at
}

FONT: dict[str, tuple[str, ...]] = {
    char: tuple(source.split()) for char, source in _FONT_SOURCE.items()
}

# Two stacked half-rows -> one character cell (top filled, bottom filled).
_CELLS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def drawable(text: str) -> bool:
    """Whether every character of `text` has a big glyph (letters are upper-cased)."""
    return bool(text) and all(char in FONT for char in text.upper())


def pixel_width(text: str) -> int:
    """Width of `text` in pixels, the gaps between glyphs included."""
    glyphs = [FONT[char] for char in text.upper()]
    return sum(len(glyph[0]) for glyph in glyphs) + GAP * max(0, len(glyphs) - 1)


def width(text: str, scale: int) -> int:
    """Columns `text` takes at `scale`."""
    return pixel_width(text) * scale


def rows(scale: int) -> int:
    """Terminal rows of one line of big text at `scale`."""
    return math.ceil(HEIGHT * scale / 2)


def _pixel_rows(text: str) -> list[str]:
    glyphs = [FONT[char] for char in text.upper()]
    out = []
    for y in range(HEIGHT):
        out.append(("." * GAP).join(glyph[y] for glyph in glyphs))
    return out


def render(text: str, scale: int) -> list[str]:
    """`text` as lines of block characters, `rows(scale)` lines of equal width."""
    pixels = _pixel_rows(text)
    half_rows = ["".join(pixel * scale for pixel in row) for row in pixels for _ in range(scale)]
    if len(half_rows) % 2:
        half_rows.append("." * len(half_rows[0]))
    lines = []
    for top, bottom in zip(half_rows[::2], half_rows[1::2], strict=True):
        pairs = zip(top, bottom, strict=True)
        lines.append("".join(_CELLS[(a == "#", b == "#")] for a, b in pairs))
    return lines


def wrap(text: str, scale: int, columns: int, max_lines: int) -> list[str] | None:
    """Words of `text` in lines that fit `columns` at `scale`; None if they cannot
    (a word too wide, or more than `max_lines` lines)."""
    lines: list[str] = []
    for word in filter(None, text.split(" ")):  # not at a no-break space
        if width(word, scale) > columns:
            return None
        if lines and width(f"{lines[-1]} {word}", scale) <= columns:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines if 0 < len(lines) <= max_lines else None
