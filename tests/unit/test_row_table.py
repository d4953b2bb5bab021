"""Column widths of the home screen's table: names give way first, then the last columns."""

from __future__ import annotations

from rich.cells import cell_len

from tuitrainer.widgets.row_table import MIN_FIRST, column_widths, format_line

HEADER = ("Session", "Time", "Last done", "Source")
ROWS = [
    ("Low back routine: hips and mid back", "12:00", "never", "builtin"),
    ("Hip mobility", "9:10", "Tue 01 Dec", "user"),
]


def test_wide_enough_every_column_fits_its_widest_cell():
    widths = column_widths(HEADER, ROWS, 80)
    assert widths == [35, 5, 10, 7]
    line = format_line(ROWS[0], widths)
    assert line.split("  ")[0].strip() == ROWS[0][0]


def test_the_name_shrinks_before_any_column_goes():
    widths = column_widths(HEADER, ROWS, 50)
    assert all(widths[1:]) and MIN_FIRST <= widths[0] < 35
    line = format_line(ROWS[0], widths)
    assert cell_len(line) <= 50 and "…" in line and line.rstrip().endswith("builtin")


def test_then_the_last_columns_are_left_out():
    widths = column_widths(HEADER, ROWS, 36)
    assert widths[3] == 0 and widths[1] and widths[2]
    assert widths[0] == 36 - (1 + 2 + 5 + 2 + 10)  # the name takes back the freed space
    assert cell_len(format_line(ROWS[0], widths)) <= 36
    assert "builtin" not in format_line(ROWS[0], widths)


def test_wide_characters_count_as_two_cells():
    rows = [("ストレッチ", "1:00", "never", "user")]
    widths = column_widths(HEADER, rows, 80)
    assert widths[0] == 10
    assert widths == [10, 4, 9, 6]
    assert cell_len(format_line(rows[0], widths)) == 1 + 10 + 2 + 4 + 2 + 9 + 2 + 6
