"""How late cues start against the engine time they belong to, over a sped-up workout;
with `--voice`, spoken cues too, and how long `voice prepare` takes.

The workout runs on the real clock, woken the way the workout screen wakes
(`display.next_wake`: after each change it shows, and a moment before each cue),
with cues played through the real player process into ALSA's
`file` plugin (no sound card needed). Printed beside it, from the same run: how
late the ticks themselves noticed each moment, which is how late a cue sent on
notice would be. Target: p95 under 30 ms, for tones and, prepared, for phrases.

With `--voice` (espeak-ng): the longest built-in session's phrases are rendered
into an empty cache as `voice prepare` does, timed beside espeak-ng writing the
same phrases itself one after another (the engine's own cost); target under 5 s.
Then the workout runs with its phrases in place of the tones.

    python benchmarks/cue_latency.py [--speed 20] [--session low-back-routine] [--voice]
"""

from __future__ import annotations

import argparse
import os
import subprocess
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
from tuitrainer.library import discover, resolve  # noqa: E402
from tuitrainer.locations import Locations  # noqa: E402
from tuitrainer.planner import plan  # noqa: E402
from tuitrainer.session.model import Session  # noqa: E402
from tuitrainer.speech.engines import discover as find_engine  # noqa: E402
from tuitrainer.speech.phrases import phrase_set  # noqa: E402
from tuitrainer.speech.render import Renderer, command  # noqa: E402
from tuitrainer.speech.voice import Voice, wording  # noqa: E402

TICK = 0.1  # the longest wait while a self-paced side's rep is being "done" here


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def longest_builtin(locations: Locations) -> Session:
    sessions = [e.session for e in discover(locations) if e.source == "builtin" and e.session]
    return max(sessions, key=lambda s: (len(phrase_set(plan(s), wording(Preferences()))), s.slug))


def prepare(locations: Locations) -> Voice:
    """Time `voice prepare` of the longest built-in session against espeak-ng alone."""
    found = find_engine("espeak-ng")
    if found.speaker is None:
        sys.exit("espeak-ng is not installed: the voice figures need it")
    session = longest_builtin(locations)
    timeline = plan(session)
    texts = phrase_set(timeline, wording(Preferences()))
    folder = Path(tempfile.mkdtemp(prefix="tt-raw-"))
    began = time.perf_counter()
    for index, text in enumerate(texts):  # the reference: the engine, nothing else
        out = folder / f"{index}.wav"
        subprocess.run(command(found.speaker, out), input=text.encode(), check=True)
    raw = time.perf_counter() - began
    began = time.perf_counter()
    renderer = Renderer(found.speaker, locations.speech_cache, texts)
    renderer.wait()
    prepared = time.perf_counter() - began
    print(
        f"voice prepare {session.slug} ({len(texts)} phrases, espeak-ng): {prepared:.2f} s;  "
        f"espeak-ng alone {raw:.2f} s;  ratio {prepared / raw:.2f}  "
        f"(target < 5 s)  {'OK' if prepared < 5 else 'OVER'}"
    )
    return Voice(timeline, wording(Preferences()), renderer)


def report(label: str, late: list[float], notice: list[float]) -> None:
    if not late:
        print(f"  {label}: none played")
        return
    p95 = percentile(late, 0.95)
    ratio = p95 / max(percentile(notice, 0.95), 1e-9)
    print(
        f"  {label:<22} p50 {percentile(late, 0.5):6.1f} ms   p95 {p95:6.1f} ms   "
        f"max {max(late):6.1f} ms;  p95 ratio to notice {ratio:.2f}  "
        f"(target < 30 ms)  {'OK' if p95 < 30 else 'OVER'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed", type=float, default=20.0)
    parser.add_argument("--session", default="low-back-routine")
    parser.add_argument("--voice", action="store_true", help="speak the cues (espeak-ng)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tt-cues-"))
    env, raw = capture_env(folder)
    locations = Locations.resolve(folder / "data")
    session = resolve(args.session, locations)
    engine = Engine(plan(session), speed=args.speed)
    voice = None
    if args.voice:
        voice = prepare(locations)
        voice.timeline = engine.timeline
    output = PlayerProcess(env)
    noticed: list[float] = []
    cues = CueScheduler(
        engine,
        lambda: output,
        Preferences(volume=1.0),
        lambda: False,
        locations.sound_dirs(),
        time.monotonic,
        voice,
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
    spoken_folder = str(locations.speech_cache)
    pairs = list(zip(output.latencies, output.files, strict=False))
    tones = [late * 1000 for late, path in pairs if not path.startswith(spoken_folder)]
    spoken = [late * 1000 for late, path in pairs if path.startswith(spoken_folder)]
    notice = [value * 1000 for value in noticed]
    planned = plan(session).total_seconds / args.speed
    print(
        f"{args.session} at speed {args.speed:g}: {planned:.1f} s, {len(pairs)} cues played, "
        f"{len(spoken)} spoken ({raw.stat().st_size / 1e6:.1f} MB of samples captured)"
    )
    report("tone start lateness", tones, notice)
    if voice is not None:
        report("phrase start lateness", spoken, notice)
    print(
        f"  tick notice (reference) p50 {percentile(notice, 0.5):6.1f} ms   "
        f"p95 {percentile(notice, 0.95):6.1f} ms"
    )
    os.remove(raw)


if __name__ == "__main__":
    main()
