"""When not to use the app without a professional: shown before the first assessment.

The acknowledgement is kept in the history database, so the note comes up
by itself only once; the home screen's `s` shows it again at any time.
"""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, Static

from ..history.assessments import acknowledge, acknowledged
from ..widgets.footer import Footer
from .host import host
from .messages import AssessmentClosed

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
    """Returns True when the user acknowledges the note, False when they step back.

    Before the assessment (`then`), acknowledging goes on to it, and stepping back
    leaves the assessment.
    """

    CSS_PATH = "safety.tcss"
    BINDINGS = [
        Binding("enter,y", "agree", "I understand"),
        Binding("escape,q", "leave", "Back"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="safety"):
            yield Label("Before you start: is this app right for you?", id="safety-title")
            yield Static(SAFETY_TEXT, id="safety-text", markup=False)
            yield Label(self._status(), id="safety-status")
            yield Label(
                "[b]Enter[/b] I have read this and none of it applies to me    [b]Esc[/b] back",
                id="safety-keys",
            )
        yield Footer()

    def _status(self) -> str:
        when = acknowledged(host(self).store)
        if when is None:
            return "You have not confirmed this note yet."
        day = datetime.fromisoformat(when).astimezone()
        return f"You confirmed this note on {day:%d %b %Y}."

    def __init__(self, then: Screen | None = None) -> None:
        super().__init__()
        self.then = then

    def action_agree(self) -> None:
        acknowledge(host(self).store)
        if self.then is not None:
            self.app.switch_screen(self.then)
        else:
            self.dismiss(True)

    def action_leave(self) -> None:
        if self.then is not None:
            self.post_message(AssessmentClosed())
        else:
            self.dismiss(False)
