"""The floor view's layout: what the workout screen shows, and how big at each size.

Big glyphs for the phase, the rep count, the next exercise and the clock; the
figure beside them; the side panels, coaching and progress below. `scales`
decides how large each big text is drawn, so the rep count grows first and
gives way last (at 40x12 only it stays big).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Container, Horizontal, Vertical
from textual.widgets import Label

from ..widgets.big_text import BigText
from ..widgets.figure import FigureWidget
from ..widgets.live_text import LiveText
from ..widgets.progress_line import ProgressLine
from ..widgets.side_panel import SidePanel


def floor_view() -> ComposeResult:
    """The workout screen's widgets (the footer is the screen's own).

    In three boxes, top, floor and bottom: Textual repaints every child of a box
    that a change touches, so the clock's next second, in the floor, leaves the
    lines above and below it alone (benchmarks/workout_cpu.py)."""
    with Vertical(id="top"):
        with Horizontal(id="heading"):
            yield Label("", id="exercise", markup=False)
            yield Label("", id="position", markup=False)
        yield Label("", id="status", markup=False)
    with Horizontal(id="floor"):
        with Vertical(id="big"):
            with Vertical(id="words"):
                yield BigText(id="phase")
                yield BigText(id="count")
                yield Label("", id="next-title", markup=False)
                yield BigText(id="next-big", max_lines=2)
                yield Label("", id="prompt", markup=False)
            with Horizontal(id="clock-row"):
                yield BigText(id="clock")
                yield Label("", id="clock-label", markup=False)
        # The exercise's stick figure goes here (beside the count); it is the
        # first thing to give way on a small terminal.
        with Container(id="figure"):
            yield FigureWidget(id="pose-figure", fit_height=True)
    with Vertical(id="bottom"):
        yield Label("", id="notice", markup=False)
        with Horizontal(id="sides"):
            yield SidePanel("left")
            yield SidePanel("right")
        yield LiveText(id="coach", wrap=True)
        with Horizontal(id="progress-row"):
            yield ProgressLine(id="progress")
            yield LiveText(id="times")
        yield Label("", id="next", markup=False)


def scales(width: int, height: int) -> dict[str, int]:
    """How big each big text may be drawn on a terminal of this size (0: ordinary
    text). The rep count grows first and gives way last."""
    return {
        "#count": 3 if height >= 44 and width >= 120 else 2 if height >= 28 else 1,
        "#phase": 2 if height >= 40 and width >= 120 else 1 if height >= 12 else 0,
        "#next-big": 2 if height >= 40 and width >= 120 else 1 if height >= 20 else 0,
        "#clock": 1 if height >= 20 else 0,
    }
