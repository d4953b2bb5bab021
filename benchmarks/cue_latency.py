"""How late cues start against the engine time they belong to, over a sped-up workout.

The workout runs on the real clock, woken the way the workout screen wakes
(`display.next_wake`: after each change it shows, and a moment before each cue),
with cues played through the real player process into ALSA's
`file` plugin (no sound card needed). Printed beside it, from the same run: how
late the ticks themselves noticed each moment, which is how late a cue sent on
notice would be. Target: p95 under 30 ms.

    python benchmarks/cue_latency.py [--speed 20] [--session low-back-routine]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tests.alsa import capture_env  # noqa: E402

from tuitrainer.audio.cues import CueScheduler  # noqa: E402
from tuitrainer.audio.outputs import PlayerProcess  # noqa: E402
from tuitrainer.config import Preferences  # noqa: E402
from tuitrainer.display import next_wake  # noqa: E402
from tuitrainer.engine import Engine  # noqa: E402
from tuitrainer.library import resolve  # noqa: E402
from tuitrainer.locations import Locations  # noqa: E402
from tuitrainer.planner import plan  # noqa: E402

TICK = 0.1  # the longest wait while a self-paced side's rep is being "done" here


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, default=20.0)
    parser.add_argument("--session", default="low-back-routine")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tt-cues-"))
    env, raw = capture_env(folder)
    locations = Locations.resolve(folder / "data")
    session = resolve(args.session, locations)
    engine = Engine(plan(session), speed=args.speed)
    output = PlayerProcess(env)
    noticed: list[float] = []
    cues = CueScheduler(
        engine,
        lambda: output,
        Preferences(volume=1.0),
        lambda: False,
        locations.sound_dirs(),
        time.monotonic,
    )
    engine.subscribe(cues)
    engine.subscribe(lambda event: noticed.append(time.monotonic() - event.at))
    engine.start()
    cues.flush()
    while not engine.finished:
        wake = next_wake(engine)
        time.sleep(min(TICK, wake) if wake is not None else TICK)
        engine.tick()
        segment = engine.segment
        due = (
            segment is not None
            and not segment.timed  # a self-paced side: log its reps at its tempo
            and engine.elapsed()
            >= (engine.side_stats(engine.key).reps + 1) * segment.exercise.seconds_per_rep
        )
        if due:
            engine.log_rep()
            cues.flush(replan=True)
            continue
        cues.flush()
    output.close(wait=3.0)
    late = [value * 1000 for value in output.latencies]
    notice = [value * 1000 for value in noticed]
    planned = plan(session).total_seconds / args.speed
    print(
        f"{args.session} at speed {args.speed:g}: {planned:.1f} s, {len(late)} cues played "
        f"({raw.stat().st_size / 88200:.1f} s of sound captured)"
    )
    print(
        f"  cue start lateness      p50 {percentile(late, 0.5):6.1f} ms   "
        f"p95 {percentile(late, 0.95):6.1f} ms   max {max(late):6.1f} ms"
    )
    print(
        f"  tick notice (reference) p50 {percentile(notice, 0.5):6.1f} ms   "
        f"p95 {percentile(notice, 0.95):6.1f} ms"
    )
    p95 = percentile(late, 0.95)
    ratio = p95 / max(percentile(notice, 0.95), 1e-9)
    print(
        f"  p95 ratio cue/notice {ratio:.2f};  cue p95 {p95:.1f} ms (target < 30 ms)  "
        f"{'OK' if p95 < 30 else 'OVER'}"
    )
    os.remove(raw)


if __name__ == "__main__":
    main()
