"""What the progress figures look at: a date range of local days, one session or all.

Days are the user's local calendar days: a time offset (`Scope.utc_offset`) is
added to the stored UTC times inside SQLite, so a late-evening workout counts
for the evening's day. `Scope.today` is injected so the same history always
gives the same figures (tests, reports).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any


def local_offset() -> timedelta:
    """This machine's current offset from UTC."""
    return datetime.now().astimezone().utcoffset() or timedelta(0)


@dataclass(frozen=True)
class Scope:
    """What to look at: a date range (inclusive, local days), one session or all."""

    today: date
    since: date | None = None
    until: date | None = None
    session: str | None = None
    utc_offset: timedelta = field(default_factory=local_offset)

    @property
    def modifier(self) -> str:
        """The SQLite date modifier that turns a stored UTC time into local time."""
        return f"{self.utc_offset.total_seconds():+.0f} seconds"

    def bound(self, day: date, days_after: int = 0) -> str:
        """Local midnight of `day` (plus `days_after`) as a stored (UTC ISO) time, for
        index range scans; past the calendar's ends, a bound below or above any time."""
        try:
            moment = datetime.combine(day, time(), tzinfo=UTC) - self.utc_offset
            moment += timedelta(days=days_after)
        except OverflowError:
            return "0" if day.year == 1 else "9"  # ISO times all sort between the two
        return moment.isoformat(timespec="milliseconds")

    def where(
        self, alias: str = "w", column: str = "started_at", speed: str | None = "= 1"
    ) -> tuple[str, list[Any]]:
        """The WHERE clause selecting this scope's rows by `alias.column`, and its arguments.

        Workouts are those run in real time (`speed`): a rehearsal at `--speed 50` is
        a preview, not exercise done. `speed=None` for tables without one.
        """
        clauses, args = ["1"], []
        if speed is not None:
            clauses.append(f"{alias}.speed {speed}")
        if self.since is not None:
            clauses.append(f"{alias}.{column} >= ?")
            args.append(self.bound(self.since))
        if self.until is not None:
            clauses.append(f"{alias}.{column} < ?")
            args.append(self.bound(self.until, days_after=1))
        if self.session is not None:
            clauses.append(f"{alias}.session = ?")
            args.append(self.session)
        return " AND ".join(clauses), args

    def with_since(self, since: date | None) -> Scope:
        return replace(self, since=since)


def week_start(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def local_day(iso: str, scope: Scope) -> date:
    """The local day of a stored time."""
    return (datetime.fromisoformat(iso) + scope.utc_offset).date()


def local_time(iso: str, scope: Scope) -> datetime:
    """A stored time in the scope's local time, without a zone (for display)."""
    return datetime.fromisoformat(iso).astimezone(UTC).replace(tzinfo=None) + scope.utc_offset


def parse_range(first: str, last: str) -> tuple[date | None, date | None]:
    """A date range typed by a person: `YYYY-MM-DD` each, either left empty for open.

    Raises ValueError with a message to show when a date is not one or the range
    runs backwards.
    """
    days: list[date | None] = []
    for text in (first.strip(), last.strip()):
        try:
            days.append(date.fromisoformat(text) if text else None)
        except ValueError:
            raise ValueError(f"{text!r} is not a date like 2026-03-31") from None
    since, until = days
    if since and until and until < since:
        raise ValueError("the range ends before it starts")
    return since, until
