"""When to get care instead: shown before the first workout and the first assessment.

The acknowledgement is kept in the history database (in the data folder), so
the note comes up by itself only once; the home screen's `s` shows it again at
any time. The words are in `safety_note`; the urgent signs stand apart.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from .. import safety_note as note
from ..history.assessments import acknowledge, acknowledged
from ..history.user_writes import write_now
from ..widgets.footer import Footer
from ..widgets.text import plain
from .host import host

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..history.store import HistoryStore


def safety_first(app: App, store: HistoryStore, then: Callable[[], None], leave: bool) -> None:
    """Run `then` (start a workout, open the assessment), showing the note first until
    it has been acknowledged once. Stepping back does nothing, or quits the app when
    it was opened for this alone (`leave`: `tuitrainer run`, `tuitrainer assess`)."""
    if acknowledged(store) is not None:
        then()
        return

    def after(agreed: bool | None) -> None:
        if agreed:
            then()
        elif leave:
            app.exit(0)

    app.push_screen(SafetyScreen(), after)


class SafetyScreen(Screen[bool]):
    """Returns True when the user acknowledges the note, False when they step back."""

    CSS_PATH = "safety.tcss"
    BINDINGS = [
        Binding("enter,y", "agree", "I understand", id="safety.agree"),
        Binding("escape,q", "leave", "Back", id="safety.back"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="safety"):
            yield Label("Before you start: is this app right for you?", id="safety-title")
            yield Static(plain(note.ORIGIN), id="safety-origin")
            yield Static(plain(note.INTRO), id="safety-intro")
            with Vertical(id="red-flags"):
                yield Static(plain(note.GET_CARE_TODAY_HEADING), id="red-flags-heading")
                yield Static(plain(note.bullets(note.GET_CARE_TODAY)), id="red-flags-list")
            yield Static(
                plain(
                    f"{note.SEE_A_PROFESSIONAL_HEADING}\n{note.bullets(note.SEE_A_PROFESSIONAL)}"
                ),
                id="safety-text",
            )
            yield Static(plain(note.DURING), id="safety-during")
            yield Label(plain(self._status()), id="safety-status")
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

    def action_agree(self) -> None:
        """On, whether or not the history takes the note: it was read and agreed to.
        A history that cannot be written shows the note again next time."""
        store = host(self).store
        written = write_now(store, lambda: acknowledge(store))
        if not written.saved:
            self.notify(
                f"Could not note that you read this ({written.problem}): "
                "it will show again next time.",
                severity="warning",
                timeout=8,
            )
        self.dismiss(True)

    def action_leave(self) -> None:
        self.dismiss(False)
