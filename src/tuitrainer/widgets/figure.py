"""The exercise's stick figure, in Braille, moving between its start and end pose.

The picture is worked out by the plain-Python `poses` package; this widget only
fits it to its size, colours the moving limbs and repaints when the picture
changes. Each picture becomes its lines (strips) once and is kept, so a rep that
draws the same pictures again costs only the screen update (benchmarks/workout_cpu.py).
"""

from __future__ import annotations

from itertools import groupby

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from ..poses import Figure, PoseSpec, render
from ..poses.braille import Picture

# Fractions are rounded to this many steps so pictures repeat exactly and are cached;
# how often the figure moves is up to the caller (the workout: on the beat's eighths).
STEPS = 48
CACHE = 64  # pictures kept: every rep draws the same ones again


class FigureWidget(Widget):
    """Shows `spec` for `side` at a fraction of its movement; hidden without a spec."""

    DEFAULT_CSS = """
    FigureWidget {
        height: 1fr;
        min-height: 6;
        width: 1fr;
        color: $text;
    }
    FigureWidget.-none {
        display: none;
    }
    """

    def __init__(self, fit_width: bool = False, fit_height: bool = False, **kwargs) -> None:
        """`fit_width`: narrow to the picture (alone in its row), so repaints are small;
        `fit_height`: as tall as the picture is at this width (a box can then centre it)."""
        super().__init__(**kwargs)
        self.fit_width = fit_width
        self.fit_height = fit_height
        self.figure: Figure | None = None
        self.fraction = 0.0
        self.picture: Picture | None = None
        self._strips: list[Strip] = []
        self._key: tuple[object, ...] = ()
        self._cache: dict[tuple[object, ...], tuple[Picture, list[Strip]]] = {}

    def show(
        self, spec: PoseSpec | None, side: str = "left", fraction: float = 0.0, still: bool = False
    ) -> None:
        """Draw `spec` for `side`, `fraction` of the way from start to end pose; `still`:
        the start pose alone, framed on its own (larger than when it will move)."""
        if self.has_class("-none") != (spec is None):
            self.set_class(spec is None, "-none")
        if spec is None:
            self.figure = None
            return
        figure = Figure(spec, side, still)
        if self.figure != figure:
            self.figure = figure
            self._fit_width()
            self._fit_height()
        self.fraction = round(min(1.0, max(0.0, fraction)) * STEPS) / STEPS
        self._repaint()

    def on_resize(self) -> None:
        self._fit_width()
        self._fit_height()
        self._repaint()

    def notify_style_update(self) -> None:
        """A theme change recolours the figure: the kept lines are built again."""
        super().notify_style_update()
        self._cache.clear()
        self._key = ()
        self._repaint()

    def _fit_width(self) -> None:
        """As wide as the figure is at this height, so a repaint redraws no empty cells."""
        parent = self.parent
        if not self.fit_width or self.figure is None or not isinstance(parent, Widget):
            return
        if not self.size.height:
            return
        left, bottom, right, top = self.figure.bounds
        cells = self.size.height * 4 * (right - left) / max(top - bottom, 1e-6) / 2
        width = min(int(cells) + 3, parent.size.width or int(cells) + 3)
        if self.styles.width is None or self.styles.width.value != width:
            self.styles.width = width

    def _fit_height(self) -> None:
        """As tall as the figure is at this width (never more than the box holds)."""
        parent = self.parent
        if not self.fit_height or self.figure is None or not isinstance(parent, Widget):
            return
        if not self.size.width or not parent.size.height:
            return
        left, bottom, right, top = self.figure.bounds
        rows = self.size.width * 2 * (top - bottom) / max(right - left, 1e-6) / 4
        height = max(6, min(int(rows) + 2, parent.size.height))
        if self.styles.height is None or self.styles.height.value != height:
            self.styles.height = height

    def _repaint(self) -> None:
        if self.figure is None or not self.size.width or not self.size.height:
            return
        key = (self.figure, self.fraction, self.size)
        if key == self._key:
            return
        self._key = key
        cached = self._cache.get(key)
        if cached is None:
            picture = render(self.figure, self.size.width, self.size.height, self.fraction)
            cached = (picture, self._lines(picture))
            if len(self._cache) >= CACHE:
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = cached
        before = self.picture
        if cached[0] != before or cached[1] is not self._strips:
            self.picture, self._strips = cached
            self._refresh_rows(before, cached[0])

    def _refresh_rows(self, before: Picture | None, after: Picture) -> None:
        """Repaint only the rows that changed: a moving leg leaves the head's rows alone."""
        same_shape = before is not None and [len(x) for x in before.lines] == [
            len(x) for x in after.lines
        ]
        if before is None or not same_shape:
            self.refresh()
            return
        width = self.size.width
        rows = [
            Region(0, y, width, 1)
            for y, (old, new) in enumerate(zip(before.lines, after.lines, strict=True))
            if old != new or before.parts[y] != after.parts[y]
        ]
        if rows:
            self.refresh(*rows)

    def _lines(self, picture: Picture) -> list[Strip]:
        """The picture's rows as strips, each run of one part in that part's style."""
        base = self.rich_style
        accent = self.app.current_theme.accent or "orange"
        styles = {
            "moving": base + Style(color=accent, bold=True),
            "other": base + Style(dim=True),
            "floor": base + Style(dim=True),
            "body": base,
            "": base,
        }
        strips = []
        for line, parts in zip(picture.lines, picture.parts, strict=True):
            segments = [
                Segment("".join(char for char, _ in run), styles.get(part, base))
                for part, run in groupby(zip(line, parts, strict=True), key=lambda c: c[1])
            ]
            strips.append(Strip(segments, len(line)))
        return strips

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if y < len(self._strips):
            return self._strips[y].crop_extend(0, width, self.rich_style)
        return Strip.blank(width, self.rich_style)
