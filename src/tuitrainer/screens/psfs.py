"""How daily life goes (`f` on home): the Patient-Specific Functional Scale.

Three to five activities the back makes hard, each rated 0 to 10; last time's
activities come filled in, since the scale is read by rating the same ones over
time. At most once a week: within the week the screen shows the last rating and
the day the next may be made.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Label

from ..history.psfs import (
    MAX_ACTIVITIES,
    MAX_ACTIVITY_LENGTH,
    NAME,
    SCALE,
    PsfsError,
    last,
    next_day,
    ratings,
    save,
    trend_text,
)
from ..history.user_writes import write_now
from ..widgets.footer import Footer
from ..widgets.text import plain

if TYPE_CHECKING:
    from ..history.store import HistoryStore


class PsfsScreen(Screen[None]):
    CSS_PATH = "psfs.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="psfs.save"),
        Binding("escape", "app.pop_screen", "Back", id="psfs.back"),
    ]

    def __init__(self, store: HistoryStore, today: date | None = None) -> None:
        super().__init__()
        self.store = store
        self.today = today or date.today()
        self.previous = last(store)
        allowed = next_day(self.previous)
        self.locked = allowed is not None and self.today < allowed
        self.allowed = allowed

    def compose(self) -> ComposeResult:
        yield Label(plain(f"Daily life: {NAME}"), id="psfs-title")
        trend = trend_text(ratings(self.store))
        with VerticalScroll(id="psfs-body"):
            yield Label(plain(f"Trend: {trend}"), id="psfs-trend")
            if self.locked and self.previous is not None and self.allowed is not None:
                yield Label(
                    plain(
                        f"Rated on {self.previous.day():%a %d %b}. It is asked at most once a "
                        f"week: the next rating from {self.allowed:%a %d %b}."
                    ),
                    id="psfs-locked",
                )
                for activity, score in self.previous.scores:
                    yield Label(plain(f"  {activity}: {score}"), classes="psfs-last")
            else:
                yield Label(
                    plain(
                        "Name 3 to 5 everyday activities your back makes hard, and rate how "
                        f"well you can do each now ({SCALE})."
                    ),
                    id="psfs-help",
                )
                known = list(self.previous.scores) if self.previous else []
                for n in range(MAX_ACTIVITIES):
                    activity = known[n][0] if n < len(known) else ""
                    with Horizontal(classes="psfs-row"):
                        yield Input(
                            activity,
                            placeholder=f"activity {n + 1}",
                            id=f"activity-{n}",
                            max_length=MAX_ACTIVITY_LENGTH,  # the box stops; nothing is cut later
                        )
                        yield Input(
                            placeholder="0-10",
                            id=f"score-{n}",
                            type="integer",
                            max_length=2,
                            classes="score",
                        )
                yield Label(
                    "ctrl+s saves · Esc leaves without saving", id="psfs-error", markup=False
                )
        yield Footer()

    def on_mount(self) -> None:
        """Straight to the first field to fill: the first rating when the activities are
        those of last time, else the first activity. (Focus on the scroll instead made the
        first digit typed go nowhere, and a Tab then selected the activity to overwrite.)"""
        if self.locked:
            return
        first = "#score-0" if self.query_one("#activity-0", Input).value else "#activity-0"
        self.query_one(first, Input).focus(scroll_visible=False)  # the help stays in view

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()

    def action_save(self) -> None:
        if self.locked:
            return
        scores = []
        for n in range(MAX_ACTIVITIES):
            activity = self.query_one(f"#activity-{n}", Input).value.strip()
            score = self.query_one(f"#score-{n}", Input).value.strip()
            if not activity and not score:
                continue
            if not score.isdigit():
                self._error(f"Rate {activity or f'activity {n + 1}'} from 0 to 10.")
                return
            scores.append((activity, int(score)))
        try:
            written = write_now(self.store, lambda: save(self.store, scores))
        except PsfsError as problem:
            self._error(f"Not saved: {problem}.")
            return
        if not written.saved:  # the ratings stay in their boxes, to save again
            self._error(f"Not saved: {written.problem}. Press ctrl+s to save again.")
            return
        mean = sum(score for _, score in scores) / len(scores)
        self.notify(f"Saved: average {mean:.1f} of 10.")
        self.app.pop_screen()

    def _error(self, text: str) -> None:
        self.query_one("#psfs-error", Label).update(plain(text))
