"""The schedule as an iCalendar file, for a phone's calendar.

One recurring event per item (RRULE), with an alarm (VALARM). Written by hand:
the format needs little (RFC 5545: CRLF line ends, text escaping, lines folded
at 75 octets). Times are floating local times, so the phone keeps 18:00 at
18:00 across daylight-saving changes and journeys.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

from .model import WEEKDAYS, Item, Schedule

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
assert len(DAY_CODES) == len(WEEKDAYS)


def escape(text: str) -> str:
    """TEXT value escaping; control characters other than newline are dropped."""
    text = "".join(ch for ch in text if ch == "\n" or ord(ch) >= 0x20 and ord(ch) != 0x7F)
    for plain, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(plain, escaped)
    return text


def fold(line: str) -> str:
    """Lines longer than 75 octets go on in lines that start with a space, never
    splitting a UTF-8 character."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode())
        if size + width > 75:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    out.append("".join(current))
    return "\r\n".join(out)


def rrule(item: Item) -> str:
    rule = item.rule
    if rule.every > 1:
        return f"FREQ=DAILY;INTERVAL={rule.every}"
    if len(rule.weekdays) == 7:
        return "FREQ=DAILY"
    return "FREQ=WEEKLY;BYDAY=" + ",".join(DAY_CODES[n] for n in sorted(rule.weekdays))


def _uid(item: Item) -> str:
    key = f"{item.session}|{item.rule.text()}|{item.at}|{item.start}"
    return hashlib.sha256(key.encode()).hexdigest()[:24] + "@tuitrainer"


def event(item: Item, title: str, minutes: int, first: date, stamp: datetime) -> list[str]:
    start = item.next_due(max(first, item.start or first)) or first
    lines = [
        "BEGIN:VEVENT",
        f"UID:{_uid(item)}",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        f"SUMMARY:{escape(title)}",
        f"DESCRIPTION:{escape(f'Exercise: {title}. Start it with: tuitrainer run {item.session}')}",
    ]
    if item.at is not None:
        begin = datetime.combine(start, item.at)
        lines += [
            f"DTSTART:{begin:%Y%m%dT%H%M%S}",
            f"DURATION:PT{max(1, minutes)}M",
            f"RRULE:{rrule(item)}",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape(title)}",
            "TRIGGER:PT0M",
            "END:VALARM",
        ]
    else:  # a day, no time: an all-day event, its alarm at 09:00 that day
        lines += [
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{start + timedelta(days=1):%Y%m%d}",
            f"RRULE:{rrule(item)}",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape(title)}",
            "TRIGGER:PT9H",
            "END:VALARM",
        ]
    return [*lines, "END:VEVENT"]


def calendar(
    schedule: Schedule,
    titles: dict[str, str],
    minutes: dict[str, int],
    today: date,
    stamp: datetime | None = None,
) -> str:
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//tuitrainer//schedule//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Exercise (tuitrainer)",
    ]
    for item in schedule.items:
        title = titles.get(item.session, item.session)
        lines += event(item, title, minutes.get(item.session, 15), today, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
