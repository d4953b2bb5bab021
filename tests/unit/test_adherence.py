"""Adherence and streak over due days, from histories made for the purpose."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from tuitrainer.history import HistoryStore
from tuitrainer.history.done_days import done_by_day
from tuitrainer.schedule import Item, Schedule, parse_rule
from tuitrainer.schedule.adherence import adherence, streak

BERLIN = ZoneInfo("Europe/Berlin")


def workout(store: HistoryStore, session: str, local: datetime, status="completed", speed=1.0):
    started = local.astimezone(UTC).isoformat(timespec="milliseconds")
    workout_id = store.start_workout(session, session, "h", speed, started)
    store.end_workout(workout_id, status, started)


def at(day: date, hour: int = 8, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


def test_only_completed_real_time_runs_meet_a_due_day(tmp_path: Path):
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    day = date(2026, 11, 2)
    workout(store, "hip", at(day), status="skipped")
    workout(store, "hip", at(day + timedelta(1)), status="partial")
    workout(store, "hip", at(day + timedelta(2)), speed=20)  # a rehearsal
    workout(store, "hip", at(day + timedelta(3)), status="stopped")
    workout(store, "hip", at(day + timedelta(4)))
    done = done_by_day(store.conn, BERLIN)
    assert done == {day + timedelta(4): {"hip": 1}}
    schedule = Schedule((Item("hip", parse_rule("daily")),))
    facts = adherence(schedule, done, day, day + timedelta(4), today=day + timedelta(10))
    assert (facts.met_days, facts.due_days) == (1, 5)


def test_a_late_workout_counts_for_its_local_day_across_a_dst_change(tmp_path: Path):
    """23:30 in Berlin on the day clocks go back is 21:30 UTC: still that day."""
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    autumn, spring = date(2026, 10, 25), date(2026, 3, 29)
    for day in (autumn, spring):
        workout(store, "hip", at(day, 23, 30))
        workout(store, "hip", at(day + timedelta(1), 0, 15))
    done = done_by_day(store.conn, BERLIN)
    assert set(done) == {autumn, autumn + timedelta(1), spring, spring + timedelta(1)}


def test_adherence_and_streak_match_a_generated_history(tmp_path: Path):
    """Mon/Wed/Fri practice over 20 weeks, some sessions missed at random, some extra
    days: figures computed here day by day agree with the module's."""
    store, _ = HistoryStore.open(tmp_path / "h.sqlite3")
    rng = random.Random(4)
    first, weeks = date(2026, 3, 2), 20  # a Monday, with a DST change inside
    today = first + timedelta(weeks=weeks) - timedelta(days=1)
    did: set[date] = set()
    for n in range(weeks * 7):
        day = first + timedelta(n)
        if (day.weekday() in (0, 2, 4) and rng.random() < 0.8) or rng.random() < 0.1:
            workout(store, "back", at(day, rng.choice((6, 12, 23)), 40))
            did.add(day)
    schedule = Schedule((Item("back", parse_rule(["mon", "wed", "fri"])),))
    done = done_by_day(store.conn, BERLIN)
    facts = adherence(schedule, done, first, today, today)
    due = [
        first + timedelta(n)
        for n in range(weeks * 7)
        if (first + timedelta(n)).weekday() in (0, 2, 4)
    ]
    assert facts.due_days == len(due)
    assert facts.met_days == sum(day in did for day in due)
    assert facts.items[0].met == facts.met_days
    expected = 0
    for day in reversed(due):  # the days in between (tue, thu, sat, sun) do not count
        if day not in did:
            break
        expected += 1
    assert facts.streak == expected


def test_days_off_do_not_break_the_streak_and_today_waits():
    today = date(2026, 12, 4)  # a Friday
    schedule = Schedule((Item("back", parse_rule(["mon", "wed", "fri"])),))
    done = {date(2026, 11, 30): {"back": 1}, date(2026, 12, 2): {"back": 1}}
    assert streak(schedule, done, today) == 2  # Friday is not done yet: no break
    done[today] = {"back": 1}
    assert streak(schedule, done, today) == 3
    del done[date(2026, 11, 30)]
    assert streak(schedule, done, today) == 2  # Monday missed: the streak starts Wednesday


def test_twice_a_day_needs_two_runs():
    day = date(2026, 12, 1)
    schedule = Schedule(
        (
            Item("hip", parse_rule("daily"), time(18, 0)),
            Item("hip", parse_rule("daily"), time(7, 0)),
        )
    )
    once = adherence(schedule, {day: {"hip": 1}}, day, day, today=day + timedelta(1))
    assert (once.met_days, once.due_days) == (0, 1)
    assert [(i.item.at, i.met) for i in once.items] == [(time(18, 0), 0), (time(7, 0), 1)]
    twice = adherence(schedule, {day: {"hip": 2}}, day, day, today=day + timedelta(1))
    assert (twice.met_days, twice.due_days) == (1, 1)


def test_every_n_days_adherence_over_a_month_end():
    start = date(2026, 1, 27)
    schedule = Schedule((Item("hip", parse_rule("every 3 days"), start=start),))
    done = {date(2026, 1, 27): {"hip": 1}, date(2026, 2, 2): {"hip": 1}}
    facts = adherence(schedule, done, start, date(2026, 2, 5), today=date(2026, 2, 10))
    # due: 27 Jan, 30 Jan, 2 Feb, 5 Feb
    assert (facts.met_days, facts.due_days) == (2, 4)
    assert facts.days[date(2026, 1, 30)] == "missed"
