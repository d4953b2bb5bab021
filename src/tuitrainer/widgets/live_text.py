"""One line of text that changes often (a running total), repainted without a relayout."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class LiveText(Widget):
    """Like a one-line `Label`, but `update` repaints only this widget.

    A `Label`'s update lays the whole screen out again; for a figure that changes
    every second that was most of a running workout's cost
    (benchmarks/workout_cpu.py). Give it a fixed width in CSS.
    """

    DEFAULT_CSS = """
    LiveText {
        height: 1;
        width: 24;
    }
    """

    def __init__(self, text: str = "", **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = text

    def update(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.refresh()

    def render(self) -> Text:
        return Text(self.text, no_wrap=True, overflow="ellipsis")
