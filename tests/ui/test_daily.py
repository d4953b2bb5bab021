"""Home shows what is due today and Enter starts it; the schedule and PSFS screens."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from tests.conftest import FakeClock
from tests.ui.conftest import make_app
from tuitrainer.history import HistoryStore
from tuitrainer.history.psfs import ratings
from tuitrainer.locations import Locations
from tuitrainer.schedule.load import load
from tuitrainer.screens.home import HINT, HomeScreen
from tuitrainer.screens.psfs import PsfsScreen
from tuitrainer.screens.schedule import AddItemScreen, ScheduleScreen
from tuitrainer.screens.workout import WorkoutScreen


def schedule(locations: Locations, text: str) -> None:
    locations.config_dir.mkdir(parents=True, exist_ok=True)
    locations.schedule_file.write_text(text)


def hint(app) -> str:
    return str(app.screen.query_one("#hint").content)


async def test_home_says_what_is_due_and_enter_starts_it(locations: Locations, clock: FakeClock):
    schedule(
        locations,
        '[[item]]\nsession = "thoracic-mobility"\ndays = "daily"\ntime = "07:00"\n',
    )
    app = make_app(locations, clock, session_path=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert hint(app) == "Due today: Thoracic mobility (07:00). Enter starts Thoracic mobility."
        await pilot.press("enter")
        await pilot.press("escape")  # no pain rating
        assert isinstance(app.screen, WorkoutScreen)
        assert app.screen.engine.timeline.session.slug == "thoracic-mobility"
    store, _ = HistoryStore.open(locations.database)
    workout = store.start_workout("thoracic-mobility", "Thoracic mobility", "h", 1.0)
    store.end_workout(workout, "completed")
    store.close()
    app = make_app(locations, clock, session_path=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert hint(app) == "Done for today: Thoracic mobility. Well done."


async def test_a_broken_schedule_is_said_once(locations: Locations, clock: FakeClock):
    schedule(locations, '[[item]]\nsession = "hip-mobility"\ndays = "sometimes"\n')
    app = make_app(locations, clock, session_path=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(f"{locations.schedule_file}:3: days must be" in m for m in messages)
        assert hint(app) == HINT


async def test_the_schedule_screen_adds_and_removes_items(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("S")
        assert isinstance(app.screen, ScheduleScreen)
        await pilot.press("a")
        assert isinstance(app.screen, AddItemScreen)
        days = app.screen.query_one("#add-days", Input)
        days.value = "mon, wed, fri"
        app.screen.query_one("#add-time", Input).value = "25:00"
        days.focus()
        await pilot.press("enter")
        assert "time must be a time of day" in str(app.screen.query_one("#add-error").content)
        app.screen.query_one("#add-time", Input).value = "18:30"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleScreen)
        [item] = load(locations.schedule_file).schedule.items
        assert (item.rule.text(), f"{item.at:%H:%M}", item.start) == (
            "mon, wed, fri",
            "18:30",
            date.today(),
        )
        await pilot.press("x")  # asks first: one key must not undo a physio's plan
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleScreen)
        assert len(load(locations.schedule_file).schedule.items) == 1
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert load(locations.schedule_file).schedule.items == ()
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_the_schedule_screen_never_rewrites_a_file_with_problems(
    locations: Locations, clock: FakeClock
):
    text = '[[item]]\nsession = "hip-mobility"\ndays = "sometimes"\n'
    schedule(locations, text)
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("S")
        await pilot.press("a")
        assert isinstance(app.screen, ScheduleScreen)  # no form: nothing may be dropped
        assert "problems" in str(app.screen.query_one("#schedule-problems").content)
    assert locations.schedule_file.read_text() == text


async def test_psfs_is_rated_then_locked_for_a_week(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        assert isinstance(app.screen, PsfsScreen)
        screen = app.screen
        for n, (activity, score) in enumerate([("Socks [b]on[/b]", "3"), ("Sitting", "5")]):
            screen.query_one(f"#activity-{n}", Input).value = activity
            screen.query_one(f"#score-{n}", Input).value = score
        await pilot.press("ctrl+s")
        assert str(screen.query_one("#psfs-error").content) == "Not saved: name 3 to 5 activities."
        screen.query_one("#activity-2", Input).value = "Lifting"
        screen.query_one("#score-2", Input).value = "1"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        [rating] = ratings(app.store)
        assert rating.scores == (("Socks [b]on[/b]", 3), ("Sitting", 5), ("Lifting", 1))
        await pilot.press("f")
        await pilot.pause()
        assert "at most once a week" in str(app.screen.query_one("#psfs-locked").content)
        assert not app.screen.query(Input)


async def test_progress_shows_due_days_missed_and_the_scale(locations: Locations, clock):
    from datetime import UTC, datetime, timedelta

    from tests.history_data import KNOWN_TODAY
    from tests.ui.test_progress import cells, open_progress, text
    from tuitrainer.history.psfs import save

    schedule(
        locations,
        '[[item]]\nsession = "hip-mobility"\ndays = ["mon"]\nstart = 2026-11-02\n'
        '[[item]]\nsession = "low-back-routine"\ndays = ["wed"]\nstart = 2026-11-02\n',
    )
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        moment = datetime.combine(KNOWN_TODAY, datetime.min.time(), tzinfo=UTC)
        await pilot.pause()
        save(app.store, [("Socks", 2), ("Sitting", 3), ("Lifting", 4)], moment.isoformat())
        screen = await open_progress(app, pilot)
        screen.action_pane("calendar")
        await pilot.pause()
        assert "Streak: 2 due days in a row · 3 of 6 due days done" in text(screen, "#streak")
        rows = cells(screen, "days")
        # Wed 4 Nov and Wed 11 Nov were due and nothing was done: marked x. Mon 9 Nov
        # was missed too: another session done that day does not hide it.
        marked = [
            KNOWN_TODAY - timedelta(days=KNOWN_TODAY.weekday(), weeks=12 - week) + timedelta(day)
            for week, row in enumerate(rows)
            for day in range(7)
            if row[1 + day].strip() == "x"
        ]
        assert marked == [KNOWN_TODAY.replace(day=n) for n in (4, 9, 11)]
        screen.action_pane("pain")
        await pilot.pause()
        assert "Daily life, Patient-Specific Functional Scale (PSFS): 3.0 of 10" in text(
            screen, "#pain-summary"
        )


def test_snapshot_psfs_form(snap_compare, locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    assert snap_compare(app, press=["f"], terminal_size=(80, 24))


def test_snapshot_psfs_form_small(snap_compare, locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    assert snap_compare(app, press=["f"], terminal_size=(40, 12))


async def test_psfs_starts_at_the_first_field_to_fill(locations: Locations, clock: FakeClock):
    """Rated before: the activities are filled in, so the first key typed is the first
    rating, never an overwrite of the activity's name. New: the first activity."""
    from datetime import UTC, datetime, timedelta

    from tuitrainer.history.psfs import save

    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#activity-0", Input)
        await pilot.press("escape")
        weeks_ago = datetime.now(UTC) - timedelta(days=8)
        save(app.store, [("Socks", 2), ("Sitting", 3), ("Lifting", 4)], weeks_ago.isoformat())
        await pilot.press("f")
        await pilot.pause()
        await pilot.press("6")
        screen = app.screen
        assert screen.query_one("#activity-0", Input).value == "Socks"
        assert screen.query_one("#score-0", Input).value == "6"


WRITTEN = """# From Anna (physio), 1 Dec: hips first.
[[item]]
session = "hip-mobility"
days = ["mon", "wed", "fri"]   # more once the knee is easy
time = "18:00"
start = 2026-12-01
"""


async def test_the_schedule_screen_changes_an_item_in_place_and_keeps_the_comments(
    locations: Locations, clock: FakeClock
):
    schedule(locations, WRITTEN)
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("S")
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, AddItemScreen)
        assert form.query_one("#add-days", Input).value == "mon, wed, fri"  # as it is now
        assert form.query_one("#add-time", Input).value == "18:00"
        assert form.query_one("#add-session").disabled  # the session stays; days and time change
        form.query_one("#add-days", Input).value = "daily"
        form.query_one("#add-time", Input).value = "07:15"
        form.query_one("#add-days", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ScheduleScreen)
        [item] = load(locations.schedule_file).schedule.items
        assert (item.rule.text(), f"{item.at:%H:%M}", item.start) == (
            "daily",
            "07:15",
            date(2026, 12, 1),  # adherence still counts from the day it began
        )
        text = locations.schedule_file.read_text()
        assert "# From Anna (physio), 1 Dec: hips first." in text
        assert 'days = "daily"   # more once the knee is easy' in text
        await pilot.press("a")
        app.screen.query_one("#add-days", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert len(load(locations.schedule_file).schedule.items) == 2
        assert locations.schedule_file.read_text().startswith(text)  # added below, all kept


async def test_a_schedule_changed_on_disk_meanwhile_is_shown_again_not_overwritten(
    locations: Locations, clock: FakeClock
):
    schedule(locations, WRITTEN)
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("S")
        newer = WRITTEN + '\n[[item]]\nsession = "low-back-routine"\ndays = "daily"\n'
        locations.schedule_file.write_text(newer)  # an editor saved it while the screen was open
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert locations.schedule_file.read_text() == newer
        assert any("changed meanwhile" in n.message for n in app._notifications)
        assert len(app.screen.loaded.schedule.items) == 2  # shown as it is now


async def test_the_schedule_form_names_its_fields_and_says_a_problem_whole(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("S", "a")
        form = app.screen
        labels = [str(label.content) for label in form.query(".field-label")]
        assert labels[0].startswith("Days:") and labels[1].startswith("Time (optional)")
        days = form.query_one("#add-days", Input)
        days.value = "mon wed fri"
        days.focus()
        await pilot.press("enter")
        await pilot.pause()
        error = form.query_one("#add-error")
        problem = str(error.content)
        assert problem.startswith("days must be")
        assert error.region.height >= 2  # the whole sentence, wrapped, not cut
        assert error.region.width * error.region.height >= len(problem)
