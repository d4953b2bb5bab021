"""How long `tuitrainer validate` takes over 1,000 session files.

Writes 1,000 varied session files (about a quarter of them with a mistake) to a
temporary folder, validates the folder through `tuitrainer.cli.main`, the same code
path as `tuitrainer validate DIR`, and prints the time beside a reference measured in
the same process: reading the same files and `yaml.load`-ing them with the fastest
safe loader available (the C one when libyaml is installed). Target: under 1 s.

    python benchmarks/validate_many.py [--files N] [--repeat N] [--seed N]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

try:
    from tuitrainer.cli import main as tuitrainer_main
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from tuitrainer.cli import main as tuitrainer_main

TARGET_SECONDS = 1.0
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

NAMES = [
    "Fire hydrant",
    "Straight-leg extension",
    "Lateral swing",
    "Bent knee, heel to ceiling",
    "Open book",
    "Cat-cow",
    "Bird dog",
    "Dead bug",
    "Side plank",
    "Glute bridge",
    "Child's pose",
    "Thread the needle",
]
TIPS = [
    "Keep your back flat.",
    "Breathe out as you lift.",
    "Move slowly; no swinging.",
    "Keep your hips level.",
    "Stop before it hurts.",
]
# Built-in cue sounds, so the valid files stay valid now that sounds must exist.
SOUNDS = ["go.wav", "rest", "countdown.wav", "workout_done"]
EVENTS = ["get_ready", "go", "rep", "switch_sides", "rest", "workout_done"]


def _reps(rng: random.Random, sides: str) -> str:
    kind = rng.random()
    if kind < 0.6:
        return str(rng.randint(4, 15))
    if kind < 0.85 or "both" in sides:
        low = rng.randint(4, 10)
        return f'"{low}-{low + rng.randint(1, 4)}"'
    return f"{{left: {rng.randint(6, 12)}, right: {rng.randint(6, 12)}}}"


def valid_session(rng: random.Random, number: int) -> list[str]:
    """A session as lines of YAML, with a mix of optional fields."""
    lines = [f"# generated session {number}", f"name: Routine {number}"]
    if rng.random() < 0.7:
        lines.append('description: "A generated routine for the benchmark."')
    if rng.random() < 0.5:
        lines.append(f"rest_seconds: {rng.choice([0, 15, 20, 30, 45])}")
    if rng.random() < 0.3:
        lines += ["cues:", f"  go: {rng.choice(SOUNDS)}"]
    lines.append("exercises:")
    for index, name in enumerate(rng.sample(NAMES, rng.randint(1, 8))):
        sides = rng.choice(["[left, right]", "[right, left]", "[both]", "both"])
        lines += [f"  - name: {name}", f"    id: ex-{index}-{name.lower()[:4].strip()}"]
        lines += [f"    sides: {sides}", f"    reps: {_reps(rng, sides)}"]
        if rng.random() < 0.5:
            lines.append(f"    sets: {rng.randint(1, 3)}")
        if rng.random() < 0.3:
            lines.append("    mode: self-paced")
        lines.append(f"    rep_seconds: {rng.choice([2, 3, 4, 5, 6, 2.5])}")
        if rng.random() < 0.4:
            lines.append(f"    hold_seconds: {rng.randint(1, 5)}")
        lines.append('    setup: "Hands under shoulders, knees under hips."')
        if rng.random() < 0.7:
            lines.append("    tips:")
            lines += [f'      - "{tip}"' for tip in rng.sample(TIPS, rng.randint(1, 4))]
        if rng.random() < 0.2:
            lines += ["    cues:", f"      {rng.choice(EVENTS)}: {rng.choice(SOUNDS)}"]
    return lines


def _exercise_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if line.startswith("    ") and ": " in line]


def break_session(rng: random.Random, lines: list[str]) -> list[str]:
    """One typical mistake, at a random place."""
    mistake = rng.randrange(10)
    at = rng.choice(_exercise_lines(lines))
    key = lines[at].split(":")[0]
    if mistake == 0:  # a wrong type
        lines[at] = f"{key}: ten"
    elif mistake == 1:  # a misspelt field
        lines[at] = lines[at].replace(key, key + "z", 1)
    elif mistake == 2:  # bad indentation
        lines[at] = lines[at][1:]
    elif mistake == 3:  # a tab
        lines[at] = "\t" + lines[at].lstrip()
    elif mistake == 4:  # a duplicate key
        lines.insert(at, lines[at])
    elif mistake == 5:
        lines.append("    rep_seconds: -5")
    elif mistake == 6:
        lines.append('    reps: "10-8"')
    elif mistake == 7:  # an unclosed quote
        lines[at] = f'{key}: "unfinished'
    elif mistake == 8:
        lines.append("    mode: guidid")
    else:  # a missing name
        lines = [line for line in lines if not line.startswith("name:")]
    return lines


def write_files(folder: Path, count: int, seed: int) -> int:
    """Writes the sessions; returns how many were broken on purpose."""
    rng = random.Random(seed)
    broken = 0
    for number in range(count):
        lines = valid_session(rng, number)
        if rng.random() < 0.25:
            lines = break_session(rng, lines)
            broken += 1
        (folder / f"session-{number:04d}.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    return broken


def time_validate(folder: Path) -> tuple[float, int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    code = tuitrainer_main(["validate", str(folder)], out, err)
    return time.perf_counter() - start, code, out.getvalue(), err.getvalue()


def time_reference(files: list[Path]) -> float:
    start = time.perf_counter()
    for path in files:
        with contextlib.suppress(yaml.YAMLError):
            yaml.load(path.read_bytes(), Loader=LOADER)  # a safe loader: no objects
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="how many session files")
    parser.add_argument("--repeat", type=int, default=3, help="runs to take the best of")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="tuitrainer-bench-") as tmp:
        folder = Path(tmp)
        broken = write_files(folder, args.files, args.seed)
        files = sorted(folder.glob("*.yaml"))
        size = sum(p.stat().st_size for p in files)
        runs = [time_validate(folder) for _ in range(args.repeat)]
        seconds, code, out, err = min(runs, key=lambda run: run[0])
        reference = min(time_reference(files) for _ in range(args.repeat))

    invalid = len({line.split(":", 1)[0] for line in out.splitlines()})
    if "Traceback" in out + err or code not in (0, 1):
        print(f"validate failed (exit {code}):\n{err}", file=sys.stderr)
        return 1
    count = len(files)
    print(f"{count:,} session files, {size / 1024:,.0f} KiB, {broken} broken on purpose")
    print(f"  flagged invalid:  {invalid} files, {len(out.splitlines())} problems")
    print(f"  ({err.strip()})")
    print(
        f"  tuitrainer validate: {seconds:.3f} s total, {seconds / count * 1000:.3f} ms per file"
        f"  (best of {args.repeat})"
    )
    print(
        f"  reference, read + yaml.load ({LOADER.__name__}): {reference:.3f} s total, "
        f"{reference / count * 1000:.3f} ms per file"
    )
    print(f"  ratio: validate takes {seconds / reference:.1f}x the reference")
    verdict = "OK" if seconds < TARGET_SECONDS else "OVER"
    print(f"  target: under {TARGET_SECONDS:g} s for {count:,} files: {verdict}")
    if invalid < broken * 0.9:
        print("  warning: fewer files flagged than were broken", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
