"""Copies what the workout shows (`display.Display`) into the floor view's widgets.

Only what changed is touched: a widget whose text is the same is not updated, a
display switch is set only when it flips, and widgets are looked up once (a query
walks the whole screen, and a running workout redraws every second). Outside
text is escaped here, on its way in.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from ..display import Display, Fuller
from ..plain_text import printable
from ..widgets.big_text import BigText
from ..widgets.progress_line import ProgressLine
from ..widgets.side_panel import SidePanel
from ..widgets.text import plain

# Shown only when they have something to say; the rest of the view keeps its place.
WHEN_SET = ("#count", "#next-title", "#next-big", "#prompt")


class FloorPaint:
    """The painter of one workout screen's floor view."""

    def __init__(self, screen: Screen[None]) -> None:
        self.screen = screen
        self.shown: dict[str, object] = {}
        self._widgets: dict[str, Widget] = {}
        self._panels: list[SidePanel] | None = None

    def widget(self, selector: str) -> Widget:
        widget = self._widgets.get(selector)
        if widget is None:
            widget = self._widgets[selector] = self.screen.query_one(selector)
        return widget

    @property
    def panels(self) -> list[SidePanel]:
        if self._panels is None:
            self._panels = list(self.screen.query(SidePanel))
        return self._panels

    def write(self, selector: str, value: str) -> None:
        if self.shown.get(selector) != value:
            self.shown[selector] = value
            widget = self.widget(selector)
            if isinstance(widget, Static):  # Label too: it would parse a str as markup
                widget.update(plain(value))
            else:  # BigText, LiveText: they draw a str as it is, so only escape it
                widget.update(printable(value, newlines=False))  # type: ignore[attr-defined]

    def big(self, selector: str, value: str, fuller: Fuller | None) -> None:
        """A big text, and its fuller form with the side where there is room."""
        if self.shown.get(f"{selector}.big") != (value, fuller):
            self.shown[selector], self.shown[f"{selector}.big"] = value, (value, fuller)
            widget = self.widget(selector)
            assert isinstance(widget, BigText)
            full, rooms = (fuller.text, fuller.rooms) if fuller else ("", ())
            widget.update(
                printable(value, newlines=False),
                printable(full, newlines=False),
                [printable(room, newlines=False) for room in rooms],
            )

    def arrange_sides(self, display: Display) -> None:
        """One panel per side of the exercise, in its order; `[both]` shows one."""
        for position, panel in enumerate(self.panels):
            panel.display = position < len(display.sides)
            if panel.display:
                panel.assign(display.sides[position].side)

    def show(self, display: Display, flashing: bool) -> None:
        """Everything in `display`; `flashing`: the active side's halfway flash."""
        for selector, value in (
            ("#exercise", display.exercise),
            ("#position", display.position),
            ("#status", display.status),
            ("#count", display.count),
            ("#next-title", display.next_title),
            ("#prompt", display.prompt),
            ("#clock", display.clock),
            ("#clock-label", display.clock_label),
            ("#coach", display.coach),
            ("#times", display.times),
            ("#next", display.up_next),
        ):
            self.write(selector, value)
        self.big("#phase", display.phase, display.phase_fuller)
        self.big("#next-big", display.next_big, display.next_fuller)
        short = self.screen.has_class("-short")
        for selector in WHEN_SET:
            shown = bool(self.shown[selector])
            if selector == "#next-big" and short:
                shown = False  # named once, in its line (an inline display beats the CSS)
            if self.shown.get(f"{selector}.display") != shown:  # a style change costs
                self.shown[f"{selector}.display"] = shown
                self.widget(selector).display = shown
        progress = self.widget("#progress")
        assert isinstance(progress, ProgressLine)
        progress.show(min(display.elapsed, display.total), display.total)
        for view, panel in zip(display.sides, self.panels, strict=False):
            panel.show(view.reps, view.target, view.seconds, view.active, view.done)
            panel.set_class(view.active and flashing, "-halfway")
