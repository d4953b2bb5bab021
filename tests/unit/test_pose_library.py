"""The built-in poses against the exercise descriptions, and the pose file format's checks."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tuitrainer.assessment.load import load_battery
from tuitrainer.poses import Figure, render_svg
from tuitrainer.poses.model import Angles
from tuitrainer.session import load_session
from tuitrainer.session.load import check_text
from tuitrainer.session.poses import builtin_poses, check_poses_text, pose_for

DATA = Path(__file__).resolve().parents[2] / "src" / "tuitrainer" / "data"
POSES = builtin_poses()


def joints(pose_id: str, fraction: float) -> dict[str, tuple[float, float, float]]:
    return Figure(POSES[pose_id], "right").points(fraction)


def direction(a, b) -> float:
    """Degrees above the floor of the line from a to b (0 level, 90 straight up)."""
    run = math.hypot(b[0] - a[0], b[2] - a[2])
    return math.degrees(math.atan2(b[1] - a[1], run))


def angle_between(a, b, c) -> float:
    """The angle at b between b->a and b->c, in degrees."""
    u = [a[i] - b[i] for i in range(3)]
    v = [c[i] - b[i] for i in range(3)]
    dot = sum(x * y for x, y in zip(u, v, strict=True))
    return math.degrees(math.acos(dot / math.hypot(*u) / math.hypot(*v)))


def test_every_built_in_exercise_and_test_has_a_figure():
    ids = {
        exercise.id
        for path in (DATA / "sessions").glob("*.yaml")
        for exercise in load_session(path, source="builtin").exercises
    }
    battery = load_battery(DATA / "assessments" / "hip-tests.yaml")
    ids |= {test.id for test in battery.tests}
    assert ids <= set(POSES), ids - set(POSES)
    assert POSES["reach-and-rotate"].easier == "reach-and-rotate-elbow-leads"


@pytest.mark.parametrize("pose_id", sorted(POSES))
def test_every_figure_is_valid_svg_with_a_name(pose_id):
    for side in ("left", "right", "both"):
        for fraction in (0.0, 0.5, 1.0):
            root = ET.fromstring(render_svg(Figure(POSES[pose_id], side), fraction))
            assert root.tag == "{http://www.w3.org/2000/svg}svg"
            title = root.find("{http://www.w3.org/2000/svg}title")
            assert title is not None and title.text == POSES[pose_id].name


def kneeling_start_is_square(pose_id: str) -> None:
    """Hands and knees: hands under the shoulders, knees under the hips, back near level."""
    p = joints(pose_id, 0.0)
    for side in ("working", "other"):
        assert abs(p[f"{side}_hand"][0] - p[f"{side}_shoulder"][0]) < 0.02
        assert abs(p[f"{side}_knee"][0] - p[f"{side}_hip"][0]) < 0.02
    assert abs(direction(p["pelvis"], p["neck_base"])) <= 12


@pytest.mark.parametrize(
    "pose_id",
    ["fire-hydrant", "straight-leg-extension", "bent-knee-heel-to-ceiling", "bird-dog"],
)
def test_hands_and_knees_exercises_start_square(pose_id):
    kneeling_start_is_square(pose_id)


def test_fire_hydrant_lifts_the_bent_knee_out_to_the_side_hips_still():
    start, end = joints("fire-hydrant", 0.0), joints("fire-hydrant", 1.0)
    assert end["working_knee"][2] - end["working_hip"][2] > 0.15  # out to the working side
    assert end["working_knee"][1] > start["working_knee"][1] + 0.1  # lifted
    knee = angle_between(end["working_hip"], end["working_knee"], end["working_ankle"])
    assert knee == pytest.approx(90, abs=5)  # the knee stays bent
    assert end["pelvis"] == pytest.approx(start["pelvis"])  # the hips do not move
    assert POSES["fire-hydrant"].view == "rear"  # abduction cannot be seen from the side


def test_straight_leg_extension_ends_straight_and_level_heel_leading():
    end = joints("straight-leg-extension", 1.0)
    hip, knee, ankle = end["working_hip"], end["working_knee"], end["working_ankle"]
    assert angle_between(hip, knee, ankle) == pytest.approx(180, abs=2)  # straight
    assert direction(hip, ankle) == pytest.approx(0, abs=3)  # parallel to the floor
    assert ankle[0] < hip[0]  # straight back
    foot = angle_between(knee, ankle, end["working_toe"])
    assert foot == pytest.approx(90, abs=5)  # foot flexed: the heel leads


def test_lateral_swing_goes_from_straight_back_to_straight_out_level():
    start, end = joints("lateral-swing", 0.0), joints("lateral-swing", 1.0)
    assert direction(start["working_hip"], start["working_ankle"]) == pytest.approx(0, abs=3)
    trunk = [start["neck_base"][i] - start["pelvis"][i] for i in range(3)]
    leg = [end["working_ankle"][i] - end["working_hip"][i] for i in range(3)]
    cos = (
        sum(a * b for a, b in zip(trunk, leg, strict=True)) / math.hypot(*trunk) / math.hypot(*leg)
    )
    assert math.degrees(math.acos(cos)) == pytest.approx(90, abs=3)  # perpendicular to the torso
    assert direction(end["working_hip"], end["working_ankle"]) == pytest.approx(0, abs=3)
    assert POSES["lateral-swing"].view == "top"


def test_heel_to_ceiling_keeps_a_right_angle_and_lifts_the_thigh_level():
    end = joints("bent-knee-heel-to-ceiling", 1.0)
    hip, knee, ankle = end["working_hip"], end["working_knee"], end["working_ankle"]
    assert angle_between(hip, knee, ankle) == pytest.approx(90, abs=3)
    assert direction(hip, knee) == pytest.approx(0, abs=3)  # thigh parallel to the floor
    assert direction(knee, ankle) == pytest.approx(90, abs=3)  # sole toward the ceiling


def test_reach_and_rotate_threads_under_then_opens_to_the_ceiling():
    start, end = joints("reach-and-rotate", 0.0), joints("reach-and-rotate", 1.0)
    # Under the chest to the other side (the other side is -z for a right working side).
    assert start["working_hand"][2] < start["other_shoulder"][2] + 0.05
    assert start["working_hand"][1] < 0.06  # along the floor
    easy = joints("reach-and-rotate-elbow-leads", 0.0)
    assert easy["working_elbow"][2] < easy["working_shoulder"][2] - 0.1  # the elbow leads under
    assert direction(end["working_shoulder"], end["working_hand"]) > 75  # to the ceiling
    for p in (start, end):  # the other hand and both knees stay down
        assert p["other_hand"][1] < 0.03 and p["other_knee"][1] < 0.03
    easier = joints("reach-and-rotate-elbow-leads", 1.0)
    assert direction(easier["working_shoulder"], easier["working_elbow"]) > 45  # elbow leads up
    head = easier["head"]
    assert math.dist(easier["working_hand"], head) < 0.2  # hand by the head


def test_knee_to_chest_pulls_one_knee_in_and_leaves_the_other_leg_straight_down():
    p = joints("knee-to-chest", 0.0)
    assert p["working_knee"][0] > p["pelvis"][0] - 0.3  # over the trunk
    assert math.dist(p["working_knee"], p["neck_base"]) < 0.3  # toward the chest
    assert p["working_knee"][2] == pytest.approx(p["working_hip"][2], abs=0.02)  # not out
    assert angle_between(p["other_hip"], p["other_knee"], p["other_ankle"]) > 175
    assert p["other_heel"][1] < 0.03 and p["other_knee"][1] < 0.06


def test_figure_4_rests_the_ankle_on_the_straight_thigh_above_the_knee():
    p = joints("figure-4", 0.0)
    hip, knee = p["other_hip"], p["other_knee"]
    assert angle_between(hip, knee, p["other_ankle"]) > 175  # the other leg straight
    assert p["other_heel"][1] < 0.03
    above_knee = tuple(hip[i] + (knee[i] - hip[i]) * 0.8 for i in range(3))
    assert math.dist(p["working_ankle"], above_knee) < 0.06
    assert p["working_knee"][2] - p["working_hip"][2] > 0.1  # the knee drops out to the side


def test_lumbar_stability_poses_match_their_descriptions():
    bird = joints("bird-dog", 1.0)
    assert direction(bird["other_shoulder"], bird["other_hand"]) == pytest.approx(0, abs=3)
    assert direction(bird["working_hip"], bird["working_ankle"]) == pytest.approx(0, abs=3)
    bug = joints("dead-bug", 0.0)
    assert direction(bug["working_hip"], bug["working_knee"]) == pytest.approx(90, abs=3)
    assert direction(bug["working_knee"], bug["working_ankle"]) == pytest.approx(0, abs=3)
    bug_end = joints("dead-bug", 1.0)
    assert 0.03 < bug_end["working_ankle"][1] < bug["working_ankle"][1]  # lowered, not down
    plank = joints("side-plank", 1.0)
    line = angle_between(plank["neck_base"], plank["pelvis"], plank["working_ankle"])
    assert line == pytest.approx(180, abs=8)  # one straight line
    elbow, shoulder = plank["working_elbow"], plank["working_shoulder"]
    assert abs(elbow[0] - shoulder[0]) < 0.03  # elbow under the shoulder
    bridge = joints("glute-bridge", 1.0)
    trunk = [bridge["neck_base"][i] - bridge["pelvis"][i] for i in range(3)]
    thigh = [bridge["working_knee"][i] - bridge["working_hip"][i] for i in range(3)]
    line = angle_between(trunk, (0, 0, 0), thigh)
    assert line == pytest.approx(180, abs=8)  # shoulders, hips and knees in a line
    assert bridge["working_heel"][1] < 0.03 and bridge["working_toe"][1] < 0.03


# -- the file format ------------------------------------------------------------------


def test_a_hand_said_to_rest_on_the_floor_but_floating_is_refused_at_its_line():
    text = """poses:
  - id: kneel
    name: Kneeling
    start:
      body: {pitch: 10}
      both: {hip: 80, knee: 90, ankle: 175, shoulder: 40}
    floor: [hands, knees]
"""
    poses, problems = check_poses_text(text, "p.yaml")
    assert poses == {}
    assert [str(p) for p in problems][0].startswith("p.yaml:7:12: in the start position the ")
    assert any("hand" in p.message and "above the floor" in p.message for p in problems)


def test_bad_angles_views_and_names_point_at_their_place():
    text = """poses:
  - id: a
    name: A
    view: sideways
    start:
      body: {pitch: 10, tilt: 3}
      working: {knee: 200}
      left: {hip: 10}
    floor: [paws]
"""
    _, problems = check_poses_text(text, "p.yaml")
    found = {(p.line, p.col): p.message for p in problems}
    assert "view must be one of" in found[(4, 11)]
    assert "no angle 'tilt'" in found[(6, 25)]
    assert "knee must be a number of degrees from 0 to 160" in found[(7, 23)]
    assert "takes body, both, working, other" in found[(8, 7)]
    assert "'paws' is not a point" in found[(9, 13)]


def test_a_session_exercise_may_name_a_figure_or_draw_its_own():
    text = """name: Mine
exercises:
  - name: Knee lift
    reps: 5
    poses: fire-hydrant
  - name: Clam
    reps: 5
    poses:
      view: top
      start:
        body: {pitch: 180}
        both: {hip: 45, knee: 90}
      end:
        working: {hip_abduct: 40}
  - name: Oops
    reps: 5
    poses: fire-hydrnt
"""
    session, problems = check_text(text, "s.yaml", sound_dirs=[])
    assert [str(p) for p in problems] == [
        "s.yaml:17:12: no built-in figure 'fire-hydrnt'; figures: " + ", ".join(sorted(POSES))
    ]
    session, problems = check_text(text.rsplit("  - name: Oops", 1)[0], "s.yaml", sound_dirs=[])
    assert problems == []
    lift, clam = session.exercises
    assert pose_for(lift) is POSES["fire-hydrant"]
    own = pose_for(clam)
    assert own.id == "clam" and own.name == "Clam" and own.view == "top"
    assert own.end["working_hip_abduct"] == 40 and own.end["working_hip"] == 45


def test_an_exercise_without_poses_gets_the_built_in_one_of_its_id_and_its_easier_variant():
    session = load_session(DATA / "sessions" / "thoracic-mobility.yaml", source="builtin")
    (reach,) = session.exercises
    assert pose_for(reach).id == "reach-and-rotate"
    assert pose_for(reach, easier=True).id == "reach-and-rotate-elbow-leads"


def test_angles_in_between_are_interpolated_angle_by_angle():
    a, b = Angles.of({"working_knee": 0}), Angles.of({"working_knee": 90})
    assert a.toward(b, 0.5)["working_knee"] == 45


def test_saving_a_plan_keeps_an_exercises_own_figure_and_the_one_it_names():
    from tuitrainer.session.dump import dump_session

    text = """name: Mine
exercises:
  - name: Knee lift
    reps: 5
    poses: fire-hydrant
  - name: Clam
    reps: 5
    poses:
      azimuth: 15
      start:
        body: {pitch: 180, roll: -90}
        both: {hip: 45, knee: 90.5}
      end:
        working: {hip_abduct: 35}
      floor: [other_hip]
      note: "Lie: on the other side"
"""
    session, problems = check_text(text, "s.yaml", sound_dirs=[])
    assert problems == []
    again, problems = check_text(dump_session(session), "s.yaml", sound_dirs=[])
    assert problems == []
    assert again.exercises == session.exercises
    assert pose_for(again.exercises[1]).note == "Lie: on the other side"
