"""Ask for a date range: from and to, each optional (an empty box leaves that end open)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from ..history.scope import parse_range
from ..widgets.text import plain

DateRange = tuple[date | None, date | None]


class DateRangeScreen(ModalScreen[DateRange | None]):
    """Enter applies the range; escape keeps the one there was."""

    CSS_PATH = ["dialogs.tcss", "date_range.tcss"]
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="dates.cancel")]

    def __init__(self, since: date | None, until: date | None) -> None:
        super().__init__()
        self.since = since
        self.until = until

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Dates to show", classes="question")
            for name, label, value in (("from", "From", self.since), ("to", "To", self.until)):
                with Horizontal(classes="date-row"):
                    yield Label(plain(f"{label}: "), classes="date-label")
                    yield Input(
                        value=value.isoformat() if value else "",
                        placeholder="YYYY-MM-DD",
                        id=f"date-{name}",
                        restrict=r"[0-9-]{0,10}",
                        max_length=10,
                    )
            yield Label("", id="date-problem", classes="detail")
            yield Label(
                "[b]Enter[/b] show these dates    empty: no limit    [b]esc[/b] cancel",
                classes="keys",
            )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        first = self.query_one("#date-from", Input).value
        last = self.query_one("#date-to", Input).value
        try:
            self.dismiss(parse_range(first, last))
        except ValueError as error:
            self.query_one("#date-problem", Label).update(plain(f"Cannot use it: {error}."))

    def action_cancel(self) -> None:
        self.dismiss(None)
