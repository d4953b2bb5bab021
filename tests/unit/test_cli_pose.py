"""`tuitrainer pose ID`: a figure in the terminal or as an SVG file."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from tuitrainer.cli import main


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def test_pose_prints_the_start_and_end_figure_in_braille():
    code, start, _ = run("pose", "straight-leg-extension", "--width", "30")
    assert code == 0
    title, *rows = start.splitlines()
    assert title.startswith("Straight-leg extension") and "start, left side" in title
    assert rows and all(len(row) == 30 for row in rows)
    assert all(ch == " " or 0x2800 <= ord(ch) <= 0x28FF for row in rows for ch in row)
    code, end, _ = run("pose", "straight-leg-extension", "--end", "--width", "30")
    assert code == 0 and end.splitlines()[1:] != rows
    code, right, _ = run("pose", "straight-leg-extension", "--side", "right", "--width", "30")
    assert right.splitlines()[1:] != rows  # the other side, facing the other way


def test_pose_writes_an_svg_file(tmp_path):
    target = tmp_path / "figure-4.svg"
    code, out, err = run("pose", "figure-4", "--svg", str(target))
    assert code == 0 and out == ""
    assert "written" in err
    assert ET.parse(target).getroot().tag.endswith("svg")


def test_an_unknown_id_or_width_is_a_usage_error_with_a_hint():
    code, _, err = run("pose", "fire-hydrnt")
    assert code == 2
    assert "did you mean 'fire-hydrant'?" in err
    assert "knee-to-chest" in err  # every figure is listed
    code, _, err = run("pose", "fire-hydrant", "--width", "200")
    assert code == 2 and "20 to 60" in err


def test_a_held_position_has_no_end_and_says_so():
    code, out, err = run("pose", "knee-to-chest", "--end")
    assert code == 0 and "one position" in err and out
