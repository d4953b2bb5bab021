"""`tuitrainer assess --plain`: the guided hip self-assessment as lines of text.

The same walk (assessment/walk.py), hold, saved answers and proposed plan as
the full-screen assessment; each step is said once, and a key answers it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from ..assessment.findings import finding_table
from ..assessment.hold import Hold
from ..assessment.model import Battery, Rules, fill
from ..assessment.results import builtin_slugs, meanings, notes, plan_heading, proposal_for
from ..assessment.walk import Step, Walk
from ..history.assessments import save_assessment
from ..history.user_writes import write_now
from ..plain_text import printable
from .keys import END, Keys
from .safety import confirmed

if TYPE_CHECKING:
    from ..assessment.plan import Proposal
    from ..history.store import HistoryStore
    from ..locations import Locations
    from ..workouts import Workouts

Clock = Callable[[], float]
HELP = (
    "Keys: a letter answers, Enter (or space) goes on, h starts a hold, b back, ? keys, q leaves."
)


class PlainAssessment:
    def __init__(
        self,
        battery: Battery,
        rules: Rules,
        store: HistoryStore,
        locations: Locations,
        keys: Keys,
        out: TextIO,
        clock: Clock = time.monotonic,
        cues: Workouts | None = None,
    ) -> None:
        self.walk = Walk(battery)
        self.rules = rules
        self.store = store
        self.locations = locations
        self.keys = keys
        self.out = out
        self.clock = clock
        self.cues = cues.loose_cues() if cues is not None else None

    def say(self, line: str) -> None:
        self.out.write(printable(line) + "\n")
        self.out.flush()

    def run(self) -> int:
        self.say(f"Hip self-assessment: {len(self.walk.battery.tests)} tests, each side in turn.")
        self.say(HELP)
        self.show()
        while True:
            key = self.keys.read(None)
            if key == END or (key == "q" and self._leave()):
                self.say("Left the assessment. Nothing was saved.")
                return 0
            if key is not None and self.key(key):
                return 0

    def _leave(self) -> bool:
        if not self.keys.interactive:
            return True
        self.say("Leave the assessment? Your answers so far are not saved. y: leave.")
        return self.keys.read(None) == "y"

    def key(self, key: str) -> bool:
        """Act on a key; True when the assessment is saved and done."""
        walk = self.walk
        step = walk.step
        answered = step is not None and step.question is not None and walk.choose(key)
        reopened = not answered and walk.reviewing and key.isdigit() and walk.reopen(int(key))
        if answered or reopened:
            self.show()
        elif key == " " and walk.reviewing:
            return self.save()
        elif key == " ":
            if walk.forward():
                self.show()
            else:
                self.say("Answer with one of the letters first.")
        elif key == "h" and step is not None and step.question is None:
            self.hold(step)
        elif key == "b":
            if walk.back():
                self.show()
        elif key == "?":
            self.say(HELP)
        elif step is not None and step.question is not None:
            letters = ", ".join(a.key for a in step.question.answers)
            self.say(f"Answer with one of: {letters}.")
        return False

    # -- saying each step --------------------------------------------------------------

    def show(self) -> None:
        step = self.walk.step
        if step is None:
            self.review()
        elif step.question is None:
            self.instructions(step)
        else:
            self.question(step)

    def instructions(self, step: Step) -> None:
        test, side = step.test, step.side
        self.say(f"{self.walk.position()}. {test.name}, {side} side.")
        if test.setup:
            self.say(fill(test.setup, side))
        for number, text in enumerate(test.steps, 1):
            self.say(f"{number}. {fill(text, side)}")
        if test.hold_seconds:
            self.say(f"h starts the {test.hold_seconds:g}-second hold; Enter goes on.")
        else:
            self.say("Enter goes on to the questions.")

    def question(self, step: Step) -> None:
        assert step.question is not None
        self.say(fill(step.question.prompt, step.side))
        current = self.walk.current_answer()
        for answer in step.question.answers:
            chosen = " (your answer)" if answer.id == current else ""
            self.say(f"  {answer.key}: {answer.label}{chosen}")

    def review(self) -> None:
        battery = self.walk.battery
        found = self.walk.responses()
        self.say("Review. Findings:")
        for row in finding_table(battery, found):
            left = "yes" if row.left else "no"
            right = "yes" if row.right else "no"
            self.say(f"  {row.finding.name}: left {left}, right {right}.")
        self.say("Your answers:")
        for number, response in enumerate(found, 1):
            test = battery.test(response.test_id)
            question = test.question(response.question_id) if test else None
            answer = question.answer(response.answer) if question else None
            name = test.name if test else response.test_id
            label = answer.label if answer else response.answer
            self.say(f"  {number}. {name}, {response.side} side: {label}")
        self.say("Enter saves them; a number changes that answer; b goes back.")

    def hold(self, step: Step) -> None:
        """Hold the position for the test's seconds, with the tones; a key stops it."""
        seconds = step.test.hold_seconds
        if not seconds or self.cues is None:
            return
        hold = Hold(seconds, self.clock, self.cues)
        cue = fill(step.test.hold_cue, step.side)
        self.say(f"Hold for {seconds:g} seconds. {cue}".strip())
        hold.start()
        self.cues.flush()
        while hold.running:
            left = hold.remaining() or 0.0
            key = self.keys.read(min(0.25, left))
            if key is not None:
                hold.stop()
                self.say("Hold stopped.")
                return
            if hold.advance():
                self.say("Done: let go.")
            self.cues.flush()

    # -- the end -----------------------------------------------------------------------

    def save(self) -> bool:
        walk = self.walk
        missing = walk.first_unanswered()
        if missing is not None:
            walk.index = missing
            self.show()
            return False
        found = walk.responses()
        digest = walk.battery.digest
        written = write_now(self.store, lambda: save_assessment(self.store, found, digest))
        if not written.saved:  # the answers stay: space on the review saves again
            self.say(f"Not saved: {written.problem}. Space saves again; q leaves.")
            return False
        self.say("Saved.")
        self.say(meanings(walk.battery, found))
        proposal, problem = proposal_for(self.locations, found, self.rules, walk.battery)
        self.say(plan_heading(self.rules, proposal, problem))
        for change in proposal.changes if proposal else ():
            self.say(f"  {change.exercise}, {change.side}: {change.before} -> {change.after}.")
        if text := notes(proposal):
            for line in text.splitlines():
                self.say(line)
        if proposal is not None:
            self.offer_plan(proposal)
        return True

    def offer_plan(self, proposal: Proposal) -> None:
        from ..assessment.plan import save_plan
        from ..session.problems import SessionError
        from ..session.save import SaveError

        self.say("s: save this plan as your own session; any other key: done.")
        if self.keys.read(None) != "s":
            return
        try:
            saved = save_plan(self.locations, proposal, builtin_slugs(self.locations))
        except (OSError, ValueError, SessionError, SaveError) as error:
            self.say(f"The plan was not saved: {error}")
            return
        self.say(f"Saved as your session '{saved.slug}': tuitrainer run {saved.slug} --plain")


def run_plain_assessment(
    store: HistoryStore,
    locations: Locations,
    keys: Keys,
    out: TextIO,
    workouts: Workouts | None = None,
    clock: Clock = time.monotonic,
) -> int:
    from ..assessment.load import load_for
    from ..session.problems import SessionError

    try:
        battery, rules = load_for(locations)
    except SessionError as error:
        for problem in error.problems:
            out.write(f"{problem}\n")
        return 1

    def say(line: str) -> None:
        out.write(printable(line) + "\n")

    if not confirmed(store, keys, say):
        return 0
    assessment = PlainAssessment(battery, rules, store, locations, keys, out, clock, workouts)
    return assessment.run()
