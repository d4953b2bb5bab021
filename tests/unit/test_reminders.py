"""Reminders: the desktop notification, the timer files, and the calendar file."""

from __future__ import annotations

import io
import json
import plistlib
import shutil
import subprocess
import sys
from datetime import date, datetime, time
from pathlib import Path

import pytest

from tests.conftest import REPO
from tuitrainer.cli import main
from tuitrainer.history import HistoryStore
from tuitrainer.locations import Locations
from tuitrainer.reminders.notify import osc_for, plain
from tuitrainer.reminders.units import SERVICE, TIMER

SCHEDULE = """\
[[item]]
session = "hip-mobility"
days = "daily"
time = "07:30"

[[item]]
session = "low-back-routine"
days = ["mon", "wed", "fri"]
time = "18:15"

[[item]]
session = "thoracic-mobility"
days = "every 3 days"
start = 2026-12-01
"""


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def scheduled(data_dir: Path) -> Locations:
    locations = Locations.resolve(data_dir)
    locations.config_dir.mkdir(parents=True, exist_ok=True)
    locations.schedule_file.write_text(SCHEDULE)
    return locations


def test_install_writes_a_persistent_user_timer_and_enables_nothing(scheduled, tmp_path):
    folder = tmp_path / "units"
    code, out, err = run("remind", "--install", "--dir", str(folder), "--system", "systemd")
    assert code == 0
    timer = (folder / TIMER).read_text()
    assert "Persistent=true" in timer
    # The two times given, and 18:00 for the item without one.
    assert [line for line in timer.splitlines() if line.startswith("OnCalendar=")] == [
        "OnCalendar=*-*-* 07:30:00",
        "OnCalendar=*-*-* 18:00:00",
        "OnCalendar=*-*-* 18:15:00",
    ]
    service = (folder / SERVICE).read_text()
    assert f'"{sys.executable}" "-m" "tuitrainer"' in service and '"remind"' in service
    assert out.strip().endswith(f"systemctl --user enable --now {TIMER}")
    assert "Nothing is enabled yet" in err
    code, _, err = run("remind", "--uninstall", "--dir", str(folder), "--system", "systemd")
    assert code == 0 and not list(folder.iterdir())


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze here")
def test_systemd_accepts_the_units(scheduled, tmp_path):
    folder = tmp_path / "units with space"
    assert run("remind", "--install", "--dir", str(folder), "--system", "systemd")[0] == 0
    done = subprocess.run(
        ["systemd-analyze", "verify", str(folder / TIMER), str(folder / SERVICE)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_the_launch_agent_parses_and_runs_at_the_schedule_times(scheduled, tmp_path):
    folder = tmp_path / "LaunchAgents"
    code, out, _ = run("remind", "--install", "--dir", str(folder), "--system", "launchd")
    assert code == 0
    [path] = folder.iterdir()
    agent = plistlib.loads(path.read_bytes())
    assert agent["ProgramArguments"][-1] == "remind"
    assert agent["StartCalendarInterval"] == [
        {"Hour": 7, "Minute": 30},
        {"Hour": 18, "Minute": 0},
        {"Hour": 18, "Minute": 15},
    ]
    assert out.startswith("launchctl bootstrap")
    assert run("remind", "--uninstall", "--dir", str(folder), "--system", "launchd")[0] == 0
    assert not path.exists()


def test_the_calendar_parses_with_the_expected_rules(scheduled):
    icalendar = pytest.importorskip("icalendar")
    code, out, _ = run("schedule", "--ics")
    assert code == 0
    assert "\r\n" in out and all(len(line.encode()) <= 75 for line in out.split("\r\n"))
    calendar = icalendar.Calendar.from_ical(out)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {
        "Hip mobility",
        "Low back routine: hips and mid back",
        "Thoracic mobility",
    }
    rules = {name: e["RRULE"].to_ical().decode() for name, e in events.items()}
    assert rules == {
        "Hip mobility": "FREQ=DAILY",
        "Low back routine: hips and mid back": "FREQ=WEEKLY;BYDAY=MO,WE,FR",
        "Thoracic mobility": "FREQ=DAILY;INTERVAL=3",
    }
    hip = events["Hip mobility"]
    assert hip.decoded("DTSTART").time() == time(7, 30)
    assert len(hip.walk("VALARM")) == 1
    thoracic = events["Thoracic mobility"].decoded("DTSTART")
    assert isinstance(thoracic, date) and (thoracic - date(2026, 12, 1)).days % 3 == 0


def test_calendar_text_is_escaped_and_folded():
    icalendar = pytest.importorskip("icalendar")
    from tuitrainer.schedule import Item, Schedule, parse_rule
    from tuitrainer.schedule.ics import calendar

    title = "Back; hips, and ünïcödé — a very long title that must be folded " * 2
    text = calendar(
        Schedule((Item("odd", parse_rule("daily"), time(8, 0)),)),
        {"odd": title},
        {},
        date(2026, 12, 1),
        datetime(2026, 12, 1, 12),
    )
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    [event] = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == title


def test_terminal_notifications_only_where_they_show():
    assert osc_for({"TERM": "xterm-kitty"}) == "9"
    assert osc_for({"TERM": "foot"}) == "777"
    assert osc_for({"TERM": "xterm-kitty", "TMUX": "/tmp/t,1,0"}) is None  # tmux eats it
    assert osc_for({"TERM": "xterm-256color"}) is None
    assert plain("Hip\x1b]0;evil\x07 mobility") == "Hip ]0;evil  mobility"


@pytest.mark.skipif(shutil.which("dbus-run-session") is None, reason="dbus is not installed")
def test_a_desktop_notification_reaches_the_notifications_service(scheduled, tmp_path):
    """On a private bus, a fake Notifications service receives what is still due."""
    scheduled.schedule_file.write_text('[[item]]\nsession = "hip-mobility"\ndays = "daily"\n')
    out = tmp_path / "calls.jsonl"
    command = [sys.executable, "-m", "tuitrainer", "--data-dir", str(scheduled.data_dir), "remind"]
    done = subprocess.run(
        ["dbus-run-session", "--", sys.executable, str(REPO / "tests" / "fake_notifications.py"),
         str(out), "--", *command],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=REPO,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    [call] = [json.loads(line) for line in out.read_text().splitlines()]
    app, _, _, summary, body = call
    assert (app, summary) == ("tuitrainer", "Exercise due today")
    assert "Hip mobility" in body
    assert "(notified: desktop)" in done.stdout
    # Once it is done today, nothing is sent.
    store, _ = HistoryStore.open(scheduled.database)
    store.end_workout(store.start_workout("hip-mobility", "Hip", "h", 1.0), "completed")
    store.close()
    again = subprocess.run(done.args, capture_output=True, text=True, timeout=60, check=False)
    assert again.returncode == 0, again.stderr
    assert out.read_text() == "" and again.stdout == ""


def test_the_terminal_notification_passes_an_escaping_writer_and_carries_no_controls():
    from tuitrainer.reminders.notify import by_terminal

    class Terminal(io.StringIO):
        raw: list[str] = []

        def isatty(self) -> bool:
            return True

        def raw_write(self, text: str) -> None:
            self.raw.append(text)

    out = Terminal()
    assert by_terminal("Due", "Hip\x07 mobility\x1b[2J", out, {"TERM": "xterm-kitty"})
    assert out.raw == ["\x1b]9;Due: Hip  mobility [2J\x07"]
    assert out.getvalue() == ""


def test_names_with_control_characters_are_printed_escaped(scheduled, tmp_path):
    from tuitrainer.schedule.today import DueItem

    item = DueItem("odd", "Odd\x1b]0;owned\x07 title", None, "daily", False)
    assert "\x1b" not in item.line() and "\\x1b]0;owned\\x07" in item.line()


def test_a_path_with_dollar_and_percent_reaches_systemd_unexpanded(scheduled, tmp_path):
    from tuitrainer.reminders.units import systemd_units

    units = systemd_units(["/opt/$HOME/%h/python", "remind"], [time(8, 0)], tmp_path)
    assert 'ExecStart="/opt/$$HOME/%%h/python" "remind"' in units["tuitrainer-remind.service"]
