"""What is due today and what of it is done: for `today`, the home screen, `remind`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..plain_text import printable
from .adherence import Done, met_on
from .model import Item, Schedule


@dataclass(frozen=True)
class DueItem:
    session: str
    title: str
    at: time | None
    days: str  # the rule, as the file writes it
    done: bool

    def as_json(self) -> dict[str, object]:
        return {
            "session": self.session,
            "title": self.title,
            "time": f"{self.at:%H:%M}" if self.at else None,
            "days": self.days,
            "done": self.done,
        }

    def line(self) -> str:
        when = f"{self.at:%H:%M}" if self.at else "any time"
        mark = "done" if self.done else "due "
        return printable(f"{mark}  {when:<8}  {self.title} ({self.session})", newlines=False)


def due_today(schedule: Schedule, done: Done, today: date, titles: dict[str, str]) -> list[DueItem]:
    return [
        DueItem(
            item.session, titles.get(item.session, item.session), item.at, item.rule.text(), met
        )
        for item, met in met_on(schedule, today, done)
    ]


def left(items: list[DueItem]) -> list[DueItem]:
    return [item for item in items if not item.done]


def ripe(items: list[DueItem], now: datetime) -> list[DueItem]:
    """The items still to do whose time has come (or that have no time): a reminder at
    07:00 does not nag about the evening's session."""
    return [item for item in left(items) if item.at is None or item.at <= now.time()]


def next_due(schedule: Schedule, done: Done, today: date) -> list[tuple[Item, date | None]]:
    """Each item (file order) and the next day it is due: today while it is still to do,
    the following due day once today's is done, as `today` shows it done."""
    met_today = {id(item) for item, met in met_on(schedule, today, done) if met}
    return [
        (item, item.next_due(today + timedelta(days=1) if id(item) in met_today else today))
        for item in schedule.items
    ]
