"""The `tuitrainer` commands other than validate: sessions, plan, schema, --version, --data-dir.

Every test runs `tuitrainer.cli.main` in process against a sealed data folder (the
`data_dir` fixture points TUITRAINER_DATA_DIR at a temporary one).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tuitrainer import __version__
from tuitrainer.cli import main
from tuitrainer.locations import builtin_dir
from tuitrainer.session.schema import EXERCISE_FIELDS, SESSION_FIELDS

BUILTINS = ["hip-mobility", "low-back-routine", "lumbar-stability", "thoracic-mobility"]
BROKEN = Path(__file__).resolve().parents[1] / "data" / "broken"

MY_HIPS = """\
name: My hips
exercises:
  - name: Fire hydrant
    reps: {left: 10, right: 12}
    rep_seconds: 3
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def run_json(*argv: str):
    code, out, err = run(*argv)
    assert code == 0, err
    return json.loads(out)


def user_session(data_dir: Path, stem: str, text: str) -> Path:
    folder = data_dir / "sessions"
    folder.mkdir(exist_ok=True)
    path = folder / f"{stem}.yaml"
    path.write_text(text, "utf-8")
    return path


# --- sessions ---------------------------------------------------------------------------------


def test_sessions_json_lists_the_builtins(data_dir):
    rows = run_json("sessions", "--json")
    assert [row["name"] for row in rows] == BUILTINS
    for row in rows:
        assert row["source"] == "builtin"
        assert row["valid"] is True
        assert row["problems"] == []
        assert isinstance(row["title"], str) and row["title"]
        assert row["planned_seconds"] > 0
    titles = {row["name"]: row["title"] for row in rows}
    assert titles["hip-mobility"] == "Hip mobility"


def test_user_session_shadows_the_builtin_of_the_same_name(data_dir):
    path = user_session(data_dir, "hip-mobility", MY_HIPS)
    rows = {row["name"]: row for row in run_json("sessions", "--json")}
    assert sorted(rows) == BUILTINS
    mine = rows["hip-mobility"]
    assert (mine["source"], mine["title"], mine["path"]) == ("user", "My hips", str(path))
    # 3 s reps: 10 left + 12 right, a 10 s side rest and a 10 s get-ready.
    assert mine["planned_seconds"] == pytest.approx(10 + 30 + 10 + 36)
    assert rows["thoracic-mobility"]["source"] == "builtin"


def test_broken_user_session_is_listed_as_invalid(data_dir):
    path = user_session(data_dir, "mine", (BROKEN / "reversed-range.yaml").read_text("utf-8"))
    rows = {row["name"]: row for row in run_json("sessions", "--json")}
    mine = rows["mine"]
    assert mine["valid"] is False
    assert mine["source"] == "user"
    assert mine["planned_seconds"] is None
    assert mine["problems"][0] == f"{path}:4:11: reps range '10-8' runs backwards; write 8-10"
    assert all(rows[name]["valid"] for name in BUILTINS)

    code, out, err = run("sessions")
    assert code == 0
    assert "Traceback" not in out + err
    assert "INVALID" in out
    assert f"{path}:4:11: reps range '10-8'" in out


def test_empty_and_binary_user_sessions_do_not_crash_the_list(data_dir):
    user_session(data_dir, "empty", "")
    (data_dir / "sessions" / "zip.yaml").write_bytes(b"PK\x03\x04\x14\x00\x00\x00")
    rows = {row["name"]: row for row in run_json("sessions", "--json")}
    assert rows["empty"]["valid"] is False
    assert rows["zip"]["problems"] == [
        f"{data_dir / 'sessions' / 'zip.yaml'}:1:6: this is a binary file, not a YAML session"
    ]


# --- plan -------------------------------------------------------------------------------------


def test_plan_json_adds_up(data_dir):
    data = run_json("plan", "hip-mobility", "--json")
    assert data["name"] == "hip-mobility"
    assert data["title"] == "Hip mobility"
    assert len(data["exercises"]) == 4
    for exercise in data["exercises"]:
        assert {"name", "sides", "reps", "seconds"} <= exercise.keys()
        assert exercise["sides"] == ["left", "right"]
        assert exercise["reps"] == {"left": "10", "right": "10"}
        assert exercise["seconds"] > 0
    assert data["exercises"][0]["name"] == "Fire hydrant"
    seconds = sum(exercise["seconds"] for exercise in data["exercises"])
    assert data["total_seconds"] == pytest.approx(seconds)
    assert data["total_seconds"] > 0


def test_plan_speed_divides_the_time(data_dir):
    normal = run_json("plan", "hip-mobility", "--json")
    fast = run_json("plan", "hip-mobility", "--json", "--speed", "10")
    assert fast["speed"] == 10
    assert fast["total_seconds"] == pytest.approx(normal["total_seconds"] / 10)
    for slow, quick in zip(normal["exercises"], fast["exercises"], strict=True):
        assert quick["seconds"] == pytest.approx(slow["seconds"] / 10)


def test_plan_text_names_every_exercise(data_dir):
    code, out, err = run("plan", "hip-mobility")
    assert code == 0, err
    assert out.startswith("Hip mobility (hip-mobility): ")
    for name in ("Fire hydrant", "Straight-leg extension", "Lateral swing"):
        assert name in out


def test_plan_of_a_path(data_dir, tmp_path):
    path = tmp_path / "my-hips.yaml"
    path.write_text(MY_HIPS, "utf-8")
    data = run_json("plan", str(path), "--json")
    assert data["name"] == "my-hips"
    assert data["title"] == "My hips"
    [exercise] = data["exercises"]
    assert exercise["reps"] == {"left": "10", "right": "12"}
    assert data["total_seconds"] == pytest.approx(86)


def test_plan_of_an_unknown_name_lists_the_known_ones(data_dir):
    code, out, err = run("plan", "hip-mobilty")
    assert code == 2
    assert out == ""
    assert "no session named 'hip-mobilty'" in err
    for name in BUILTINS:
        assert name in err


def test_plan_of_a_missing_path(data_dir, tmp_path):
    code, _, err = run("plan", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "no session file at" in err


def test_plan_of_a_broken_file_prints_its_problems(data_dir):
    path = BROKEN / "several-mistakes.yaml"
    code, out, err = run("plan", str(path))
    assert code == 1
    assert out == ""
    assert "Traceback" not in err
    assert [line.split(": ", 1)[0] for line in err.splitlines()] == [
        f"{path}:2:15",
        f"{path}:5:11",
        f"{path}:8:19",
        f"{path}:10:5",
        f"{path}:15:11",
    ]


def test_plan_of_a_broken_user_session_by_name(data_dir):
    path = user_session(data_dir, "hip-mobility", "name: My hips\nexercises: []\n")
    code, _, err = run("plan", "hip-mobility")
    assert code == 1
    assert err == f"{path}:2:12: exercises is empty; a session needs at least one exercise\n"


@pytest.mark.parametrize("speed", ["0", "-1", "fast", "5000"])
def test_plan_refuses_a_bad_speed(data_dir, speed, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["plan", "hip-mobility", "--speed", speed])
    assert exit_.value.code == 2
    assert "--speed" in capsys.readouterr().err


# --- schema, version, data dir ----------------------------------------------------------------


def test_schema_covers_every_field(data_dir):
    schema = run_json("schema")
    assert schema["type"] == "object"
    assert set(schema["properties"]) == {f.name for f in SESSION_FIELDS}
    assert set(schema["required"]) == {f.name for f in SESSION_FIELDS if f.required}
    exercise = schema["properties"]["exercises"]["items"]
    assert set(exercise["properties"]) == {f.name for f in EXERCISE_FIELDS}
    assert set(exercise["required"]) == {f.name for f in EXERCISE_FIELDS if f.required}


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"tuitrainer {__version__}\n"


@pytest.mark.parametrize("where", ["before", "after"])
def test_data_dir_option_before_or_after_the_command(data_dir, tmp_path, where):
    other = tmp_path / "other"
    (other / "sessions").mkdir(parents=True)
    (other / "sessions" / "my-hips.yaml").write_text(MY_HIPS, "utf-8")
    option = ["--data-dir", str(other)]
    argv = [*option, "sessions", "--json"] if where == "before" else ["sessions", *option, "--json"]
    rows = {row["name"]: row for row in run_json(*argv)}
    assert rows["my-hips"]["source"] == "user"
    assert rows["my-hips"]["path"] == str(other / "sessions" / "my-hips.yaml")
    # The environment's data dir (from the fixture) was not used.
    assert not (data_dir / "sessions" / "my-hips.yaml").exists()


def test_data_dir_option_for_plan(data_dir, tmp_path):
    other = tmp_path / "other"
    (other / "sessions").mkdir(parents=True)
    (other / "sessions" / "my-hips.yaml").write_text(MY_HIPS, "utf-8")
    assert run("plan", "my-hips", "--json")[0] == 2  # not in the fixture's data dir
    assert run_json("plan", "my-hips", "--json", "--data-dir", str(other))["title"] == "My hips"
    assert run_json("--data-dir", str(other), "plan", "my-hips", "--json")["title"] == "My hips"


def test_builtin_sessions_ship_with_the_package():
    assert sorted(p.stem for p in builtin_dir("sessions").glob("*.yaml")) == BUILTINS
