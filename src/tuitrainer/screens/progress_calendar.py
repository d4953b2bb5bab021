"""The progress view's calendar tab: the last weeks day by day, the streak, adherence.

A day shows how many workouts it had; one done to the end is marked ✓, one
stopped early or skipped ~, and a due day missed x, so no meaning rests on
colour alone (NO_COLOR, high contrast, colour blindness).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import DataTable, Label

from ..counts import counted
from ..widgets.text import cell, plain, styled

if TYPE_CHECKING:
    from datetime import date

    from ..history.progress import Adherence
    from ..schedule.adherence import Adherence as Planned


def short_day(day: date) -> str:
    return day.strftime("%d %b")


def fill_calendar(
    table: DataTable,
    streak: Label,
    summary: Label,
    facts: Adherence,
    planned: Planned | None,
    clipped: bool = False,
) -> None:
    """`clipped`: the range starts before the calendar's first week, so it says which
    weeks it shows (the counts below it cover the whole range)."""
    if planned is None:
        streak_content = styled(
            "Streak: [b]$n[/b] $days in a row",
            n=facts.streak,
            days="day" if facts.streak == 1 else "days",
        )
    else:
        streak_content = styled(
            "Streak: [b]$n[/b] $days in a row · $done",
            n=planned.streak,
            days="due day" if planned.streak == 1 else "due days",
            done=planned.full_text(),
        )
    streak.update(streak_content)
    legend = "  (✓ done to the end; ~ stopped early or skipped"
    legend += "; x: due, not done)" if planned is not None else ")"
    shown = ""
    if clipped:
        weeks = len(facts.weeks())
        shown = f"\nThe calendar shows the range's last {counted(weeks, 'week')}."
    summary.update(
        plain(
            f"In the range: {counted(facts.workouts, 'workout')} ({facts.ended_text()}) "
            f"on {counted(facts.active_days, 'day')}; {facts.dose_text()}{legend}{shown}"
        )
    )
    due = planned.days if planned is not None else {}
    table.clear(columns=True)
    table.add_columns("Week of", "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
    for week in facts.weeks():
        cells: list[str | Text] = [short_day(week[0])]
        for day in week:
            count = facts.days.get(day, 0)
            # A due day missed is marked whatever else was done that day, and a
            # workout skipped through or stopped early is not shown as one done.
            if day > facts.last_day:
                cells.append("")
            elif due.get(day) == "missed":
                cells.append(Text(" x ", style="bold red"))
            elif facts.done_days.get(day):
                cells.append(Text(f"{count}✓ ", style="bold reverse green"))
            elif count:
                cells.append(Text(f"{count}~ ", style="bold yellow"))
            else:
                cells.append(Text(" . ", style="dim"))
        table.add_row(*[cell(c) for c in cells])
