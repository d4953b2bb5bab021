"""Schedule rules and the schedule file: which days are due, and what is wrong where."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest

from tuitrainer.schedule import Item, Schedule, parse_rule
from tuitrainer.schedule.load import dumps, load, parse
from tuitrainer.schedule.model import RuleError


def days(rule: str | list[str], first: date, count: int, start: date | None = None) -> list[date]:
    item = Item("s", parse_rule(rule), start=start)
    return list(item.due_days(first, first + timedelta(days=count - 1)))


def test_daily_is_every_day_across_a_month_end_and_a_leap_day():
    found = days("daily", date(2028, 2, 27), 5)
    assert found == [date(2028, 2, 27), date(2028, 2, 28), date(2028, 2, 29), date(2028, 3, 1),
                     date(2028, 3, 2)]  # fmt: skip


def test_weekdays_lists_and_names():
    week = date(2026, 11, 30)  # a Monday
    assert days(["mon", "wed", "fri"], week, 7) == [week, week + timedelta(2), week + timedelta(4)]
    assert days("weekdays", week, 7) == [week + timedelta(n) for n in range(5)]
    assert days("weekends", week, 7) == [week + timedelta(5), week + timedelta(6)]
    assert days(["Monday", "SUN"], week, 7) == [week, week + timedelta(6)]


def test_every_n_days_counts_from_its_start_across_month_and_year_ends():
    start = date(2026, 12, 30)
    assert days("every 3 days", date(2026, 12, 25), 12, start) == [
        date(2026, 12, 30),
        date(2027, 1, 2),
        date(2027, 1, 5),
    ]
    assert days("every other day", date(2026, 1, 30), 4, date(2026, 1, 30)) == [
        date(2026, 1, 30),
        date(2026, 2, 1),
    ]


def test_every_n_days_over_a_leap_day_keeps_its_step():
    found = days("every 2 days", date(2028, 2, 26), 6, start=date(2028, 2, 26))
    assert found == [date(2028, 2, 26), date(2028, 2, 28), date(2028, 3, 1)]
    found = days("every 2 days", date(2027, 2, 26), 6, start=date(2027, 2, 26))
    assert found == [date(2027, 2, 26), date(2027, 2, 28), date(2027, 3, 2)]


def test_a_dst_change_moves_no_due_day():
    """Rules are on calendar days: the 23- and 25-hour days are days like any other."""
    spring, autumn = date(2026, 3, 29), date(2026, 10, 25)  # Europe's changes in 2026
    for change in (spring, autumn):
        found = days("every 2 days", change - timedelta(days=2), 5, start=change - timedelta(2))
        assert found == [change - timedelta(2), change, change + timedelta(2)]
        assert days("daily", change - timedelta(days=1), 3) == [
            change - timedelta(1),
            change,
            change + timedelta(1),
        ]


def test_before_its_start_nothing_is_due():
    assert days("daily", date(2026, 12, 1), 5, start=date(2026, 12, 4)) == [
        date(2026, 12, 4),
        date(2026, 12, 5),
    ]


@pytest.mark.parametrize(
    "bad", ["sometimes", "every 0 days", "every 400 days", [], ["mon", "funday"], 3]
)
def test_bad_rules_say_what_would_do(bad):
    with pytest.raises(RuleError):
        parse_rule(bad)


def test_the_file_round_trips_and_is_read_in_time_order(tmp_path: Path):
    schedule = Schedule(
        (
            Item("hip-mobility", parse_rule("daily"), time(18, 0)),
            Item("low-back-routine", parse_rule(["mon", "wed", "fri"]), time(7, 30)),
            Item("thoracic-mobility", parse_rule("every 2 days"), start=date(2026, 12, 1)),
        )
    )
    path = tmp_path / "schedule.toml"
    path.write_text(dumps(schedule))
    loaded = load(path, known={"hip-mobility", "low-back-routine", "thoracic-mobility"})
    assert loaded.problems == []
    assert [(i.session, i.rule, i.at, i.start) for i in loaded.schedule.items] == [
        (i.session, i.rule, i.at, i.start) for i in schedule.items
    ]
    wednesday = date(2026, 12, 2)
    assert [i.session for i in loaded.schedule.due_on(wednesday)] == [
        "low-back-routine",
        "hip-mobility",
    ]


BROKEN = """\
[[item]]
session = "hip-mobility"
days = "daily"
time = "25:00"

[[item]]
session = "no-such-session"
days = ["mon", "funday"]

[[item]]
session = "low-back-routine"
dayz = "daily"
"""


def test_problems_name_their_line_and_good_items_are_kept(tmp_path: Path):
    path = tmp_path / "schedule.toml"
    loaded = parse(BROKEN, path, known={"hip-mobility", "low-back-routine"})
    assert loaded.problems == [
        f"{path}:4: time must be a time of day such as \"18:00\", not '25:00'",
        f"{path}:7: no session named 'no-such-session' (tuitrainer sessions lists them)",
        f"{path}:8: 'funday' is not a day of the week (mon, tue, ... sun)",
        f'{path}:10: each item needs days = "daily", a list of days, or "every N days"',
        f"{path}:12: unknown key 'dayz'; did you mean 'days'? (known: session, days, time, start)",
    ]
    assert loaded.schedule.items == ()


def test_a_file_that_is_not_toml_gives_line_and_column(tmp_path: Path):
    path = tmp_path / "schedule.toml"
    path.write_text('[[item]]\nsession = "x\n')
    loaded = load(path)
    assert len(loaded.problems) == 1 and loaded.problems[0].startswith(f"{path}:2:")


def test_no_file_is_an_empty_schedule(tmp_path: Path):
    loaded = load(tmp_path / "schedule.toml")
    assert (loaded.schedule.items, loaded.problems, loaded.exists) == ((), [], False)


def test_a_session_name_with_quotes_is_written_safely(tmp_path: Path):
    path = tmp_path / "schedule.toml"
    path.write_text(dumps(Schedule((Item('odd "name"\\', parse_rule("daily")),))))
    assert load(path).schedule.items[0].session == 'odd "name"\\'
