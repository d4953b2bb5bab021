"""`tuitrainer report --html`: one printable page for a physiotherapist.

The same figures as the Markdown report (aggregate queries only), each chart an
inline SVG: no script, no web font, no external resource, so the file opens
and prints the same anywhere, offline. The print CSS fits A4 and Letter alike
(the narrower page's width, the printer's own paper size).
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import TYPE_CHECKING

from ..assessment.model import Battery
from ..counts import counted
from . import progress, svg
from .assessment_trend import assessment_trend
from .psfs import NAME, trend_text
from .report import (
    ASSESSMENT_HEADER,
    HIPS_NOTE,
    MONTHLY_AFTER_WEEKS,
    NOTE,
    assessment_rows,
    balance_cells,
    legend_entries,
    period,
    rating,
)
from .report_daily import SCALE_IN_REPORT, Extras, item_rows
from .scope import Scope, local_day, week_start

if TYPE_CHECKING:
    from .store import HistoryStore

CSS = """
:root { color: #222; background: #fff; }
body { font: 11pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
       max-width: 180mm; margin: 12mm auto; padding: 0 4mm; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 1px solid #bbb; }
p.note { font-size: 9pt; color: #555; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 2mm 0; }
th, td { border-bottom: 1px solid #ddd; padding: 1mm 2mm; text-align: left; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.d { white-space: nowrap; font-variant-numeric: tabular-nums; }
figure { margin: 2mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-size: 9pt; color: #444; }
section { break-inside: avoid-page; }
strong.lag { color: #8a2a00; }
@page { margin: 12mm; }
@media print {
  body { margin: 0 auto; padding: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
"""


# Kept on one line: "2026-10-" over "26" misleads, and so does "neither" over "side".
ONE_LINE_COLUMNS = ("Date", "Week of", "Last done", "Found on")


def _cell(tag: str, name: str, text: str) -> str:
    """Header names starting with # are numbers: right-aligned; dates and sides never
    wrap."""
    if name.startswith("#"):
        return f'<{tag} class="n">{escape(text)}</{tag}>'
    if name in ONE_LINE_COLUMNS:
        return f'<{tag} class="d">{escape(text)}</{tag}>'
    return f"<{tag}>{escape(text)}</{tag}>"


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(_cell("th", h, h.removeprefix("#")) for h in header)
    body = []
    for row in rows:
        cells = "".join(_cell("td", h, c) for h, c in zip(header, row, strict=True))
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _figure(chart: str, caption: str) -> str:
    return f'<figure class="chart">{chart}<figcaption>{escape(caption)}</figcaption></figure>'


def _adherence(
    store: HistoryStore, scope: Scope, extras: Extras, workouts: bool = True
) -> list[str]:
    """`workouts` False: none in the period (a first visit), so it says only that,
    with the schedule's figures if there is one."""
    facts = progress.adherence(store, scope)
    weeks = progress.weekly_counts(store, scope) if workouts else []
    out = ["<section><h2>Adherence</h2><ul>"]
    if workouts:
        out.append(
            f"<li>Workouts: {facts.workouts} ({facts.ended_text()}) on "
            f"{counted(facts.active_days, 'day')}; {escape(facts.dose_text())}</li>"
        )
    else:
        out.append("<li>No workouts in this period.</li>")
    schedule = extras.schedule
    if schedule is not None:
        out.append(
            f"<li>Schedule kept: <strong>{escape(schedule.text())}</strong> "
            f"({schedule.first.isoformat()} to {schedule.last.isoformat()}); a day counts when "
            "everything due was done to the end</li>"
        )
        if schedule.today_due:
            out.append(f"<li>{escape(schedule.today_text().capitalize())}</li>")
        out.append(f"<li>Current streak: {counted(schedule.streak, 'due day')} in a row</li>")
    elif workouts:
        out.append(
            f"<li>Current streak: {counted(facts.streak, 'day')} in a row (no schedule set)</li>"
        )
    rehearsed = progress.rehearsals(store, scope)
    if rehearsed:
        out.append(f"<li>Rehearsals at another speed (run --speed), left out: {rehearsed}</li>")
    out.append("</ul>")
    if schedule is not None:
        out.append(_table(["Session", "Days", "#Due", "#Done", "#Share"], item_rows(extras)))
        by_week: dict[date, list[int]] = {}
        for day, state in schedule.days.items():
            if state == "due":
                continue
            counts = by_week.setdefault(week_start(day), [0, 0])
            counts[0] += state == "met"
            counts[1] += 1
        ordered = sorted(by_week)
        values = [100 * by_week[w][0] / by_week[w][1] for w in ordered]
        if ordered:
            chart = svg.bars(
                "Due days done per week, percent", [f"{w:%d %b}" for w in ordered], values, 100
            )
            out.append(_figure(chart, "Due days done per week (%), weeks starting Monday."))
        else:  # an empty chart reads as "none done"; say why there is none
            out.append(
                "<p>No chart of due days done yet: no due day has ended, and today counts "
                "once everything due today is done.</p>"
            )
    elif weeks:
        chart = svg.bars(
            "Workouts per week",
            [f"{w.week:%d %b}" for w in weeks],
            [float(w.workouts) for w in weeks],
        )
        out.append(_figure(chart, "Workouts per week, weeks starting Monday."))
    return [*out, "</section>"]


def _sessions(store: HistoryStore, scope: Scope) -> list[str]:
    """Which sessions the workouts were, as the Markdown report's table."""
    used = progress.sessions_used(store, scope)
    out = ["<section><h2>Sessions used</h2>"]
    if not used:
        return [*out, "<p>No workouts in this period.</p></section>"]
    rows = [
        [
            f"{u.title} ({u.session})",
            str(u.workouts),
            str(u.completed),
            local_day(u.last, scope).isoformat(),
        ]
        for u in used
    ]
    table = _table(["Session", "#Workouts", "#Done to the end", "Last done"], rows)
    return [*out, table, "</section>"]


def _pain(store: HistoryStore, scope: Scope, weeks: int) -> list[str]:
    period = "month" if weeks > MONTHLY_AFTER_WEEKS else "week"
    trend = progress.pain_trend(store, scope, period)
    out = ["<section><h2>Pain before and after</h2>"]
    if not trend:
        return [*out, "<p>No pain ratings in this period.</p></section>"]
    label = "%d %b" if period == "week" else "%b %Y"
    chart = svg.lines(
        f"Average pain by {period}, 0 to 10",
        [p.week.strftime(label) for p in trend],
        {"before": [p.before for p in trend], "after": [p.after for p in trend]},
    )
    first, last = trend[0], trend[-1]
    caption = (
        f"Average rating (0 no pain, 10 worst imaginable) by {period}. First {period}: "
        f"{rating(first.before)} before, {rating(first.after)} after; last: "
        f"{rating(last.before)} before, {rating(last.after)} after."
    )
    return [*out, _figure(chart, caption), "</section>"]


def _balance(store: HistoryStore, scope: Scope) -> list[str]:
    rows = progress.balance(store, scope)
    out = ["<section><h2>Left and right</h2>"]
    if not rows:
        return [*out, "<p>No exercise done on both sides in this period.</p></section>"]
    chart = svg.paired(
        "Reps done per side as share of target",
        [(b.name, b.left.share or 0.0, b.right.share or 0.0) for b in rows],
    )
    lagging = [f"{b.name}: the {b.lagging} side" for b in rows if b.lagging]
    named = "; ".join(lagging) if lagging else "none"
    out.append(
        _figure(
            chart,
            f"Lagging side (at least {progress.LAG_POINTS} points less of its target): {named}.",
        )
    )
    out.append(
        _table(
            ["Exercise", "Left reps", "Right reps", "#Left time", "#Right time", "Lagging"],
            [balance_cells(b) for b in rows],
        )
    )
    return [*out, "</section>"]


def _psfs(extras: Extras) -> list[str]:
    if not extras.psfs:
        return []
    items = extras.psfs
    chart = svg.lines(
        "Functional scale, average of the named activities, 0 to 10",
        [r.day().strftime("%d %b") for r in items],
        {"average": [r.mean for r in items]},
    )
    table = _table(
        ["Date", "#Average", "Ratings"],
        [
            [r.day().isoformat(), f"{r.mean:.1f}", "; ".join(f"{a} {s}" for a, s in r.scores)]
            for r in items
        ],
    )
    return [
        f"<section><h2>Daily life: {escape(NAME)}</h2>",
        f"<p>Activities the person named as hard because of their back, each rated "
        f"{escape(SCALE_IN_REPORT)}. Trend: {escape(trend_text(items))}.</p>",
        _figure(chart, "Average of the activities rated each time (higher is better)."),
        table,
        "</section>",
    ]


def _assessments(store: HistoryStore, scope: Scope, battery: Battery) -> list[str]:
    results = assessment_trend(store, scope, battery)
    if not results:
        return []
    rows = assessment_rows(results, scope, battery)
    legend = "".join(
        f"<li><strong>{escape(name)}</strong>"
        + (f" ({escape(tests)})" if tests else "")
        + (f": {escape(meaning)}" if meaning else "")
        + "</li>"
        for name, tests, meaning in legend_entries(battery)
    )
    return [
        "<section><h2>Self-assessment over time</h2>",
        f"<p>What each finding means:</p><ul>{legend}</ul>",
        f"<p>{escape(HIPS_NOTE)}</p>",
        _table(ASSESSMENT_HEADER, rows),
        "</section>",
    ]


def render(
    store: HistoryStore, scope: Scope, battery: Battery, extras: Extras | None = None
) -> str:
    extras = extras or Extras()
    covered = period(store, scope, extras)
    span_text = f"{covered.start.isoformat()} to {covered.end.isoformat()}"
    if scope.session:
        span_text += f", session {scope.session} only"
    body = [
        "<h1>Exercise and pain report</h1>",
        f"<p>Period: {escape(span_text)}. Made on {scope.today.isoformat()}.</p>",
        f'<p class="note">{escape(NOTE)}</p>',
    ]
    if not covered.recorded:
        body.append("<p>Nothing was recorded in this period.</p>")
        rehearsed = progress.rehearsals(store, scope)
        if rehearsed:
            body.append(f"<p>Rehearsals at another speed (run --speed), left out: {rehearsed}</p>")
    else:
        body += _adherence(store, scope, extras, covered.workouts > 0)
        if covered.workouts:
            body += _sessions(store, scope)
            body += _pain(store, scope, covered.weeks)
            body += _balance(store, scope)
        body += _psfs(extras)
        body += _assessments(store, scope, battery)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Exercise and pain report, {escape(span_text)}</title>"
        f"<style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
