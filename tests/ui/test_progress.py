"""The progress screen on a known history: each panel's figures, filters, detail, snapshots.

Every expected figure is worked out here from the history's plain values, not
from the queries the screen uses.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

import pytest
from textual.content import Content

from tests.conftest import FakeClock
from tests.history_data import (
    KNOWN_ASSESSMENTS,
    KNOWN_TODAY,
    WorkoutSpec,
    add_assessments,
    insert,
    known_history,
)
from tests.ui.conftest import make_app
from tuitrainer.app import TuitrainerApp
from tuitrainer.history.migrations import FIGURE_4_BEFORE
from tuitrainer.locations import Locations
from tuitrainer.screens.date_range import DateRangeScreen
from tuitrainer.screens.home import HomeScreen
from tuitrainer.screens.progress import ProgressScreen
from tuitrainer.screens.workout_detail import WorkoutDetailScreen

UTC0 = timedelta(0)


def known_app(locations: Locations, clock: FakeClock) -> TuitrainerApp:
    return make_app(locations, clock, session_path=None)


async def open_progress(app: TuitrainerApp, pilot) -> ProgressScreen:
    """The known history, written after start-up (so no resume offer), then the screen."""
    await pilot.pause()  # the home screen has mounted (and looked for unfinished workouts)
    insert(app.store.conn, known_history())
    add_assessments(app.store.conn, KNOWN_ASSESSMENTS)
    screen = ProgressScreen(today=KNOWN_TODAY, utc_offset=UTC0)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


def cells(screen: ProgressScreen, table_id: str) -> list[list[str]]:
    table = screen.query_one(f"#{table_id}")
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


def text(screen: ProgressScreen, selector: str) -> str:
    """What a label shows, without its markup."""
    return Content.from_markup(str(screen.query_one(selector).content)).plain


def reps(spec: WorkoutSpec) -> str:
    return f"{sum(s.done for s in spec.sides)}/{sum(s.target for s in spec.sides)}"


async def test_recent_workouts_table(locations: Locations, clock: FakeClock):
    app = known_app(locations, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_progress(app, pilot)
        rows = cells(screen, "workouts")
        specs = sorted(known_history(), key=lambda s: s.started, reverse=True)
        assert len(rows) == len(specs)
        for row, spec in zip(rows, specs, strict=True):
            assert row[0] == spec.started.strftime("%a %d %b %H:%M")
            assert row[1] == spec.title
            assert row[4] == reps(spec)
        assert rows[0][2] == "interrupted" and rows[0][3] == "" and rows[0][5] == "2 > -"
        assert rows[1][2:] == ["completed", "5:00", "20/20", "- > 1"]
        assert rows[-1][3] == "12:00" and rows[-1][5] == "6 > 4"


async def test_calendar_and_streak(locations: Locations, clock: FakeClock):
    app = known_app(locations, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_progress(app, pilot)
        per_day: dict[date, int] = defaultdict(int)
        for spec in known_history():
            per_day[spec.started.date()] += 1
        # Today's run is unfinished, not done: the streak is the two days before.
        assert "Streak: 2 days in a row" in text(screen, "#streak")
        rows = cells(screen, "days")
        # The calendar covers the range it is said to show: the last 12 weeks from
        # Saturday 29 Aug, so 13 rows from Monday 24 Aug.
        assert "last 12 weeks" in text(screen, "#scope")
        assert len(rows) == 13 and rows[0][0] == "24 Aug"
        first_monday = KNOWN_TODAY - timedelta(days=KNOWN_TODAY.weekday(), weeks=12)
        for week, row in enumerate(rows):
            for weekday in range(7):
                day = first_monday + timedelta(weeks=week, days=weekday)
                shown = row[1 + weekday].strip()
                if day > KNOWN_TODAY:
                    assert shown == ""
                else:  # the count, marked done (✓) or not (~): not by colour alone
                    assert shown.rstrip("✓~") == str(per_day.get(day, ".")), day
        completed = sum(s.status == "completed" for s in known_history())
        done = sum(side.done for spec in known_history() for side in spec.sides)
        target = sum(side.target for spec in known_history() for side in spec.sides)
        assert text(screen, "#adherence") == (
            f"In the range: {len(known_history())} workouts ({completed} done to the end) "
            f"on {len(per_day)} days; reps done: {done} of {target} planned "
            f"({100 * done / target:.0f}%)  (✓ done to the end; ~ stopped early or skipped)"
        )


async def test_a_day_with_no_workout_done_to_the_end_is_not_shown_as_done(
    locations: Locations, clock: FakeClock
):
    """The calendar's green is for a workout done to the end: a day with only a run
    stopped early, skipped through or still unfinished shows its count in yellow."""
    app = known_app(locations, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_progress(app, pilot)
        table = screen.query_one("#days")
        first_monday = KNOWN_TODAY - timedelta(days=KNOWN_TODAY.weekday(), weeks=12)

        def style(day: date) -> str:
            week, weekday = divmod((day - first_monday).days, 7)
            return str(table.get_row_at(week)[1 + weekday].style)

        def shown(day: date) -> str:
            week, weekday = divmod((day - first_monday).days, 7)
            return str(table.get_row_at(week)[1 + weekday]).strip()

        assert "green" in style(KNOWN_TODAY - timedelta(days=4))  # 16 Nov: completed
        assert "green" in style(date(2026, 10, 14))  # one completed, one stopped
        assert "green" not in style(KNOWN_TODAY)  # 20 Nov: only a run not finished
        assert "yellow" in style(KNOWN_TODAY)
        # The same in marks, for NO_COLOR, high contrast and colour blindness.
        assert shown(KNOWN_TODAY - timedelta(days=4)).endswith("✓")
        assert shown(date(2026, 10, 14)).endswith("✓")
        assert shown(KNOWN_TODAY).endswith("~")


async def test_left_right_balance(locations: Locations, clock: FakeClock):
    app = known_app(locations, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_progress(app, pilot)
        totals: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
        names = {}
        for spec in known_history():
            for side in spec.sides:
                names[side.name] = side.exercise_id
                totals[side.name][side.side][0] += side.done
                totals[side.name][side.side][1] += side.target
        rows = {row[0]: row for row in cells(screen, "sides")}
        assert set(rows) == set(names)
        for name, row in rows.items():
            left, right = totals[name]["left"], totals[name]["right"]
            assert row[1:3] == [f"{left[0]}/{left[1]}", f"{right[0]}/{right[1]}"]
            assert row[5] == ("left" if name == "Lateral swing" else "")
        assert rows["Lateral swing"][1] == "50/60"


async def test_pain_trend(locations: Locations, clock: FakeClock):
    app = known_app(locations, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_progress(app, pilot)
        weeks: dict[date, dict[str, list[int]]] = defaultdict(lambda: {"b": [], "a": []})
        for spec in known_history():
            week = weeks[spec.started.date() - timedelta(days=spec.started.weekday())]
            if spec.pain_before is not None:
                week["b"].append(spec.pain_before)
            if spec.pain_after is not None:
                week["a"].append(spec.pain_after)
        rated = sorted((w, v) for w, v in weeks.items() if v["b"] or v["a"])
        assert [p.week for p in screen.pain] == [w for w, _ in rated]
        (first_week, first), (last_week, last) = rated[0], rated[-1]
        summary = text(screen, "#pain-summary")
        mean = lambda values: f"{sum(values) / len(values):.1f}"  # noqa: E731
        assert (
            f"Week of {first_week:%d %b}: {mean(first['b'])} before, {mean(first['a'])} after"
            in summary
        )
        assert (
            f"Week of {last_week:%d %b}: {mean(last['b'])} before, {mean(last['a'])} after"
            in summary
        )


async def test_assessment_trend(locations: Locations, clock: FakeClock):
    app = known_app(locations, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_progress(app, pilot)
        table = screen.query_one("#tests")
        labels = [str(column.label) for column in table.columns.values()]
        assert labels == ["Test", "Finding"] + [f"{t:%d %b}" for t, _ in KNOWN_ASSESSMENTS]
        rows = {(r[0], r[1]): r[2:] for r in cells(screen, "tests")}
        assert rows["Knee-to-chest test", "Tight hip flexors"] == ["LEFT only", "-"]
        assert rows["Knee-to-chest test", "Tight front of the thigh"] == ["-", "-"]
        # Both figure-4 results are from its earlier wording: marked, and named below;
        # a finding, not the raw answer ("More than a fist-width").
        assert rows["Figure-4 test", "Stiff hip"] == ["LEFT only *", "- *"]
        assert len(rows) == 3
        summary = text(screen, "#tests-summary")
        assert f"* Figure-4 test as worded then: {FIGURE_4_BEFORE}" in summary


async def test_filters_by_session_and_range(locations: Locations, clock: FakeClock):
    app = known_app(locations, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_progress(app, pilot)
        await pilot.press("s")  # the first session by name
        hips = [s for s in known_history() if s.session == "hip-mobility"]
        assert "hip-mobility" in text(screen, "#scope")
        assert len(cells(screen, "workouts")) == len(hips)
        assert {row[1] for row in cells(screen, "workouts")} == {"Hip mobility"}
        await pilot.press("s", "s", "s")  # round to all sessions again
        assert "all sessions" in text(screen, "#scope")
        for _ in range(4):  # 12 -> 26 weeks -> a year -> everything -> 4 weeks
            await pilot.press("r")
        assert "last 4 weeks" in text(screen, "#scope")
        since = KNOWN_TODAY - timedelta(weeks=4) + timedelta(days=1)
        recent = [s for s in known_history() if s.started.date() >= since]
        assert len(cells(screen, "workouts")) == len(recent)
        days = len({s.started.date() for s in recent})
        assert f"on {days} days" in text(screen, "#adherence")


async def test_enter_shows_a_workout_in_detail(locations: Locations, clock: FakeClock):
    app = known_app(locations, clock)
    async with app.run_test(size=(110, 36)) as pilot:
        screen = await open_progress(app, pilot)
        await pilot.press("down", "enter")  # the second newest: thoracic on 19 Nov
        assert isinstance(app.screen, WorkoutDetailScreen)
        spec = sorted(known_history(), key=lambda s: s.started)[-2]
        detail = app.screen.query_one("#detail-sides")
        rows = [[str(c) for c in detail.get_row_at(r)] for r in range(detail.row_count)]
        assert [(r[0], r[1], r[2]) for r in rows] == [
            (s.name, s.side, f"{s.done}/{s.target}") for s in spec.sides
        ]
        step = spec.sides[0].seconds / spec.sides[0].done
        assert rows[0][4].split() == [f"{step * n:.1f}" for n in range(1, spec.sides[0].done + 1)]
        await pilot.press("escape")
        assert app.screen is screen


async def test_g_on_home_opens_progress_and_escape_returns(locations, clock: FakeClock):
    app = known_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("g")
        assert isinstance(app.screen, ProgressScreen)
        assert "No self-assessment" in text(app.screen, "#tests-summary")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


# -- snapshots ---------------------------------------------------------------------


def snapshot_app(locations: Locations, clock: FakeClock, pane: str):
    app = known_app(locations, clock)

    async def run_before(pilot) -> None:
        screen = await open_progress(app, pilot)
        screen.action_pane(pane)
        await pilot.pause()

    return app, run_before


@pytest.mark.parametrize(
    ("pane", "height"), [("recent", 24), ("calendar", 24), ("balance", 30), ("pain", 24)]
)
def test_snapshot(snap_compare, locations: Locations, clock: FakeClock, pane: str, height: int):
    app, before = snapshot_app(locations, clock, pane)
    assert snap_compare(app, run_before=before, terminal_size=(90, height))


async def test_typed_date_range(locations: Locations, clock: FakeClock):
    app = known_app(locations, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_progress(app, pilot)
        await pilot.press("d")
        assert isinstance(app.screen, DateRangeScreen)
        await pilot.press(*"2026-10-14", "tab", *"2026-11-02", "enter")
        assert app.screen is screen
        assert "14 Oct 2026 to 02 Nov 2026" in text(screen, "#scope")
        inside = [
            s
            for s in known_history()
            if date(2026, 10, 14) <= s.started.date() <= date(2026, 11, 2)
        ]
        assert len(cells(screen, "workouts")) == len(inside) == 5
        await pilot.press("d", "ctrl+u", *"2026-11-3", "enter")  # not a date: says why
        assert isinstance(app.screen, DateRangeScreen)
        assert "not a date" in str(app.screen.query_one("#date-problem").content)
        await pilot.press("escape")  # keeps the range there was
        assert app.screen is screen and len(cells(screen, "workouts")) == 5


async def test_rehearsals_are_left_out_and_the_scope_line_says_so(
    locations: Locations, clock: FakeClock
):
    app = known_app(locations, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        started = f"{KNOWN_TODAY.isoformat()}T09:00:00.000+00:00"
        for _ in range(2):
            app.store.start_workout("hip-mobility", "Hip mobility", "x", 50.0, started_at=started)
        screen = await open_progress(app, pilot)
        ids = [str(row[0]) for row in cells(screen, "workouts")]
        assert len(ids) == len(known_history())
        assert "2 rehearsals at another speed left out" in str(screen.query_one("#scope").content)


async def test_one_week_of_pain_is_said_once_and_no_balance_is_explained(
    locations: Locations, clock: FakeClock
):
    from datetime import UTC, datetime

    app = known_app(locations, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        day = datetime.combine(KNOWN_TODAY, datetime.min.time(), tzinfo=UTC)
        insert(app.store.conn, [WorkoutSpec(day, "hip-mobility", pain_before=3, pain_after=2)])
        screen = ProgressScreen(today=KNOWN_TODAY, utc_offset=UTC0)
        await app.push_screen(screen)
        await pilot.pause()
        for pane in ("pain", "balance"):
            screen.action_pane(pane)
            await pilot.pause()
        assert text(screen, "#pain-summary").count("Week of") == 1
        assert text(screen, "#balance-summary") == "No exercise done on both sides in this range."
        assert not screen.query_one("#sides").display
        assert not screen.query_one("#side-plot").display


async def test_a_day_under_way_is_said_beside_the_due_day_streak(
    locations: Locations, clock: FakeClock
):
    """Thoracic and hip mobility due daily from today; thoracic done, hip not yet."""
    from datetime import UTC, datetime

    locations.schedule_file.parent.mkdir(parents=True, exist_ok=True)
    locations.schedule_file.write_text(
        "".join(
            f'[[item]]\nsession = "{name}"\ndays = "daily"\nstart = {KNOWN_TODAY}\n\n'
            for name in ("thoracic-mobility", "hip-mobility")
        )
    )
    app = known_app(locations, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        day = datetime.combine(KNOWN_TODAY, datetime.min.time(), tzinfo=UTC)
        insert(app.store.conn, [WorkoutSpec(day, "thoracic-mobility")])
        screen = ProgressScreen(today=KNOWN_TODAY, utc_offset=UTC0)
        await app.push_screen(screen)
        await pilot.pause()
        assert text(screen, "#streak") == (
            "Streak: 0 due days in a row · nothing was due before today; today 1 of 2 due "
            "workouts done so far (today counts once all are done)"
        )


async def test_a_long_range_says_which_weeks_the_calendar_shows(
    locations: Locations, clock: FakeClock
):
    from datetime import UTC, datetime

    app = known_app(locations, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        day = datetime.combine(date(2026, 1, 5), datetime.min.time(), tzinfo=UTC)
        insert(app.store.conn, [WorkoutSpec(day, "hip-mobility", status="stopped")])
        screen = ProgressScreen(
            today=KNOWN_TODAY, utc_offset=UTC0, since=date(2026, 1, 1), until=date(2026, 2, 1)
        )
        await app.push_screen(screen)
        await pilot.pause()
        # Five weeks of range, all shown; one stopped workout, no reps written.
        assert len(cells(screen, "days")) == 5
        summary = text(screen, "#adherence")
        assert summary.startswith(
            "In the range: 1 workout (none done to the end) on 1 day; no reps recorded"
        )
        assert "calendar shows" not in summary
        screen.scope = replace(screen.scope, since=date(2025, 1, 1), until=None)
        screen.reload()
        await pilot.pause()
        assert len(cells(screen, "days")) == 13
        assert text(screen, "#adherence").endswith("The calendar shows the range's last 13 weeks.")


async def test_a_finding_is_shown_on_its_hip_not_the_side_tested(
    locations: Locations, clock: FakeClock
):
    """The left knee-to-chest test found the right leg's hip flexors tight."""
    from tests.unit.test_report_findings import TAKEN, add_uneven_assessment

    app = known_app(locations, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        add_uneven_assessment(app.store.conn)
        screen = ProgressScreen(today=TAKEN.date(), utc_offset=UTC0)
        await app.push_screen(screen)
        await pilot.pause()
        screen.action_pane("assessments")
        await pilot.pause()
        rows = {(r[0], r[1]): r[2:] for r in cells(screen, "tests")}
        assert rows == {
            ("Knee-to-chest test", "Tight hip flexors"): ["RIGHT only"],
            ("Knee-to-chest test", "Tight front of the thigh"): ["LEFT only"],
            ("Figure-4 test", "Stiff hip"): ["LEFT only"],
        }
        assert text(screen, "#tests-summary").startswith("The latest self-assessment: ")
