"""Progress: recent workouts, the calendar and streak, left/right balance, pain, assessments.

Every figure comes from `history.progress` (aggregate SQL); this screen only
lays them out. `today` and the UTC offset can be injected, so the same history
always draws the same screen (snapshot tests).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.lazy import Lazy
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Label, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from ..durations import format_duration
from ..history import progress as queries
from ..history.assessment_trend import assessment_trend
from ..history.progress import Balance
from ..history.psfs import NAME, trend_text
from ..history.scope import Scope, local_offset, local_time, week_start
from ..plain_text import printable
from ..widgets.footer import Footer
from ..widgets.text import cell, plain, styled
from .help import HelpScreen
from .host import host
from .progress_calendar import fill_calendar, short_day

if TYPE_CHECKING:
    from ..history.report_daily import Extras
    from ..history.store import HistoryStore

RANGES: list[tuple[str, int | None]] = [
    ("last 4 weeks", 4),
    ("last 12 weeks", 12),
    ("last 26 weeks", 26),
    ("last year", 52),
    ("everything", None),
]
DEFAULT_RANGE = 1
CALENDAR_WEEKS = 13  # the most the calendar shows: the default range's weeks
PANES = ["recent", "calendar", "balance", "pain", "assessments"]


def rating_text(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def pain_pair(before: int | None, after: int | None) -> str:
    """Pain before and after one workout, e.g. `5 > 3`."""
    if before is None and after is None:
        return ""
    return f"{'-' if before is None else before} > {'-' if after is None else after}"


class Panel(Vertical):
    """A tab's content; says when it is mounted so the screen can fill it."""

    @dataclass
    class Ready(Message):
        panel_id: str | None

    def on_mount(self) -> None:
        self.post_message(self.Ready(self.id))


class ProgressScreen(Screen[None]):
    CSS_PATH = "progress.tcss"
    AUTO_FOCUS = "#workouts"
    BINDINGS = [
        Binding("r", "next_range", "Range", id="progress.range"),
        Binding("s", "next_session", "Session", id="progress.session"),
        Binding("d", "dates", "Dates", id="progress.dates"),
        Binding("1", "pane('recent')", "Recent", show=False, id="progress.recent"),
        Binding("2", "pane('calendar')", "Calendar", show=False, id="progress.calendar"),
        Binding("3", "pane('balance')", "Balance", show=False, id="progress.balance"),
        Binding("4", "pane('pain')", "Pain", show=False, id="progress.pain"),
        Binding("5", "pane('assessments')", "Tests", show=False, id="progress.assessments"),
        Binding("question_mark", "help", "Help", key_display="?", id="progress.help"),
        Binding("escape,q", "close", "Back", id="progress.back"),
    ]

    def __init__(
        self,
        since: date | None = None,
        session: str | None = None,
        until: date | None = None,
        today: date | None = None,
        utc_offset: timedelta | None = None,
    ) -> None:
        super().__init__()
        today = today or date.today()
        offset = local_offset() if utc_offset is None else utc_offset
        self.range_index = -1 if since or until else DEFAULT_RANGE
        if since is None and until is None:
            since = self._range_start(today, DEFAULT_RANGE)
        self.scope = Scope(today, since, until, session, utc_offset=offset)
        self.balances: list[Balance] = []
        self.weeks: list[date] = []
        self.pain: list[queries.PainWeek] = []

    def compose(self) -> ComposeResult:
        yield Label("", id="scope")
        with TabbedContent(initial="recent"):
            with TabPane("1 Recent", id="recent"):
                yield DataTable(id="workouts", cursor_type="row", zebra_stripes=True)
            # The hidden tabs are built after the first frame (Lazy), then fill themselves.
            with TabPane("2 Calendar", id="calendar"), Lazy(Panel(id="calendar-panel")):
                yield Label("", id="streak")
                yield DataTable(id="days", cursor_type="none", show_cursor=False)
                yield Label("", id="adherence")
            with TabPane("3 Left/right", id="balance"), Lazy(Panel(id="balance-panel")):
                yield Label("", id="balance-summary")
                yield DataTable(id="sides", cursor_type="row")
                yield PlotextPlot(id="side-plot")
            with TabPane("4 Pain", id="pain"), Lazy(Panel(id="pain-panel")):
                yield Label("", id="pain-summary")
                yield PlotextPlot(id="pain-plot")
            with TabPane("5 Assessments", id="assessments"), Lazy(Panel(id="tests-panel")):
                yield Label("", id="tests-summary")
                yield DataTable(id="tests", cursor_type="none", show_cursor=False)
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def on_panel_ready(self, message: Panel.Ready) -> None:
        self._fill(message.panel_id)

    # -- filters -----------------------------------------------------------------

    @staticmethod
    def _range_start(today: date, index: int) -> date | None:
        weeks = RANGES[index][1]
        return None if weeks is None else today - timedelta(weeks=weeks) + timedelta(days=1)

    def _scope_content(self) -> Content:
        since, until = self.scope.since, self.scope.until
        if self.range_index >= 0:
            span = RANGES[self.range_index][0]
        elif since and until:
            span = f"{since:%d %b %Y} to {until:%d %b %Y}"
        elif since or until:
            span = f"since {since:%d %b %Y}" if since else f"until {until:%d %b %Y}"
        else:
            span = "everything"
        session = self.scope.session or "all sessions"
        text = "[b]Progress[/b]  $span, $session  [dim](r range, d dates, s session)[/dim]"
        rehearsed = queries.rehearsals(host(self).store, self.scope)
        if rehearsed:
            plural = "s" if rehearsed > 1 else ""
            text += f"\n[dim]{rehearsed} rehearsal{plural} at another speed left out[/dim]"
        return styled(text, span=span, session=session)

    def action_next_range(self) -> None:
        self.range_index = (self.range_index + 1) % len(RANGES)
        since = self._range_start(self.scope.today, self.range_index)
        self.scope = replace(self.scope, since=since, until=None)
        self.reload()

    def action_dates(self) -> None:
        from .date_range import DateRange, DateRangeScreen

        def chosen(dates: DateRange | None) -> None:
            if dates is not None:
                self.range_index = -1
                self.scope = replace(self.scope, since=dates[0], until=dates[1])
                self.reload()

        self.app.push_screen(DateRangeScreen(self.scope.since, self.scope.until), chosen)

    def action_next_session(self) -> None:
        names: list[str | None] = [None, *queries.session_names(host(self).store)]
        current = names.index(self.scope.session) if self.scope.session in names else 0
        self.scope = replace(self.scope, session=names[(current + 1) % len(names)])
        self.reload()

    # -- filling the panels --------------------------------------------------------

    def reload(self) -> None:
        """Query every panel for the current scope and redraw it (those built so far)."""
        self.query_one("#scope", Label).update(self._scope_content())
        self._fill_recent(host(self).store)
        for panel in self.query(Panel):
            self._fill(panel.id)

    def _fill(self, panel_id: str | None) -> None:
        history = host(self).store
        fill = {
            "calendar-panel": self._fill_calendar,
            "balance-panel": self._fill_balance,
            "pain-panel": self._fill_pain,
            "tests-panel": self._fill_assessments,
        }[panel_id or ""]
        fill(history)

    def _fill_recent(self, history: HistoryStore) -> None:
        table = self.query_one("#workouts", DataTable)
        table.clear(columns=True)
        table.add_columns("Date", "Session", "Status", "Time", "Reps", "Pain")
        for row in queries.recent(history, self.scope):
            line = queries.line_of(row, history.status_of(row))
            when = local_time(line.started_at, self.scope)
            cells = [
                f"{when:%a %d %b %H:%M}",
                line.title,
                line.status,
                "" if line.seconds is None else format_duration(line.seconds),
                f"{line.reps_done}/{line.reps_target}",
                pain_pair(line.pain_before, line.pain_after),
            ]
            table.add_row(*[cell(c) for c in cells], key=str(line.id))

    def _extras(self) -> Extras:
        """The schedule's adherence and the functional scale, read once per range (the
        calendar and pain tabs both show part of it)."""
        from ..daily import report_extras

        cached = getattr(self, "_extras_cache", None)
        if cached is None or cached[0] != self.scope:
            extras = report_extras(host(self).locations, host(self).store, self.scope)
            cached = self._extras_cache = (self.scope, extras)
        return cached[1]

    def _fill_calendar(self, history: HistoryStore) -> None:
        end = min(self.scope.until or self.scope.today, self.scope.today)
        weeks = CALENDAR_WEEKS
        if self.scope.since is not None:  # the range's weeks, Monday to Sunday
            spanned = (week_start(end) - week_start(self.scope.since)).days // 7 + 1
            weeks = max(1, min(weeks, spanned))
        facts = queries.adherence(history, self.scope, weeks)
        fill_calendar(
            self.query_one("#days", DataTable),
            self.query_one("#streak", Label),
            self.query_one("#adherence", Label),
            facts,
            self._extras().schedule,
            clipped=self.scope.since is None or self.scope.since < facts.first_day,
        )

    def _fill_balance(self, history: HistoryStore) -> None:
        self.balances = queries.balance(history, self.scope)
        table = self.query_one("#sides", DataTable)
        table.clear(columns=True)
        table.add_columns("Exercise", "Left", "Right", "L time", "R time", "Lagging")
        for item in self.balances:
            lag = item.lagging
            cells: list[str | Text] = [item.name]
            for side in ("left", "right"):
                totals = getattr(item, side)
                style = "bold red" if lag == side else ""
                cells.append(Text(f"{totals.reps}/{totals.target}", style=style))
            cells += [format_duration(item.left.seconds), format_duration(item.right.seconds)]
            cells.append(Text(lag or "", style="bold red"))
            table.add_row(*[cell(c) for c in cells], key=item.exercise_id)
        lagging = [n for n, item in enumerate(self.balances) if item.lagging]
        table.move_cursor(row=lagging[0] if lagging else 0)
        self.query_one("#balance-summary", Label).update(
            plain(
                "Reps done of the target on each side; a side is marked when it did "
                f"{queries.LAG_POINTS} or more points less of its target."
                if self.balances
                else "No exercise done on both sides in this range."
            )
        )
        table.display = self.query_one("#side-plot").display = bool(self.balances)
        self._draw_side_plot(table.cursor_row)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "sides":
            self._draw_side_plot(event.cursor_row)

    def _draw_side_plot(self, row: int) -> None:
        """Reps per week on each side of one exercise, on shared axes."""
        plot = self.query_one("#side-plot", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        self.weeks = []
        if 0 <= row < len(self.balances):
            item = self.balances[row]
            first, last = min(item.weekly), max(item.weekly)
            self.weeks = [first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]
            xs = list(range(len(self.weeks)))
            plt.title(printable(f"{item.name}: reps per week", newlines=False))  # drawn raw
            plt.plot(xs, item.series("left", self.weeks), label="left", marker="braille")
            plt.plot(xs, item.series("right", self.weeks), label="right", marker="braille")
            plt.xticks(*self._ticks(self.weeks[0], len(self.weeks)))
            plt.ylim(0, None)
        plot.refresh()

    @staticmethod
    def _ticks(first: date, count: int, most: int = 6) -> tuple[list[float], list[str]]:
        """Week numbers from `first` and their dates, at most `most` of them."""
        step = max(1, -(-count // most))
        weeks = range(0, count, step)
        return [float(x) for x in weeks], [short_day(first + timedelta(weeks=x)) for x in weeks]

    @staticmethod
    def _week_number(first: date, week: date) -> int:
        return (week - first).days // 7

    def _fill_pain(self, history: HistoryStore) -> None:
        self.pain = queries.pain_trend(history, self.scope)
        label = self.query_one("#pain-summary", Label)
        plot = self.query_one("#pain-plot", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        scale = self._extras().psfs
        daily_life = f"\nDaily life, {NAME}: {trend_text(scale)}." if scale else ""
        if not self.pain:
            label.update(plain("No pain ratings in this range." + daily_life))
            plot.refresh()
            return
        first, last = self.pain[0], self.pain[-1]
        weeks = [first] if first is last else [first, last]
        label.update(
            plain(
                "Average pain per week, 0 to 10. "
                + " ".join(
                    f"Week of {short_day(week.week)}: "
                    f"{rating_text(week.before)} before, {rating_text(week.after)} after."
                    for week in weeks
                )
                + daily_life
            )
        )
        for name in ("before", "after"):
            points = [(self._week_number(first.week, p.week), getattr(p, name)) for p in self.pain]
            points = [(x, y) for x, y in points if y is not None]
            if points:
                xs, ys = zip(*points, strict=True)
                plt.plot(list(xs), list(ys), label=name, marker="braille")
        plt.ylim(0, 10)
        plt.xticks(*self._ticks(first.week, self._week_number(first.week, last.week) + 1))
        plot.refresh()

    def _fill_assessments(self, history: HistoryStore) -> None:
        from ..assessment.load import names_for
        from .progress_tests import fill_tests

        battery = names_for(host(self).locations)
        results = assessment_trend(history, self.scope, battery)
        table, label = self.query_one("#tests", DataTable), self.query_one("#tests-summary", Label)
        fill_tests(table, label, results, self.scope, battery)

    # -- keys ----------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "workouts" and event.row_key.value is not None:
            from .workout_detail import WorkoutDetailScreen

            self.app.push_screen(WorkoutDetailScreen(int(event.row_key.value), self.scope))

    def action_pane(self, pane: str) -> None:
        self.query_one(TabbedContent).active = pane

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen("Progress keys", self.BINDINGS))

    def action_close(self) -> None:
        from .leaving import leave_screen

        leave_screen(self)  # out of the app when opened straight from the command line
