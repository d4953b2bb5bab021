"""Any name at all, on every screen and in every command's output: no exception, and no
ESC or BEL from the name reaches the terminal.

Names are drawn from all of Unicode plus markup brackets, escape sequences, wide CJK,
right-to-left and zero-width characters. The examples are few (each runs the app),
but every one walks the workout, summary, home with its resume prompt, progress with
every tab and the detail, planning with its add list, and the editor.
"""

from __future__ import annotations

import asyncio
import io
import json
import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import FakeClock
from tests.ui.conftest import QUICK
from tuitrainer.app import create_app
from tuitrainer.audio.outputs import SilentOutput
from tuitrainer.cli import main
from tuitrainer.history import HistoryStore
from tuitrainer.history.assessments import acknowledge
from tuitrainer.locations import Locations
from tuitrainer.screens.editor import EditorScreen
from tuitrainer.screens.planning import PlanningScreen
from tuitrainer.screens.progress import ProgressScreen
from tuitrainer.session import load_session

PIECES = [
    "[",
    "]",
    "[/]",
    "[b]",
    "[@click=app.quit]",
    "\x1b",
    "\x07",
    "\x1b]0;owned\x07",
    "\x1b[2J",
    "\x9b2J",
    "ストレッチ",
    "中文",
    "שלום",
    "مرحبا",
    "\u200b",
    "\u202e",
    "\u2028",
]
NAMES = (
    st.lists(
        st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(PIECES)),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .filter(lambda text: text.strip() != "")
)
RAW = ("\x1b", "\x07", "\x9b")


def assert_clean(text: str, where: str) -> None:
    for raw in RAW:
        assert raw not in text, f"{raw!r} reached the terminal from {where}"


def hostile_session(name: str):
    session = load_session(QUICK)
    exercises = tuple(
        replace(e, name=f"{name} {n}", setup=name, tips=(name,), modification=name)
        for n, e in enumerate(session.exercises)
    )
    return replace(session, title=name, description=name, exercises=exercises)


def store_history(locations: Locations, name: str) -> None:
    """A finished workout and an unfinished one, both under the name."""
    store, _ = HistoryStore.open(locations.database)
    for status in ("completed", "running"):
        workout = store.start_workout("quick", name, "x", 1.0)
        side = store.side_id(workout, 0, "fire-hydrant", name, 1, "left", 3)
        store.add_rep(side, 1, "2024-01-01T10:00:00+00:00", 1.0)
        store.set_pain(workout, "before", 3)
        if status == "completed":
            store.end_workout(workout, status)
        else:
            store.conn.execute("UPDATE workouts SET pid = 999999999 WHERE id = ?", (workout,))
    store.close()


async def walk_screens(locations: Locations, name: str, session_file: Path) -> None:
    clock = FakeClock()
    app = create_app(locations, clock=clock, session=hostile_session(name), audio=SilentOutput())
    acknowledge(app.store)  # past the first-run safety note
    async with app.run_test(size=(90, 28)) as pilot:
        await pilot.press("escape", "space")  # no pain rating; start
        for _ in range(12):
            assert_clean(app.export_screenshot(), "the workout")
            if app.screen.workout.finished:
                break
            await pilot.press("n")
        await pilot.press("q")
        await pilot.pause()
        assert_clean(app.export_screenshot(), "the summary")
        await pilot.press("5", "enter")

    store_history(locations, name)
    app = create_app(locations, clock=clock, audio=SilentOutput())
    async with app.run_test(size=(90, 28)) as pilot:
        await pilot.pause()
        assert_clean(app.export_screenshot(), "the resume prompt")
        await pilot.press("escape")
        await app.push_screen(ProgressScreen())
        await pilot.pause()
        for tab in ("recent", "calendar", "balance", "pain", "assessments"):
            app.screen.query_one("TabbedContent").active = tab
            await pilot.pause()
            assert_clean(app.export_screenshot(), f"the progress tab {tab}")
        app.screen.query_one("TabbedContent").active = "recent"
        app.screen.query_one("#workouts").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert_clean(app.export_screenshot(), "the workout detail")
        await pilot.press("escape")
        await app.push_screen(PlanningScreen(hostile_session(name)))
        await pilot.pause()
        assert_clean(app.export_screenshot(), "the planning screen")
        await pilot.press("a")
        await pilot.pause()
        assert_clean(app.export_screenshot(), "the add-exercise list")
        await pilot.press("escape")
        await app.push_screen(EditorScreen(session_file))
        await pilot.pause()
        assert_clean(app.export_screenshot(), "the editor")


def session_yaml(name: str) -> str:
    quoted = json.dumps(name, ensure_ascii=False)
    return (
        f"name: {quoted}\ndescription: {quoted}\nexercises:\n"
        f"  - name: {quoted}\n    reps: 2\n    rep_seconds: 2\n    tips: [{quoted}]\n"
    )


def run_commands(locations: Locations, session_file: Path) -> None:
    for argv in (
        ["history"],
        ["history", "--csv"],
        ["history", "--json"],
        ["report"],
        ["sessions"],
        ["sessions", "--json"],
        ["plan", str(session_file)],
        ["validate", str(session_file)],
        ["assess", "--history"],
    ):
        out, err = io.StringIO(), io.StringIO()
        main([*argv, "--data-dir", str(locations.data_dir)], out, err)
        assert_clean(out.getvalue() + err.getvalue(), " ".join(argv))


@settings(
    max_examples=4,  # each runs the app through every screen: a few seconds
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(NAMES)
def test_any_name_on_every_screen_and_in_every_command(name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        locations = Locations.resolve(Path(folder))
        session_file = locations.user_sessions / "hostile.yaml"
        session_file.write_text(session_yaml(name), encoding="utf-8")
        asyncio.run(walk_screens(locations, name, session_file))
        run_commands(locations, session_file)
