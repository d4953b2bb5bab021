"""`report --output` never overwrites data: not the history, not a session, not a file
that is not a report (without --force)."""

from __future__ import annotations

import io
from pathlib import Path

from tuitrainer.cli import main
from tuitrainer.history import HistoryStore
from tuitrainer.locations import Locations


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_the_history_and_sessions_are_never_replaced(locations: Locations, tmp_path: Path):
    store, _ = HistoryStore.open(locations.database)
    store.close()
    before = locations.database.read_bytes()
    session = locations.user_sessions / "mine.yaml"
    session.write_text("name: Mine\n")
    link = tmp_path / "innocent.md"
    link.symlink_to(locations.database)
    for target in (locations.database, session, link, locations.data_dir / "new.md"):
        for force in ([], ["--force"]):
            code, _, err = run("report", "--output", str(target), *force)
            assert code == 2, target
            assert "somewhere else" in err
    assert locations.database.read_bytes() == before
    assert session.read_text() == "name: Mine\n"
    assert not (locations.data_dir / "new.md").exists()
    store, notice = HistoryStore.open(locations.database)  # not set aside as corrupt
    assert notice is None
    store.close()


def test_an_existing_file_is_replaced_only_if_it_is_a_report_or_forced(
    locations: Locations, tmp_path: Path
):
    notes = tmp_path / "notes.md"
    notes.write_text("my own notes\n")
    code, _, err = run("report", "--output", str(notes))
    assert code == 2 and "--force" in err
    assert notes.read_text() == "my own notes\n"
    report = tmp_path / "report.md"
    assert run("report", "--output", str(report))[0] == 0
    assert run("report", "--output", str(report))[0] == 0  # an earlier report: replaced
    assert run("report", "--output", str(notes), "--force")[0] == 0
    assert notes.read_text().startswith("# Exercise and pain report")


def test_one_is_said_in_the_singular(locations: Locations):
    store, _ = HistoryStore.open(locations.database)
    workout = store.start_workout("hips", "Hips", "x", 1.0)
    store.end_workout(workout, "completed")
    store.close()
    code, out, _ = run("report")
    assert code == 0
    assert "on 1 day\n" in out and "Current streak: 1 day in a row" in out
    assert "1 days" not in out
