"""Snapshots of the Braille drawing of every built-in pose, at two sizes.

The snapshots are plain text in tests/data/poses/, one file per pose: look at
them in a terminal to see what the app draws. After a deliberate change to a
pose or the renderer, rewrite them with `TUITRAINER_UPDATE_POSES=1 pytest ...`
and look at the difference before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tuitrainer.poses import Figure, render, size_for
from tuitrainer.session.poses import builtin_poses

SNAPSHOTS = Path(__file__).resolve().parents[1] / "data" / "poses"
SIZES = (24, 48)  # columns: a small terminal's figure and a roomy one
POSES = builtin_poses()


def drawing(pose_id: str) -> str:
    spec = POSES[pose_id]
    parts = []
    for cols in SIZES:
        for which, fraction in (("start", 0.0), ("end", 1.0)) if spec.end else (("start", 0.0),):
            figure = Figure(spec, "left")
            width, rows = size_for(figure, cols, max_rows=cols // 2)
            picture = render(figure, width, rows, fraction)
            assert all(len(line) == width for line in picture.lines)
            lines = [line.rstrip() for line in picture.lines]
            parts.append(
                f"--- {pose_id}, {which}, left side, {width}x{rows} ---\n" + "\n".join(lines)
            )
    return "\n".join(parts) + "\n"


@pytest.mark.parametrize("pose_id", sorted(POSES))
def test_braille_drawing_matches_its_snapshot(pose_id):
    path = SNAPSHOTS / f"{pose_id}.txt"
    text = drawing(pose_id)
    if os.environ.get("TUITRAINER_UPDATE_POSES"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {path.name}: run with TUITRAINER_UPDATE_POSES=1"
    assert text == path.read_text(encoding="utf-8")


def test_every_snapshot_belongs_to_a_pose():
    assert {p.stem for p in SNAPSHOTS.glob("*.txt")} == set(POSES)


def test_the_moving_limbs_are_marked_for_colour_and_the_other_side_is_too():
    figure = Figure(POSES["fire-hydrant"], "left")
    picture = render(figure, 40, 20, 1.0)
    parts = {part for row in picture.parts for part in row}
    assert {"moving", "other", "body"} <= parts
    both = render(Figure(POSES["glute-bridge"], "both"), 40, 12, 1.0)
    assert "other" not in {part for row in both.parts for part in row}  # no side is apart


def test_the_two_sides_draw_mirror_images():
    spec = POSES["straight-leg-extension"]
    left = render(Figure(spec, "left"), 40, 12, 1.0)
    right = render(Figure(spec, "right"), 40, 12, 1.0)
    assert left.lines != right.lines

    # Seen from the working side, the figure faces the other way: the leg kicking back
    # is on the right for the left side and on the left for the right side.
    def moving_columns(picture):
        return [col for row in picture.parts for col, part in enumerate(row) if part == "moving"]

    mean = [sum(cols) / len(cols) for cols in map(moving_columns, (left, right))]
    assert mean[0] > 20 > mean[1]
