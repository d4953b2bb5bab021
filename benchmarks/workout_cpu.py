"""CPU and peak memory of the workout view against a bare Textual countdown.

Both run at the same time in their own tmux terminals for the same span, so a
busy machine weighs on both alike. Targets: workout CPU at most the bare
countdown's; workout peak memory at most 2x.

    python benchmarks/workout_cpu.py [--seconds 60]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from _term import Pane, cpu_seconds, peak_rss_mib

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="tt-bench-")
    env = {
        "TUITRAINER_DATA_DIR": data,
        "TERM": "xterm-256color",
        "PATH": os.environ.get("PATH", ""),
    }
    tuitrainer = str(Path(sys.executable).with_name("tuitrainer"))
    workout = Pane([tuitrainer, "run", "low-back-routine", "--mute"], env)
    bare = Pane([sys.executable, str(HERE / "bare_countdown.py")], env)
    try:
        workout.wait_for("Before you start")  # a new data folder: the safety note first
        workout.press("Enter")
        workout.wait_for("READY?")
        bare.wait_for(":")
        workout.press("Space")
        workout.wait_for("GET READY")
        pids = {"workout": workout.pid(), "bare countdown": bare.pid()}
        before = {name: cpu_seconds(pid) for name, pid in pids.items()}
        time.sleep(args.seconds)
        cpu = {
            name: (cpu_seconds(pid) - before[name]) / args.seconds * 100
            for name, pid in pids.items()
        }
        memory = {name: peak_rss_mib(pid) for name, pid in pids.items()}
    finally:
        workout.close()
        bare.close()
    print(f"over {args.seconds:g} s of a running workout (guided reps, tips, countdowns):")
    for name in pids:
        print(f"  {name:<15} CPU {cpu[name]:5.2f} %   peak memory {memory[name]:6.1f} MiB")
    cpu_ratio = cpu["workout"] / max(cpu["bare countdown"], 1e-9)
    mem_ratio = memory["workout"] / memory["bare countdown"]
    print(f"  CPU ratio    {cpu_ratio:.2f}  (target <= 1.0)  {'OK' if cpu_ratio <= 1 else 'OVER'}")
    print(f"  memory ratio {mem_ratio:.2f}  (target <= 2.0)  {'OK' if mem_ratio <= 2 else 'OVER'}")


if __name__ == "__main__":
    main()
