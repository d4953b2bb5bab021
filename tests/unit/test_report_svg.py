"""The report's charts as a printed page shows them: names whole, counts whole."""

from __future__ import annotations

import re

from tuitrainer.history import svg


def test_a_long_exercise_name_has_room_beside_its_bars() -> None:
    """The built-in reach and rotate's full name used to run off the page's left edge."""
    name = "Reach and rotate (thread the needle)"
    chart = svg.paired("Sides", [(name, 1.0, 0.5), ("Fire hydrant", 1.0, 1.0)])
    bar_x = float(re.search(r'<rect x="([\d.]+)"', chart)[1])
    assert f">{name}</text>" in chart
    assert bar_x - 6 >= len(name) * 6.2  # room for the name at 11 px, ending at bar_x - 6


def test_a_name_too_long_for_any_room_is_cut_visibly() -> None:
    name = "A very long exercise name that someone typed into their own session " * 2
    chart = svg.paired("Sides", [(name, 1.0, 1.0)])
    bar_x = float(re.search(r'<rect x="([\d.]+)"', chart)[1])
    assert bar_x <= svg.MAX_LABEL_W
    shown = re.search(r'text-anchor="end" fill="#222">([^<]*)</text>', chart)[1]
    assert shown.endswith("…") and len(shown) * 6.2 <= bar_x


def test_counts_of_workouts_have_whole_numbers_on_their_axis() -> None:
    chart = svg.bars("Workouts per week", ["30 Nov", "7 Dec"], [2, 1])
    ticks = re.findall(r'text-anchor="end" fill="#222">([^<]*)</text>', chart)
    assert ticks == ["0", "1", "2"]


def test_a_count_axis_steps_in_whole_ones_twos_or_fives():
    """Workouts per week are counts: the axis reads 0, 2, 4, 6, 8, never 1.4 or 2.8."""
    from tuitrainer.history.svg import count_axis

    assert count_axis(7) == (8, 4)
    assert count_axis(3) == (3, 3)
    assert count_axis(13) == (15, 3)
    assert count_axis(101) == (120, 6)
    for top in range(0, 500):
        high, steps = count_axis(top)
        assert high >= top and steps <= 6
        assert str(high // steps)[0] in "125" and set(str(high // steps)[1:]) <= {"0"}
