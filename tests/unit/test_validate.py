"""`tuitrainer validate` on a corpus of broken session files, and the checker under fuzzing.

The corpus is tests/data/broken/*.yaml; what each must print is in expected.txt beside
it. Cases that are large, binary or otherwise awkward to commit are written at test
time from GENERATED below.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuitrainer.cli import main
from tuitrainer.locations import builtin_dir
from tuitrainer.session import Problem, RepRange, check_text, yaml_nodes

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "broken"
LINE = re.compile(r"^(?P<file>[^:\s]+): (?P<where>\d+:\d+): (?P<fragment>.+)$")


def _read_expected() -> dict[str, list[tuple[str, str]]]:
    """expected.txt as {file name: [(LINE:COL, message fragment), ...]}."""
    expected: dict[str, list[tuple[str, str]]] = {}
    for number, raw in enumerate((CORPUS / "expected.txt").read_text("utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        match = LINE.match(raw)
        assert match, f"expected.txt line {number} is not 'FILE: LINE:COL: fragment': {raw!r}"
        expected.setdefault(match["file"], []).append((match["where"], match["fragment"]))
    return expected


EXPECTED = _read_expected()
FILES = sorted(p.name for p in CORPUS.glob("*.yaml"))


def _zip_bytes() -> bytes:
    """The start of a zip archive, as if one had been saved as hips.yaml."""
    return b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xa5\x5c\x6e\x58session.yaml"


def _big_session() -> bytes:
    """A session with a pasted-in description of over a megabyte."""
    words = "Keep your back flat and breathe out as you lift. " * 21_000
    return (
        f"name: Hips\ndescription: {words}\nexercises:\n  - name: Fire hydrant\n    reps: 10\n"
    ).encode()


# name -> (content, [(LINE:COL, fragment), ...])
GENERATED: dict[str, tuple[bytes, list[tuple[str, str]]]] = {
    "binary.yaml": (_zip_bytes(), [("1:6", "this is a binary file, not a YAML session")]),
    "nul-in-text.yaml": (
        b"name: Hips\nexercises:\n  - name: Fire\x00hydrant\n    reps: 10\n",
        [("3:15", "this is a binary file, not a YAML session")],
    ),
    "over-1mb.yaml": (
        _big_session(),
        [("1:1", "bytes; a session file is at most 1,000,000 bytes (1 MB)")],
    ),
    "control-character.yaml": (
        b"name: \x1b[1mHips\x1b[0m\nexercises:\n  - name: Fire hydrant\n    reps: 10\n",
        [("1:7", "the character U+001B is not allowed in YAML")],
    ),
    "huge-number.yaml": (
        b"name: Hips\nexercises:\n  - name: Fire hydrant\n    reps: 1" + b"0" * 5000 + b"\n",
        [("4:11", "is more than the maximum of 1000")],
    ),
    "huge-seconds.yaml": (
        b"name: Hips\nexercises:\n  - name: Fire hydrant\n    reps: 10\n"
        b"    rep_seconds: 9" + b"9" * 400 + b"\n",
        [("5:18", "rep_seconds must be a finite number of seconds")],
    ),
    "utf16.yaml": (
        "name: Hips\nexercises: []\n".encode("utf-16"),
        [("1:4", "this is a binary file, not a YAML session")],
    ),
}


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def run_process(*argv: str) -> subprocess.CompletedProcess[str]:
    """`python -m tuitrainer ARGV` in a child process, so even a crash is only a failure."""
    paths = [str(REPO / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    return subprocess.run(
        [sys.executable, "-m", "tuitrainer", *argv],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def assert_lines(output: str, path: Path | str, expected: list[tuple[str, str]]) -> None:
    """Output is exactly one `PATH:LINE:COL: message` line per expectation, in order."""
    lines = output.splitlines()
    wanted = [f"{path}:{where}: ...{fragment}..." for where, fragment in expected]
    assert len(lines) == len(expected), f"got:\n{output}\nwanted:\n" + "\n".join(wanted)
    for line, (where, fragment) in zip(lines, expected, strict=True):
        prefix = f"{path}:{where}: "
        assert line.startswith(prefix), f"{line!r} does not start with {prefix!r}"
        assert fragment in line[len(prefix) :], f"{line!r} lacks {fragment!r}"


def expected_output(path: Path) -> list[tuple[str, str]]:
    return EXPECTED[path.name]


# --- the corpus -------------------------------------------------------------------------------


def test_corpus_and_expectations_agree():
    assert len(FILES) >= 30
    assert sorted(EXPECTED) == FILES, "every corpus file needs lines in expected.txt, and back"


@pytest.mark.parametrize("name", FILES)
def test_validate_broken_file(name):
    path = CORPUS / name
    code, out, err = run("validate", str(path))
    assert code == 1
    assert_lines(out, path, EXPECTED[name])
    assert err == "0 of 1 file valid\n"
    assert "Traceback" not in out + err


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_validate_generated_file(name, tmp_path):
    content, expected = GENERATED[name]
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run("validate", str(path))
    assert code == 1
    assert_lines(out, path, expected)
    assert "Traceback" not in out + err


def test_pure_python_parser_gives_the_same_lines(monkeypatch):
    """Without libyaml the positions (and the expected fragments) are the same."""
    monkeypatch.setattr(yaml_nodes, "_Loader", yaml.SafeLoader)
    for name in FILES:
        path = CORPUS / name
        code, out, err = run("validate", str(path))
        assert code == 1, name
        assert_lines(out, path, EXPECTED[name])


def test_validate_corpus_in_a_real_process():
    paths = [str(CORPUS / name) for name in FILES]
    done = run_process("validate", *paths)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for path in paths:
        mine = [line for line in lines if line.startswith(f"{path}:")]
        assert_lines("\n".join(mine), path, EXPECTED[Path(path).name])
    assert len(lines) == sum(len(v) for v in EXPECTED.values())
    assert done.stderr.strip() == f"0 of {len(paths)} files valid"


def test_deep_nesting_is_refused_without_crashing(tmp_path):
    """200,000 open brackets: the C composer recursed on these until the process died."""
    path = tmp_path / "deep.yaml"
    path.write_bytes(b"name: Hips\nexercises: " + b"[" * 200_000)
    done = run_process("validate", str(path))
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
    # Our walk stops at the 101st bracket (column 111); PyYAML 6.0.4 and newer stop in
    # their scanner at the 1001st first. Either way: line 2, the same message.
    column = done.stdout.split(":")[2] if done.stdout.count(":") >= 3 else "?"
    assert column in ("111", "1011"), done.stdout
    assert_lines(done.stdout, path, [(f"2:{column}", "the YAML nests more than 100 levels deep")])
    assert "Traceback" not in done.stdout + done.stderr


def test_alias_bomb_is_refused_quickly():
    path = CORPUS / "alias-bomb.yaml"
    start = time.perf_counter()
    code, out, _ = run("validate", str(path))
    elapsed = time.perf_counter() - start
    assert code == 1
    assert "through aliases (an alias bomb?)" in out
    assert elapsed < 0.5, f"alias bomb took {elapsed:.3f}s"


# --- valid files, folders, missing files ------------------------------------------------------


def builtin_files() -> list[Path]:
    return sorted(builtin_dir("sessions").glob("*.yaml"))


def test_every_builtin_session_is_valid():
    files = builtin_files()
    assert len(files) == 4
    code, out, err = run("validate", *map(str, files))
    assert (code, out) == (0, "")
    assert err == "4 of 4 files valid\n"


def test_repo_sessions_folder_is_valid():
    code, out, err = run("validate", str(REPO / "sessions"))
    assert (code, out, err) == (0, "", "4 of 4 files valid\n")


def test_missing_file_is_a_usage_error(tmp_path):
    missing = tmp_path / "nope.yaml"
    code, out, err = run("validate", str(missing))
    assert code == 2
    assert out == ""
    assert f"{missing}: no such file" in err


def test_missing_file_beside_a_valid_one_is_still_exit_2(tmp_path):
    code, _, err = run("validate", str(builtin_files()[0]), str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "no such file" in err


def test_mix_of_valid_and_invalid_exits_1():
    broken = CORPUS / "reversed-range.yaml"
    code, out, err = run("validate", str(builtin_files()[0]), str(broken))
    assert code == 1
    assert_lines(out, broken, EXPECTED[broken.name])
    assert err == "1 of 2 files valid\n"


def test_folder_argument_validates_its_session_files(tmp_path):
    (tmp_path / "good.yaml").write_bytes(builtin_files()[0].read_bytes())
    (tmp_path / "bad.yml").write_bytes((CORPUS / "absurd-reps.yaml").read_bytes())
    (tmp_path / "notes.txt").write_text("not a session: ignored\n")
    code, out, err = run("validate", str(tmp_path))
    assert code == 1
    assert_lines(out, tmp_path / "bad.yml", EXPECTED["absurd-reps.yaml"])
    assert err == "1 of 2 files valid\n"


def test_corpus_folder_prints_every_file_in_order():
    code, out, err = run("validate", str(CORPUS))
    assert code == 1
    lines = out.splitlines()
    at = 0
    for name in FILES:
        count = len(EXPECTED[name])
        assert_lines("\n".join(lines[at : at + count]), CORPUS / name, EXPECTED[name])
        at += count
    assert at == len(lines)
    assert err == f"0 of {len(FILES)} files valid\n"


# --- per-side reps ----------------------------------------------------------------------------


def test_per_side_reps_load_per_side():
    text = (
        "name: Uneven hips\n"
        "exercises:\n"
        "  - name: Fire hydrant\n"
        "    reps: {left: 10, right: 12}\n"
        "  - name: Lateral swing\n"
        "    sides: [right, left]\n"
        "    reps:\n"
        "      left: 8-10\n"
        "      right: 6\n"
    )
    session, problems = check_text(text, "uneven.yaml")
    assert problems == []
    assert session is not None
    first, second = session.exercises
    assert first.sides == ("left", "right")
    assert first.reps == {"left": RepRange(10, 10), "right": RepRange(12, 12)}
    assert second.sides == ("right", "left")
    assert second.reps == {"left": RepRange(8, 10), "right": RepRange(6, 6)}


# --- fuzzing ----------------------------------------------------------------------------------

VALID = (REPO / "sessions" / "thoracic-mobility.yaml").read_text("utf-8")
VALID_LINES = VALID.splitlines(keepends=True)
YAMLISH = st.sampled_from(list("-:[]{},&*!|>'\"#%@`?\t\n\r ~.0123456789abcxyz") + ["\u00e9", "\0"])


def assert_sane(data: bytes | str) -> None:
    session, problems = check_text(data, "fuzz.yaml")
    assert (session is None) == bool(problems)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path == "fuzz.yaml"
        assert problem.line >= 1
        assert problem.col >= 1
        assert problem.message.strip()
        assert "\n" not in problem.message, problem.message


@st.composite
def mutated_session(draw: st.DrawFn) -> str:
    lines = list(VALID_LINES)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "replace"]))
        i = draw(st.integers(0, len(lines) - 1))
        if op == "delete" and len(lines) > 1:
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            line = lines[i]
            at = draw(st.integers(0, len(line)))
            chars = draw(st.text(YAMLISH | st.characters(), min_size=1, max_size=3))
            cut = at + (1 if op == "replace" else 0)
            lines[i] = line[:at] + chars + line[cut:]
    return "".join(lines)


FUZZ = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data):
    assert_sane(data)


@FUZZ
@given(st.text(YAMLISH, max_size=200))
def test_random_yaml_punctuation_never_raises(text):
    assert_sane(text)


@FUZZ
@given(mutated_session())
def test_mutated_session_never_raises(text):
    assert_sane(text)
    assert_sane(text.encode("utf-8", "surrogatepass"))


def test_a_self_reference_and_a_huge_plain_file_are_named_as_such():
    _, problems = check_text("a: &a [*a]\n", "self.yaml")
    assert [str(p) for p in problems] == [
        "self.yaml:1:4: an alias refers to the value that holds it, which never ends; refused"
    ]
    lines = ["name: big", "exercises:"] + [f"  - name: e{i}\n    reps: 3" for i in range(7000)]
    _, problems = check_text("\n".join(lines) + "\n", "big.yaml")
    assert [p.message for p in problems] == [
        "the file holds more than 20,000 values; a session is far smaller"
    ]
