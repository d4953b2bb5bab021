"""The installed `tuitrainer` in a real terminal: the exercise's figure, and `v` to hide it."""

from __future__ import annotations

import time
from pathlib import Path

from tests.e2e.tmux import TUITRAINER, Terminal, needs_tmux, run_env

pytestmark = needs_tmux


def braille_cells(screen: str) -> int:
    return sum(1 for ch in screen if 0x2801 <= ord(ch) <= 0x28FF)


def test_the_figure_shows_in_a_real_terminal_and_v_hides_it(tmp_path: Path):
    term = Terminal([TUITRAINER, "run", "hip-mobility", "--mute"], run_env(tmp_path))  # 80x24
    try:
        term.wait_for("READY?")
        term.press("Escape")  # no pain rating now
        term.press("Space")
        screen = term.wait_for("GET READY")
        deadline = time.monotonic() + 10
        while braille_cells(screen) < 12 and time.monotonic() < deadline:
            time.sleep(0.05)
            screen = term.screen()
        assert braille_cells(screen) >= 12, screen  # a figure, not a stray dot
        term.press("v")
        deadline = time.monotonic() + 10
        while braille_cells(screen) and time.monotonic() < deadline:
            time.sleep(0.05)
            screen = term.screen()
        assert braille_cells(screen) == 0, screen
    finally:
        term.close()
