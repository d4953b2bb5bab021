"""The installed `tuitrainer` in a real terminal: the exercise's figure, and `v` to hide it."""

from __future__ import annotations

import time
from pathlib import Path

from tests.e2e.tmux import TUITRAINER, Terminal, needs_tmux, run_env

pytestmark = needs_tmux


def braille_cells(screen: str) -> int:
    return sum(1 for ch in screen if 0x2801 <= ord(ch) <= 0x28FF)


def wait_for_figure(term: Terminal, present: bool) -> str:
    deadline = time.monotonic() + 10
    screen = term.screen()
    while (braille_cells(screen) >= 12) != present and time.monotonic() < deadline:
        time.sleep(0.05)
        screen = term.screen()
    return screen


def test_the_figure_shows_in_a_real_terminal_and_v_hides_it(tmp_path: Path):
    # Wide enough for the figure beside the big count. The test process may carry
    # COLUMNS/LINES of 80x24 (tmux hands them on, Textual believes them): say the size.
    args = [TUITRAINER, "run", "hip-mobility", "--mute"]
    env = {**run_env(tmp_path), "COLUMNS": "120", "LINES": "36"}
    term = Terminal(args, env, width=120, height=36)
    try:
        term.wait_for("Pain before you start")
        term.press("Escape")  # no pain rating now
        term.wait_for("Press space to start")
        term.press("Space")
        screen = wait_for_figure(term, present=True)
        assert braille_cells(screen) >= 12, screen  # a figure, not a stray dot
        term.press("v")
        screen = wait_for_figure(term, present=False)
        assert braille_cells(screen) == 0, screen
    finally:
        term.close()
