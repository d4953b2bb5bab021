"""A figure as Braille text: 2 x 4 dots per character cell, at any size.

Terminal cells are about twice as tall as wide, so a Braille dot is square and
the figure keeps its shape. Each cell also carries the part drawn last in it
(`working`, `other`, `body` or `floor`), so a widget can colour the working
limbs without the text itself holding any markup.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .figure import Figure, bones_far_to_near

BLANK = 0x2800
THICK_SCALE = 45  # dots per body height from which lines are drawn two dots wide
_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))  # [row][col]


@dataclass(frozen=True)
class Picture:
    """Rows of text, and per cell the part that owns it ('' for an empty cell)."""

    lines: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


class _Canvas:
    def __init__(self, cols: int, rows: int) -> None:
        self.cols, self.rows = cols, rows
        self.width, self.height = cols * 2, rows * 4
        self.bits = [[0] * cols for _ in range(rows)]
        self.parts = [[""] * cols for _ in range(rows)]

    def dot(self, x: int, y: int, part: str) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            row, col = divmod(y, 4)[0], x // 2
            self.bits[row][col] |= _BITS[y % 4][x % 2]
            self.parts[row][col] = part

    def line(self, a: tuple[float, float], b: tuple[float, float], part: str, thick: int) -> None:
        steps = max(1, int(max(abs(b[0] - a[0]), abs(b[1] - a[1])) * 2))
        for i in range(steps + 1):
            t = i / steps
            x = a[0] + (b[0] - a[0]) * t
            y = a[1] + (b[1] - a[1]) * t
            self.dot(round(x), round(y), part)
            if thick > 1:
                self.dot(round(x + 0.5), round(y), part)
                self.dot(round(x), round(y + 0.5), part)

    def disc(self, centre: tuple[float, float], radius: float, part: str) -> None:
        cx, cy = centre
        r = max(radius, 1.0)
        filled = r < 2.5
        for y in range(math.floor(cy - r - 1), math.ceil(cy + r + 2)):
            for x in range(math.floor(cx - r - 1), math.ceil(cx + r + 2)):
                d = math.hypot(x - cx, y - cy)
                if d <= r + 0.5 and (filled or d >= r - 0.7):
                    self.dot(x, y, part)

    def picture(self) -> Picture:
        lines = tuple(
            "".join(chr(BLANK + bits) if bits else " " for bits in row) for row in self.bits
        )
        parts = tuple(
            tuple(part if bits else "" for bits, part in zip(bit_row, part_row, strict=True))
            for bit_row, part_row in zip(self.bits, self.parts, strict=True)
        )
        return Picture(lines, parts)


def size_for(figure: Figure, cols: int, max_rows: int | None = None) -> tuple[int, int]:
    """Columns and rows that hold the figure `cols` wide at its own proportions."""
    left, bottom, right, top = figure.bounds
    rows = math.ceil(cols * 2 * (top - bottom) / max(right - left, 1e-6) / 4) + 1
    if max_rows is not None:
        rows = min(rows, max_rows)
    return cols, max(rows, 2)


def render(figure: Figure, cols: int, rows: int, fraction: float = 0.0) -> Picture:
    """The figure `fraction` of the way from start to end, fitted into cols x rows cells."""
    canvas = _Canvas(max(cols, 1), max(rows, 1))
    left, bottom, right, top = figure.bounds
    margin = 1
    scale = min(
        (canvas.width - 2 * margin) / max(right - left, 1e-6),
        (canvas.height - 2 * margin) / max(top - bottom, 1e-6),
    )
    offset_x = (canvas.width - (right - left) * scale) / 2

    def at(p: tuple[float, float]) -> tuple[float, float]:
        # The figure stands on the bottom of the canvas; y grows downward on screen.
        return (
            offset_x + (p[0] - left) * scale,
            canvas.height - 1 - margin - (p[1] - bottom) * scale,
        )

    flat = figure.flat(fraction)
    thick = 2 if scale >= THICK_SCALE else 1  # bold lines once there is room for them
    if flat.floor is not None:
        y = at((0.0, flat.floor))[1] + 1
        canvas.line((0, y), (canvas.width - 1, y), "floor", 1)
    else:  # seen from above: a short mark of floor under each point resting on it
        for name in flat.contacts:
            x, y = at(flat.points[name])
            canvas.line((x - 2, y + 1), (x + 2, y + 1), "floor", 1)
    for a, b, part in bones_far_to_near(flat):
        canvas.line(at(flat.points[a]), at(flat.points[b]), figure.part(part), thick)
    head, base = at(flat.points["head"]), at(flat.points["neck_base"])
    radius = flat.head_radius * scale
    gap = math.hypot(head[0] - base[0], head[1] - base[1]) or 1.0
    t = max(0.0, 1 - radius / gap)
    canvas.line(
        base, (base[0] + (head[0] - base[0]) * t, base[1] + (head[1] - base[1]) * t), "body", thick
    )
    canvas.disc(head, radius, "body")
    return canvas.picture()
