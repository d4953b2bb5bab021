"""The end-of-workout tally, by exercise and side (no UI here)."""

from __future__ import annotations

from dataclasses import dataclass

from .engine import Engine
from .planner import Kind


@dataclass(frozen=True)
class SideRow:
    name: str
    set_number: int
    sets: int
    side: str
    reps: int
    target: int  # the top of the range: what the side paces or counts up to
    low: int  # the bottom of the range (the same as `target` for a fixed count)
    target_text: str
    seconds: float
    met: int  # what `reps` are measured against: within a range, the reps done

    @property
    def short(self) -> bool:
        """Fewer reps than the target asks for (below a range's low end)."""
        return self.reps < self.met

    @property
    def side_label(self) -> str:
        label = "both" if self.side == "both" else self.side
        return f"{label}, set {self.set_number}" if self.sets > 1 else label


def workout_rows(engine: Engine) -> list[SideRow]:
    """One row per planned side of the session, in plan order, done or not."""
    rows = []
    for index, segment in enumerate(engine.segments):
        if segment.kind is not Kind.WORK or segment.reps is None:
            continue
        stats = engine.side_stats(engine.key_for(index))
        rows.append(
            SideRow(
                name=segment.exercise.name,
                set_number=segment.set_number,
                sets=segment.exercise.sets,
                side=segment.side,
                reps=stats.reps,
                target=segment.reps.high,
                low=segment.reps.low,
                target_text=str(segment.reps),
                seconds=stats.seconds,
                met=segment.reps.met(stats.reps),
            )
        )
    return rows


def total_text(rows: list[SideRow]) -> str:
    """All reps done against the whole prescription: "19 of 16-20 reps" when it has
    ranges (as each side's row says "9 / 8-10"), "12 of 12 reps" when not."""
    done = sum(row.reps for row in rows)
    low, high = sum(row.low for row in rows), sum(row.target for row in rows)
    asked = f"{low}-{high}" if low != high else str(high)
    return f"{done} of {asked} reps"


def outcome(rows: list[SideRow]) -> str:
    """How a workout run to its end went, as the history stores it.

    'skipped' when not one rep was done (every part skipped with `n`), 'partial'
    when some side stayed below its target, else 'completed': only that one counts
    as the session done (last done, streak, adherence, reports).
    """
    if rows and not any(row.reps for row in rows):
        return "skipped"
    if any(row.short for row in rows):
        return "partial"
    return "completed"
