"""CPU and peak memory of a running workout against termdown and a bare Textual countdown.

Three workouts run at once, one in each kind of part (a guided side, a self-paced
side, a rest), beside termdown (a terminal countdown in big figlet digits) and
the bare countdown of bare_countdown.py, each in its own tmux terminal, for the
same span: a busy machine weighs on all alike. Targets: a rest and a self-paced
side at most termdown's CPU; a guided side (a part of the rep every second or
two, and its cues) at most the bare countdown's; peak memory at most 2x the bare
countdown's.

CPU time is counted in 10 ms ticks: at half a percent of one core, 30 s is some 15
ticks a program, too few to tell 0.9 from 1.1; the default is 60 s (90 s steadier).

    python benchmarks/workout_cpu.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from _term import Pane, cpu_seconds, fresh_data, peak_rss_mib

HERE = Path(__file__).resolve().parent

# Each part long enough to outlast the measurement.
SESSION = """name: Benchmark
get_ready_seconds: 5
rest_seconds: 3600
exercises:
  - name: Bird dog
    sides: [both]
    reps: 500
    rep_seconds: 4
    hold_seconds: 2
    tips: [Reach long., Keep your hips level., Breathe out as you reach.]
  - name: Clamshell
    sides: [both]
    mode: self-paced
    reps: 500
    tips: [Keep your feet together., Lift from the hip.]
"""

# name: (keys after space, text that shows the part is under way)
PARTS = {
    "guided side": (["n"], "left on this side"),
    "self-paced side": (["n", "n", "n", "n"], "on this side"),
    "rest": (["n", "n"], "of rest left"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    session = Path(tempfile.mkdtemp(prefix="tt-bench-")) / "benchmark.yaml"
    session.write_text(SESSION, encoding="utf-8")
    base = {"TERM": "xterm-256color", "PATH": os.environ.get("PATH", "")}
    tuitrainer = str(Path(sys.executable).with_name("tuitrainer"))
    termdown = str(Path(sys.executable).with_name("termdown"))
    panes: dict[str, Pane] = {}
    try:
        for name, (keys, shown) in PARTS.items():
            env = {**base, "TUITRAINER_DATA_DIR": fresh_data()}
            pane = Pane([tuitrainer, "run", str(session), "--mute"], env)
            panes[name] = pane
            pane.wait_for("Pain before you start")
            pane.press("Space")
            pane.wait_for("until the start")
            for key in keys:
                time.sleep(0.2)
                pane.press(key)
            pane.wait_for(shown)
        panes["termdown"] = Pane([termdown, "3600"], base)
        panes["bare countdown"] = Pane([sys.executable, str(HERE / "bare_countdown.py")], base)
        panes["bare countdown"].wait_for(":")
        time.sleep(1.0)
        pids = {name: pane.pid() for name, pane in panes.items()}
        before = {name: cpu_seconds(pid) for name, pid in pids.items()}
        time.sleep(args.seconds)
        cpu = {
            name: (cpu_seconds(pid) - before[name]) / args.seconds * 100
            for name, pid in pids.items()
        }
        memory = {name: peak_rss_mib(pid) for name, pid in pids.items()}
        for name in PARTS:  # still in the same part at the end?
            assert PARTS[name][1] in panes[name].screen(), f"{name} moved on"
    finally:
        for pane in panes.values():
            pane.close()
    print(f"over {args.seconds:g} s, at the same time:")
    for name in pids:
        print(f"  {name:<15} CPU {cpu[name]:5.2f} %   peak memory {memory[name]:6.1f} MiB")
    termdown_cpu = max(cpu["termdown"], 1e-9)
    bare_cpu = max(cpu["bare countdown"], 1e-9)
    for name, reference, label in (
        ("rest", termdown_cpu, "termdown"),
        ("self-paced side", termdown_cpu, "termdown"),
        ("guided side", bare_cpu, "bare countdown"),
    ):
        ratio = cpu[name] / reference
        verdict = "OK" if ratio <= 1 else "OVER"
        print(f"  {name:<15} CPU ratio to {label:<14} {ratio:5.2f}  (target <= 1.0)  {verdict}")
    mem_ratio = max(memory[name] for name in PARTS) / memory["bare countdown"]
    print(f"  memory ratio {mem_ratio:.2f}  (target <= 2.0)  {'OK' if mem_ratio <= 2 else 'OVER'}")


if __name__ == "__main__":
    main()
