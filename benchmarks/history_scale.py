"""Progress at scale: 10,000 workouts (two years, three a day, every rep) on the screen and in
the report, each beside a reference measured in the same run.

- Progress screen: from opening it over the home screen to its first full frame (the
  recent workouts, filled and painted; the other tabs are built just after it), then each
  other tab's first paint, against the same app on an empty history. Target: under 300 ms.
- Report: `report.render` over the whole history, against one plain scan of the rep table
  (`SELECT COUNT(*) FROM reps`). Target: under 1 s.
- `tuitrainer today --json` and `tuitrainer report --html` as commands (a schedule of three
  items, a functional-scale rating a week), each against the same command on an empty
  history. Target: under 1 s each.

    python benchmarks/history_scale.py [--workouts 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the shared history generator lives with the tests

from tests.conftest import FakeClock  # noqa: E402
from tests.history_data import insert, scale_history  # noqa: E402

from tuitrainer.app import create_app  # noqa: E402
from tuitrainer.assessment.load import TESTS_FILE, load_battery  # noqa: E402
from tuitrainer.cli import main as cli_main  # noqa: E402
from tuitrainer.history import HistoryStore, psfs  # noqa: E402
from tuitrainer.history.report import render  # noqa: E402
from tuitrainer.history.scope import Scope  # noqa: E402
from tuitrainer.locations import Locations, builtin_dir  # noqa: E402
from tuitrainer.screens.progress import PANES, ProgressScreen  # noqa: E402

TODAY = datetime(2026, 11, 20, 21, tzinfo=UTC)
PER_DAY = 3


def generate(data_dir: Path, workouts: int) -> tuple[float, int, int]:
    """A history of `workouts` workouts ending on TODAY; seconds taken, workouts, reps."""
    store, _ = HistoryStore.open(data_dir / "history.sqlite3")
    started = time.perf_counter()
    days = -(-workouts // PER_DAY)
    insert(store.conn, itertools.islice(scale_history(days, PER_DAY, TODAY), workouts))
    store.conn.execute("ANALYZE")
    seconds = time.perf_counter() - started
    reps = store.conn.execute("SELECT COUNT(*) FROM reps").fetchone()[0]
    count = store.conn.execute("SELECT COUNT(*) FROM workouts").fetchone()[0]
    store.close()
    return seconds, count, reps


async def screen_times(data_dir: Path) -> tuple[float, float]:
    """Seconds to the progress screen's first full frame, and to the slowest other tab."""
    app = create_app(Locations.resolve(data_dir), clock=FakeClock())
    app.preferences.ask_pain_before = False
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = asyncio.Event()
        display_hook = app.post_display_hook

        def first_frame() -> None:  # runs after each frame is composed and sent
            display_hook()
            if app.screen is screen:
                shown.set()

        app.post_display_hook = first_frame  # type: ignore[method-assign]
        started = time.perf_counter()
        screen = ProgressScreen(today=TODAY.date(), utc_offset=timedelta(0))
        await app.push_screen(screen)
        await shown.wait()
        first = time.perf_counter() - started
        app.post_display_hook = display_hook  # type: ignore[method-assign]
        painted = asyncio.Event()
        screen.call_after_refresh(painted.set)
        await painted.wait()  # the hidden tabs are built
        slowest = 0.0
        for pane in PANES[1:]:
            started = time.perf_counter()
            screen.action_pane(pane)
            painted.clear()
            screen.call_after_refresh(painted.set)
            await painted.wait()
            slowest = max(slowest, time.perf_counter() - started)
    app.store.close()
    return first, slowest


def report_time(data_dir: Path) -> tuple[float, float, int]:
    """Seconds for the whole-history report, for a COUNT(*) over reps, and the report's size."""
    store, _ = HistoryStore.open(data_dir / "history.sqlite3")
    started = time.perf_counter()
    battery = load_battery(builtin_dir("assessments") / TESTS_FILE)
    text = render(store, Scope(TODAY.date(), utc_offset=timedelta(0)), battery)
    report = time.perf_counter() - started
    started = time.perf_counter()
    store.conn.execute("SELECT COUNT(*) FROM reps").fetchone()
    scan = time.perf_counter() - started
    store.close()
    return report, scan, len(text)


SCHEDULE = """\
[[item]]
session = "hip-mobility"
days = "daily"
time = "07:30"

[[item]]
session = "low-back-routine"
days = ["mon", "wed", "fri"]

[[item]]
session = "thoracic-mobility"
days = "every 2 days"
"""


def add_daily(data_dir: Path, weeks: int) -> None:
    """A schedule beside the history, and a functional-scale rating each week."""
    config = data_dir / "config"
    config.mkdir(parents=True, exist_ok=True)
    (config / "schedule.toml").write_text(SCHEDULE, encoding="utf-8")
    store, _ = HistoryStore.open(data_dir / "history.sqlite3")
    for week in range(weeks):
        moment = (TODAY - timedelta(weeks=week)).isoformat()
        scores = [("Putting on socks", week % 11), ("Sitting", 5), ("Lifting", 3)]
        psfs.save(store, scores, moment)
    store.close()


def command_time(data_dir: Path, *argv: str) -> float:
    """Seconds for one whole command, as a user runs it (parsing, files, output)."""
    import io

    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    cli_main(["--data-dir", str(data_dir), *argv], out, err)
    return time.perf_counter() - started


def line(name: str, ours: float, reference: float, target: float) -> str:
    verdict = "OK" if ours < target else "OVER"
    return (
        f"  {name:<24} {ours * 1000:8.1f} ms   reference {reference * 1000:8.1f} ms   "
        f"ratio {ours / reference:5.2f}   target < {target * 1000:.0f} ms  {verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workouts", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    big = Path(tempfile.mkdtemp(prefix="tt-scale-"))
    empty = Path(tempfile.mkdtemp(prefix="tt-empty-"))
    HistoryStore.open(empty / "history.sqlite3")[0].close()
    seconds, count, reps = generate(big, args.workouts)
    print(f"generated {count} workouts with {reps} reps in {seconds:.1f} s ({big})")
    add_daily(big, weeks=count // PER_DAY // 7)
    add_daily(empty, weeks=0)

    big_runs, empty_runs = [], []
    for _ in range(args.runs):  # alternating, so both see the same machine
        big_runs.append(asyncio.run(screen_times(big)))
        empty_runs.append(asyncio.run(screen_times(empty)))
    reports = [report_time(big) for _ in range(args.runs)]
    commands = [
        (
            command_time(big, "today", "--json"),
            command_time(empty, "today", "--json"),
            command_time(big, "report", "--html", "--output", str(big / "report.html")),
            command_time(empty, "report", "--html", "--output", str(empty / "report.html")),
        )
        for _ in range(args.runs)
    ]

    def median(runs: list[tuple], index: int) -> float:
        return statistics.median(run[index] for run in runs)

    print(f"median of {args.runs} runs:")
    print(line("progress, first frame", median(big_runs, 0), median(empty_runs, 0), 0.3))
    print(line("progress, other tabs", median(big_runs, 1), median(empty_runs, 1), 0.3))
    print(line("report (whole history)", median(reports, 0), median(reports, 1), 1.0))
    print(f"  (report reference: SELECT COUNT(*) over {reps} reps; {reports[0][2]} characters)")
    print(line("today --json", median(commands, 0), median(commands, 1), 1.0))
    print(line("report --html", median(commands, 2), median(commands, 3), 1.0))
    print("  (command references: the same command on an empty history)")


if __name__ == "__main__":
    main()
