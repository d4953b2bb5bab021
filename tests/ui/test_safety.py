"""The safety note: the urgent signs apart, the note marked as tuitrainer's own, and
shown once before the first workout (from `run` or the home screen) or assessment."""

from __future__ import annotations

from tests.conftest import FakeClock
from tests.ui.conftest import make_app, text_of
from tuitrainer.history import HistoryStore
from tuitrainer.history.assessments import acknowledged
from tuitrainer.locations import Locations
from tuitrainer.screens.assessment import AssessmentScreen
from tuitrainer.screens.home import HomeScreen
from tuitrainer.screens.safety import SafetyScreen
from tuitrainer.screens.workout import WorkoutScreen

URGENT = [
    "loss of control of your bladder or bowels",
    "numbness around your groin or buttocks",
    "new weakness in a leg",
    "a fever, or weight loss you cannot explain",
    "pain that began after a fall or an accident",
]


async def test_the_red_flags_are_a_list_of_their_own(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(90, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("s")  # one key away from home
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        heading = text_of(app, "#red-flags-heading")
        assert heading.startswith("Get care today")
        assert "do not exercise" in heading
        listed = text_of(app, "#red-flags-list").splitlines()
        assert [line.removeprefix("  • ") for line in listed] == URGENT
        # The other reasons to see someone first are a separate, less urgent list.
        others = text_of(app, "#safety-text")
        assert "runs down a leg" in others
        assert not any(sign in others for sign in URGENT)
        # Not the source article's advice: the note says whose it is.
        assert "tuitrainer's own safety note" in text_of(app, "#safety-origin")
        assert app.screen.query_one("#red-flags").region.height > len(URGENT)


async def test_the_whole_note_can_be_read_on_a_small_terminal(
    locations: Locations, clock: FakeClock
):
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        box = app.screen.query_one("#safety")
        assert box.region.bottom <= 24
        box.scroll_end(animate=False)
        await pilot.pause()
        status = app.screen.query_one("#safety-status")
        assert box.region.contains_region(status.region)


# -- the note before the first workout -------------------------------------------------


async def test_run_shows_the_note_before_the_first_workout(locations: Locations, clock: FakeClock):
    """`tuitrainer run` on a new data folder: the note, one key, then the workout."""
    app = make_app(locations, clock, safety_seen=False)
    async with app.run_test(size=(90, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        assert not any(isinstance(s, WorkoutScreen) for s in app.screen_stack)
        await pilot.press("enter")
        await pilot.pause()
        assert any(isinstance(s, WorkoutScreen) for s in app.screen_stack)
        assert acknowledged(app.store) is not None
    # Remembered in the data folder: the next run goes straight to the workout.
    again = make_app(locations, clock, safety_seen=False)
    async with again.run_test(size=(90, 40)) as pilot:
        await pilot.pause()
        assert not any(isinstance(s, SafetyScreen) for s in again.screen_stack)
        assert any(isinstance(s, WorkoutScreen) for s in again.screen_stack)


async def test_stepping_back_from_the_note_starts_nothing(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, safety_seen=False)
    async with app.run_test(size=(90, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # `run` was for this workout alone: it ends
        await pilot.pause()
        assert app.return_code == 0
    assert acknowledged_in(locations) is None
    assert workouts_in(locations) == 0


async def test_home_enter_shows_the_note_once(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock, session_path=None, safety_seen=False)
    async with app.run_test(size=(90, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press("escape")  # not now: back home, nothing started or stored
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert acknowledged(app.store) is None
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # acknowledged: the workout opens
        await pilot.pause()
        assert any(isinstance(s, WorkoutScreen) for s in app.screen_stack)
        assert acknowledged(app.store) is not None


async def test_one_acknowledgement_serves_workouts_and_the_assessment(
    locations: Locations, clock: FakeClock
):
    """Confirmed before a workout, the note does not come up again before the first
    assessment (and the other way round: the assessment tests cover that)."""
    app = make_app(locations, clock, session_path=None, safety_seen=False)
    async with app.run_test(size=(90, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert any(isinstance(s, WorkoutScreen) for s in app.screen_stack)
    app = make_app(locations, clock, session_path=None, safety_seen=False)
    async with app.run_test(size=(90, 40)) as pilot:
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen)


def acknowledged_in(locations: Locations) -> str | None:
    store, _ = HistoryStore.open(locations.database)
    try:
        return acknowledged(store)
    finally:
        store.close()


def workouts_in(locations: Locations) -> int:
    store, _ = HistoryStore.open(locations.database)
    try:
        return store.conn.execute("SELECT COUNT(*) FROM workouts").fetchone()[0]
    finally:
        store.close()


# -- plain mode ----------------------------------------------------------------------


class TypedKeys:
    """A person at a terminal pressing keys in turn (plain mode's `Keys`)."""

    interactive = True

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys

    def read(self, timeout: float | None) -> str | None:
        from tuitrainer.plain.keys import END

        return self.keys.pop(0) if self.keys else END

    def read_line(self, prompt_timeout: float | None = None) -> str | None:
        return None


def test_plain_mode_shows_the_note_before_the_first_workout(locations: Locations) -> None:
    """`run --plain` at a terminal: the same note, the urgent signs included, one key."""
    from tuitrainer.plain.safety import confirmed

    store, _ = HistoryStore.open(locations.database)
    try:
        out: list[str] = []
        assert not confirmed(store, TypedKeys(["x", "q"]), out.append)  # q: no workout
        assert acknowledged(store) is None
        text = "\n".join(out)
        assert "Get care today" in text and all(sign in text for sign in URGENT)
        assert "tuitrainer's own safety note" in text
        assert text.count("Press Enter (or y)") == 2  # a stray key repeats the prompt
        out.clear()
        assert confirmed(store, TypedKeys([" "]), out.append)  # Enter: go on, remembered
        assert acknowledged(store) is not None
        out.clear()
        assert confirmed(store, TypedKeys([]), out.append) and out == []
    finally:
        store.close()


async def test_resuming_from_home_shows_the_note_first(locations: Locations, clock: FakeClock):
    """An unfinished run the note was never shown for (plain mode without a terminal):
    resuming it from home's offer asks first, like any other way into a workout."""
    from tests.ui.test_home import left_unfinished
    from tuitrainer.screens.questions import ResumeScreen

    left_unfinished(locations)
    app = make_app(locations, clock, session_path=None, safety_seen=False)
    async with app.run_test(size=(90, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, SafetyScreen)
        assert not any(isinstance(s, WorkoutScreen) for s in app.screen_stack)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkoutScreen)
        assert acknowledged(app.store) is not None
