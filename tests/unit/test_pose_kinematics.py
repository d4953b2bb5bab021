"""Forward kinematics and mirroring: known angles give known joint positions."""

from __future__ import annotations

import math

import pytest

from tuitrainer.figure_view import tempo_fraction
from tuitrainer.poses.figure import Figure
from tuitrainer.poses.kinematics import (
    FOREARM,
    HIP_HALF,
    SHANK,
    THIGH,
    TRUNK,
    UPPER_ARM,
    project,
    rotate,
    skeleton,
)
from tuitrainer.poses.model import Angles, PoseSpec
from tuitrainer.session.model import TempoPhase, default_tempo


def close(a, b, tol: float = 1e-6) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b, strict=True))


def kneeling(**extra: float) -> Angles:
    angles = {"pitch": 10.0}
    for side in ("working", "other"):
        angles |= {f"{side}_hip": 80, f"{side}_knee": 90, f"{side}_ankle": 175}
        angles |= {f"{side}_shoulder": 80}
    return Angles.of(angles | extra)


def test_rotate_turns_about_the_axis_by_the_right_hand_rule():
    assert close(rotate((1, 0, 0), (0, 0, 1), 90), (0, 1, 0))
    assert close(rotate((0, 1, 0), (1, 0, 0), 90), (0, 0, 1))
    assert close(rotate((1, 2, 3), (0, 1, 0), 360), (1, 2, 3))


def test_standing_tall_stacks_the_joints_straight_up_from_the_feet():
    points = skeleton(Angles.of({}))
    hip, knee, ankle = points["working_hip"], points["working_knee"], points["working_ankle"]
    assert close(knee, (hip[0], hip[1] - THIGH, hip[2]))
    assert close(ankle, (hip[0], hip[1] - THIGH - SHANK, hip[2]))
    assert points["pelvis"][1] == pytest.approx(THIGH + SHANK)  # feet flat on the floor
    assert points["neck_base"][1] == pytest.approx(points["pelvis"][1] + TRUNK)
    assert points["working_hip"][2] == pytest.approx(HIP_HALF)  # the working side is the right
    assert points["other_hip"][2] == pytest.approx(-HIP_HALF)
    hand = points["working_hand"]
    assert hand[1] == pytest.approx(points["neck_base"][1] - UPPER_ARM - FOREARM)
    assert min(p[1] for p in points.values()) == pytest.approx(0.0)  # on the floor


def test_a_right_angle_at_hip_and_knee_puts_the_thigh_forward_and_the_shin_down():
    points = skeleton(Angles.of({"working_hip": 90, "working_knee": 90}))
    hip, knee, ankle = points["working_hip"], points["working_knee"], points["working_ankle"]
    assert close(knee, (hip[0] + THIGH, hip[1], hip[2]))
    assert close(ankle, (knee[0], knee[1] - SHANK, knee[2]))


def test_kneeling_has_hands_under_shoulders_and_knees_under_hips_on_the_floor():
    points = skeleton(kneeling())
    for side in ("working", "other"):
        assert points[f"{side}_hand"][0] == pytest.approx(points[f"{side}_shoulder"][0])
        assert points[f"{side}_knee"][0] == pytest.approx(points[f"{side}_hip"][0])
        assert points[f"{side}_hand"][1] < 0.03
        assert points[f"{side}_knee"][1] < 0.03


def test_abduction_swings_the_bent_knee_out_to_the_side_and_keeps_the_shin_back():
    start = skeleton(kneeling())
    out = skeleton(kneeling(working_hip_abduct=90))
    hip, knee, ankle = out["working_hip"], out["working_knee"], out["working_ankle"]
    assert knee[1] == pytest.approx(hip[1], abs=1e-6)  # thigh level with the hips
    assert knee[2] - hip[2] == pytest.approx(THIGH)  # straight out to the working side
    assert ankle[0] - knee[0] == pytest.approx(start["working_ankle"][0] - start["working_knee"][0])


def test_the_other_side_is_the_mirror_image_in_the_body():
    angles = kneeling(working_hip_abduct=40, twist=20, roll=10)
    right, left = skeleton(angles, "right"), skeleton(angles, "left")
    for name, (x, y, z) in right.items():
        assert close(left[name], (x, y, -z)), name


@pytest.mark.parametrize("view", ["side", "rear", "front", "top"])
def test_a_left_side_picture_mirrors_the_right_side_picture(view):
    spec = PoseSpec("t", "t", view, kneeling(), kneeling(working_hip_abduct=50), elevation=30)
    right, left = Figure(spec, "right").flat(1.0), Figure(spec, "left").flat(1.0)
    for name, (x, y) in right.points.items():
        mirrored = (-x, y) if view != "top" else (x, -y)
        assert close(left.points[name], mirrored), name


def test_a_side_view_looks_from_the_working_side():
    points = skeleton(kneeling())
    flat = project(points, "side", "right")
    assert flat.depth["working_knee"] > flat.depth["other_knee"]  # the working leg is nearer
    assert flat.points["head"][0] > flat.points["pelvis"][0]  # facing right
    flat = project(skeleton(kneeling(), "left"), "side", "left")
    assert flat.depth["working_knee"] > flat.depth["other_knee"]
    assert flat.points["head"][0] < flat.points["pelvis"][0]  # facing left


def test_a_rep_moves_out_holds_and_comes_back_smoothly_with_its_tempo():
    lift_lower = default_tempo(4, 0)  # lift 2 s, lower 2 s
    assert tempo_fraction(lift_lower, 0.0) == 0.0
    assert tempo_fraction(lift_lower, 1.0) == pytest.approx(0.5)
    assert tempo_fraction(lift_lower, 2.0) == pytest.approx(1.0)
    assert tempo_fraction(lift_lower, 3.0) == pytest.approx(0.5)
    assert tempo_fraction(lift_lower, 4.0) == pytest.approx(0.0)
    held = default_tempo(4, 4)  # out in 2 s, held 4 s, back in 2 s
    assert tempo_fraction(held, 2.0) == tempo_fraction(held, 5.9) == 1.0
    assert tempo_fraction(held, 1.0) == pytest.approx(0.5)
    assert tempo_fraction(held, 7.0) == pytest.approx(0.5)
    slow_back = (TempoPhase("up", 1), TempoPhase("down", 3))  # a tempo of the user's
    assert tempo_fraction(slow_back, 1.0) == 1.0
    assert tempo_fraction(slow_back, 2.5) == pytest.approx(0.5)
    values = [tempo_fraction(lift_lower, i / 25) for i in range(101)]
    assert all(abs(b - a) < 0.05 for a, b in zip(values, values[1:], strict=False))


def test_the_figure_slides_nowhere_its_anchor_stays_put():
    spec = PoseSpec(
        "t",
        "t",
        "side",
        kneeling(),
        kneeling(working_hip=-10, working_knee=0),
        floor=("working_hand",),
    )
    figure = Figure(spec, "right")
    assert close(figure.points(0.0)["working_hand"], figure.points(1.0)["working_hand"], 1e-9)
    assert math.isfinite(sum(figure.bounds))
