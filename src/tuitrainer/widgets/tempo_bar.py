"""The guided beat: a bar that fills once per rep, then holds."""

from __future__ import annotations

from textual.widget import Widget

STEPS = 8  # the bar moves in eighths of a rep: a clear beat, and few repaints


class TempoBar(Widget):
    """Shows how far through the current rep the user should be.

    The movement part fills with a solid block; the hold part, if any, with a
    lighter one, so the user sees when to hold and when to come back. It moves
    in steps rather than cell by cell, which is as easy to follow from across
    the room and costs a fraction of the redraws (benchmarks/workout_cpu.py).
    """

    DEFAULT_CSS = """
    TempoBar {
        height: 1;
        width: 1fr;
        color: $accent;
        background: $panel;
    }
    TempoBar.-hidden {
        visibility: hidden;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.progress = 0.0
        self.hold_fraction = 0.0
        self._cells = -1

    def set_beat(self, progress: float, hold_fraction: float) -> None:
        self.hold_fraction = hold_fraction
        step = min(STEPS, int(progress * STEPS + 1e-9))
        cells = self.size.width * step // STEPS
        if cells != self._cells:
            self._cells = cells
            self.progress = progress
            self.refresh()

    def render(self) -> str:
        width = self.size.width
        filled = max(0, min(width, self._cells))
        move_cells = int(width * (1 - self.hold_fraction))
        move = min(filled, move_cells)
        hold = filled - move
        return "█" * move + "▓" * hold + " " * (width - filled)
