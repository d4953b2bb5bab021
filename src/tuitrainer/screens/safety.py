"""When not to use the app without a professional: shown before the first assessment.

The acknowledgement is kept in the history database, so the note comes up
by itself only once; the home screen's `s` shows it again at any time.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, Static

from ..history.assessments import acknowledge, acknowledged
from ..widgets.footer import Footer
from ..widgets.text import plain

if TYPE_CHECKING:
    from ..app import TuitrainerApp

SAFETY_TEXT = """\
tuitrainer is for everyday stiffness and back care. It cannot tell what causes your pain.

Stop, and see a physiotherapist or a doctor before you go on, if:

  • your pain started with an injury: a fall, a lift, a knock or an accident;
  • the pain is sharp or stabbing, rather than a dull ache;
  • pain, tingling or numbness runs down a leg;
  • the pain keeps getting worse, or wakes you at night.

During the tests and the exercises, move only as far as feels comfortable.
If anything hurts, stop."""


class SafetyScreen(Screen[bool]):
    """Returns True when the user acknowledges the note, False when they step back."""

    CSS_PATH = "safety.tcss"
    BINDINGS = [
        Binding("enter,y", "agree", "I understand"),
        Binding("escape,q", "leave", "Back"),
    ]

    @property
    def tt_app(self) -> TuitrainerApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Vertical(id="safety"):
            yield Label("Before you start: is this app right for you?", id="safety-title")
            yield Static(plain(SAFETY_TEXT), id="safety-text")
            yield Label(plain(self._status()), id="safety-status")
            yield Label(
                "[b]Enter[/b] I have read this and none of it applies to me    [b]Esc[/b] back",
                id="safety-keys",
            )
        yield Footer()

    def _status(self) -> str:
        when = acknowledged(self.tt_app.store)
        if when is None:
            return "You have not confirmed this note yet."
        day = datetime.fromisoformat(when).astimezone()
        return f"You confirmed this note on {day:%d %b %Y}."

    def action_agree(self) -> None:
        acknowledge(self.tt_app.store)
        self.dismiss(True)

    def action_leave(self) -> None:
        self.dismiss(False)
