"""Text that changes often (a running total, a coaching tip), repainted without a relayout."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget


class LiveText(Widget):
    """Like a `Label` or a `Static`, but `update` lays the screen out again only
    when the text's height changes; otherwise it repaints only this widget.

    A `Label`'s update lays the whole screen out again; for a figure that changes
    every second, or a tip that changes every few, that was most of a running
    workout's cost (benchmarks/workout_cpu.py). One line by default (give it a
    fixed width in CSS); `wrap=True` wraps it over as many lines as it needs.
    The text is drawn as it is: never markup.
    """

    DEFAULT_CSS = """
    LiveText {
        height: 1;
        width: 24;
    }
    LiveText.-wrap {
        height: auto;
        width: 1fr;
    }
    """

    def __init__(self, text: str = "", wrap: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = text
        self.wrap = wrap
        self.set_class(wrap, "-wrap")

    def update(self, text: str) -> None:
        if text == self.text:
            return
        width = self.content_region.width
        before = self._lines(width)
        self.text = text
        self.refresh(layout=self.wrap and self._lines(width) != before)

    def _lines(self, width: int) -> int:
        if not self.wrap or width <= 0:
            return 1
        return max(1, len(self._text().wrap(self.app.console, width)))

    def _text(self) -> Text:
        if self.wrap:
            return Text(self.text)
        return Text(self.text, no_wrap=True, overflow="ellipsis")

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._lines(width)

    def render(self) -> Text:
        return self._text()
