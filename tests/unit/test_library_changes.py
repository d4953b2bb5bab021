"""The library core: undo of a delete, names that are free, the exercise catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import DATA
from tuitrainer.exercise_catalogue import catalogue, filtered
from tuitrainer.library_changes import NotFound, Refused, delete, duplicate, restore
from tuitrainer.locations import Locations
from tuitrainer.session.create import free_name

QUICK = DATA / "sessions" / "quick.yaml"


def test_undo_puts_the_file_back_but_never_over_a_new_one(locations: Locations):
    path = locations.user_sessions / "quick.yaml"
    path.write_text(QUICK.read_text())
    trashed = delete(locations, "quick")
    assert restore(locations, trashed) == path and path.read_text() == QUICK.read_text()
    trashed = delete(locations, "quick")
    path.write_text("name: made since\n")
    with pytest.raises(Refused, match="was made since"):
        restore(locations, trashed)
    assert trashed.trashed.is_file() and path.read_text() == "name: made since\n"


def test_free_names_and_duplicates(locations: Locations):
    assert free_name(locations, "hip-mobility") == "hip-mobility-2"
    assert free_name(locations, "new-one") == "new-one"
    made = duplicate(locations, "hip-mobility", "hips")
    assert made == locations.user_sessions / "hips.yaml"
    with pytest.raises(Refused):
        duplicate(locations, "hip-mobility", "hips")  # taken now
    with pytest.raises(Refused):
        duplicate(locations, "hips", "hips")
    with pytest.raises(NotFound):
        duplicate(locations, "nothing", "other")


def test_the_catalogue_lists_a_changed_dose_apart_and_skips_broken_files(locations: Locations):
    text = QUICK.read_text()
    (locations.user_sessions / "quick.yaml").write_text(text)
    (locations.user_sessions / "more.yaml").write_text(
        text.replace("name: Quick test", "name: More reps").replace("reps: 3", "reps: 12")
    )
    (locations.user_sessions / "broken.yaml").write_text("name: Broken\nexercises: []\n")
    hydrants = [e for e in catalogue(locations) if e.exercise.name == "Fire hydrant"]
    doses = sorted(e.dose() for e in hydrants)
    assert len(hydrants) == 3  # the built-in one, 3 reps and 12 reps
    assert "12 reps a side, guided" in doses and "3 reps a side, guided" in doses
    [twelve] = [e for e in hydrants if e.dose().startswith("12")]
    assert twelve.sources == ("More reps",) and not twelve.builtin
    assert [e.exercise.name for e in filtered(hydrants, "more")] == ["Fire hydrant"]


def test_a_rename_never_replaces_a_file(locations: Locations, tmp_path: Path):
    from tuitrainer.library_changes import rename

    (locations.user_sessions / "a.yaml").write_text(QUICK.read_text())
    (locations.user_sessions / "b.yml").write_text(QUICK.read_text())
    with pytest.raises(Refused):
        rename(locations, "a", "b")
    renamed = rename(locations, "a", "c")
    assert renamed.path.name == "c.yaml" and renamed.workouts == 0


def test_a_rename_the_history_refuses_leaves_everything_as_it_was(locations: Locations):
    from tuitrainer.history import HistoryStore
    from tuitrainer.library_changes import rename

    path = locations.user_sessions / "a.yaml"
    path.write_text(QUICK.read_text())
    store, _ = HistoryStore.open(locations.database)
    store.conn.execute(
        "CREATE TRIGGER no BEFORE UPDATE ON workouts BEGIN SELECT RAISE(ABORT, 'x'); END"
    )
    store.start_workout("a", "A", "h", 1.0)
    with pytest.raises(Refused, match="the history could not be written"):
        rename(locations, "a", "b", store)
    assert path.read_text() == QUICK.read_text()
    assert not (locations.user_sessions / "b.yaml").exists()
    assert [r["session"] for r in store.recent()] == ["a"]
    store.close()


def test_a_renamed_session_stays_in_the_schedule(locations: Locations):
    """Renaming a scheduled session keeps it due (and counted) under its new name; the
    schedule's other items and the person's comments stay as written."""
    from tuitrainer.library_changes import rename
    from tuitrainer.schedule.load import load

    (locations.user_sessions / "mine.yaml").write_text(QUICK.read_text())
    locations.schedule_file.parent.mkdir(parents=True, exist_ok=True)
    text = (
        '# my physio\'s plan\n[[item]]\nsession = "mine"  # mornings\ndays = "daily"\n'
        'time = "07:30"\n\n[[item]]\nsession = "mine-too"\ndays = ["mon"]\n'
    )
    locations.schedule_file.write_text(text)
    rename(locations, "mine", "my-hips")
    assert locations.schedule_file.read_text() == text.replace('"mine"', '"my-hips"')
    loaded = load(locations.schedule_file)
    assert [item.session for item in loaded.schedule.items] == ["my-hips", "mine-too"]
    assert not loaded.problems


def test_the_rename_message_counts_the_workouts_that_follow_in_good_english() -> None:
    from tuitrainer.library_changes import Renamed

    def said(count: int) -> str:
        return Renamed("mine", "yours", Path("yours.yaml"), None, count).message()

    assert said(0) == "Renamed mine to yours."
    assert said(1) == "Renamed mine to yours; 1 past workout follows it."
    assert said(3) == "Renamed mine to yours; 3 past workouts follow it."


def test_a_rename_while_another_program_holds_the_history_is_refused_in_a_second(
    locations: Locations,
):
    import time

    from tests.history_lock import LockHolder
    from tuitrainer.history import HistoryStore
    from tuitrainer.library_changes import rename

    path = locations.user_sessions / "a.yaml"
    path.write_text(QUICK.read_text())
    store, _ = HistoryStore.open(locations.database)
    with LockHolder(locations.database):
        began = time.monotonic()
        with pytest.raises(Refused, match="another program is using the history"):
            rename(locations, "a", "b", store)
        assert time.monotonic() - began < 3  # not the connection's five seconds
    assert path.read_text() == QUICK.read_text()  # all as it was
    assert rename(locations, "a", "b", store).path.name == "b.yaml"  # and fine once free
    store.close()
