"""The planner: Session -> Timeline, the plan summary, durations in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuitrainer.planner import Kind, Timeline, format_duration, outline, plan
from tuitrainer.session import RepRange, Session, check_file, check_text

GR, WORK, SIDE, SET, REST = Kind.GET_READY, Kind.WORK, Kind.SIDE_REST, Kind.SET_REST, Kind.REST


def load(text: str, name: str = "x.yaml") -> Session:
    session, problems = check_text(text, name)
    assert not problems, problems
    assert session is not None
    return session


def one(body: str, head: str = "") -> Timeline:
    """The timeline of a session with one exercise (`body` is its indented fields)."""
    return plan(load(f"name: T\n{head}exercises:\n  - name: Ex\n{body}"))


def shape(timeline: Timeline) -> list[tuple]:
    return [(s.kind, s.exercise_index, s.set_number, s.side, s.seconds) for s in timeline.segments]


def test_left_then_right():
    tl = one("    sides: [left, right]\n    reps: 10\n    rep_seconds: 4\n")
    assert shape(tl) == [
        (GR, 0, 1, "left", 10.0),
        (WORK, 0, 1, "left", 40.0),
        (SIDE, 0, 1, "right", 10.0),
        (WORK, 0, 1, "right", 40.0),
    ]
    assert tl.total_seconds == 100.0
    assert len(tl) == 4


def test_right_then_left():
    tl = one("    sides: [right, left]\n    reps: 10\n    side_rest_seconds: 5\n")
    assert shape(tl) == [
        (GR, 0, 1, "right", 10.0),
        (WORK, 0, 1, "right", 40.0),
        (SIDE, 0, 1, "left", 5.0),
        (WORK, 0, 1, "left", 40.0),
    ]


def test_both_sides_at_once_has_no_side_rest():
    tl = one("    sides: [both]\n    reps: 5\n    rep_seconds: 3\n    hold_seconds: 2\n")
    assert shape(tl) == [(GR, 0, 1, "both", 10.0), (WORK, 0, 1, "both", 25.0)]
    assert tl.segments[1].label == "BOTH SIDES"


def test_sets_are_separated_by_set_rests():
    tl = one("    sets: 3\n    reps: 2\n    rep_seconds: 1\n    set_rest_seconds: 7\n")
    assert shape(tl) == [
        (GR, 0, 1, "left", 10.0),
        (WORK, 0, 1, "left", 2.0),
        (SIDE, 0, 1, "right", 10.0),
        (WORK, 0, 1, "right", 2.0),
        (SET, 0, 2, "left", 7.0),
        (WORK, 0, 2, "left", 2.0),
        (SIDE, 0, 2, "right", 10.0),
        (WORK, 0, 2, "right", 2.0),
        (SET, 0, 3, "left", 7.0),
        (WORK, 0, 3, "left", 2.0),
        (SIDE, 0, 3, "right", 10.0),
        (WORK, 0, 3, "right", 2.0),
    ]


def test_rest_between_exercises_but_not_after_the_last():
    session = load(
        "name: T\nrest_seconds: 25\nget_ready_seconds: 5\nexercises:\n"
        "  - name: A\n    sides: [both]\n    reps: 1\n"
        "  - name: B\n    sides: [both]\n    reps: 1\n    rest_seconds: 40\n"
        "    get_ready_seconds: 3\n"
        "  - name: C\n    sides: [both]\n    reps: 1\n"
    )
    tl = plan(session)
    assert shape(tl) == [
        (GR, 0, 1, "both", 5.0),
        (WORK, 0, 1, "both", 4.0),
        (REST, 0, 1, "both", 25.0),
        (GR, 1, 1, "both", 3.0),
        (WORK, 1, 1, "both", 4.0),
        (REST, 1, 1, "both", 40.0),  # the exercise's own rest wins over the session's
        (GR, 2, 1, "both", 5.0),
        (WORK, 2, 1, "both", 4.0),
    ]
    assert tl.segments[-1].kind is WORK
    assert [s.exercise.name for s in tl.segments if s.kind is WORK] == ["A", "B", "C"]


def test_rest_after_a_multi_set_exercise_carries_its_last_set_and_side():
    tl = plan(
        load(
            "name: T\nexercises:\n"
            "  - name: A\n    sides: [right, left]\n    sets: 2\n    reps: 1\n"
            "  - name: B\n    reps: 1\n"
        )
    )
    rest = next(s for s in tl.segments if s.kind is REST)
    assert (rest.set_number, rest.side) == (2, "left")


def test_zero_rests_are_left_out():
    tl = plan(
        load(
            "name: T\nrest_seconds: 0\nget_ready_seconds: 0\nexercises:\n"
            "  - name: A\n    sets: 2\n    reps: 2\n    side_rest_seconds: 0\n"
            "    set_rest_seconds: 0\n"
            "  - name: B\n    sides: [both]\n    reps: 3\n"
        )
    )
    assert [(s.kind, s.exercise_index, s.set_number, s.side) for s in tl.segments] == [
        (WORK, 0, 1, "left"),
        (WORK, 0, 1, "right"),
        (WORK, 0, 2, "left"),
        (WORK, 0, 2, "right"),
        (WORK, 1, 1, "both"),
    ]
    assert tl.total_seconds == 4 * 8.0 + 12.0


def test_per_side_reps_give_different_work_durations():
    tl = one("    sides: [left, right]\n    reps: {left: 10, right: 12}\n    rep_seconds: 3\n")
    work = [s for s in tl.segments if s.kind is WORK]
    assert [(s.side, s.reps, s.seconds) for s in work] == [
        ("left", RepRange(10, 10), 30.0),
        ("right", RepRange(12, 12), 36.0),
    ]


def test_a_rep_range_is_paced_at_its_top():
    tl = one("    sides: [both]\n    reps: '8-10'\n    rep_seconds: 2\n    hold_seconds: 1\n")
    work = tl.segments[-1]
    assert work.reps == RepRange(8, 10)
    assert work.seconds == 30.0


def test_self_paced_side_is_an_estimate_from_the_tempo():
    tl = one(
        "    mode: self-paced\n    reps: {left: 6, right: '4-8'}\n"
        "    rep_seconds: 3\n    hold_seconds: 2\n"
    )
    work = [s for s in tl.segments if s.kind is WORK]
    assert [s.seconds for s in work] == [30.0, 40.0]
    assert not any(s.timed for s in work)  # the user's last rep ends these
    assert all(s.timed for s in tl.segments if s.kind is not WORK)


def test_guided_segments_are_all_timed():
    tl = one("    reps: 3\n")
    assert all(s.timed for s in tl.segments)


def test_labels():
    tl = one("    sides: [right, left]\n    sets: 2\n    reps: 1\n")
    assert [s.label for s in tl.segments] == [
        "GET READY",
        "RIGHT SIDE",
        "SWITCH SIDES",
        "LEFT SIDE",
        "REST",
        "RIGHT SIDE",
        "SWITCH SIDES",
        "LEFT SIDE",
    ]


def test_summary_figures():
    session = load(
        "name: Morning\nrest_seconds: 20\nget_ready_seconds: 10\nexercises:\n"
        "  - name: Bird dog\n    sides: [left, right]\n    sets: 2\n"
        "    reps: {left: 5, right: 6}\n    rep_seconds: 3\n    hold_seconds: 1\n"
        "    side_rest_seconds: 5\n    set_rest_seconds: 15\n"
        "  - name: Cat cow\n    sides: [both]\n    reps: '8-10'\n    mode: self-paced\n"
        "    rep_seconds: 2\n",
        "morning.yaml",
    )
    tl = plan(session)
    # Bird dog: 10 + (20 + 5 + 24) + 15 + (20 + 5 + 24) + rest 20 = 143
    # Cat cow: 10 + 20 = 30
    assert tl.total_seconds == 173.0

    data = outline(tl)
    assert data["name"] == "morning"
    assert data["title"] == "Morning"
    assert data["speed"] == 1.0
    assert data["total_seconds"] == 173.0
    bird, cat = data["exercises"]
    assert bird == {
        "id": "bird-dog",
        "name": "Bird dog",
        "sides": ["left", "right"],
        "sets": 2,
        "reps": {"left": "5", "right": "6"},
        "mode": "guided",
        "rep_seconds": 3.0,
        "hold_seconds": 1.0,
        "side_seconds": {"left": 40.0, "right": 48.0},
        "seconds": 143.0,
        "source": None,  # a session of the user's says nothing of whose it is
        "modification": None,
        "modification_source": None,
    }
    assert cat["reps"] == {"both": "8-10"}
    assert cat["mode"] == "self-paced"
    assert cat["side_seconds"] == {"both": 20.0}
    assert cat["seconds"] == 30.0
    assert sum(e["seconds"] for e in data["exercises"]) == data["total_seconds"]


def test_summary_at_speed_is_in_wall_clock_seconds():
    tl = one("    reps: 10\n")
    fast = outline(tl, speed=10)
    assert fast["speed"] == 10
    assert fast["total_seconds"] == pytest.approx(tl.total_seconds / 10)
    assert fast["exercises"][0]["side_seconds"] == {"left": 4.0, "right": 4.0}
    assert fast["exercises"][0]["seconds"] == pytest.approx(10.0)


def test_builtin_sessions_plan_cleanly():
    folder = Path(__file__).resolve().parents[2] / "sessions"
    files = sorted(folder.glob("*.yaml"))
    assert files
    for path in files:
        session, problems = check_file(path, "builtin")
        assert not problems, problems
        tl = plan(session)
        assert tl.segments[0].kind is GR or tl.segments[0].kind is WORK
        assert tl.segments[-1].kind is WORK
        assert tl.total_seconds == pytest.approx(outline(tl)["total_seconds"])
        assert all(s.seconds > 0 for s in tl.segments)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0:00"),
        (0.4, "0:00"),
        (9, "0:09"),
        (59.6, "1:00"),
        (60, "1:00"),
        (754.2, "12:34"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (3725, "1:02:05"),
        (36000 + 61, "10:01:01"),
    ],
)
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text


def test_a_rep_range_is_met_from_its_low_end():
    from tuitrainer.session.model import RepRange

    ranged, fixed = RepRange(8, 10), RepRange(10, 10)
    assert [ranged.met(done) for done in (0, 7, 8, 9, 10, 12)] == [8, 8, 8, 9, 10, 10]
    assert [fixed.met(done) for done in (0, 9, 10)] == [10, 10, 10]
