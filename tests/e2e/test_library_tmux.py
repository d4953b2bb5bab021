"""The installed program: `delete` asks on the terminal; on the home screen c copies,
d deletes to the trash and u brings it back."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.tmux import TUITRAINER, Terminal, cli, needs_tmux, run_env

pytestmark = needs_tmux


def test_delete_asks_on_the_terminal(tmp_path: Path):
    assert cli("new", "mine", "--from", "hip-mobility", "--editor", data_dir=tmp_path)
    mine = tmp_path / "sessions" / "mine.yaml"
    assert mine.is_file()
    term = Terminal([TUITRAINER, "delete", "mine"], run_env(tmp_path))
    try:
        term.wait_for("Delete your session 'mine'?", "[y/N")  # the line may wrap
        term.press("y")
        term.press("Enter")
        term.wait_exit()
        assert "trash" in term.screen()
    finally:
        term.close()
    assert not mine.exists() and (tmp_path / "trash" / "mine.yaml").is_file()


def test_copy_delete_and_undo_on_the_home_screen(tmp_path: Path):
    term = Terminal([TUITRAINER], run_env(tmp_path), width=100, height=30)
    copy = tmp_path / "sessions" / "hip-mobility-copy.yaml"
    try:
        term.wait_for("Hip mobility", "d delete")
        term.press("c")
        term.wait_for("Name of the copy of hip-mobility")
        term.press("Enter")
        term.wait_for("Hip mobility copy")
        assert copy.is_file()
        term.press("d")  # the copy is highlighted
        term.wait_for("Delete your session 'hip-mobility-copy'?")
        term.press("y")
        term.wait_for("Deleted hip-mobility-copy")
        assert not copy.exists()
        term.press("u")
        term.wait_for("hip-mobility-copy is back")
        assert copy.is_file()
        term.press("q")
        term.wait_exit()
    finally:
        term.close()
