"""CPU of screens that wait for a key, beside a bare Textual countdown.

Each waiting screen (home, the pain question before a workout, the resume
prompt, a yes/no question over a paused workout, the summary, the help) runs in
its own tmux terminal at the same time as the bare countdown of
bare_countdown.py, for the same span, so a busy machine weighs on all alike.
Target: each at most 0.3 of the countdown's CPU (a waiting screen repaints only
on input).

    python benchmarks/idle_cpu.py [--seconds 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from _term import Pane, cpu_seconds, fresh_data

HERE = Path(__file__).resolve().parent
QUICK = HERE.parent / "tests" / "data" / "sessions" / "quick.yaml"
TARGET = 0.3


def _env(data: str) -> dict[str, str]:
    return {"TUITRAINER_DATA_DIR": data, "TERM": "xterm-256color", "PATH": os.environ["PATH"]}


def _interrupted(tuitrainer: str) -> str:
    """A data folder holding an unfinished workout, so the next start asks to resume."""
    data = fresh_data()
    pane = Pane([tuitrainer, "run", str(QUICK), "--mute", "--speed", "50"], _env(data))
    try:
        pane.wait_for("Pain before you start")
        pane.press("Space")
        pane.wait_for("Exercise 1 of 2")
        pane.wait_for("Right side")
        pane.press("Space")
        pane.press("Space")
        pane.wait_for("1 / 3 reps")
    finally:
        pane.close()  # the program is killed with its terminal: the workout stays open
    return data


def _screens(tuitrainer: str) -> dict[str, tuple[list[str], str, list[str], str]]:
    """name: (command, data folder, keys to reach the screen, text it shows)."""
    run = [tuitrainer, "run", str(QUICK), "--mute"]
    return {
        "home": ([tuitrainer], fresh_data(), [], "Choose a session"),
        "pain question": (run, fresh_data(), [], "Pain before you start"),
        "resume prompt": (run, _interrupted(tuitrainer), [], "Unfinished workout"),
        "end question": (run, fresh_data(), ["Space", "q"], "End workout?"),
        "summary": (run, fresh_data(), ["Space", "q", "y"], "Pain now"),
        "help": (run, fresh_data(), ["Escape", "?"], "Workout keys"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    tuitrainer = str(Path(sys.executable).with_name("tuitrainer"))
    screens = _screens(tuitrainer)
    panes: dict[str, Pane] = {}
    try:
        for name, (command, data, keys, shown) in screens.items():
            pane = Pane(command, _env(data))
            panes[name] = pane
            pane.wait_for("Pain before you start" if keys else shown)
            for key in keys:
                time.sleep(0.3)  # each key after the one before has been drawn
                pane.press(key)
            pane.wait_for(shown)
        bare = Pane([sys.executable, str(HERE / "bare_countdown.py")], _env(tempfile.mkdtemp()))
        panes["bare countdown"] = bare
        bare.wait_for(":")
        time.sleep(1.0)  # everyone settled
        pids = {name: pane.pid() for name, pane in panes.items()}
        before = {name: cpu_seconds(pid) for name, pid in pids.items()}
        time.sleep(args.seconds)
        cpu = {
            name: (cpu_seconds(pid) - before[name]) / args.seconds * 100
            for name, pid in pids.items()
        }
    finally:
        for pane in panes.values():
            pane.close()
    reference = max(cpu["bare countdown"], 1e-9)
    print(f"over {args.seconds:g} s, each waiting for a key, beside a bare countdown:")
    print(f"  {'bare countdown':<15} CPU {cpu['bare countdown']:5.2f} %")
    worst = 0.0
    for name in screens:
        ratio = cpu[name] / reference
        worst = max(worst, ratio)
        verdict = "OK" if ratio <= TARGET else "OVER"
        print(f"  {name:<15} CPU {cpu[name]:5.2f} %   ratio {ratio:4.2f}  {verdict}")
    print(f"  worst ratio {worst:.2f}  (target <= {TARGET})  {'OK' if worst <= TARGET else 'OVER'}")


if __name__ == "__main__":
    main()
