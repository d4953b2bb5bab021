"""Schedule changes made from the screen keep what a person wrote in schedule.toml:
comments, order, spacing; only the lines of the item changed move."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

from tuitrainer.schedule.edit import added, changed, removed
from tuitrainer.schedule.load import parse
from tuitrainer.schedule.model import Item, parse_rule

WRITTEN = """# From Anna (physio), 1 Dec: hips first, back on the other days.

[[item]]
session = "hip-mobility"
days = ["mon", "wed", "fri"]   # more once the knee is easy
time = "18:00"
start = 2026-12-01

# The back routine, lighter.
[[item]]
session = "low-back-routine"
days = "every 2 days"
start = 2026-12-02
"""


def schedule_of(text: str):
    loaded = parse(text, Path("schedule.toml"))
    assert loaded.problems == []
    return loaded.schedule


def test_adding_keeps_every_comment_and_appends_the_item():
    schedule = schedule_of(WRITTEN)
    item = Item("thoracic-mobility", parse_rule("daily"), time(7, 30), date(2026, 12, 6))
    text = added(WRITTEN, schedule, item)
    assert text.startswith(WRITTEN)
    assert schedule_of(text).items[-1].session == "thoracic-mobility"
    assert text.endswith('[[item]]\nsession = "thoracic-mobility"\ndays = "daily"\n'
                         'time = "07:30"\nstart = 2026-12-06\n')  # fmt: skip


def test_removing_takes_only_that_items_lines():
    schedule = schedule_of(WRITTEN)
    text = removed(WRITTEN, schedule, 0)
    assert "hip-mobility" not in text
    assert "# From Anna (physio)" in text and "# The back routine, lighter." in text
    assert [item.session for item in schedule_of(text).items] == ["low-back-routine"]
    last = removed(WRITTEN, schedule, 1)
    assert "low-back-routine" not in last and "# more once the knee is easy" in last
    assert "# The back routine, lighter." in last  # a comment is not the item's to take


def test_changing_days_and_time_keeps_the_start_the_session_and_the_comments():
    schedule = schedule_of(WRITTEN)
    text = changed(WRITTEN, schedule, 0, parse_rule("daily"), time(7, 0))
    assert 'days = "daily"   # more once the knee is easy' in text
    assert 'time = "07:00"' in text and 'time = "18:00"' not in text
    first = schedule_of(text).items[0]
    assert (first.session, first.start, first.at) == ("hip-mobility", date(2026, 12, 1), time(7))
    assert text.replace('"daily"', '["mon", "wed", "fri"]').replace("07:00", "18:00") == WRITTEN
    # A time added where there was none, and one taken away.
    timed = changed(WRITTEN, schedule, 1, parse_rule("every 3 days"), time(8, 15))
    assert 'days = "every 3 days"\ntime = "08:15"\nstart = 2026-12-02' in timed
    untimed = changed(WRITTEN, schedule, 0, schedule.items[0].rule, None)
    assert "18:00" not in untimed and schedule_of(untimed).items[0].at is None


def test_an_array_over_several_lines_is_replaced_whole():
    text = '[[item]]\nsession = "hip-mobility"\ndays = [\n  "mon",\n  "thu",\n]\n'
    out = changed(text, schedule_of(text), 0, parse_rule("weekdays"), None)
    assert out == '[[item]]\nsession = "hip-mobility"\ndays = ["mon", "tue", "wed", "thu", "fri"]\n'


def test_a_layout_the_edits_do_not_follow_is_written_afresh_not_garbled():
    text = 'item = [{session = "hip-mobility", days = "daily"}]\n'  # inline tables
    schedule = schedule_of(text)
    out = changed(text, schedule, 0, parse_rule("every 2 days"), None)
    assert [i.rule.text() for i in schedule_of(out).items] == ["every 2 days"]
    assert removed(text, schedule, 0).count("[[item]]") == 0
