"""assess --plain: the guided hip assessment as lines, driven by keys."""

from __future__ import annotations

import io

from tests.conftest import FakeClock
from tests.unit.test_plain import ScriptedKeys
from tuitrainer.config import Preferences
from tuitrainer.history import HistoryStore
from tuitrainer.history.assessments import acknowledge, assessments
from tuitrainer.locations import Locations
from tuitrainer.plain.assess import run_plain_assessment
from tuitrainer.workouts import Workouts

# Knee-to-chest left: hold (h) 10 s, then y, n; right: n, n; figure-4 left: m; right: l;
# then save from the review, and s saves the proposed plan.
KEYS = ["h", " ", "y", "n", " ", "n", "n", " ", "m", " ", "l", " ", "s"]


def run(locations: Locations, clock: FakeClock, keys: list[str]) -> list[str]:
    store, _ = HistoryStore.open(locations.database)
    acknowledge(store)  # the safety note was confirmed before
    out = io.StringIO()
    script = ScriptedKeys(clock, [(clock.now + 11 * (n > 0), k) for n, k in enumerate(keys)])
    workouts = Workouts(store, locations, Preferences(), clock=clock)
    code = run_plain_assessment(store, locations, script, out, workouts, clock=clock)
    store.close()
    assert code == 0
    assert "\x1b" not in out.getvalue()
    return out.getvalue().splitlines()


def test_the_assessment_in_lines_saves_answers_and_the_plan(
    locations: Locations, clock: FakeClock
) -> None:
    lines = run(locations, clock, KEYS)
    assert lines[2] == "Test 1 of 2: left side. Knee-to-chest test, left side."
    hold = lines.index("h starts the 10-second hold; Enter goes on.")
    assert lines[hold + 1 : hold + 3] == [
        "Hold for 10 seconds. Keep the knee in and watch your right leg.",
        "Done: let go.",
    ]
    review = lines.index("Review. Findings:")
    assert lines[review + 1 : review + 4] == [
        "  Tight hip flexors: left no, right yes.",
        "  Tight front of the thigh: left no, right no.",
        "  Stiff hip: left yes, right no.",
    ]
    assert "  5. Figure-4 test, left side: More than a fist-width" in lines
    after = lines[lines.index("Saved.") :]
    heading = "Proposed plan: Low back routine: hips and mid back, with"  # its title, not file
    assert any(line.startswith(heading) for line in after)
    assert any(line.startswith("Stiff hip (LEFT only): ") for line in after)
    assert lines[-1].startswith("Saved as your session 'hip-plan-")
    store, _ = HistoryStore.open(locations.database)
    answers = store.conn.execute("SELECT count(*) FROM assessment_answers").fetchone()[0]
    store.close()
    assert answers == 6
    assert any(p.name.startswith("hip-plan-") for p in locations.user_sessions.iterdir())


def test_leaving_saves_nothing(locations: Locations, clock: FakeClock) -> None:
    lines = run(locations, clock, [" ", "y", "q"])
    assert lines[-1] == "Left the assessment. Nothing was saved."
    store, _ = HistoryStore.open(locations.database)
    assert store.conn.execute("SELECT count(*) FROM assessments").fetchone()[0] == 0
    store.close()


class HookedKeys(ScriptedKeys):
    """Scripted keys that run `hooks[n]` just before the n-th key is returned."""

    def __init__(self, clock: FakeClock, script, hooks) -> None:
        super().__init__(clock, script)
        self.hooks, self.count = hooks, 0

    def read(self, timeout: float | None) -> str | None:
        if self.script and (timeout is None or self.script[0][0] <= self.clock.now + timeout):
            self.hooks.get(self.count, lambda: None)()
            self.count += 1
        return super().read(timeout)


def test_a_history_that_refuses_the_save_keeps_the_answers_to_save_again(
    locations: Locations, clock: FakeClock
) -> None:
    store, _ = HistoryStore.open(locations.database)
    acknowledge(store)
    save_at = KEYS.index(" ", KEYS.index("l"))  # space on the review
    keys = [*KEYS[: save_at + 1], " ", *KEYS[save_at + 1 :]]  # refused, then again

    def refuse() -> None:
        store.conn.execute("PRAGMA query_only = ON")  # as a read-only history would

    def allow() -> None:
        store.conn.execute("PRAGMA query_only = OFF")

    script = HookedKeys(
        clock,
        [(clock.now + 11 * (n > 0), k) for n, k in enumerate(keys)],
        {save_at: refuse, save_at + 1: allow},
    )
    out = io.StringIO()
    workouts = Workouts(store, locations, Preferences(), clock=clock)
    code = run_plain_assessment(store, locations, script, out, workouts, clock=clock)
    lines = out.getvalue().splitlines()
    assert code == 0
    refused = [line for line in lines if line.startswith("Not saved:")]
    assert refused == [
        "Not saved: the history cannot be written (it is read-only). Space saves again; q leaves."
    ]
    assert lines.index(refused[0]) < lines.index("Saved.")
    [saved] = assessments(store)  # once
    assert len(saved["answers"]) == 6
    store.close()
