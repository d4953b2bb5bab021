"""Does the engine drift? A 60-minute plan on the real clock at speed 60 (one real minute).

The engine is ticked the way the UI ticks it: every ~50 ms by `time.sleep`, with
deliberate jitter and the odd long stall, while another process keeps a CPU core
busy. At the end it prints how far the workout's end (`finished_at`) is from the
planned end, and, from the very same sleeps, how far off a naive countdown is that
adds up the sleeps it asked for. Target: the engine's error under 20 ms.

    python benchmarks/engine_drift.py              # one real minute
    python benchmarks/engine_drift.py --seconds 10 # a quick check (speed 360)
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import sys
import time
from pathlib import Path

try:
    from tuitrainer.engine import Engine
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from tuitrainer.engine import Engine

from tuitrainer.events import Event, WorkoutFinished
from tuitrainer.planner import Timeline, plan
from tuitrainer.session import check_text

PLAN_SECONDS = 3600.0
TARGET_MS = 20.0


def hour_session() -> Timeline:
    """Twelve guided exercises that plan to exactly one hour.

    Each: get-ready 10 + left + switch 10 + right, then a 40 s rest. Exercises 1-11
    take 30 reps x 4 s a side (260 s + 40 s rest); the last takes 35 reps (300 s).
    """
    lines = ["name: One hour", "get_ready_seconds: 10", "rest_seconds: 40", "exercises:"]
    for number in range(1, 13):
        reps = 35 if number == 12 else 30
        lines += [
            f"  - name: Exercise {number}",
            "    sides: [left, right]",
            f"    reps: {reps}",
            "    rep_seconds: 3",
            "    hold_seconds: 1",
            "    side_rest_seconds: 10",
            "    tips: [Breathe out as you move, Keep your back long, Slow and steady]",
        ]
    session, problems = check_text("\n".join(lines) + "\n", "one-hour.yaml")
    if session is None:
        raise SystemExit("\n".join(str(p) for p in problems))
    timeline = plan(session)
    assert timeline.total_seconds == PLAN_SECONDS, timeline.total_seconds
    return timeline


def burn() -> None:  # pragma: no cover - runs in the other process
    while True:
        pass


def sleeps(tick: float, jitter: float, rng: random.Random):
    """The UI's tick intervals: `tick` +- `jitter`, and now and then a long stall."""
    while True:
        delay = tick + rng.uniform(-jitter, jitter)
        if rng.random() < 0.01:
            delay += rng.uniform(0.1, 0.3)  # a slow frame, a GC pause, a busy terminal
        yield max(0.001, delay)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="real run time (default 60)")
    parser.add_argument("--tick", type=float, default=0.05, help="tick interval (default 0.05)")
    parser.add_argument("--jitter", type=float, default=0.02, help="+- jitter (default 0.02)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-load", action="store_true", help="no busy process")
    args = parser.parse_args(argv)
    if args.seconds <= 0:
        parser.error("--seconds must be positive")

    timeline = hour_session()
    speed = PLAN_SECONDS / args.seconds
    busy = None
    if not args.no_load:
        busy = multiprocessing.Process(target=burn, daemon=True)
        busy.start()
    print(f"plan {PLAN_SECONDS:.0f} s, speed {speed:g}: {args.seconds:g} s of real time")
    print(
        f"ticks every {args.tick * 1000:.0f} +- {args.jitter * 1000:.0f} ms "
        f"(1% stall 100-300 ms); cores: {os.cpu_count()}; "
        f"busy process: {'pid ' + str(busy.pid) if busy else 'none'}"
    )

    try:
        engine = Engine(timeline, time.monotonic, speed)
        events: list[Event] = list(engine.start())
        t0 = engine.started_at
        assert t0 is not None
        planned_end = t0 + PLAN_SECONDS / speed

        naive_left = args.seconds  # what a sleep-counting countdown believes is left
        naive_end: float | None = None
        noticed_end: float | None = None
        worst_notice = 0.0  # how late a tick noticed an event, at worst
        ticks = 0
        for delay in sleeps(args.tick, args.jitter, random.Random(args.seed)):
            if engine.finished and naive_end is not None:
                break
            time.sleep(delay)
            naive_left -= delay
            now = time.monotonic()
            if naive_end is None and naive_left <= 0:
                naive_end = now
            if not engine.finished:
                got = engine.tick()
                now = time.monotonic()
                ticks += 1
                for event in got:
                    worst_notice = max(worst_notice, now - event.at)
                events += got
                if engine.finished:
                    noticed_end = now
    finally:
        if busy is not None:
            busy.terminate()
            busy.join()

    assert engine.finished_at is not None and naive_end is not None and noticed_end is not None
    assert isinstance(events[-1], WorkoutFinished) and events[-1].status == "completed"
    stamps = [e.at for e in events]
    assert stamps == sorted(stamps), "event stamps out of order"

    engine_ms = (engine.finished_at - planned_end) * 1000
    noticed_ms = (noticed_end - planned_end) * 1000
    naive_ms = (naive_end - planned_end) * 1000
    print(f"{ticks} ticks, {len(events)} events")
    print()
    print(f"planned end                      t0 + {PLAN_SECONDS / speed:.3f} s")
    print(f"engine finished_at error         {engine_ms:+.3f} ms  ({engine_ms:+.1e} ms)")
    print(f"engine end noticed by a tick     {noticed_ms:+.1f} ms  (at most one tick; never grows)")
    print(f"worst lateness of any event      {worst_notice * 1000:.1f} ms  (a tick, stalls too)")
    print(f"naive sleep-counting countdown   {naive_ms:+.1f} ms")
    floor = max(abs(engine_ms), 0.001)  # below a microsecond, call it a microsecond
    print(
        f"ratio naive / engine             {abs(naive_ms) / floor:,.0f}x "
        f"(naive / noticed: {abs(naive_ms) / max(abs(noticed_ms), 0.001):,.1f}x)"
    )
    ok = abs(engine_ms) < TARGET_MS
    print(f"target |finished_at error| < {TARGET_MS:g} ms: {'PASS' if ok else 'FAIL'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
