"""The workout's progress as one thin bar, drawn in half cells, repainted only when it moves."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

DONE, HALF_DONE, LEFT_EDGE = "━", "╸", "╺"


def bar_cells(fraction: float, width: int) -> tuple[int, bool]:
    """Whole cells filled and whether a half cell follows, for a bar `width` wide."""
    halves = int(max(0.0, min(1.0, fraction)) * width * 2)
    return halves // 2, bool(halves % 2)


class ProgressLine(Widget):
    """A progress bar with nothing running behind it.

    Textual's `ProgressBar` wakes every second to work out an ETA, shown or not;
    in a rest that was a second wake-up for every one the clock needs
    (benchmarks/workout_cpu.py). This one changes only when told, and repaints
    only when the filled part grows by half a cell.
    """

    COMPONENT_CLASSES = {"progress-line--done", "progress-line--left"}

    DEFAULT_CSS = """
    ProgressLine {
        width: 1fr;
        height: 1;
    }
    ProgressLine > .progress-line--done {
        color: $primary;
    }
    ProgressLine > .progress-line--left {
        color: $surface;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.fraction = 0.0

    def show(self, done: float, total: float) -> None:
        """`done` of `total` (any unit); a repaint only when the drawn bar changes."""
        fraction = done / total if total > 0 else 1.0
        width = self.size.width
        before = bar_cells(self.fraction, width)
        self.fraction = fraction
        if bar_cells(fraction, width) != before or not width:
            self.refresh()

    def render(self) -> Text:
        width = self.size.width
        full, half = bar_cells(self.fraction, width)
        done_style = self.get_component_rich_style("progress-line--done")
        left_style = self.get_component_rich_style("progress-line--left")
        bar = Text(no_wrap=True, overflow="crop")
        bar.append(DONE * full + (HALF_DONE if half else ""), done_style)
        left = width - full - int(half)
        if left > 0:
            bar.append((DONE if half else LEFT_EDGE) + DONE * (left - 1), left_style)
        return bar
