"""One side's reps against its target, done or not.

It shows no clock: the floor view has one clock, labelled, and a second one
here counting the other way was read as a contradiction."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from .text import plain


class SidePanel(Widget):
    """A box per side; the side being worked is highlighted."""

    DEFAULT_CSS = """
    SidePanel {
        width: 1fr;
        height: 3;
        border: round $panel;
        padding: 0 1;
        text-align: center;
    }
    SidePanel.-active {
        border: heavy $accent;
        background: $accent 15%;
    }
    SidePanel.-done {
        color: $success;
    }
    SidePanel.-active.-halfway {
        background: $warning 60%;
    }
    """

    def __init__(self, side: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.side = side
        self.figures: tuple[str, ...] = ("",)

    def on_mount(self) -> None:
        self.assign(self.side)

    def assign(self, side: str) -> None:
        """Show this panel for `side` (class `-left`, `-right` or `-both`)."""
        self.remove_class(f"-{self.side}")
        self.side = side
        self.add_class(f"-{side}")
        self.border_title = plain("BOTH SIDES" if side == "both" else side.upper())

    def show(self, reps: int, target: str, seconds: float, active: bool, done: bool) -> None:
        """Redraw only when the figures on it change."""
        self.set_class(active, "-active")
        self.set_class(done, "-done")
        figures = (f"{reps} / {target} reps" + ("  ✓" if done else ""),)
        if figures != self.figures:
            self.figures = figures
            self.refresh()

    def render(self) -> Text:
        return Text(self.figures[0], style="bold")
