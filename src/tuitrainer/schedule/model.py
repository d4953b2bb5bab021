"""Schedule rules and items: which local days a session is due on."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_NAMES = {
    **{name: n for n, name in enumerate(WEEKDAYS)},
    **{
        name: n
        for n, name in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        )
    },
}
EPOCH = date(2000, 1, 3)  # a Monday: "every N days" without a start counts from here
MAX_EVERY = 366
_EVERY = re.compile(r"^every\s+(\d+|other)\s+days?$")


class RuleError(ValueError):
    """A `days` value that is not a rule; the message says what would be."""


@dataclass(frozen=True)
class Rule:
    """Every day, some days of the week (0 = Monday), or every N days from a start."""

    weekdays: frozenset[int] = frozenset(range(7))
    every: int = 1  # > 1: every N days, counted from the item's start

    def due(self, day: date, start: date | None = None) -> bool:
        if start is not None and day < start:
            return False
        if self.every > 1:
            return (day - (start or EPOCH)).days % self.every == 0
        return day.weekday() in self.weekdays

    def text(self) -> str:
        """The rule as the schedule file writes it."""
        if self.every > 1:
            return f"every {self.every} days"
        if len(self.weekdays) == 7:
            return "daily"
        return ", ".join(WEEKDAYS[n] for n in sorted(self.weekdays))

    def toml(self) -> str:
        if self.every > 1 or len(self.weekdays) == 7:
            return f'"{self.text()}"'
        return "[" + ", ".join(f'"{WEEKDAYS[n]}"' for n in sorted(self.weekdays)) + "]"


def parse_rule(value: object) -> Rule:
    """`"daily"`, `"weekdays"`, `"weekends"`, `"every 2 days"`, `"every other day"`,
    or a list of day names (`["mon", "wed", "fri"]`)."""
    if isinstance(value, str):
        text = " ".join(value.lower().split())
        if text in ("daily", "every day", "every 1 day", "every 1 days"):
            return Rule()
        if text == "weekdays":
            return Rule(frozenset(range(5)))
        if text == "weekends":
            return Rule(frozenset((5, 6)))
        if text in DAY_NAMES:
            return Rule(frozenset((DAY_NAMES[text],)))
        if text == "every other day":
            return Rule(every=2)
        match = _EVERY.match(text)
        if match:
            n = 2 if match[1] == "other" else int(match[1])
            if not 1 <= n <= MAX_EVERY:
                raise RuleError(f"every N days needs N from 1 to {MAX_EVERY}, not {n}")
            return Rule(every=n) if n > 1 else Rule()
        raise RuleError(
            f'days must be "daily", "weekdays", "every N days" or a list of days such as '
            f'["mon", "wed", "fri"], not {value!r}'
        )
    if isinstance(value, list):
        if not value:
            raise RuleError('days is an empty list: name at least one day, e.g. ["mon"]')
        days = set()
        for entry in value:
            name = entry.lower().strip() if isinstance(entry, str) else None
            if name not in DAY_NAMES:
                raise RuleError(f"{entry!r} is not a day of the week (mon, tue, ... sun)")
            days.add(DAY_NAMES[name])
        return Rule(frozenset(days))
    raise RuleError(f"days must be text or a list of days, not {value!r}")


@dataclass(frozen=True)
class Item:
    """One line of the schedule: a session, its days, an optional time and start."""

    session: str
    rule: Rule
    at: time | None = None  # the time of day it is meant for
    start: date | None = None  # the first day it is due; "every N days" counts from it
    line: int = 0  # where it is in the file, for problems

    def due(self, day: date) -> bool:
        return self.rule.due(day, self.start)

    def due_days(self, first: date, last: date) -> Iterator[date]:
        day = max(first, self.start) if self.start else first
        while day <= last:
            if self.due(day):
                yield day
            day += timedelta(days=1)

    def next_due(self, after: date, horizon: int = MAX_EVERY + 7) -> date | None:
        day = after
        for _ in range(horizon):
            if self.due(day):
                return day
            day += timedelta(days=1)
        return None


@dataclass(frozen=True)
class Schedule:
    items: tuple[Item, ...] = ()

    def due_on(self, day: date) -> list[Item]:
        """The items due on `day`, by time (untimed last), then in file order."""
        due = [item for item in self.items if item.due(day)]
        return sorted(due, key=lambda item: (item.at is None, item.at or time()))

    def sessions(self) -> list[str]:
        return list(dict.fromkeys(item.session for item in self.items))

    def times(self) -> list[time]:
        return sorted({item.at for item in self.items if item.at is not None})
