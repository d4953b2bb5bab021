"""The exercise's stick figure, in Braille, moving between its start and end pose.

The picture is worked out by the plain-Python `poses` package; this widget only
fits it to its size, colours the moving limbs and repaints when the picture's
text changes (a rep of 4 s redraws about 16 times, not on every tick).
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from ..poses import Figure, PoseSpec, render
from ..poses.braille import Picture

STEPS = 16  # the movement is shown in sixteenths: smooth enough, few repaints
STYLES = {"moving": "bold $accent", "other": "dim", "floor": "dim", "body": ""}


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

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.figure: Figure | None = None
        self.fraction = 0.0
        self.picture: Picture | None = None
        self._key: tuple[object, ...] = ()

    def show(self, spec: PoseSpec | None, side: str = "left", fraction: float = 0.0) -> None:
        """Draw `spec` for `side`, `fraction` of the way from start to end pose."""
        self.set_class(spec is None, "-none")
        if spec is None:
            self.figure = None
            return
        if self.figure is None or self.figure.spec != spec or self.figure.side != side:
            self.figure = Figure(spec, side)
        self.fraction = round(min(1.0, max(0.0, fraction)) * STEPS) / STEPS
        self._repaint()

    def on_resize(self) -> None:
        self._repaint()

    def _repaint(self) -> None:
        if self.figure is None or not self.size.width or not self.size.height:
            return
        key = (self.figure.spec.id, self.figure.side, self.fraction, self.size)
        if key == self._key:
            return
        self._key = key
        picture = render(self.figure, self.size.width, self.size.height, self.fraction)
        if picture != self.picture:
            self.picture = picture
            self.refresh()

    def render(self) -> Text:
        if self.picture is None:
            return Text()
        styles = {part: self._style(part) for part in STYLES}
        text = Text(no_wrap=True, overflow="crop")
        for number, (line, parts) in enumerate(
            zip(self.picture.lines, self.picture.parts, strict=True)
        ):
            if number:
                text.append("\n")
            for char, part in zip(line, parts, strict=True):
                text.append(char, styles.get(part, ""))
        return text

    def _style(self, part: str) -> str:
        style = STYLES[part]
        if "$accent" in style:
            accent = self.app.current_theme.accent or "orange"
            return style.replace("$accent", accent)
        return style
