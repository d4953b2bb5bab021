"""What the schedule and the functional scale add to both reports.

Computed once by the caller (the schedule lives in the config folder, not the
history) and handed to the Markdown and HTML renderers as `Extras`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..counts import counted
from ..schedule.adherence import Adherence
from .markdown import md_text, table
from .psfs import NAME, Rating, trend_text

# The scale's anchors in the third person, as the rest of a report for a clinician is
# written (the person rating reads "your back trouble"; `psfs.SCALE`).
SCALE_IN_REPORT = "from 0 (cannot do it at all) to 10 (as well as before their back trouble)"


@dataclass(frozen=True)
class Extras:
    schedule: Adherence | None = None  # None: no schedule
    titles: dict[str, str] = field(default_factory=dict)
    psfs: list[Rating] = field(default_factory=list)


def item_rows(extras: Extras) -> list[list[str]]:
    rows: list[list[str]] = []
    if extras.schedule is None:
        return rows
    for part in extras.schedule.items:
        item = part.item
        title = extras.titles.get(item.session, item.session)
        when = f" at {item.at:%H:%M}" if item.at else ""
        share = f"{100 * part.share:.0f}%" if part.share is not None else "-"
        if part.waiting:  # today's, not done yet: neither met nor missed
            share = "due today" if part.share is None else f"{share}, due today"
        rows.append(
            [md_text(title), f"{item.rule.text()}{when}", str(part.due), str(part.met), share]
        )
    return rows


def schedule_lines(extras: Extras) -> list[str]:
    """Markdown: done due-days over due-days, per item and overall, and the streak."""
    facts = extras.schedule
    if facts is None:
        return []
    lines = [
        "### Against the schedule",
        "",
        f"- Schedule kept: {facts.text()}, {facts.first.isoformat()} to "
        f"{facts.last.isoformat()} (a day counts when everything due that day was done "
        "to the end; rehearsals, skipped and partial workouts do not count)",
        f"- Current streak: {counted(facts.streak, 'due day')} in a row (days with nothing "
        "due do not break it)",
        "",
    ]
    if facts.today_due:
        lines.insert(-2, f"- {facts.today_text().capitalize()}")
    lines += table(["Session", "Days", "#Due", "#Done", "#Share"], item_rows(extras))
    return lines + [""]


def psfs_lines(extras: Extras) -> list[str]:
    if not extras.psfs:
        return []
    lines = [
        f"## Daily life: {NAME}",
        "",
        "Activities the person named as hard because of their back, each rated "
        f"{SCALE_IN_REPORT}. "
        f"Trend: {trend_text(extras.psfs)}.",
        "",
    ]
    lines += table(
        ["Date", "#Average", "Ratings"],
        (
            [
                rating.day().isoformat(),
                f"{rating.mean:.1f}",
                "; ".join(f"{md_text(a)} {s}" for a, s in rating.scores),
            ]
            for rating in extras.psfs
        ),
    )
    return lines + [""]
