"""`tuitrainer psfs`: rate how daily life goes (Patient-Specific Functional Scale).

Asks on the terminal, one line an answer (so it also reads a pipe): the activities
of the last rating are offered again, since the scale is read by comparing the
same activities over time. At most once a week; `--history` lists the ratings.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import TYPE_CHECKING, TextIO

from .locations import Locations

if TYPE_CHECKING:
    import argparse

    from .cli_common import Commands
    from .history.psfs import Rating

from .cli_common import INVALID, OK, USAGE


def add_commands(commands: Commands, common: argparse.ArgumentParser) -> None:
    psfs = commands.add_parser(
        "psfs",
        parents=[common],
        help="rate 3-5 activities your back makes hard, 0-10 (at most weekly)",
    )
    psfs.set_defaults(handler=cmd_psfs)
    psfs.add_argument("--history", action="store_true", help="list past ratings instead")
    psfs.add_argument("--json", action="store_true", help="with --history: print JSON")


def today() -> date:
    return date.today()


class _Ended(Exception):
    """The input ended before the questions did: nothing is saved."""


def _ask(prompt: str, out: TextIO) -> str:
    out.write(prompt)
    out.flush()
    line = sys.stdin.readline()
    if not line:
        raise _Ended
    return line.strip()


def _score(activity: str, out: TextIO) -> int:
    while True:
        answer = _ask(f"  {activity}: how well can you do it now (0-10)? ", out)
        if answer.isdigit() and 0 <= int(answer) <= 10:
            return int(answer)
        print("  A whole number from 0 to 10, please.", file=out)


def _interview(previous: Rating | None, out: TextIO) -> list[tuple[str, int]]:
    from .history.psfs import MAX_ACTIVITIES, MAX_ACTIVITY_LENGTH, MIN_ACTIVITIES, clean_activity

    scores: list[tuple[str, int]] = []
    if previous is not None:
        print("Last time you rated:", file=out)
        for activity, score in previous.scores:
            print(f"  {activity}: {score}", file=out)
        keep = _ask("Rate the same activities again? [Y/n] ", out).lower()
        if keep in ("", "y", "yes"):
            return [(activity, _score(activity, out)) for activity, _ in previous.scores]
    print(
        f"Name {MIN_ACTIVITIES} to {MAX_ACTIVITIES} everyday activities your back makes hard"
        " (e.g. putting on socks); an empty line when done.",
        file=out,
    )
    while len(scores) < MAX_ACTIVITIES:
        typed = _ask(f"Activity {len(scores) + 1}: ", out)
        activity = clean_activity(typed)
        if len(" ".join(typed.split())) > len(activity):
            print(f"  Kept as: {activity} (at most {MAX_ACTIVITY_LENGTH} characters)", file=out)
        if not activity:
            if len(scores) >= MIN_ACTIVITIES:
                break
            print(f"  At least {MIN_ACTIVITIES}, please.", file=out)
            continue
        if activity.lower() in (name.lower() for name, _ in scores):
            print("  That one is named already.", file=out)
            continue
        scores.append((activity, _score(activity, out)))
    return scores


def cmd_psfs(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .history import HistoryStore
    from .history.psfs import NAME, SCALE, last, next_day, ratings, save, trend_text

    if args.json and not args.history:
        print("tuitrainer psfs: --json goes with --history", file=err)
        return USAGE
    store, notice = HistoryStore.open(Locations.resolve(args.data_dir).database)
    if notice is not None:
        print(notice.message, file=err)
    try:
        if args.history:
            items = ratings(store)
            if args.json:
                data = [
                    {"taken_at": r.taken_at, "mean": round(r.mean, 2),
                     "scores": [{"activity": a, "score": s} for a, s in r.scores]}
                    for r in items
                ]  # fmt: skip
                json.dump(data, out, indent=2)
                out.write("\n")
                return OK
            for rating in items:
                listed = "; ".join(f"{activity} {score}" for activity, score in rating.scores)
                print(f"{rating.day().isoformat()}  {rating.mean:4.1f}  {listed}", file=out)
            print(f"{NAME}: {trend_text(items)}", file=out)
            return OK
        previous = last(store)
        allowed = next_day(previous)
        if previous is not None and allowed is not None and today() < allowed:
            print(
                f"Rated on {previous.day():%a %d %b} already; the scale is asked at most"
                f" weekly: next from {allowed:%a %d %b}. (tuitrainer psfs --history)",
                file=out,
            )
            return OK
        print(f"{NAME}. Each activity: {SCALE}.", file=out)
        try:
            scores = _interview(previous, out)
        except _Ended:
            print("\nNothing saved.", file=err)
            return USAGE
        from .history.user_writes import write_now

        written = write_now(store, lambda: save(store, scores))
        if not written.saved:  # say what was typed, so it can be entered again
            typed = "; ".join(f"{activity}: {score}" for activity, score in scores)
            print(f"tuitrainer: not saved: {written.problem}. You rated: {typed}", file=err)
            return INVALID
        mean = sum(score for _, score in scores) / len(scores)
        print(f"Saved: average {mean:.1f} of 10.", file=out)
        return OK
    finally:
        store.close()
