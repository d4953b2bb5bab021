"""`tuitrainer delete`, `rename`, `export` and `import`: exit 0 done, 1 refused, 2 not found."""

from __future__ import annotations

import io
import json
from pathlib import Path

from tests.conftest import DATA
from tuitrainer.cli import main
from tuitrainer.history import HistoryStore
from tuitrainer.history.recorder import session_hash
from tuitrainer.locations import Locations
from tuitrainer.session import load_session

QUICK = DATA / "sessions" / "quick.yaml"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def mine(data_dir: Path, name: str = "quick", text: str | None = None) -> Path:
    path = data_dir / "sessions" / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if text is not None else QUICK.read_text())
    return path


def workouts(data_dir: Path) -> list[str]:
    code, out, _ = run("history", "--json")
    assert code == 0
    return [w["session"] for w in json.loads(out)]


def record(data_dir: Path, session: str, digest: str = "x") -> None:
    store, _ = HistoryStore.open(Locations.resolve(data_dir).database)
    workout = store.start_workout(session, session.title(), digest, 1.0)
    store.end_workout(workout, "completed")
    store.close()


# -- delete ---------------------------------------------------------------------------


def test_delete_moves_the_file_to_the_trash_and_says_where(data_dir: Path):
    path = mine(data_dir)
    path.with_name("quick.yaml.bak").write_text("old")
    code, _, err = run("delete", "quick", "--yes")
    assert code == 0
    trashed = data_dir / "trash" / "quick.yaml"
    assert not path.exists() and trashed.read_text() == QUICK.read_text()
    assert (data_dir / "trash" / "quick.yaml.bak").read_text() == "old"
    assert str(trashed) in err
    # Deleted again under the same name, the first one in the trash is kept too.
    mine(data_dir)
    assert run("delete", "quick", "--yes")[0] == 0
    assert len(list((data_dir / "trash").glob("quick*.yaml"))) == 2
    code, out, _ = run("sessions", "--json")
    assert "quick" not in [row["name"] for row in json.loads(out)]


def test_delete_refuses_without_yes_a_builtin_and_says_not_found(data_dir: Path):
    path = mine(data_dir)
    code, _, err = run("delete", "quick")  # no terminal to ask on: the answer is no
    assert code == 1 and path.is_file() and "--yes" in err
    code, _, err = run("delete", "hip-mobility", "--yes")
    assert code == 1 and "built-in" in err
    assert "copy" not in err  # a copy of your own would not take a built-in away
    code, _, err = run("delete", "nothing-here", "--yes")
    assert code == 2 and "no session named 'nothing-here'" in err


def test_deleting_a_copy_of_a_builtin_brings_the_builtin_back(data_dir: Path):
    mine(data_dir, "hip-mobility")
    code, _, err = run("delete", "hip-mobility", "--yes")
    assert code == 0 and "built-in hip-mobility is back" in err
    code, out, _ = run("sessions", "--json")
    [row] = [r for r in json.loads(out) if r["name"] == "hip-mobility"]
    assert row["source"] == "builtin"


# -- rename ---------------------------------------------------------------------------


def test_rename_moves_the_file_and_the_history_follows(data_dir: Path):
    mine(data_dir, "my-hips", QUICK.read_text().replace("name: Quick test", "name: My hips"))
    record(data_dir, "my-hips")
    record(data_dir, "other")
    code, _, err = run("rename", "my-hips", "morning-hips")
    assert code == 0, err
    assert "1 past workout follow" in err
    assert not (data_dir / "sessions" / "my-hips.yaml").exists()
    session = load_session(data_dir / "sessions" / "morning-hips.yaml", sound_dirs=[])
    assert session.title == "Morning hips"  # the title made from the name follows it
    assert sorted(workouts(data_dir)) == ["morning-hips", "other"]
    store, _ = HistoryStore.open(Locations.resolve(data_dir).database)
    assert "morning-hips" in store.last_done() and "my-hips" not in store.last_done()
    store.close()


def test_rename_keeps_a_title_of_the_users_own(data_dir: Path):
    mine(data_dir, "mine")  # titled "Quick test"
    assert run("rename", "mine", "yours")[0] == 0
    assert load_session(data_dir / "sessions" / "yours.yaml", sound_dirs=[]).title == "Quick test"


def test_rename_refusals_and_not_found(data_dir: Path):
    mine(data_dir, "a")
    mine(data_dir, "b")
    code, _, err = run("rename", "a", "b")
    assert code == 1 and "already have a session named 'b'" in err
    assert (data_dir / "sessions" / "a.yaml").is_file()
    code, _, err = run("rename", "a", "hip-mobility")
    assert code == 1 and "built-in" in err
    code, _, err = run("rename", "a", "no good")
    assert code == 1 and "cannot be a session name" in err
    code, _, err = run("rename", "hip-mobility", "mine")
    assert code == 1 and "built-in" in err
    code, _, err = run("rename", "missing", "c")
    assert code == 2


def test_renaming_a_copy_of_a_builtin_leaves_the_builtins_workouts(data_dir: Path):
    """Workouts that ran the built-in itself stay with it; the copy's go with the copy."""
    builtin = load_session(Locations.resolve(data_dir).builtin_sessions / "hip-mobility.yaml")
    record(data_dir, "hip-mobility", session_hash(builtin))
    mine(data_dir, "hip-mobility")
    record(data_dir, "hip-mobility", "the-copy")
    assert run("rename", "hip-mobility", "my-hips")[0] == 0
    assert sorted(workouts(data_dir)) == ["hip-mobility", "my-hips"]


# -- export and import -----------------------------------------------------------------


def test_export_then_import_in_a_fresh_folder_plans_the_same(data_dir: Path, tmp_path: Path):
    text = "# my own notes stay\n" + QUICK.read_text()
    mine(data_dir, "for-anna", text)
    shared = tmp_path / "for-anna.yaml"
    code, _, err = run("export", "for-anna", "--output", str(shared))
    assert code == 0 and str(shared) in err
    exported = shared.read_text()
    assert exported.startswith("# tuitrainer session 'Quick test' (for-anna)")
    assert "tuitrainer import" in exported.splitlines()[2]
    assert "# my own notes stay" in exported
    _, before, _ = run("plan", "for-anna", "--json")

    other = tmp_path / "anna"
    code, _, err = run("--data-dir", str(other), "import", str(shared))
    assert code == 0, err
    assert "as for-anna" in err
    _, after, _ = run("--data-dir", str(other), "plan", "for-anna", "--json")
    assert json.loads(after) == json.loads(before)
    # Printed to standard output by default, the same text.
    code, out, _ = run("export", "for-anna")
    assert code == 0 and out.splitlines()[1:] == exported.splitlines()[1:]


def test_import_never_overwrites_without_force_and_suggests_a_free_name(
    data_dir: Path, tmp_path: Path
):
    mine(data_dir, "quick")
    mine(data_dir, "quick-2")
    incoming = tmp_path / "quick.yaml"
    incoming.write_text(QUICK.read_text().replace("name: Quick test", "name: Theirs"))
    code, _, err = run("import", str(incoming))
    assert code == 1
    assert "--as quick-3" in err and "--force" in err
    assert "Theirs" not in (data_dir / "sessions" / "quick.yaml").read_text()
    code, _, err = run("import", str(incoming), "--as", "quick-3")
    assert code == 0 and load_session(data_dir / "sessions" / "quick-3.yaml").title == "Theirs"
    code, _, err = run("import", str(incoming), "--force")
    assert code == 0 and "kept as quick.yaml.bak" in err
    assert load_session(data_dir / "sessions" / "quick.yaml").title == "Theirs"
    assert "Quick test" in (data_dir / "sessions" / "quick.yaml.bak").read_text()
    # A built-in name is a clash too: the import would take its place.
    builtin_named = tmp_path / "hip-mobility.yaml"
    builtin_named.write_text(QUICK.read_text())
    code, _, err = run("import", str(builtin_named))
    assert code == 1 and "built-in" in err and "--as hip-mobility-2" in err


def test_an_invalid_file_is_refused_with_its_line_and_nothing_is_written(
    data_dir: Path, tmp_path: Path
):
    bad = tmp_path / "bad.yaml"
    bad.write_text(QUICK.read_text().replace("reps: 3", "reps: 0", 1))
    code, out, err = run("import", str(bad))
    assert code == 1
    line = next(n for n, t in enumerate(bad.read_text().splitlines(), 1) if "reps: 0" in t)
    assert out.startswith(f"{bad}:{line}:")
    assert "nothing imported" in err
    assert not (data_dir / "sessions" / "bad.yaml").exists()
    code, _, err = run("import", str(tmp_path / "missing.yaml"))
    assert code == 2 and "no such file" in err
    code, _, err = run("import", str(QUICK), "--as", "../escape")
    assert code == 1 and "cannot be a session name" in err


def test_export_not_found(data_dir: Path):
    code, _, err = run("export", "nothing-here")
    assert code == 2 and "nothing-here" in err


def with_own_sound(data_dir: Path) -> bytes:
    """The session `gongs`, whose go cue is a sound of the user's own, `gong.wav`."""
    wav = (Locations.resolve(data_dir).builtin_sounds / "rest.wav").read_bytes()
    (data_dir / "sounds").mkdir(exist_ok=True)
    (data_dir / "sounds" / "gong.wav").write_bytes(wav)
    with_cue = QUICK.read_text().replace("exercises:", "cues:\n  go: gong\nexercises:", 1)
    mine(data_dir, "gongs", with_cue)
    return wav


def test_own_sounds_travel_in_the_file(data_dir: Path, tmp_path: Path):
    wav = with_own_sound(data_dir)
    shared = tmp_path / "gongs.yaml"
    code, _, err = run("export", "gongs", "--output", str(shared))
    assert code == 0 and "carries your own sounds: gong.wav" in err
    text = shared.read_text()
    assert "# Its own cue sounds are at the end of the file: gong.wav" in text
    assert "# sound gong.wav" in text and text.rstrip().endswith("# end gong.wav")

    other = tmp_path / "other"
    code, _, err = run("--data-dir", str(other), "import", str(shared))
    assert code == 0, err
    assert (other / "sounds" / "gong.wav").read_bytes() == wav
    written = (other / "sessions" / "gongs.yaml").read_text()
    assert "# sound gong.wav" not in written and "go: gong" in written
    _, before, _ = run("plan", "gongs", "--json")
    _, after, _ = run("--data-dir", str(other), "plan", "gongs", "--json")
    assert json.loads(after) == json.loads(before)

    # A different sound of that name is replaced only on --force; the same one is fine.
    (other / "sounds" / "gong.wav").write_bytes(wav[:-2] + b"\x01\x01")
    code, _, err = run("--data-dir", str(other), "import", str(shared), "--as", "g2")
    assert code == 1 and "different gong.wav" in err
    assert not (other / "sessions" / "g2.yaml").exists()
    code, _, err = run("--data-dir", str(other), "import", str(shared), "--as", "g2", "--force")
    assert code == 0 and (other / "sounds" / "gong.wav").read_bytes() == wav


def test_a_damaged_sound_is_a_problem_at_its_line(data_dir: Path, tmp_path: Path):
    with_own_sound(data_dir)
    shared = tmp_path / "gongs.yaml"
    run("export", "gongs", "--output", str(shared))
    lines = shared.read_text().splitlines()
    opened = lines.index("# sound gong.wav") + 1
    lines[opened] = "# !!!not base64!!!"
    shared.write_text("\n".join(lines) + "\n")
    code, out, _ = run("--data-dir", str(tmp_path / "other"), "import", str(shared))
    assert code == 1
    assert f"{shared}:{opened}:3: the sound gong.wav is damaged\n" in out


def test_import_of_an_endless_file_is_refused_not_read_for_ever(data_dir: Path):
    # A device says its size is 0 and never ends: only what a session can be is read.
    zero = Path("/dev/zero")
    if not zero.exists():
        return
    code, _, err = run("import", str(zero), "--as", "endless")
    assert code == 1
    assert "too large to be a session" in err
    assert not (data_dir / "sessions" / "endless.yaml").exists()


def carrying(path: Path, text: str, sound: str, wav: bytes) -> Path:
    import base64

    lines = [f"# {chunk}" for chunk in base64.encodebytes(wav).decode("ascii").split()]
    block = "\n".join(["", "# tuitrainer sounds: x", f"# sound {sound}", *lines, f"# end {sound}"])
    path.write_text(text + block + "\n")
    return path


def test_an_import_cannot_replace_a_built_in_cue_for_every_session(data_dir: Path, tmp_path: Path):
    # The user's sounds folder is looked in first by every session: a shared file must
    # not drop a go.wav there unasked (silence, or a blast, in every workout).
    builtin_go = Locations.resolve(data_dir).builtin_sounds / "go.wav"
    other = (Locations.resolve(data_dir).builtin_sounds / "rest.wav").read_bytes()
    unused = carrying(tmp_path / "unused.yaml", QUICK.read_text(), "go.wav", other)
    code, _, err = run("import", str(unused))
    assert code == 0, err
    assert not (data_dir / "sounds" / "go.wav").exists()  # the session never names it

    named = QUICK.read_text().replace("exercises:", "cues:\n  go: go\nexercises:", 1)
    shadow = carrying(tmp_path / "shadow.yaml", named, "go.wav", other)
    code, _, err = run("import", str(shadow))
    assert code == 1 and "replace the built-in go.wav cue in all your sessions" in err
    assert not (data_dir / "sounds" / "go.wav").exists()
    assert not (data_dir / "sessions" / "shadow.yaml").exists()
    code, _, err = run("import", str(shadow), "--force")
    assert code == 0 and (data_dir / "sounds" / "go.wav").read_bytes() == other
    # The built-in one itself, carried unchanged, needs no --force.
    same = carrying(tmp_path / "same.yaml", named, "go.wav", builtin_go.read_bytes())
    code, _, err = run("--data-dir", str(tmp_path / "fresh"), "import", str(same))
    assert code == 0, err
