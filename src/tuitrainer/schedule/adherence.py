"""Adherence: done due-days over due-days, per item and overall, and the streak.

A due day of an item is met when its session was done that local day: run in
real time to its end with every side at its target (`history.store.DONE`; the
history counts them, `history.done_days`, and this module only compares).
Rehearsals, skipped, partial, stopped and interrupted runs do not count. Two
items of one session on one day (morning and evening) need two such runs.

Days are local calendar days of the moment each workout started, in the time
zone in force at that moment, so a daylight-saving change never moves a workout
to another day.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from .model import Item, Schedule

Done = dict[date, Counter[str]]  # per local day: how many times each session was done


def met_on(schedule: Schedule, day: date, done: Done) -> list[tuple[Item, bool]]:
    """Each item due on `day` and whether it was met: a session due n times that day
    meets its first k items (by time) when it was done k times."""
    counts = Counter(done.get(day, Counter()))
    out = []
    for item in schedule.due_on(day):
        met = counts[item.session] > 0
        if met:
            counts[item.session] -= 1
        out.append((item, met))
    return out


@dataclass(frozen=True)
class ItemAdherence:
    item: Item
    due: int
    met: int
    waiting: bool = False  # due today and not done yet: neither met nor missed

    @property
    def share(self) -> float | None:
        return self.met / self.due if self.due else None


@dataclass(frozen=True)
class Adherence:
    first: date
    last: date
    items: list[ItemAdherence]
    due_days: int  # days with anything due (today only once it is met)
    met_days: int  # of those, days with everything due done
    streak: int
    days: dict[date, str]  # "met", "missed" or "due" (today, not yet done), for calendars
    today_due: int = 0  # items due today while today is not yet met in full (else 0)
    today_met: int = 0  # of those, the ones done so far

    @property
    def share(self) -> float | None:
        return self.met_days / self.due_days if self.due_days else None

    def text(self) -> str:
        """The due days done; a today still under way is neither, and `today_text` says
        so, so the figure never reads "nothing was due" beside a row of today's done."""
        if not self.due_days:
            return "nothing was due before today" if self.today_due else "nothing was due yet"
        share = 100 * self.met_days / self.due_days
        return f"{self.met_days} of {self.due_days} due days done ({share:.0f}%)"

    def today_text(self) -> str:
        """Today while something due is left: how far it is, and when it counts ("")."""
        if not self.today_due:
            return ""
        return (
            f"today {self.today_met} of {self.today_due} due workouts done so far "
            "(today counts once all are done)"
        )

    def full_text(self) -> str:
        """`text` and, while today is under way, `today_text`, in one line."""
        return "; ".join(part for part in (self.text(), self.today_text()) if part)


def adherence(schedule: Schedule, done: Done, first: date, last: date, today: date) -> Adherence:
    """Over `first`..`last` (days after today are left out; today counts once met)."""
    last = min(last, today)
    per_item: dict[int, list[int]] = {id(item): [0, 0] for item in schedule.items}
    days: dict[date, str] = {}
    waiting: set[int] = set()
    due_days = met_days = today_due = today_met = 0
    day = first
    while day <= last:
        results = met_on(schedule, day, done)
        if results:
            all_met = all(met for _, met in results)
            if day == today and not all_met:
                days[day] = "due"
                today_due, today_met = len(results), sum(met for _, met in results)
                for item, met in results:  # today's items done so far count, the rest wait
                    if met:
                        per_item[id(item)][0] += 1
                        per_item[id(item)][1] += 1
                    else:
                        waiting.add(id(item))
            else:
                days[day] = "met" if all_met else "missed"
                due_days += 1
                met_days += all_met
                for item, met in results:
                    per_item[id(item)][0] += 1
                    per_item[id(item)][1] += met
        day += timedelta(days=1)
    items = [
        ItemAdherence(item, per_item[id(item)][0], per_item[id(item)][1], id(item) in waiting)
        for item in schedule.items
    ]
    runs = streak(schedule, done, today)
    return Adherence(first, last, items, due_days, met_days, runs, days, today_due, today_met)


def streak(schedule: Schedule, done: Done, today: date, since: date | None = None) -> int:
    """Due days met in a row, back from today: days with nothing due do not break it,
    and today, while not yet done, does not either."""
    if not schedule.items:
        return 0
    earliest = min(done, default=today)
    starts = [item.start for item in schedule.items if item.start is not None]
    if len(starts) == len(schedule.items):
        earliest = max(earliest, min(starts)) if done else min(starts)
    if since is not None:
        earliest = max(earliest, since)
    count, day = 0, today
    while day >= earliest:
        results = met_on(schedule, day, done)
        if results:
            if all(met for _, met in results):
                count += 1
            elif day != today:
                break
        day -= timedelta(days=1)
    return count


def first_day(schedule: Schedule, done: Done, today: date) -> date:
    """Where adherence starts when no range is given: the first item's start, else the
    first day anything was done (a schedule written today does not count the past)."""
    starts = [item.start for item in schedule.items if item.start is not None]
    if starts and len(starts) == len(schedule.items):
        return min(starts)
    return min([*done, *starts], default=today)
