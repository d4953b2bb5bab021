"""keys.toml: a remapped key does the binding's work, the old key no longer does, help
and the footer show the keys in force, and a bad line is named with its line number."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import FakeClock
from tests.ui.conftest import make_app
from tuitrainer.locations import Locations
from tuitrainer.screens.bindings import declared, keys_doc
from tuitrainer.screens.home import HomeScreen
from tuitrainer.screens.progress import ProgressScreen

DOCS = Path(__file__).resolve().parents[2] / "docs" / "keys.md"


async def test_a_remapped_key_does_the_work_and_the_old_one_does_not(
    locations: Locations, clock: FakeClock
) -> None:
    locations.keys_file.write_text('"home.progress" = "x"\n')
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        footer = " ".join(str(w.render()) for w in app.screen.query("FooterKey"))
        assert "x" in footer.split() and "g" not in footer.split()
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = "\n".join(app.screen.lines())
        assert "x  Progress" in help_text and "g  Progress" not in help_text
        await pilot.press("escape")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)


async def test_a_bad_keys_file_is_named_line_by_line_and_the_rest_applies(
    locations: Locations, clock: FakeClock
) -> None:
    locations.keys_file.write_text('"home.progres" = "x"\n"home.assess" = "z"\n')
    app = make_app(locations, clock, session_path=None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notices = [str(n.message) for n in app._notifications]
        assert any(
            "line 1: unknown binding 'home.progres'; did you mean 'home.progress'?" in n
            for n in notices
        ), notices
        assert app.keymap == {"home.assess": "z"}


def test_every_binding_has_an_id_of_its_own() -> None:
    ids = [binding.id for _, binding in declared()]
    missing = [f"{owner}: {b.key}" for owner, b in declared() if not b.id]
    assert missing == []
    assert len(ids) == len(set(ids))


def test_docs_list_every_binding_id() -> None:
    assert keys_doc() in DOCS.read_text()


async def rep_count(app) -> int:
    engine = app.screen.workout.engine
    return engine.side_stats(engine.key).reps if engine.key else -1


async def test_a_remapped_rep_key_logs_a_rep_and_a_clicker_works_without_one(
    locations: Locations, clock: FakeClock
) -> None:
    locations.keys_file.write_text('"workout.rep" = "x"\n')
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("space")  # past the pain question: the workout starts
        for _ in range(6):  # get ready, left, switch, right, rest, get ready
            await pilot.press("n")
        assert app.screen.workout.engine.segment.exercise.name == "Reach and rotate"
        await pilot.press("x")
        assert await rep_count(app) == 1
        await pilot.press("space")  # no longer the rep key
        assert await rep_count(app) == 1
        await pilot.press("pageup")  # a clicker's back button undoes
        assert await rep_count(app) == 0


async def test_a_presentation_clicker_logs_reps(locations: Locations, clock: FakeClock):
    app = make_app(locations, clock)
    async with app.run_test() as pilot:
        await pilot.press("space")
        for _ in range(6):
            await pilot.press("n")
        await pilot.press("pagedown", "pagedown")
        assert await rep_count(app) == 2
        await pilot.press("pageup")
        assert await rep_count(app) == 1
